/**
 * LibreOffice headless as the test oracle for native formulas: a workbook is converted (and so
 * recalculated) by soffice with a Danish profile, as Danish users see it (decimal comma in
 * text results), and read back with ExcelJS.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Workbook } from "exceljs";
import type { WorkbookPlan } from "../../src/domain/layout";
import { loadWorkbook, renderWorkbook } from "../../src/xlsx";
import { canStream, renderWorkbookStreamed } from "../../src/xlsx/node/stream";
import { danishProfile } from "../../src/cli/pdf";

/** A profile folder whose locale is Danish (`-env:UserInstallation` points at it): the CLI's own. */
export { danishProfile };

/** The plan with every formula's cached value removed (so LibreOffice must compute each one). */
export function withoutCache(plan: WorkbookPlan): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => (c.formula ? { ...c, value: undefined } : c)),
    })),
  };
}

/** Writes the plan as `byrde opregn` does (streamed unless it has charts) without cached results, lets LibreOffice (Danish) recalculate, reads the result. */
export async function recalcDanish(plan: WorkbookPlan): Promise<Workbook> {
  return loadWorkbook(await recalcDanishBytes(plan));
}

/**
 * Workbooks' bytes opened, recalculated and saved again as .xlsx by one LibreOffice run with a
 * Danish profile (what a municipality without the add-in gets). One run for several workbooks:
 * each start of LibreOffice costs about a second.
 */
export function resavedTogether(files: readonly Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), "byrde-lo-"));
  try {
    const names = files.map((_, i) => `bog-${i + 1}.xlsx`);
    files.forEach((bytes, i) => writeFileSync(join(dir, names[i]), bytes));
    const res = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=${danishProfile(dir)}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        join(dir, "ud"),
        ...names.map((n) => join(dir, n)),
      ],
      { encoding: "utf8", timeout: 180_000 * files.length }
    );
    if (res.status !== 0) throw new Error(`soffice fejlede: ${res.stderr}`);
    return names.map((n) => new Uint8Array(readFileSync(join(dir, "ud", n))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One workbook's bytes recalculated and saved again by LibreOffice (Danish). */
export function resavedByLibreOffice(bytes: Uint8Array): Uint8Array {
  return resavedTogether([bytes])[0];
}

/** The plan as `byrde opregn` writes it (streamed unless it has charts), without cached results. */
async function bareBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  const bare = withoutCache(plan);
  return canStream(bare) ? renderWorkbookStreamed(bare) : renderWorkbook(bare);
}

/** The file LibreOffice (Danish) writes after recalculating the plan rendered without cached results. */
export async function recalcDanishBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  return resavedByLibreOffice(await bareBytes(plan));
}

/** Several plans recalculated by one LibreOffice run (Danish), read back, in order. */
export async function recalcDanishTogether(plans: readonly WorkbookPlan[]): Promise<Workbook[]> {
  const files = await Promise.all(plans.map(bareBytes));
  return Promise.all(resavedTogether(files).map((bytes) => loadWorkbook(bytes)));
}

/** A value made on its first use and kept (tests that share one LibreOffice run). */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** A formula cell's computed result as ExcelJS reads it (a missing result of 0 or "" as such). */
export function resultOf(v: unknown): unknown {
  if (v && typeof v === "object" && "formula" in v)
    return "result" in v ? (v as { result: unknown }).result : undefined;
  return v;
}

/**
 * Every formula cell of the plan whose recalculated result differs from its cached value
 * (the engine's), as readable lines; numbers within 1e-9 relative, "" equal to no result.
 */
export function differences(
  plan: WorkbookPlan,
  wb: Workbook
): { checked: number; wrong: string[] } {
  let checked = 0;
  const wrong: string[] = [];
  for (const s of plan.sheets) {
    const ws = wb.getWorksheet(s.name);
    if (!ws) {
      wrong.push(`arket ${s.name} mangler`);
      continue;
    }
    for (const c of s.cells) {
      if (!c.formula || c.value === undefined || c.value === null) continue;
      const read = resultOf(ws.getCell(c.row, c.col).value);
      // A date-formatted result comes back as a Date: compare its serial number.
      const got = read instanceof Date ? read.getTime() / 86400000 + 25569 : read;
      const want = c.value;
      const same =
        typeof want === "number"
          ? typeof got === "number"
            ? Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))
            : want === 0 && (got === undefined || got === null)
          : want === ""
            ? got === "" || got === undefined || got === null
            : want === false
              ? got === false || got === undefined || got === null
              : got === want;
      if (!same)
        wrong.push(
          `${s.name}!R${c.row}C${c.col}: ${c.formula} = ${JSON.stringify(got)}, motoren: ${JSON.stringify(want)}`
        );
      checked++;
    }
  }
  return { checked, wrong };
}
