/**
 * A register extract as .xlsx (one row per respondent) → its first sheet as rows, for
 * `parseInputRows` (src/domain/pack/rows.ts). The file goes through the bad-file guard (size,
 * zip bomb, sheet XML, cell count; ./guard.ts) before anything reads its cells; a refused file
 * is one Danish message.
 */
import { type RowCell, rowsOfGrid, ROW_LIMITS } from "../domain/pack/rows";
import { loadWorkbook, type XlsxBytes } from "./bytes";
import { XlsxRejected } from "./guard";
import { gridOf } from "./locate";

export type SheetRows =
  | { readonly ok: true; readonly sheet: string; readonly rows: RowCell[][] }
  | { readonly ok: false; readonly error: string };

/** The first worksheet's rows, or why the file cannot be read (Danish). Never throws on content. */
export async function readSheetRows(bytes: XlsxBytes): Promise<SheetRows> {
  try {
    const wb = await loadWorkbook(bytes);
    const ws = wb.worksheets[0];
    if (!ws) return { ok: false, error: "projektmappen har intet ark." };
    const rows = rowsOfGrid(gridOf(ws));
    if (!rows)
      return {
        ok: false,
        error: `arket »${ws.name}« er for stort (højst ${ROW_LIMITS.rows.toLocaleString("da-DK")} rækker og ${ROW_LIMITS.columns.toLocaleString("da-DK")} kolonner).`,
      };
    return { ok: true, sheet: ws.name, rows };
  } catch (e) {
    if (e instanceof XlsxRejected) return { ok: false, error: e.message };
    return { ok: false, error: "filen kan ikke læses som .xlsx." };
  }
}
