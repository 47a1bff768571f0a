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

function line(cells: readonly CellValue[]): string {
  let text = '';
  for (let index = 0; index < cells.length; index++) text += (index === 0 ? '' : ';') + field(cells[index]);
  return `${text}\r\n`;
}

/** Lines per piece: appending a few hundred lines keeps each string short (a long chain of appends is slow to flatten). */
const LINES_PER_PIECE = 256;

function pieces(table: ExportTable): string[] {
  const result = [UTF8_BOM + line(table.headers)];
  for (let start = 0; start < table.rows.length; start += LINES_PER_PIECE) {
    let piece = '';
    for (const row of table.rows.slice(start, start + LINES_PER_PIECE)) piece += line(row);
    result.push(piece);
  }
  return result;
}

/**
 * CSV for Swedish Excel: UTF-8 with BOM, semicolon separators (the comma is the decimal sign), CRLF line ends,
 * numbers with decimal comma.
 */
export function toCsv(table: ExportTable): string {
  return pieces(table).join('');
}

/** The same CSV as UTF-8 bytes, encoded piece by piece (a funder report has a line per participant, 10 000 and more). */
export function toCsvBytes(table: ExportTable): Uint8Array {
  const encoder = new TextEncoder();
  const encoded = pieces(table).map((piece) => encoder.encode(piece));
  const bytes = new Uint8Array(encoded.reduce((length, piece) => length + piece.length, 0));
  let offset = 0;
  for (const piece of encoded) {
    bytes.set(piece, offset);
    offset += piece.length;
  }
  return bytes;
}
