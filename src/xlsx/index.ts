export { type XlsxBytes, loadWorkbook, workbookBytes } from "./bytes";
export { planToExcel, renderWorkbook, excelValidation } from "./render";
export { readReturn, readReturnFromWorkbook } from "./read";
export { type FillResult, fillWorkbook, fillWorkbookObject } from "./fill";
export { type NamedRef, definedNames, parseRef, plainValue } from "./names";
export {
  BAD_FILE_RULES,
  LIMITS,
  XlsxRejected,
  checkXlsxBytes,
  checkCellCount,
  type BadFileRule,
} from "./guard";
export { withLabelFallback, gridOf, LOCATE_RULES } from "./locate";
export { type SheetRows, readSheetRows } from "./rows";
