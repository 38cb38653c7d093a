export { type XlsxBytes, loadWorkbook, workbookBytes } from "./bytes";
export { planToExcel, renderWorkbook, excelValidation } from "./render";
export {
  DEFAULT_CATALOGUE,
  READER_RULES,
  type ReaderCatalogue,
  type ReadOptions,
  readReturn,
} from "./read";
export { type FillResult, fillWorkbook, fillWorkbookObject } from "./fill";
export { prescanForExcelJs } from "./reader/prescan";
export { type NamedRef, definedNames, parseRef, plainValue } from "./names";
export { BAD_FILE_RULES, LIMITS, XlsxRejected, checkXlsxBytes, type BadFileRule } from "./guard";
export { type CellSource, withLabelFallback, LOCATE_RULES } from "./locate";
export { type SheetRows, readSheetRows } from "./rows";
