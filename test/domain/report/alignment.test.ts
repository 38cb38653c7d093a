/**
 * A Data sheet's row keeps its cells on one line when its label wraps to two: every cell below
 * the header is vertically in the middle, as the label and the number are (the municipality,
 * field id, template and year were at the top before). The kl2024 report, its Landstal sheet,
 * and a pack's tables report.
 */
import { materialized } from "../../../src/domain/layout/rows";
import { STYLE_DEFS } from "../../../src/domain/layout/styles";
import type { SheetPlan } from "../../../src/domain/layout/types";
import { computeTables } from "../../../src/domain/tables/compute";
import { buildTablesReport } from "../../../src/domain/tables/report";
import { ugeskemaPack, ugeskemaReturns } from "../../helpers/ugeskema";
import { exampleReport } from "../project/examples";

/** Cells below the sheet's header row (the first row with a tableHeader) that are not in the middle. */
function notMiddle(sheet: SheetPlan): string[] {
  const s = materialized(sheet);
  const header = Math.min(...s.cells.filter((c) => c.style === "tableHeader").map((c) => c.row));
  return s.cells
    .filter((c) => c.row > header && c.style && STYLE_DEFS[c.style].vAlign !== "middle")
    .map((c) => `${sheet.name} R${c.row}C${c.col} (${c.style})`);
}

describe("a Data sheet's rows", () => {
  it("kl2024: Data and Landstal have every cell in the middle of its row", () => {
    const plan = exampleReport();
    for (const name of ["Data", "Landstal"]) {
      const sheet = plan.sheets.find((s) => s.name === name)!;
      // Only the value cells of Landstal are inputs (bottom, as in the templates).
      expect(notMiddle(sheet).filter((x) => !x.endsWith("(input)"))).toEqual([]);
    }
  });

  it("a pack's tables report: Data has every cell in the middle of its row", () => {
    const returns = ugeskemaReturns();
    const plan = buildTablesReport({
      result: computeTables({ pack: ugeskemaPack(), returns }),
      returns,
    });
    expect(notMiddle(plan.sheets.find((s) => s.name === "Data")!)).toEqual([]);
  });
});
