/**
 * Hostile and unlucky returns (scripts/build-hostile-returns.ts): each gives exactly its
 * findings, and every field reads as in the good return except those the case names, so no
 * value is invented, dropped or silently chosen. The classes that crashed or hung the ExcelJS
 * reader run in worker threads with a 256 MB heap and a 30 s budget, and none of them reaches
 * either. A batch with hostile files among good ones reports every good file, and a file that
 * does exhaust its worker's memory or time becomes one finding while the others are read.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  type BuiltHostile,
  type HostileFinding,
  expectedCell,
} from "../../scripts/build-hostile-returns";
import { validateRaw } from "../../src/cli/commands/valider";
import { cellRef } from "../../src/domain/findings";
import type { RawReturn } from "../../src/domain/model";
import { fillWorkbook, readReturn } from "../../src/xlsx";
import { ROOT, ensureCliBuild } from "../helpers/cliBuild";
import { hostileReturns } from "../helpers/corpus";
import { BUILT_CLI, describeWith, itWith } from "../helpers/requirements";

/** Copies of the good return made by the batch tests (the corpus itself is shared). */
let DIR: string;
const HOURS = "ukn.hovedsager.timer_pr_sag";
let good: string;
let goodRaw: RawReturn;
let cases: BuiltHostile[] = [];

/** The dist/ build's reading pool (worker threads need compiled code). */
function distPool(): typeof import("../../src/cli/readPool") {
  return require(join(ROOT, "dist", "cli", "readPool.js"));
}

beforeAll(async () => {
  if (!BUILT_CLI.missing) ensureCliBuild();
  DIR = mkdtempSync(join(tmpdir(), "byrde-fjendtlig-"));
  ({ good, cases } = await hostileReturns());
  goodRaw = await readReturn(readFileSync(good), "god.xlsx");
}, 240_000);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const keys = (
  fs: readonly { rule: string; severity: string; location?: { sheet: string; cell: string } }[]
) => fs.map((f) => `${f.rule}|${f.severity}|${cellRef(f.location) ?? "-"}`).sort();
const expectedKeys = (fs: readonly HostileFinding[]) =>
  fs.map((f) => `${f.rule}|${f.severity}|${expectedCell(f) ?? "-"}`).sort();

/** Exact reader findings; every field as in the good return unless the case says otherwise. */
function check(c: BuiltHostile, raw: RawReturn): void {
  expect(keys(raw.findings)).toEqual(expectedKeys(c.expected));
  if (c.refused) {
    expect(raw.cells).toEqual({});
    expect(raw.findings).toHaveLength(1);
    return;
  }
  expect(Object.keys(raw.cells).sort()).toEqual(Object.keys(goodRaw.cells).sort());
  for (const [id, cell] of Object.entries(goodRaw.cells)) {
    const want = c.allEmpty ? null : c.values && id in c.values ? c.values[id] : cell.value;
    expect([id, raw.cells[id].value]).toEqual([id, want]);
  }
  expect(raw.meta).toEqual(goodRaw.meta);
}

describe("hostile returns", () => {
  it("the good return reads without findings", () => {
    expect(goodRaw.findings).toEqual([]);
    expect(Object.keys(goodRaw.cells).length).toBeGreaterThan(80);
  });

  it("every class of the hardening issue is in the corpus", () => {
    expect(cases.map((c) => c.name).sort()).toEqual(
      [
        "ark_to_gange",
        "dde",
        "ekstern_henvisning",
        "flet_hele_arket",
        "flettede_input",
        "formel_gemt_nul",
        "formel_uden_resultat",
        "iso_dato_i_timer",
        "kolonner_ud_over_xfd",
        "makro",
        "navn_hele_arket",
        "navne_200000",
        "tal_1_400",
        "validering_hele_arket",
        "webservice",
        "xml_entiteter",
        "zip_falske_stoerrelser",
      ].sort()
    );
  });

  it("each gives exactly its findings, and no value is invented, dropped or silently chosen", async () => {
    // The crash classes too: read here in this thread, as the in-process reader reads them.
    for (const c of cases) {
      const raw = await readReturn(readFileSync(c.path), `${c.name}.xlsx`);
      try {
        check(c, raw);
      } catch (e) {
        throw new Error(`${c.name} (${c.why}): ${(e as Error).message}`);
      }
    }
  });

  itWith(
    BUILT_CLI,
    "the crash classes, each in a worker thread with a 256 MB heap, finish within their budget",
    async () => {
      const crash = cases.filter((c) => c.crash);
      expect(crash.length).toBeGreaterThanOrEqual(7);
      const raws = await distPool().readReturnFiles(
        crash.map((c) => c.path),
        { budget: { memoryMb: 256, timeoutMs: 30_000 }, displayName: (p) => p.split("/").pop()! }
      );
      crash.forEach((c, i) => {
        expect([c.name, raws[i].findings.some((f) => f.rule === "laesning_afbrudt")]).toEqual([
          c.name,
          false,
        ]);
        try {
          check(c, raws[i]);
        } catch (e) {
          throw new Error(`${c.name} (${c.why}): ${(e as Error).message}`);
        }
      });
    },
    240_000
  );

  it("validation then reports the date and the ambiguous 1,400 at their cells", async () => {
    const byName = (n: string) => cases.find((c) => c.name === n)!;
    const iso = validateRaw("x", await readReturn(readFileSync(byName("iso_dato_i_timer").path)));
    const date = iso.findings.find((f) => f.field === `${HOURS}.2021`)!;
    expect([date.rule, date.severity]).toEqual(["ugyldigt_tal", "fejl"]);
    expect(date.message).toContain("datoen «2023-04-01»");
    expect(iso.retur!.values[`${HOURS}.2021`]).toBeNull();
    const amb = validateRaw("x", await readReturn(readFileSync(byName("tal_1_400").path)));
    expect(keys(amb.findings)).toEqual([`tal_tvetydigt|advarsel|UKN Data!F8`]);
    expect(amb.retur!.values[`${HOURS}.2022`]).toBe(1.4);
  });
});

