import type { CellValue, ExportTable } from './table';

/** Byte order mark: Excel reads a CSV as UTF-8 only when the file starts with it. */
export const UTF8_BOM = '\uFEFF';

/** A number the Swedish way: decimal comma, no thousands separator (so Excel in Swedish reads it as a number). */
export function swedishNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Math.round(value * 100) / 100;
  return String(rounded).replace('.', ',');
}

function field(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? swedishNumber(value) : value;
  // Formula injection: a text cell starting with = + - @ would run as a formula in a spreadsheet.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV for Swedish Excel: UTF-8 with BOM, semicolon separators (the comma is the decimal sign), CRLF line ends,
 * numbers with decimal comma.
 */
export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(field).join(';'));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
