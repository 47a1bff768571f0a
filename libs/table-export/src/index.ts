/**
 * @kunna/table-export — tables to CSV (Swedish Excel: UTF-8 with BOM, semicolons, decimal comma) and to XLSX
 * (through exceljs, loaded on first use), for the API's reports and the web's "export this table" buttons.
 * Framework-free, runs in Node and in the browser.
 */
export type { CellValue, ExportTable } from './lib/table';
export { csvLine, toCsv, swedishNumber, UTF8_BOM } from './lib/csv';
export { toXlsx, readXlsx, sheetName, XLSX_MIME } from './lib/excel-workbook';
