export { buildReport, SHEET, type ReportInput } from "./report";
export { compileExpr, type FormulaRefs } from "./formulas";
