import * as ExcelJS from 'exceljs';

/**
 * exceljs (a CommonJS package) behind a module of our own with a real ES export: excel-workbook.ts imports this module
 * dynamically, which makes it and exceljs a lazy chunk in the web build. Imported dynamically directly, exceljs came
 * out of Angular's bundler as a chunk without exports (`Workbook` undefined in the browser).
 */
export const Workbook = ExcelJS.Workbook;
