/**
 * ExcelJS's Workbook in Node, taken from its module directly: the package's index also loads
 * ExcelJS's streaming reader (unzipper and some 280 modules of its dependencies), which this
 * project never uses (./reader reads returns). webpack's build takes ./excelWorkbook.browser.ts
 * instead (`resolve.alias`): the package's browser bundle.
 */
import Workbook from "exceljs/lib/doc/workbook";

export { Workbook };
