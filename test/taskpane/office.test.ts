/**
 * Every Excel.run goes through withExcel (src/taskpane/office.ts): it waits for a cell edit to
 * end (delayForCellEdit) and makes a write one undo step where the host has ExcelApi 1.20; a
 * host below the manifest's minimum gets a Danish message naming the Excel versions that work.
 */
import * as fs from "fs";
import * as path from "path";
import { degradedFeatures, unavailableReason, withExcel } from "../../src/taskpane/office";

function sources(dir: string): [string, string][] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [[p, fs.readFileSync(p, "utf8")] as [string, string]] : [];
  });
}

function host(maxExcelApi: string) {
  const runs: unknown[] = [];
  const [, minor] = maxExcelApi.split(".").map(Number);
  (globalThis as Record<string, unknown>).Office = {
    context: {
      requirements: {
        isSetSupported: (set: string, v = "1.1") => set !== "ExcelApi" || Number(v.split(".")[1]) <= minor,
      },
    },
  };
  (globalThis as Record<string, unknown>).Excel = {
    run: (options: unknown, fn: (ctx: unknown) => Promise<unknown>) => {
      runs.push(options);
      return fn({});
    },
  };
  return runs;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe("withExcel", () => {
  test("delayForCellEdit always; mergeUndoGroup for writes on ExcelApi 1.20", async () => {
    const runs = host("1.20");
    await withExcel(async () => 1);
    await withExcel(async () => 2, { write: true });
    expect(runs).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
  });

  test("below 1.20 a write is not grouped, and the pane says what is missing", async () => {
    const runs = host("1.14");
    await withExcel(async () => 1, { write: true });
    expect(runs).toEqual([{ delayForCellEdit: true }]);
    expect(degradedFeatures()).toEqual([
      "Denne Excel-version kan ikke fortryde en hel indsættelse med ét Ctrl+Z (kræver ExcelApi 1.20).",
    ]);
  });

  test("below ExcelApi 1.9: a Danish refusal naming the versions that work, no Excel.run", async () => {
    const runs = host("1.8");
    expect(unavailableReason()).toMatch(/mangler ExcelApi 1\.9.*Excel 2021 og nyere/);
    await expect(withExcel(async () => 1)).rejects.toThrow(/Microsoft 365/);
    expect(runs).toEqual([]);
  });

  test("no other Excel.run in src/ (all go through withExcel)", () => {
    const offenders = sources(path.join(__dirname, "../../src"))
      .filter(([p, text]) => /Excel\.run\(/.test(text) && !p.endsWith(path.join("taskpane", "office.ts")))
      .map(([p]) => p);
    expect(offenders).toEqual([]);
  });
});
