/**
 * ExcelJS 4.4's modules taken directly rather than through the package's index (no "exports"
 * map; the version is pinned by the lock): the same classes, typed as the index types them.
 */
declare module "exceljs/lib/doc/workbook" {
  import { Workbook } from "exceljs";
  export = Workbook;
}

declare module "exceljs/lib/stream/xlsx/workbook-writer" {
  import { stream } from "exceljs";
  const WorkbookWriter: typeof stream.xlsx.WorkbookWriter;
  export = WorkbookWriter;
}

declare module "exceljs/lib/doc/enums" {
  import { ValueType } from "exceljs";
  export { ValueType };
}
