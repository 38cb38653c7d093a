export {
  buildReport,
  SHEET,
  TABLE,
  DATA_COLUMNS,
  LANDSTAL_COLUMNS,
  KOMMUNEDATA_FIRST_COLUMN,
  type ReportInput,
} from "./report";
export { compileExpr, type FormulaRefs } from "./formulas";
