/**
 * A register extract as .xlsx (one row per respondent) → its first worksheet as rows, for
 * `parseInputRows` (src/domain/pack/rows.ts). Read by the bounded streaming reader (./reader:
 * size, zip bomb, XML, cell and sheet limits) and never handed to ExcelJS; a refused file is one
 * Danish message.
 */
import { type RowCell, rowsOfGrid, ROW_LIMITS } from "../domain/pack/rows";
import { openXlsxZip } from "./guard";
import { LIMITS, XlsxRejected } from "./reader/limits";
import { WorkbookPackage } from "./reader/package";
import { gridOfSheet } from "./reader/read";

export type SheetRows =
  | { readonly ok: true; readonly sheet: string; readonly rows: RowCell[][] }
  | { readonly ok: false; readonly error: string };

/** The first worksheet's rows, or why the file cannot be read (Danish). Never throws on content. */
export function readSheetRows(bytes: Uint8Array | ArrayBuffer): SheetRows {
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  try {
    const pkg = new WorkbookPackage(openXlsxZip(data, LIMITS), LIMITS);
    const sheet = pkg.sheets.find((s) => s.part);
    if (!sheet) return { ok: false, error: "projektmappen har intet regneark." };
    const rows = rowsOfGrid(gridOfSheet(pkg, sheet.name));
    if (!rows)
      return {
        ok: false,
        error: `arket »${sheet.name}« er for stort (højst ${ROW_LIMITS.rows.toLocaleString("da-DK")} rækker og ${ROW_LIMITS.columns.toLocaleString("da-DK")} kolonner).`,
      };
    return { ok: true, sheet: sheet.name, rows };
  } catch (e) {
    if (e instanceof XlsxRejected) return { ok: false, error: e.message };
    return { ok: false, error: "filen kan ikke læses som .xlsx." };
  }
}