describe("udfyld (ExcelJS) gets a file only after the whole pre-scan", () => {
  it("refuses what ExcelJS would materialise, entity declarations and false sizes, with one Danish error", async () => {
    const refused: Record<string, string> = {
      kolonner_ud_over_xfd: "over_graense",
      flet_hele_arket: "over_graense",
      validering_hele_arket: "over_graense",
      navn_hele_arket: "over_graense",
      zip_falske_stoerrelser: "zipbombe",
      xml_entiteter: "xml_doctype",
      ark_to_gange: "dobbelt_del",
    };
    for (const [name, rule] of Object.entries(refused)) {
      const c = cases.find((x) => x.name === name)!;
      const r = await fillWorkbook(readFileSync(c.path), { [`${HOURS}.2019`]: 41 });
      expect([name, r.ok ? [] : r.errors.map((e) => e.rule)]).toEqual([name, [rule]]);
    }
  });
});

describeWith(BUILT_CLI, "a batch with hostile files among good ones", () => {
  it("valider reports every good file (each file read in a worker thread)", () => {
    const goods = [0, 1, 2].map((i) => {
      const p = join(DIR, `god-${i}.xlsx`);
      copyFileSync(good, p);
      return p;
    });
    const hostile = cases.filter((c) => c.crash).map((c) => c.path);
    const files = [goods[0], ...hostile.slice(0, 4), goods[1], ...hostile.slice(4), goods[2]];
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "bin", "byrde.js"), "valider", "--json", ...files],
      {
        encoding: "utf8",
        cwd: ROOT,
        timeout: 240_000,
      }
    );
    for (const p of goods) rmSync(p);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Array<{
      fil: string;
      laest: boolean;
      kommune: string;
      fejl: number;
      fund: { regel: string; alvor: string }[];
    }>;
    expect(out.map((x) => x.fil)).toEqual(files);
    // Every good file is read. They are copies of one Aarhus return, so their one fejl is the
    // conflict of several returns from one respondent (none is used until one is chosen).
    for (const g of goods) {
      const x = out.find((y) => y.fil === g)!;
      expect(x).toMatchObject({ laest: true, kommune: "Aarhus", fejl: 1 });
      expect(x.fund.filter((f) => f.alvor === "fejl").map((f) => f.regel)).toEqual([
        "flere_indberetninger",
      ]);
    }
    const refused = cases.filter((c) => c.crash && c.refused).map((c) => c.path);
    for (const h of refused)
      expect(out.find((x) => x.fil === h)).toMatchObject({ laest: false, fejl: 1 });
  }, 240_000);

  it("a file that exhausts its worker's memory or time becomes one finding; the others are read", async () => {
    const names = ["god-a.xlsx", "hukommelse.xlsx", "god-b.xlsx", "tid.xlsx", "god-c.xlsx"];
    const paths = names.map((n) => {
      const p = join(DIR, n);
      copyFileSync(good, p);
      return p;
    });
    const raws = await distPool().readReturnFiles(paths, {
      // The time limit leaves the memory hog room to fill its heap, and a good file's worker
      // room to start and read, on a busy machine (each takes well under half a second on an
      // idle one); the time case waits it out.
      budget: { memoryMb: 64, timeoutMs: 3_000 },
      script: join(ROOT, "test", "helpers", "hogWorker.js"),
      displayName: (p) => p.split("/").pop()!,
    });
    for (const p of paths) rmSync(p);
    const summary = raws.map((raw) => [
      raw.file,
      raw.findings.map((f) => f.rule),
      raw.meta.kommune ?? null,
    ]);
    expect(summary).toEqual([
      ["god-a.xlsx", [], "Aarhus"],
      ["hukommelse.xlsx", ["laesning_afbrudt"], null],
      ["god-b.xlsx", [], "Aarhus"],
      ["tid.xlsx", ["laesning_afbrudt"], null],
      ["god-c.xlsx", [], "Aarhus"],
    ]);
    expect(raws[1].findings[0].message).toContain("hukommelse");
    expect(raws[3].findings[0].message).toContain("3 sekunder");
  }, 120_000);
});
