import type { CellValue, ExportTable } from './table';

/** Byte order mark: Excel reads a CSV as UTF-8 only when the file starts with it. */
export const UTF8_BOM = '\uFEFF';

/** A number the Swedish way: decimal comma, no thousands separator (so Excel in Swedish reads it as a number). */
export function swedishNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Math.round(value * 100) / 100;
  return String(rounded).replace('.', ',');
}

/** Characters that start a formula in a spreadsheet (= + - @, and tab and carriage return that hide one). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[";\r\n]/;

function field(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return swedishNumber(value);
  // Formula injection: a text cell starting with = + - @ would run as a formula in a spreadsheet.
  const safe = FORMULA_START.has(value.charAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of cells, with its CRLF: for a writer that puts a table together from pieces written elsewhere. */
export function csvLine(cells: readonly CellValue[]): string {
  let text = '';
  for (let index = 0; index < cells.length; index++) text += (index === 0 ? '' : ';') + field(cells[index]);
  return `${text}\r\n`;
}

/**
 * CSV for Swedish Excel: UTF-8 with BOM, semicolon separators (the comma is the decimal sign), CRLF line ends,
 * numbers with decimal comma.
 */
export function toCsv(table: ExportTable): string {
  return UTF8_BOM + [table.headers, ...table.rows].map(csvLine).join('');
}
