/**
 * rammeaftale_li's report workbook (Bilag 11's 2016 and 2017 returns) in LibreOffice with a
 * Danish profile and no add-in: every native formula, FORRIGE over the year before's Data rows
 * included, recalculates to the engine's value; a changed figure and a changed setting flow through
 * the live formulas (the totals, the development and the generated sentences).
 */
import { join } from "path";
import type { WorkbookPlan } from "../../src/domain/layout";
import { builtinPack } from "../../src/domain/pakker";
import { computeTables } from "../../src/domain/tables/compute";
import { buildTablesReport } from "../../src/domain/tables/report";
import { differences, onFirstUse, recalcDanishTogether, resultOf } from "../helpers/libreoffice";
import { packReturnsIn } from "../helpers/packReturns";
import { LIBREOFFICE, itWith } from "../helpers/requirements";

const itLo = (title: string, fn: jest.ProvidesCallback, timeout?: number) =>
  itWith(LIBREOFFICE, title, fn, timeout);

/** The report of Bilag 11's returns, made on the first test's use. */
const reportPlan = onFirstUse(() => {
  const pack = builtinPack("rammeaftale_li")!;
  const returns = packReturnsIn(pack, join(__dirname, "..", "..", "examples", "rammeaftale_li"));
  return buildTablesReport({ result: computeTables({ pack, returns }), returns });
});

/** The plan with one cell's value replaced (a figure typed into the Data or Indstillinger sheet). */
function edit(
  p: WorkbookPlan,
  sheet: string,
  row: number,
  col: number,
  value: number | string
): WorkbookPlan {
  return {
    ...p,
    sheets: p.sheets.map((x) =>
      x.name !== sheet
        ? x
        : {
            ...x,
            cells: x.cells.map((c) => (c.row === row && c.col === col ? { ...c, value } : c)),
          }
    ),
  };
}
const sheetOf = (title: string) => reportPlan().sheets.find((s) => s.name === title)!;
const rowLabelled = (sheet: string, label: string) =>
  sheetOf(sheet).cells.find((c) => c.col === 1 && c.value === label)!.row;
const colTitled = (sheet: string, title: string) =>
  sheetOf(sheet).cells.find((c) => c.value === title)!.col;

/** The cells the second test edits: Aarhus's 2017 regnskab on Data, the zero-occupancy display. */
function editedCells() {
  const data = sheetOf("Data");
  const valueCol = data.cells.find((c) => c.value === "Værdi")!.col;
  const aarhus2017 = data.cells.find((c) => c.col === valueCol && c.value === 522597)!;
  const ind = sheetOf("Indstillinger");
  const visning = ind.cells.find((c) => c.value === "Visning ved belægning 0 i året")!;
  const visningValue = ind.cells.find((c) => c.row === visning.row && c.value === "udgået")!;
  return { aarhus2017, valueCol, visning, visningValue };
}

/** Aarhus's 2017 regnskab +100.000 (1.000 kr.) and Hedensted's zero occupancy shown as −100 %. */
function editedPlan(): WorkbookPlan {
  const { aarhus2017, valueCol, visning, visningValue } = editedCells();
  const edited = edit(reportPlan(), "Data", aarhus2017.row, valueCol, 622597);
  return edit(edited, "Indstillinger", visning.row, visningValue.col, "-100 %");
}

/** The plan and the edited plan, recalculated by one LibreOffice run (on the first test's use). */
const recalculated = onFirstUse(() => recalcDanishTogether([reportPlan(), editedPlan()]));

describe("rammeaftale_li's report in LibreOffice", () => {
  itLo(
    "recalculates every formula to the engine's value (both years, totals, percentages, sentences)",
    async () => {
      const [wb] = await recalculated();
      const { checked, wrong } = differences(reportPlan(), wb);
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(400);
      const sheet = "Takstudvikling på regnskab";
      const ws = wb.getWorksheet(sheet)!;
      const total = rowLabelled(sheet, "Hovedtotal");
      expect(resultOf(ws.getCell(total, colTitled(sheet, "Regnskab (1.000 kr.)")).value)).toBe(
        4213355
      );
      expect(
        resultOf(ws.getCell(total, colTitled(sheet, "Takstudvikling (%)")).value) as number
      ).toBeCloseTo(1.2284, 3);
    }
  );

  itLo(
    "a changed figure and setting flow through: Aarhus's 2017 regnskab +100.000 (1.000 kr.) and Hedensted shown as −100 %",
    async () => {
      const { aarhus2017 } = editedCells();
      expect(
        sheetOf("Data")
          .cells.filter((c) => c.row === aarhus2017.row)
          .map((c) => c.value)
      ).toEqual(expect.arrayContaining(["Aarhus", "li_takst.tilbud.1.regnskab", 2017]));
      const [, wb] = await recalculated();
      const sheet = "Takstudvikling på regnskab";
      const ws = wb.getWorksheet(sheet)!;
      expect(
        resultOf(
          ws.getCell(rowLabelled(sheet, "Hovedtotal"), colTitled(sheet, "Regnskab (1.000 kr.)"))
            .value
        )
      ).toBe(4313355);
      expect(
        resultOf(
          ws.getCell(rowLabelled(sheet, "Hedensted"), colTitled(sheet, "Takstudvikling (%)")).value
        )
      ).toBe(-100);
      const obs = wb.getWorksheet("Observationer")!;
      const texts = obs
        .getColumn(2)
        .values.map(resultOf)
        .filter((v): v is string => typeof v === "string");
      expect(texts.some((t) => t.includes("til 406.142 kr. i 2017"))).toBe(true);
    }
  );
});
