/**
 * LibreOffice headless recalculates overblik.xlsx (written by the streaming writer, as `byrde
 * opregn` writes it, without cached results, so every formula must be computed) to the numbers
 * the engine computed; and a changed Landstal figure flows through to the results, with no add-in.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { a1, type WorkbookPlan } from "../../src/domain/layout";
import { project } from "../../src/domain/project";
import { buildReport } from "../../src/domain/report";
import { loadWorkbook } from "../../src/xlsx";
import { renderWorkbookStreamed } from "../../src/xlsx/node/stream";
import { LIBREOFFICE, itWith } from "../helpers/requirements";
import { exampleIndstillinger, exampleKommunedata, exampleLandstal, exampleReturns } from "../domain/project/examples";

const itLo = (title: string, fn: jest.ProvidesCallback) => itWith(LIBREOFFICE, title, fn);

/** The plan with every formula's cached value removed. */
function withoutCache(plan: WorkbookPlan): WorkbookPlan {
  return { ...plan, sheets: plan.sheets.map((s) => ({ ...s, cells: s.cells.map((c) => (c.formula ? { ...c, value: undefined } : c)) })) };
}

async function recalc(plan: WorkbookPlan) {
  const dir = mkdtempSync(join(tmpdir(), "byrde-opregn-"));
  try {
    writeFileSync(join(dir, "overblik.xlsx"), await renderWorkbookStreamed(withoutCache(plan)));
    const res = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${join(dir, "profil")}`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "ud"), join(dir, "overblik.xlsx")],
      { encoding: "utf8", timeout: 180_000 },
    );
    expect(res.status).toBe(0);
    return await loadWorkbook(readFileSync(join(dir, "ud", "overblik.xlsx")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A formula cell's computed result. ExcelJS drops a formula's result of 0 when reading (LibreOffice writes <v>0</v>). */
function resultOf(v: unknown): unknown {
  if (v && typeof v === "object" && "formula" in v) return "result" in v && (v as { result: unknown }).result !== undefined ? (v as { result: unknown }).result : 0;
  return v;
}

describe("overblik.xlsx in LibreOffice (no add-in)", () => {
  const returns = exampleReturns();
  const landstal = exampleLandstal();
  const kommunedata = exampleKommunedata();
  const indstillinger = exampleIndstillinger();

  itLo("recalculates every formula to the engine's value", async () => {
    const result = project({ returns, landstal, kommunedata, indstillinger });
    const plan = buildReport({ result, returns, landstal, kommunedata });
    const wb = await recalc(plan);
    let checked = 0;
    const wrong: string[] = [];
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      for (const c of s.cells) {
        if (!c.formula || c.value === undefined || c.value === null) continue;
        const got = resultOf(ws.getCell(c.row, c.col).value);
        const ok = typeof c.value === "number" ? typeof got === "number" && Math.abs(got - c.value) <= 1e-9 * Math.max(1, Math.abs(c.value)) : got === c.value;
        if (!ok) wrong.push(`${s.name}!${a1(c.row, c.col)}: ${c.formula} = ${String(got)}, motoren: ${String(c.value)}`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  itLo("a changed national figure flows through: twice the dagtilbud nationally doubles normering", async () => {
    const changed = { ...landstal, dagtilbud: { "2020": 3701, "2023": 2 * 3763 } };
    const before = project({ returns, landstal, kommunedata, indstillinger });
    const after = project({ returns, landstal: changed, kommunedata, indstillinger });
    // The plan is built with the old figures; only the Landstal cell is changed, as a consultant would.
    const plan = buildReport({ result: before, returns, landstal, kommunedata });
    const ls = plan.sheets.find((s) => s.name === "Landstal")!;
    const keyRow = ls.cells.find((c) => c.col === 1 && c.value === "dagtilbud" && ls.cells.some((d) => d.row === c.row && d.col === 3 && d.value === 2023))!.row;
    const edited: WorkbookPlan = {
      ...plan,
      sheets: plan.sheets.map((s) => (s !== ls ? s : { ...s, cells: s.cells.map((c) => (c.row === keyRow && c.col === 4 ? { ...c, value: 2 * 3763 } : c)) })),
    };
    const wb = await recalc(edited);
    const norm = after.nedslagspunkter.find((n) => n.id === "normering")!;
    // The fact sheet's increase for all municipalities (row 8, column F).
    const got = resultOf(wb.getWorksheet("Minimumsnormeringer")!.getCell("F8").value) as number;
    expect(got).toBeCloseTo(norm.alle.stigning as number, 9);
    expect(got).toBeCloseTo(2 * (before.nedslagspunkter.find((n) => n.id === "normering")!.alle.stigning as number), 9);
    const span = resultOf(wb.getWorksheet("Overblik")!.getCell("E7").value);
    expect(span).toBe(norm.spaend!.tekst);
  });
});
