/**
 * ExcelJS's Workbook in the browser (webpack's `resolve.alias` puts this file in place of
 * ./excelWorkbook.ts): the package's browser bundle.
 */
export { Workbook } from "exceljs";
