import type { SheetPlan, WorkbookPlan } from "../../src/domain/layout/types";
import { renderWorkbookPlan } from "../../src/excel/render";
import { ExcelAdapterError } from "../../src/excel/errors";
import { createMockWorkbook } from "./mockWorkbook";

const validation = {
  kind: "timer",
  type: "decimal",
  operator: "greaterThanOrEqual",
  formulae: [0],
  allowBlank: true,
  promptTitle: "Timer",
  prompt: "Skriv antal timer",
  errorTitle: "Ugyldig værdi",
  error: "Skriv et tal ≥ 0",
} as const;

function dataSheet(name: string): SheetPlan {
  return {
    name,
    cells: [
      { row: 1, col: 1, value: "Data", style: "title" },
      { row: 2, col: 2, value: 2019, style: "yearHeader" },
      { row: 3, col: 1, value: "Timer pr. sag", style: "label" },
      {
        row: 3,
        col: 2,
        input: true,
        name: `${name.toLowerCase().replace(/\W/g, "")}.b.timer.2019`,
        validation,
        numFmt: "0.0",
        style: "input",
      },
      { row: 4, col: 1, value: "=ikke en formel", style: "note" },
      {
        row: 5,
        col: 2,
        formula: 'IF(SUM(B3:B3)=100,"OK","Summen er "&SUM(B3:B3))',
        style: "check",
      },
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    columnWidths: { 1: 40, 2: 10 },
    protect: true,
    freezeRows: 2,
    tabColor: "#FFC000",
  };
}

function plan(n: number): WorkbookPlan {
  return { sheets: Array.from({ length: n }, (_, i) => dataSheet(`S${i + 1} Data`)) };
}

describe("renderWorkbookPlan", () => {
  test("writes values, formulas, formats, validation, names and protection in 2 syncs", async () => {
    const wb = createMockWorkbook();
    const result = await renderWorkbookPlan(wb.context, plan(1));
    expect(result.syncs).toBe(2);
    expect(wb.syncs()).toBe(2);
    expect(result.added).toEqual(["S1 Data"]);
    const s = wb.sheet("S1 Data");
    expect(wb.cell("S1 Data", "A1")?.value).toBe("Data");
    expect(wb.cell("S1 Data", "B2")?.value).toBe(2019);
    expect(wb.cell("S1 Data", "B5")?.formula).toBe(
      'IF(SUM(B3:B3)=100,"OK","Summen er "&SUM(B3:B3))'
    );
    expect(wb.cell("S1 Data", "B3")?.numberFormat).toBe("0.0");
    expect(wb.cell("S1 Data", "B3")?.locked).toBe(false);
    expect(wb.cell("S1 Data", "B3")?.validation?.rule).toEqual({
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    expect(wb.cell("S1 Data", "B3")?.validation?.prompt).toEqual({
      showPrompt: true,
      title: "Timer",
      message: "Skriv antal timer",
    });
    expect(wb.cell("S1 Data", "A1")?.format?.["font.bold"]).toBe(true);
    expect(s.merges).toEqual(["A1:C1"]);
    expect(s.protected).toBe(true);
    expect(s.frozenRows).toBe(2);
    expect(s.tabColor).toBe("#FFC000");
    expect(wb.state.names.get("s1data.b.timer.2019")).toBe("='S1 Data'!$B$3");
    expect(wb.state.calculationSuspended).toBe(1);
    expect(wb.state.active).toBe("S1 Data");
  });

  test("text that looks like a formula is written as text, never as a formula", async () => {
    const wb = createMockWorkbook();
    await renderWorkbookPlan(wb.context, plan(1));
    const a4 = wb.cell("S1 Data", "A4");
    expect(a4?.value).toBe("=ikke en formel");
    expect(a4?.formula).toBeUndefined();
    expect(a4?.numberFormat).toBe("@");
  });

  test("the sync count is the same for 1 and for 50 sheets", async () => {
    const one = createMockWorkbook();
    await renderWorkbookPlan(one.context, plan(1));
    const fifty = createMockWorkbook();
    await renderWorkbookPlan(fifty.context, plan(50));
    expect(fifty.syncs()).toBe(one.syncs());
    expect(fifty.state.sheets).toHaveLength(51);
    expect(fifty.state.names.size).toBe(50);
  });

  test("a payload over the request limit is split, adding syncs only for the size", async () => {
    const wb = createMockWorkbook();
    const result = await renderWorkbookPlan(wb.context, plan(4), { payloadLimit: 3000 });
    expect(result.syncs).toBeGreaterThan(2);
    expect(wb.cell("S4 Data", "B5")?.formula).toContain("SUM(B3:B3)");
  });

  test("a sheet name that exists already → Danish error, nothing written (1 sync)", async () => {
    const wb = createMockWorkbook({ sheets: [{ name: "Ark1" }, { name: "S2 Data" }] });
    await expect(renderWorkbookPlan(wb.context, plan(3))).rejects.toThrow(
      /Arket »S2 Data« findes allerede/
    );
    expect(wb.syncs()).toBe(1);
    expect(wb.state.sheets.map((s) => s.name)).toEqual(["Ark1", "S2 Data"]);
    expect(wb.state.names.size).toBe(0);
  });

  test("a defined name that exists already → typed error, nothing written", async () => {
    const wb = createMockWorkbook({ names: { "s1data.b.timer.2019": "=Ark1!$A$1" } });
    const err = await renderWorkbookPlan(wb.context, plan(1)).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelAdapterError);
    expect(err.code).toBe("navn_findes");
    expect(wb.state.sheets).toHaveLength(1);
  });

  test("a protected workbook structure → typed error before writing", async () => {
    const wb = createMockWorkbook({ protected: true });
    const err = await renderWorkbookPlan(wb.context, plan(1)).catch((e) => e);
    expect(err.code).toBe("projektmappe_beskyttet");
    expect(err.message).toMatch(/Beskyt projektmappe/);
    expect(wb.state.sheets).toHaveLength(1);
  });

  test("when Excel refuses part of the write, the added sheets are rolled back (3 syncs)", async () => {
    const wb = createMockWorkbook();
    wb.failOnSync(2, { code: "GeneralException", message: "Der opstod en fejl" });
    const err = await renderWorkbookPlan(wb.context, plan(3)).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelAdapterError);
    expect(err.message).toMatch(/Excel afviste handlingen/);
    expect(wb.syncs()).toBe(3);
    expect(wb.state.sheets.map((s) => s.name)).toEqual(["Ark1"]);
    expect(wb.state.names.size).toBe(0);
  });

  test("replacing a report sheet clears and rewrites it in place", async () => {
    const wb = createMockWorkbook({ sheets: [{ name: "S1 Data", cells: { Z9: "gammelt" } }] });
    const result = await renderWorkbookPlan(
      wb.context,
      {
        sheets: [
          { ...dataSheet("S1 Data"), cells: dataSheet("S1 Data").cells.filter((c) => !c.name) },
        ],
      },
      { replace: ["S1 Data"] }
    );
    expect(result.replaced).toEqual(["S1 Data"]);
    expect(wb.cell("S1 Data", "Z9")).toBeUndefined();
    expect(wb.cell("S1 Data", "A1")?.value).toBe("Data");
    expect(result.syncs).toBe(2);
  });

  test("a protected sheet (no password) that is replaced is unprotected, rewritten and protected again", async () => {
    const wb = createMockWorkbook({
      sheets: [{ name: "S1 Data", protected: true, cells: { Z9: "gammelt" } }],
    });
    const r = await renderWorkbookPlan(
      wb.context,
      {
        sheets: [
          { ...dataSheet("S1 Data"), cells: dataSheet("S1 Data").cells.filter((c) => !c.name) },
        ],
      },
      { replace: ["S1 Data"] }
    );
    expect(r.syncs).toBe(2);
    expect(wb.cell("S1 Data", "Z9")).toBeUndefined();
    expect(wb.cell("S1 Data", "A1")?.value).toBe("Data");
    expect(wb.sheet("S1 Data").protected).toBe(true);
  });

  test("a password-protected sheet Excel will not unprotect → Danish error naming it, rolled back", async () => {
    const wb = createMockWorkbook({ sheets: [{ name: "S1 Data", protected: true }] });
    wb.failOnSync(2, { code: "AccessDenied", message: "Access denied" });
    const err = await renderWorkbookPlan(wb.context, plan(2), { replace: ["S1 Data"] }).catch(
      (e) => e
    );
    expect(err.code).toBe("ark_beskyttet");
    expect(err.message).toMatch(/»S1 Data« er beskyttet/);
    expect(wb.syncs()).toBe(3);
    expect(wb.state.sheets.map((s) => s.name)).toEqual(["S1 Data"]);
  });
});
