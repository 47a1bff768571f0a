import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueType, Workbook } from 'exceljs';
import { csvLine, readXlsx, sheetName, swedishNumber, toCsv, toXlsx } from './index';

describe('CSV for Swedish Excel', () => {
  it('starts with the BOM, separates with semicolons, writes decimal commas and quotes what needs it', () => {
    const csv = toCsv({
      name: 'x',
      headers: ['Namn', 'Timmar'],
      rows: [
        ['Åsa "Ö"; Berg', 5.75],
        ['=SUM(A1)', 2],
        [null, 0.1 + 0.2],
      ],
    });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual(['Namn;Timmar', '"Åsa ""Ö""; Berg";5,75', "'=SUM(A1);2", ';0,3', '']);
  });

  it('writes one line per row, whatever the number of rows', () => {
    for (const count of [0, 1, 1000]) {
      const table = { name: 'x', headers: ['Namn', 'Timmar'], rows: Array.from({ length: count }, (_, i) => [`Åsa Öberg ${i}`, i / 4]) };
      const lines = toCsv(table).split('\r\n');
      expect(lines).toHaveLength(count + 2);
      expect(lines.slice(1, -1)).toEqual(table.rows.map(([name, hours]) => csvLine([name, hours]).slice(0, -2)));
    }
    expect(csvLine(['a', null, 1.5])).toBe('a;;1,5\r\n');
  });

  it('formats numbers with a decimal comma, rounded to hundredths', () => {
    expect(swedishNumber(1234.5)).toBe('1234,5');
    expect(swedishNumber(2 / 3)).toBe('0,67');
    expect(swedishNumber(-3)).toBe('-3');
  });
});

describe('XLSX through exceljs', () => {
  const table = {
    name: 'Värmekarta: enheter',
    headers: ['Enhet', 'Kunskap', 'Vilja'],
    rows: [
      ['Solgården & co', 2.5, null],
      ['<Björken>', 3, 1.25],
    ],
  };

  async function load(bytes: Uint8Array): Promise<Workbook> {
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    return workbook;
  }

  it('names sheets within Excel rules', () => {
    const taken = new Set<string>();
    expect(sheetName('Värmekarta: enheter', taken)).toBe('Värmekarta  enheter');
    expect(sheetName('Värmekarta: enheter', taken)).toBe('Värmekarta  enheter 2');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('[]', taken)).toBe('Blad');
  });

  it('writes one sheet per table that reads back to the same cells, numbers as numbers', async () => {
    const bytes = await toXlsx([table, { name: 'Två', headers: ['A'], rows: [[1]] }, { name: 'Värmekarta: enheter', headers: ['B'], rows: [] }]);
    expect(await readXlsx(bytes)).toEqual([
      {
        name: 'Värmekarta  enheter',
        rows: [
          ['Enhet', 'Kunskap', 'Vilja'],
          ['Solgården & co', 2.5],
          ['<Björken>', 3, 1.25],
        ],
      },
      { name: 'Två', rows: [['A'], [1]] },
      { name: 'Värmekarta  enheter 2', rows: [['B']] },
    ]);
    const sheet = (await load(bytes)).getWorksheet('Värmekarta  enheter')!;
    expect(sheet.getCell('B2').type).toBe(ValueType.Number);
    expect(sheet.getCell('A2').type).toBe(ValueType.String);
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const risky = ['=SUM(A1:A2)', '+1+1', '-2+3', '@SUM(1)', '=HYPERLINK("http://example.org","x")'];
    const bytes = await toXlsx([{ name: 'Risk', headers: ['Text'], rows: risky.map((text) => [text]) }]);
    const sheet = (await load(bytes)).worksheets[0];
    risky.forEach((text, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect([cell.type, cell.value, cell.formula]).toEqual([ValueType.String, text, undefined]);
    });
    expect((await readXlsx(bytes))[0].rows.slice(1)).toEqual(risky.map((text) => [text]));
  });

  it('leaves empty and non-finite cells empty and drops characters XML cannot carry', async () => {
    const bytes = await toXlsx([{ name: 'Tomt', headers: ['A', 'B', 'C', 'D'], rows: [['', Number.NaN, Infinity, 'a\u0007b']] }]);
    expect((await readXlsx(bytes))[0].rows).toEqual([
      ['A', 'B', 'C', 'D'],
      [null, null, null, 'ab'],
    ]);
  });

  it('makes the header row bold and frozen and the columns as wide as their content (8 to 60)', async () => {
    const bytes = await toXlsx([{ name: 'Bredd', headers: ['Anställningsnummer', 'Ö'], rows: [['x'.repeat(80), 1]] }]);
    const sheet = (await load(bytes)).worksheets[0];
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([sheet.getColumn(1).width, sheet.getColumn(2).width]).toEqual([60, 8]);
  });

  it('refuses a workbook without tables', async () => {
    await expect(toXlsx([])).rejects.toThrow('at least one table');
  });

  it('reads back only plain cells: a formula in a workbook is an error', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('F').getCell('A1').value = { formula: '1+1', result: 2 };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(readXlsx(bytes)).rejects.toThrow('cell A1 holds');
  });

  it('is a valid ZIP of well-formed XML for an independent reader (Python zipfile and ElementTree)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kunna-xlsx-'));
    const file = join(dir, 'test.xlsx');
    writeFileSync(file, await toXlsx([table]));
    const script = [
      'import sys, zipfile, xml.etree.ElementTree as ET',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}',
      'for n in z.namelist():\n    if not n.endswith("/"): ET.fromstring(z.read(n))',
      'shared = ["".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])) for si in ET.fromstring(z.read("xl/sharedStrings.xml"))] if "xl/sharedStrings.xml" in z.namelist() else []',
      'def value(c):',
      '    if c.get("t") == "s": return shared[int(c.findtext("m:v", namespaces=ns))]',
      '    return c.findtext("m:v", namespaces=ns) or c.findtext("m:is/m:t", namespaces=ns)',
      'sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))',
      'print([(c.get("r"), value(c)) for c in sheet.iter("{%s}c" % ns["m"]) if value(c) is not None])',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim();
    expect(out).toBe(
      "[('A1', 'Enhet'), ('B1', 'Kunskap'), ('C1', 'Vilja'), ('A2', 'Solgården & co'), ('B2', '2.5'), ('A3', '<Björken>'), ('B3', '3'), ('C3', '1.25')]",
    );
  });
});
