/** A table to export: column headings and rows of plain values. Numbers stay numbers (formatted per format). */
export type CellValue = string | number | null;

export interface ExportTable {
  /** Sheet name in XLSX (max 31 characters, no []:*?/\). */
  name: string;
  headers: string[];
  rows: CellValue[][];
}
