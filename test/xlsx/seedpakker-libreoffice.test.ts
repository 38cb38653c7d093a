/**
 * The report workbooks of the two seed packs in LibreOffice (Danish profile, no add-in): every
 * native formula recalculates to the engine's value (Bilag 1 with its statuses and summary
 * sentences; the converted potentials and the counts per pakke and ministry), and a changed
 * figure or setting flows through the live formulas.
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

const EXAMPLES = join(__dirname, "..", "..", "examples");

function report(id: string) {
  const pack = builtinPack(id)!;
  const returns = packReturnsIn(pack, join(EXAMPLES, id));
  return buildTablesReport({ result: computeTables({ pack, returns }), returns });
}

/** The plan with one cell's value replaced (a figure typed into the Data or Indstillinger sheet). */
function edit(
  plan: WorkbookPlan,
  sheet: string,
  find: (row: number) => boolean,
  col: number,
  value: number
): WorkbookPlan {
  const s = plan.sheets.find((x) => x.name === sheet)!;
  const row = s.cells.find((c) => find(c.row))!.row;
  return {
    ...plan,
    sheets: plan.sheets.map((x) =>
      x !== s
        ? x
        : {
            ...x,
            cells: x.cells.map((c) => (c.row === row && c.col === col ? { ...c, value } : c)),
          }
    ),
  };
}

/** The row of a sheet whose column-A cell holds the label. */
function rowLabelled(plan: WorkbookPlan, sheet: string, label: string): number {
  return plan.sheets
    .find((s) => s.name === sheet)!
    .cells.find((c) => c.col === 1 && c.value === label)!.row;
}

describe("kkr_kapacitet's report in LibreOffice", () => {
  const plan = report("kkr_kapacitet");

  it("has the summary first and a sheet per report table", () => {
    expect(plan.sheets.map((s) => s.name).slice(0, 3)).toEqual([
      "Overblik",
      "Byggeplaner og behov for køb",
      "Besvarelser og villighed",
    ]);
  });

  it("the rows' heading is the pack's own (raekketitel »Målgruppe«), and long labels and statuses get room", () => {
    const s = plan.sheets[1];
    expect(s.cells.find((c) => c.row === 4 && c.col === 1)?.value).toBe("Målgruppe");
    expect(s.columnWidths[1]).toBeGreaterThan(34);
    const status = s.cells.find((c) => c.row === 4 && c.value === "Status")!;
    expect(s.columnWidths[status.col]).toBeGreaterThanOrEqual("Intet købsbehov angivet".length);
  });

  /** Odense plans 40 more autism places (18 → 58); Vejle plans 35 udviklingshæmning og dom places. */
  const editedPlan = () => {
    const data = plan.sheets.find((s) => s.name === "Data")!;
    const rowOf = (who: string, id: string) => (r: number) =>
      data.cells.some((c) => c.row === r && c.col === 1 && c.value === who) &&
      data.cells.some((c) => c.row === r && c.col === 2 && c.value === id);
    const valueCol = data.cells.find((c) => c.row === 3 && c.value === "Værdi")!.col;
    const edited = edit(
      plan,
      "Data",
      rowOf("Odense", "kkr_kapacitet.planlagt.autisme.2023"),
      valueCol,
      58
    );
    return edit(edited, "Data", rowOf("Vejle", "kkr_kapacitet.planlagt.uh_dom.2023"), valueCol, 35);
  };
  /** Both plans recalculated by one LibreOffice run, on the first test's use. */
  const recalculated = onFirstUse(() => recalcDanishTogether([plan, editedPlan()]));

  itLo(
    "recalculates every formula to the engine's value (Bilag 1, statuses, sentences)",
    async () => {
      const [wb] = await recalculated();
      const { checked, wrong } = differences(plan, wb);
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(150);
      const ws = wb.getWorksheet(plan.sheets[1].name)!;
      const autism = rowLabelled(plan, plan.sheets[1].name, "Autisme i svær/massiv grad");
      expect([2, 6, 7, 10, 11].map((c) => resultOf(ws.getCell(autism, c).value))).toEqual([
        88,
        33,
        47,
        3,
        "Dækket",
      ]);
      const texts = ws
        .getColumn(1)
        .values.map(resultOf)
        .filter((v): v is string => typeof v === "string");
      expect(
        texts.some(
          (t) =>
            t.includes("etablering af 88 nye pladser") &&
            t.includes("imellem 33 og 47 pladser i årene 2024, 2025 og 2026")
        )
      ).toBe(true);
    }
  );

  itLo(
    "a changed figure flows through: Odense plans 40 more autism places → 128 planned, 4 willing stays, status Dækket; udviklingshæmning og dom planned 35 → Dækket",
    async () => {
      const [, wb] = await recalculated();
      const sheet = plan.sheets[1].name;
      const ws = wb.getWorksheet(sheet)!;
      const autism = rowLabelled(plan, sheet, "Autisme i svær/massiv grad");
      const uhDom = rowLabelled(plan, sheet, "Udviklingshæmning og dom");
      expect(resultOf(ws.getCell(autism, 2).value)).toBe(128);
      expect(resultOf(ws.getCell(uhDom, 2).value)).toBe(35);
      expect(resultOf(ws.getCell(uhDom, 8).value)).toBe(-8);
      expect(resultOf(ws.getCell(uhDom, 11).value)).toBe("Dækket");
    }
  );
});

describe("regelforenkling's report in LibreOffice", () => {
  const plan = report("regelforenkling");
  const potentialer = "Kvantificerede potentialer";

  /** Lønomkostning pr. årsværk 550 000 → 600 000 kr. on Indstillinger. */
  const editedPlan = () => {
    const ind = plan.sheets.find((s) => s.name === "Indstillinger")!;
    const loen = ind.cells.find((c) => c.value === "Lønomkostning pr. årsværk")!;
    const valueCell = ind.cells.find((c) => c.row === loen.row && c.value === 550000)!;
    return edit(plan, "Indstillinger", (r) => r === loen.row, valueCell.col, 600000);
  };
  /** Both plans recalculated by one LibreOffice run, on the first test's use. */
  const recalculated = onFirstUse(() => recalcDanishTogether([plan, editedPlan()]));

  itLo(
    "recalculates every formula to the engine's value (conversions, counts per pakke and ministry)",
    async () => {
      const [wb] = await recalculated();
      const { checked, wrong } = differences(plan, wb);
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(150);
    }
  );

  itLo(
    "a changed setting flows through: 600 000 kr. pr. årsværk makes nr. 9's 12 mio. kr. 20 årsværk",
    async () => {
      const sheet = potentialer;
      const [, wb] = await recalculated();
      const ws = wb.getWorksheet(sheet)!;
      const nine = rowLabelled(plan, sheet, "9");
      const headers = plan.sheets.find((s) => s.name === sheet)!.cells.filter((c) => c.row === 4);
      const col = (title: string) => headers.find((h) => h.value === title)!.col;
      expect(resultOf(ws.getCell(nine, col("Årsværk pr. år, lav")).value)).toBe(20);
      expect(resultOf(ws.getCell(nine, col("Kr. pr. år, lav")).value)).toBe(12e6);
    }
  );
});
