import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { columnName, crc32, readXlsx, sheetName, swedishNumber, toCsv, toXlsx, unzipStored } from './index';

describe('CSV for Swedish Excel', () => {
  it('starts with the BOM, separates with semicolons, writes decimal commas and quotes what needs it', () => {
    const csv = toCsv({ name: 'x', headers: ['Namn', 'Timmar'], rows: [['Åsa "Ö"; Berg', 5.75], ['=SUM(A1)', 2], [null, 0.1 + 0.2]] });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual(['Namn;Timmar', '"Åsa ""Ö""; Berg";5,75', "'=SUM(A1);2", ';0,3', '']);
  });

  it('formats numbers with a decimal comma, rounded to hundredths', () => {
    expect(swedishNumber(1234.5)).toBe('1234,5');
    expect(swedishNumber(2 / 3)).toBe('0,67');
    expect(swedishNumber(-3)).toBe('-3');
  });
});

describe('XLSX', () => {
  const table = { name: 'Värmekarta: enheter', headers: ['Enhet', 'Kunskap', 'Vilja'], rows: [['Solgården & co', 2.5, null], ['<Björken>', 3, 1.25]] };

  it('crc32 agrees with zlib', () => {
    const data = new TextEncoder().encode('Kunna – kompetens på arbetsplatsen');
    expect(crc32(data)).toBe(nodeCrc32(data));
  });

  it('names columns like a spreadsheet and sheets within Excel rules', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    const taken = new Set<string>();
    expect(sheetName('Värmekarta: enheter', taken)).toBe('Värmekarta  enheter');
    expect(sheetName('Värmekarta: enheter', taken)).toBe('Värmekarta  enheter 2');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
  });

  it('writes a workbook whose parts follow the package structure and read back to the same cells', () => {
    const bytes = toXlsx([table, { name: 'Två', headers: ['A'], rows: [[1]] }]);
    const parts = unzipStored(bytes);
    expect([...parts.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(readXlsx(bytes)).toEqual([
      { name: 'Värmekarta  enheter', rows: [['Enhet', 'Kunskap', 'Vilja'], ['Solgården & co', 2.5], ['<Björken>', 3, 1.25]] },
      { name: 'Två', rows: [['A'], [1]] },
    ]);
  });

  it('is a valid ZIP of well-formed XML for an independent reader (Python zipfile and ElementTree)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kunna-xlsx-'));
    const file = join(dir, 'test.xlsx');
    writeFileSync(file, toXlsx([table]));
    const script = [
      'import sys, zipfile, xml.etree.ElementTree as ET',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}',
      'for n in z.namelist(): ET.fromstring(z.read(n))',
      'sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))',
      'cells = [(c.get("r"), c.findtext("m:v", namespaces=ns) or c.findtext("m:is/m:t", namespaces=ns)) for c in sheet.iter("{%s}c" % ns["m"])]',
      'print(cells)',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim();
    expect(out).toBe(
      "[('A1', 'Enhet'), ('B1', 'Kunskap'), ('C1', 'Vilja'), ('A2', 'Solgården & co'), ('B2', '2.5'), ('A3', '<Björken>'), ('B3', '3'), ('C3', '1.25')]",
    );
  });

  it('gives the same bytes for the same table (fixed timestamps)', () => {
    expect(toXlsx([table])).toEqual(toXlsx([table]));
  });
});
