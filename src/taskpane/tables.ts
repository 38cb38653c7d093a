/**
 * The report tables of any pack, loaded with Opregn only: the calculation, the report workbook
 * (the same as `byrde opregn --pakke`), and the readers of the workbook's Data, Indstillinger and
 * input sheets (in the layout the report writes them).
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
