/**
 * Writing the projection into the workbook (office-addin-mock): the report's sheets with their
 * live formulas and the span chart, in ≤ 3 syncs; the input sheets read back give the engine the
 * same inputs, so »Beregn« in the pane reproduces the CLI's figures.
 */
import { METHODS, project } from "../../src/domain/project";
import { SHEET, buildReport } from "../../src/domain/report";
import { writeReport } from "../../src/excel/report";
import { readTables } from "../../src/excel/table";
import { CHART_SHEET, chartSheet } from "../../src/taskpane/chartSheet";
import {
  INPUT_SOURCES,
  readIndstillinger,
  readKommunedata,
  readLandstal,
  returnsFromData,
} from "../../src/taskpane/opregnSheets";
import {
  exampleIndstillinger,
  exampleKommunedata,
  exampleLandstal,
  exampleReturns,
} from "../domain/project/examples";
import { createMockWorkbook } from "./mockWorkbook";

const returns = exampleReturns();
const landstal = exampleLandstal();
const kommunedata = exampleKommunedata();
const indstillinger = exampleIndstillinger();
const result = project({ returns, landstal, kommunedata, indstillinger });
const plan = buildReport({ result, returns, landstal, kommunedata });
const diagram = chartSheet(result);
const chart = {
  sheet: CHART_SHEET,
  top: 1,
  left: 1,
  count: diagram.cells.filter((c) => c.col === 1).length - 1,
  title: "Stigning",
  anchor: "F2",
};

describe("write projections", () => {
  test("every report sheet with its formulas, and a chart, in 2 syncs; again in place", async () => {
    const wb = createMockWorkbook();
    const r = await writeReport(wb.context, { sheets: [...plan.sheets, diagram] }, chart);
    expect(r.syncs).toBe(2);
    expect(wb.syncs()).toBe(2);
    for (const m of METHODS) {
      const np = result.nedslagspunkter.find((n) => n.id === m.id)!;
      // The fact sheet's resources table: increase = final year − baseline, final year a formula.
      expect(wb.cell(m.arkNavn, "F8")?.formula).toBe("E8-D8");
      expect(wb.cell(m.arkNavn, "E8")?.formula).toBeTruthy();
      if (np.spaend)
        expect(
          wb.cell(
            CHART_SHEET,
            `D${2 + result.nedslagspunkter.filter((n) => n.spaend && n.alle.stigning !== null).indexOf(np)}`
          )?.value
        ).toBeCloseTo(np.alle.stigning as number, 9);
    }
    expect(wb.sheet(CHART_SHEET).charts).toHaveLength(1);
    wb.resetSyncs();
    const again = await writeReport(wb.context, { sheets: [...plan.sheets, diagram] }, chart);
    expect(again.syncs).toBe(2);
    expect(again.replaced).toContain(SHEET.overblik);
    expect(wb.state.sheets.filter((s) => s.name === SHEET.overblik)).toHaveLength(1);
    expect(wb.sheet(CHART_SHEET).charts).toHaveLength(1);
  });

  test("the input sheets read back (2 syncs) reproduce the engine's figures", async () => {
    const wb = createMockWorkbook();
    await writeReport(wb.context, plan);
    wb.resetSyncs();
    const { tables } = await readTables(wb.context, INPUT_SOURCES);
    expect(wb.syncs()).toBe(2);
    // Data, Landstal and Kommunedata come back from their Excel tables, by table and column name.
    expect(tables[SHEET.data]?.source).toBe("tabel");
    expect(tables[SHEET.landstal]?.source).toBe("tabel");
    expect(tables[SHEET.kommunedata]?.source).toBe("tabel");
    expect(tables[SHEET.landstal]?.header).toEqual(["Nøgle", "Beskrivelse", "År", "Værdi"]);
    const again = project({
      returns: returnsFromData(tables[SHEET.data]),
      landstal: readLandstal(tables[SHEET.landstal]),
      kommunedata: readKommunedata(tables[SHEET.kommunedata]),
      indstillinger: readIndstillinger(tables[SHEET.indstillinger]),
    });
    for (const np of result.nedslagspunkter) {
      const back = again.nedslagspunkter.find((n) => n.id === np.id)!;
      expect(back.alle.stigning).toBeCloseTo(np.alle.stigning as number, 9);
      expect(back.spaend?.tekst).toBe(np.spaend?.tekst);
    }
  });

  test("settings other than the defaults read back from the Indstillinger sheet (one schema, both sides)", async () => {
    const own = { ...indstillinger, timer_pr_aarsvaerk: 1500, spaend_pct: 20, loen_pr_aarsvaerk: 600000 };
    const r = project({ returns, landstal, kommunedata, indstillinger: own });
    const wb = createMockWorkbook();
    await writeReport(wb.context, buildReport({ result: r, returns, landstal, kommunedata }));
    const { tables } = await readTables(wb.context, INPUT_SOURCES);
    const back = readIndstillinger(tables[SHEET.indstillinger]);
    expect(back).toMatchObject({ timer_pr_aarsvaerk: 1500, spaend_pct: 20, loen_pr_aarsvaerk: 600000 });
    expect(back.udelad).toEqual(r.indstillinger.udelad);
    expect(back.medtag).toEqual(r.indstillinger.medtag);
  });
});
