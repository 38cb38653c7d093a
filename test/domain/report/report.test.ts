/** The aggregation workbook's plan: sheets, formulas over the input sheets, cached engine values. */
import { buildReport, SHEET } from "../../../src/domain/report";
import { METHODS, project } from "../../../src/domain/project";
import { exampleIndstillinger, exampleKommunedata, exampleLandstal, exampleReturns } from "../project/examples";

const returns = exampleReturns();
const landstal = exampleLandstal();
const kommunedata = exampleKommunedata();
const result = project({ returns, landstal, kommunedata, indstillinger: exampleIndstillinger() });
const plan = buildReport({ result, returns, landstal, kommunedata });
const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;
const at = (name: string, row: number, col: number) => sheet(name).cells.find((c) => c.row === row && c.col === col);

describe("report plan", () => {
  it("has Overblik, a fact sheet per nedslagspunkt and the input, data and log sheets", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      SHEET.overblik,
      ...METHODS.map((m) => m.arkNavn),
      SHEET.udOver,
      SHEET.kommunedata,
      SHEET.landstal,
      SHEET.indstillinger,
      SHEET.data,
      SHEET.log,
    ]);
    for (const s of plan.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
  });

  it("writes the engine's numbers as cached values of the fact sheets' formulas", () => {
    for (const m of METHODS) {
      const np = result.nedslagspunkter.find((n) => n.id === m.id)!;
      // The resources table: studied (row 7) and all municipalities (row 8) at the baseline (D),
      // the final year (E) and the increase (F); the span's text in F9.
      expect(at(m.arkNavn, 8, 5)?.value).toBeCloseTo(np.alle.slut as number, 9);
      expect(at(m.arkNavn, 8, 6)?.formula).toBe("E8-D8");
      expect(at(m.arkNavn, 7, 5)?.value).toBeCloseTo(np.undersoegte.slut as number, 9);
      expect(at(m.arkNavn, 9, 6)?.value).toBe(np.spaend!.tekst);
      expect(at(m.arkNavn, 8, 5)?.formula).toBeTruthy();
    }
  });

  it("the overview's span is a formula on the fact sheet, with the report's text cached", () => {
    const normering = result.nedslagspunkter.find((n) => n.id === "normering")!;
    const row = 5 + METHODS.findIndex((m) => m.id === "normering");
    expect(at(SHEET.overblik, row, 5)).toMatchObject({ formula: "Minimumsnormeringer!$F$9", value: normering.spaend!.tekst });
    // The name links to its fact sheet.
    expect(at(SHEET.overblik, row, 2)).toMatchObject({ value: "Minimumsnormeringer", formula: expect.stringContaining("HYPERLINK(\"#Minimumsnormeringer!A1\"") });
  });

  it("national counts refer to the Landstal sheet, ratios to the Data sheet", () => {
    const formulas = sheet("Minimumsnormeringer").cells.map((c) => c.formula ?? "");
    expect(formulas.some((f) => /^Landstal!\$D\$\d+$/.test(f))).toBe(true);
    expect(formulas.some((f) => /Data!\$F\$\d+/.test(f))).toBe(true);
    expect(formulas.some((f) => f.startsWith("AVERAGEIFS("))).toBe(true);
  });

  it("Kommunedata defaults dagtilbud to the return's own count by a formula on Data", () => {
    const kd = sheet(SHEET.kommunedata);
    const header = kd.cells.find((c) => c.row === 3 && c.value === "Dagtilbud 2023")!;
    const aalborg = kd.cells.find((c) => c.row > 3 && c.col === 1 && c.value === "Aalborg")!;
    const cell = kd.cells.find((c) => c.row === aalborg.row && c.col === header.col)!;
    expect(cell.formula).toMatch(/^Data!\$F\$\d+$/);
    expect(cell.value).toBe(140);
  });

  it("a nedslagspunkt that cannot be computed says why on the overview", () => {
    const r2 = project({ returns, landstal: { ...landstal, ansatte: {} }, kommunedata, indstillinger: exampleIndstillinger() });
    const p2 = buildReport({ result: r2, returns, landstal: { ...landstal, ansatte: {} }, kommunedata });
    const row = 5 + METHODS.findIndex((m) => m.id === "gdpr");
    expect(p2.sheets[0].cells.find((c) => c.row === row && c.col === 5)?.value).toBe("kan ikke beregnes: Landstal mangler »ansatte« for 2018");
  });
});
