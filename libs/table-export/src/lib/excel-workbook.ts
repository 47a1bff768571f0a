import type { Workbook } from 'exceljs';
import type { CellValue, ExportTable } from './table';

/**
 * XLSX workbooks through exceljs: one worksheet per table, text cells as strings (never formulas, so a cell starting
 * with = + - @ cannot run), numbers as numbers (Excel and LibreOffice show them with the reader's decimal sign, a
 * comma in Swedish), the header row bold and frozen, columns as wide as their content.
 *
 * exceljs is loaded on first use: in the browser it becomes a chunk of its own that only an XLSX export fetches.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Blad').slice(0, 31);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** What a cell holds in the file: nothing for null, empty text and numbers a spreadsheet cannot store. */
function cellValue(value: CellValue): string | number | null {
  if (value === '' || (typeof value === 'number' && !Number.isFinite(value))) return null;
  return value;
}

/** The workbook bytes for one or more tables (one sheet each). */
export async function toXlsx(tables: ExportTable[]): Promise<Uint8Array> {
  if (tables.length === 0) throw new Error('a workbook needs at least one table');
  const excel = await import('./exceljs');
  const workbook = new excel.Workbook();
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    const rows = [table.headers as CellValue[], ...table.rows];
    const width = Math.max(1, ...rows.map((row) => row.length));
    sheet.columns = Array.from({ length: width }, (_, c) => ({
      width: Math.min(60, Math.max(8, ...rows.map((row) => String(row[c] ?? '').length + 2))),
    }));
    // Set cell by cell: addRow would take an object as a formula or a hyperlink; these are plain values only.
    rows.forEach((row, r) => row.forEach((value, c) => (sheet.getCell(r + 1, c + 1).value = cellValue(value))));
    sheet.getRow(1).font = { bold: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function plainValue(value: unknown, where: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`cell ${where} holds ${JSON.stringify(value)}, not plain text or a number`);
}

/**
 * Reads the sheets of a workbook back through exceljs, for tests and e2e checks: each row's values up to its last
 * filled cell (null for empty cells between). A cell holding anything but text or a number (a formula, a date, rich
 * text) is an error, since the export writes none.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Array<{ name: string; rows: CellValue[][] }>> {
  const excel = await import('./exceljs');
  const workbook: Workbook = new excel.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: CellValue[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const values: CellValue[] = [];
      sheet.getRow(r).eachCell((cell, c) => {
        while (values.length < c - 1) values.push(null);
        values.push(plainValue(cell.value, cell.address));
      });
      rows.push(values);
    }
    return { name: sheet.name, rows };
  });
}
