/** The office-js adapter: SheetPlans into the open workbook, fields back out, with few syncs. */
export * from "./errors";
export { renderWorkbookPlan, planNames, type RenderOptions, type RenderResult } from "./render";
export {
  readNamedCells,
  readWorkbookReturn,
  readWorkbookInfo,
  writeNamedCells,
  selectCell,
  selectName,
  type CellValue,
  type WorkbookInfo,
} from "./fields";
export { readTable, readTables, writeTable, type Table, type TableValue } from "./table";
export { writeReport, addSpanChart, type SpanChartPlan } from "./report";
export { looksLikeFormula } from "./grid";
