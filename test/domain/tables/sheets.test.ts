/**
 * The pack report's Data sheet read back as the task pane reads it (`returnsFromDataSheet`):
 * every respondent's values come back, whatever columns stand between Felt and Værdi.
 */
import type { SheetPlan } from "../../../src/domain/layout/types";
import { computeTables } from "../../../src/domain/tables/compute";
import { TABLES_SHEET, buildTablesReport, dataColumns } from "../../../src/domain/tables/report";
import { returnsFromDataSheet, type Cell } from "../../../src/domain/tables/sheets";
import { ugeskemaPack, ugeskemaReturns } from "../../helpers/ugeskema";

/** A sheet plan's cells as the grid the pane reads (values only). */
function gridOf(sheet: SheetPlan): Cell[][] {
  const rows = Math.max(...sheet.cells.map((c) => c.row));
  const cols = Math.max(...sheet.cells.map((c) => c.col));
  const grid: Cell[][] = Array.from({ length: rows }, () => Array<Cell>(cols).fill(null));
  for (const c of sheet.cells) {
    const v = c.value;
    grid[c.row - 1][c.col - 1] = v === undefined ? null : v;
  }
  return grid;
}

test("the Data sheet written by the report reads back to the returns' values", () => {
  const pack = ugeskemaPack();
  const returns = ugeskemaReturns();
  const plan = buildTablesReport({ result: computeTables({ pack, returns }), returns });
  const data = plan.sheets.find((s) => s.name === TABLES_SHEET.data)!;
  // Columns between Felt and Værdi (Etiket, Skabelon, År/Kolonne) do not move the value.
  expect(dataColumns(pack).indexOf("Værdi")).toBeGreaterThan(2);
  const back = returnsFromDataSheet(pack, gridOf(data));
  expect(back.map((r) => r.kommune).sort()).toEqual(returns.map((r) => r.kommune).sort());
  for (const r of returns) {
    const read = back.find((b) => b.kommune === r.kommune)!;
    const filled = Object.entries(r.values).filter(([, v]) => v !== null && v !== undefined);
    expect(filled.length).toBeGreaterThan(0);
    for (const [id, v] of filled) expect([r.kommune, id, read.values[id]]).toEqual([r.kommune, id, v]);
  }
});
