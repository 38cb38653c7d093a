/**
 * The report workbook of a pack that exists only as a test file: LibreOffice (Danish) recalculates
 * every native formula to the engine's value, and a changed figure flows through.
 */
import type { WorkbookPlan } from "../../src/domain/layout";
import { computeTables } from "../../src/domain/tables/compute";
import { buildTablesReport } from "../../src/domain/tables/report";
import { differences, recalcDanish, resultOf } from "../helpers/libreoffice";
import { LIBREOFFICE, itWith } from "../helpers/requirements";
import { ugeskemaPack, ugeskemaReturns } from "../helpers/ugeskema";

const itLo = (title: string, fn: jest.ProvidesCallback) => itWith(LIBREOFFICE, title, fn);

describe("a pack's report in LibreOffice (no add-in)", () => {
  const pack = ugeskemaPack();
  const returns = ugeskemaReturns();
  const plan = buildTablesReport({ result: computeTables({ pack, returns }), returns });

  it("has the summary first, a sheet per table, the calculations, settings, data and log", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Overblik",
      "Teams",
      "Ugedage",
      "Særlige opgaver efter type",
      "Beregninger",
      "Indstillinger",
      "Data",
      "Mellemregninger",
      "Valideringslog",
    ]);
  });

  itLo("recalculates every formula to the engine's value", async () => {
    const wb = await recalcDanish(plan);
    const { checked, wrong } = differences(plan, wb);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  itLo("a changed figure flows through: Team Syd's Monday minutes 150 → 300 raises its minutes by 150", async () => {
    const data = plan.sheets.find((s) => s.name === "Data")!;
    const idRow = data.cells.find(
      (c) => c.col === 2 && c.value === "uge.besog.minutter.mandag" && data.cells.some((d) => d.row === c.row && d.col === 1 && d.value === "Team Syd")
    )!.row;
    const edited: WorkbookPlan = {
      ...plan,
      sheets: plan.sheets.map((s) =>
        s !== data ? s : { ...s, cells: s.cells.map((c) => (c.row === idRow && c.col === 6 ? { ...c, value: 300 } : c)) }
      ),
    };
    const wb = await recalcDanish(edited);
    const teams = wb.getWorksheet("Teams")!;
    // Row 6 is Team Syd (header row 4, Nord row 5); column C is Minutter.
    expect(teams.getCell("A6").value).toBe("Team Syd");
    expect(resultOf(teams.getCell("C6").value)).toBe(900);
    expect(resultOf(teams.getCell("D6").value)).toBe(60);
  });
});
