/**
 * readReturns: results in the files' order whatever order they finish in, progress per file,
 * at most `concurrency` reads at once, and a file whose bytes cannot be had is one finding.
 */
import { buildTemplateWorkbook } from "../../src/domain/layout";
import type { RawReturn } from "../../src/domain/model";
import { type ReadIsolation, readReturns } from "../../src/xlsx/batch";
import { readReturn, renderWorkbook } from "../../src/xlsx";

let template: Uint8Array;
beforeAll(async () => {
  template = await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn"]));
});

it("keeps the files' order, reports progress per file and never runs more than the lanes", async () => {
  let running = 0;
  let most = 0;
  const delays = [30, 5, 20, 1];
  const slow: ReadIsolation = {
    concurrency: 2,
    read: async (file) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, delays[Number(file.name)]));
      running--;
      return readReturn(template, file.name);
    },
    close: () => undefined,
  };
  const progress: string[] = [];
  const out = await readReturns(
    delays.map((_, i) => ({ name: String(i), bytes: template })),
    { isolation: slow, onProgress: (p) => progress.push(`${p.done}/${p.total}:${p.file}`) }
  );
  expect(out.map((r) => r.file)).toEqual(["0", "1", "2", "3"]);
  expect(most).toBe(2);
  expect(progress).toHaveLength(4);
  expect(progress.map((p) => p.split(":")[0])).toEqual(["1/4", "2/4", "3/4", "4/4"]);
  expect(progress[0]).toBe("1/4:1");
});

it("a file whose bytes cannot be had becomes one finding; the others are read", async () => {
  const out: RawReturn[] = await readReturns([
    { name: "a.xlsx", bytes: template },
    { name: "væk.xlsx", bytes: () => Promise.reject(new Error("EACCES")) },
    { name: "b.xlsx", bytes: async () => template },
  ]);
  expect(out.map((r) => [r.file, r.findings.map((f) => f.rule), r.meta.kommune ?? null])).toEqual([
    ["a.xlsx", [], "Aarhus"],
    ["væk.xlsx", ["ulaeselig_fil"], null],
    ["b.xlsx", [], "Aarhus"],
  ]);
});
