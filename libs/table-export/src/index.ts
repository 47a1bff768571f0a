/**
 * @kunna/table-export — tables to CSV (Swedish Excel: UTF-8 with BOM, semicolons, decimal comma) and to XLSX
 * (Office Open XML written by hand, stored ZIP), for the API's reports and the web's "export this table" buttons.
 * Framework-free, no dependencies, runs in Node and in the browser.
 */
export type { CellValue, ExportTable } from './lib/table';
export { toCsv, swedishNumber, UTF8_BOM } from './lib/csv';
export { toXlsx, readXlsx, columnName, sheetName, XLSX_MIME } from './lib/xlsx';
export { zip, unzipStored, crc32 } from './lib/zip';
