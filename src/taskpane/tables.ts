/**
 * The report tables of any pack, loaded with Opregn only: the calculation, the report workbook
 * (the same as `byrde opregn --pakke`), the readers of the workbook's Data, Indstillinger and
 * input sheets (in the layout the report writes them), and an input table from a .json, .csv or
 * .xlsx file.
 */
export { computeTables, tablesJson, type TablesResult } from "../domain/tables/compute";
export {
  buildTablesReport,
  dataColumns,
  inputSheetNames,
  TABLES_SHEET,
} from "../domain/tables/report";
export {
  inputTableFromSheet,
  returnsFromDataSheet,
  settingsFromSheet,
} from "../domain/tables/sheets";
export { resultText } from "../domain/tables/text";
export { parseInputTable, parseSettings } from "../domain/pack/inputs";
export { inputTableFromFile } from "../xlsx/inputFile";
