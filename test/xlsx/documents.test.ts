/**
 * Issue 12's acceptance, cell by cell: the generated template and report workbooks are rendered
 * to .xlsx, opened again, and every text cell must fit its cell or merged range (or wrap into
 * enough height), every number must fit its column, and every number with decimals and every
 * decimal input cell must have a number format. Zero defects.
 */
import { Workbook } from "../../src/xlsx/excelWorkbook";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { checkText } from "../../src/domain/layout/data";
import { fitsOnOneLine } from "../../src/domain/layout/measure";
import type { WorkbookPlan } from "../../src/domain/layout/types";
import { BUILTIN_PACK_IDS, builtinPack } from "../../src/domain/pakker";
import { computeTables } from "../../src/domain/tables/compute";
import { buildTablesReport } from "../../src/domain/tables/report";
import { renderWorkbook } from "../../src/xlsx";
import { exampleReport } from "../domain/project/examples";
import { displayed, fitDefects, unformattedInputs, type Defect } from "../helpers/fit";
import { ugeskemaPack, ugeskemaReturns } from "../helpers/ugeskema";

async function opened(plan: WorkbookPlan): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(await renderWorkbook(plan)) as unknown as ArrayBuffer);
  return wb;
}

const lines = (ds: readonly Defect[]) => ds.map((d) => `${d.sheet}!${d.cell}: ${d.problem}`);

const kl2024Report = exampleReport;

describe("documents: text that fits and numbers with formats", () => {
  test("the number display the check uses (Danish separators, the workbooks' formats)", () => {
    expect(displayed(1400.25, "#,##0.0")).toBe("1.400,3");
    expect(displayed(125000.5, "#,##0")).toBe("125.001");
    expect(displayed(0.25, "0 %")).toBe("25 %");
    expect(displayed(37.4, "#,##0.0#")).toBe("37,4");
    expect(displayed(12, "#,##0.0##")).toBe("12,0");
    expect(displayed(3, "0.0#")).toBe("3,0");
    expect(displayed(2.5, "Dato")).toBeUndefined();
  });

  test.each([
    ["kl2024 with contact and deadline", () =>
      buildTemplateWorkbook("Høje-Taastrup", [], {
        kontakt: { navn: "Navn Navnesen", email: "navn.navnesen@example.dk", telefon: "12 34 56 78" },
        frist: "7. februar 2025 kl. 12",
      })],
    ["kl2024 without contact or deadline", () => buildTemplateWorkbook("Aarhus", [])],
    ...BUILTIN_PACK_IDS.filter((id) => id !== "kl2024").map(
      (id) => [`pack ${id}`, () => buildTemplateWorkbook("Aarhus", [], { pack: builtinPack(id)! })] as [string, () => WorkbookPlan]
    ),
  ])("template %s: zero defects", async (_name, build) => {
    const wb = await opened(build());
    expect(lines(fitDefects(wb))).toEqual([]);
    expect(lines(unformattedInputs(wb))).toEqual([]);
  }, 60000);

  test("the kl2024 report: zero defects", async () => {
    const wb = await opened(kl2024Report());
    expect(lines(fitDefects(wb))).toEqual([]);
    // Not vacuous: the report has decimals, and they all have formats.
    let decimals = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
      const v = c.value as unknown;
      const n = v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v;
      if (typeof n === "number" && !Number.isInteger(n)) decimals++;
    })));
    expect(decimals).toBeGreaterThan(100);
  }, 60000);

  test("a pack's tables report: zero defects", async () => {
    const pack = ugeskemaPack();
    const returns = ugeskemaReturns();
    const wb = await opened(buildTablesReport({ result: computeTables({ pack, returns }), returns }));
    expect(lines(fitDefects(wb))).toEqual([]);
  }, 60000);

  test("the check finds text that does not fit (a row too low, a text too wide, a word broken, a decimal without format)", async () => {
    const plan = kl2024Report();
    const overblik = plan.sheets[0];
    const spoiled: WorkbookPlan = {
      ...plan,
      sheets: [
        {
          ...overblik,
          rowHeights: { ...overblik.rowHeights, 5: 15 },
          cells: [
            ...overblik.cells,
            { row: 40, col: 3, value: "en alt for lang tekst i en smal kolonne", style: "center" },
            { row: 41, col: 3, value: 1.5 },
            { row: 42, col: 3, value: "forhåndsgodkendelsesordningerne", style: "label" },
          ],
        },
      ],
    };
    const found = lines(fitDefects(await opened(spoiled)));
    expect(found.some((d) => d.startsWith("Overblik!F5: teksten kræver"))).toBe(true);
    expect(found.some((d) => d.startsWith("Overblik!C40: teksten er bredere"))).toBe(true);
    expect(found.some((d) => d.startsWith("Overblik!C41: decimaltal uden talformat"))).toBe(true);
    expect(found.some((d) => d.startsWith("Overblik!C42: ordet »forhåndsgodkendelsesordningerne« deles"))).toBe(true);
  }, 60000);
});

describe("the templates' check row", () => {
  test("a wrong sum up to 999,9 % shows whole in its year column, in the check's bold red form", () => {
    const plan = buildTemplateWorkbook("Aarhus", []);
    let checks = 0;
    for (const sheet of plan.sheets)
      for (const c of sheet.cells)
        if (c.style === "check" && c.formula?.includes("Summen er")) {
          checks++;
          const width = sheet.columnWidths[c.col];
          expect([sheet.name, c.col, fitsOnOneLine(checkText(999.9), width, { size: 9, bold: true })]).toEqual([sheet.name, c.col, true]);
        }
    expect(checks).toBeGreaterThan(50);
    expect(checkText(133.333)).toBe("Summen er 133,3 %");
  });
});
