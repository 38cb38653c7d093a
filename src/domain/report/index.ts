export {
  buildReport,
  SHEET,
  TABLE,
  DATA_COLUMNS,
  LANDSTAL_COLUMNS,
  KOMMUNEDATA_FIRST_COLUMN,
  type ReportInput,
} from "./report";
export {
  ALL_YEARS,
  DATA_VALUE_COL,
  HEADER_ROW,
  INDSTILLINGER_COLUMNS,
  INDSTILLINGER_ROWS,
  kommunedataColumn,
} from "./schema";
export { compileExpr, type FormulaRefs } from "./formulas";
