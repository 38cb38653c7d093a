/**
 * Sheets with a row stream (types.ts `RowStream`) as plain sheets, for the consumers that need
 * every cell at once: the office-js renderer, checks and tests. The streaming .xlsx writer draws
 * the stream itself and never calls this.
 */
import type { CellPlan, SheetPlan, WorkbookPlan } from "./types";

/** The sheet with its streamed rows made and placed in `cells` and `rowHeights`. */
export function materialized(sheet: SheetPlan): SheetPlan {
  const stream = sheet.rowStream;
  if (!stream) return sheet;
  const cells: CellPlan[] = [...sheet.cells];
  const heights: Record<number, number> = { ...sheet.rowHeights };
  let row = stream.first;
  for (const r of stream.rows()) {
    for (const c of r.cells) cells.push(c);
    if (r.height !== undefined) heights[row] = r.height;
    row++;
  }
  const { rowStream: _made, ...rest } = sheet;
  return { ...rest, cells, rowHeights: heights };
}

/** Every sheet of the plan `materialized`. */
export function materializedWorkbook(plan: WorkbookPlan): WorkbookPlan {
  return plan.sheets.some((s) => s.rowStream)
    ? { ...plan, sheets: plan.sheets.map(materialized) }
    : plan;
}
