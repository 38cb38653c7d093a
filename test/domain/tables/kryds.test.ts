/**
 * Report rows from two crossed axes (`kryds`), kept where `kun` holds: the made-up pack's
 * (test/fixtures/pakker/aarsregnskab.json) arter × typer, one row per pair with records in the
 * year or the year before (id »art.type«, the axes' ids as names for the row's elements).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { KommuneReturn } from "../../../src/domain/model";
import { loadPack } from "../../../src/domain/pack/load";
import type { Pack } from "../../../src/domain/pack/model";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { buildTablesReport } from "../../../src/domain/tables/report";
import { differences, recalcDanish } from "../../helpers/libreoffice";
import { LIBREOFFICE, itWith } from "../../helpers/requirements";

const FILE = join(__dirname, "..", "..", "fixtures", "pakker", "aarsregnskab.json");
const source = () => JSON.parse(readFileSync(FILE, "utf8"));
const loaded = loadPack(source());
if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
const pack: Pack = loaded.pack;

function ret(kommune: string, aar: number, poster: [string, string, number][]): KommuneReturn {
  const values: Record<string, string | number | null> = { "r.indberetning.aar.vaerdi": aar };
  poster.forEach(([art, type, beloeb], i) => {
    values[`r.poster.${i + 1}.art`] = art;
    values[`r.poster.${i + 1}.type`] = type;
    values[`r.poster.${i + 1}.beloeb`] = beloeb;
  });
  return {
    kommune,
    pakke: pack.id,
    skabeloner: ["r"],
    version: pack.version,
    values,
    findings: [],
  };
}

// 2023: A løn fast 100, drift variabel 50; B løn fast 30. 2022: A løn fast 80, drift fast 40,
// drift variabel 10; C drift variabel 20. No variable løn in either year.
const RETURNS = [
  ret("Afdeling A", 2023, [
    ["loen", "fast", 100],
    ["drift", "variabel", 50],
  ]),
  ret("Afdeling B", 2023, [["loen", "fast", 30]]),
  ret("Afdeling A", 2022, [
    ["loen", "fast", 80],
    ["drift", "fast", 40],
    ["drift", "variabel", 10],
  ]),
  ret("Afdeling C", 2022, [["drift", "variabel", 20]]),
];

describe("rows of two crossed axes", () => {
  const result = computeTables({ pack, returns: RETURNS });
  const table = (tablesJson(result) as Record<string, { raekker: Record<string, unknown>[] }>)
    .arter_typer;

  it("one row per pair, outer axis first, where kun holds (løn.variabel has no records in either year)", () => {
    expect(table.raekker.map((r) => r.id)).toEqual([
      "loen.samlet",
      "loen.fast",
      "drift.samlet",
      "drift.fast",
      "drift.variabel",
    ]);
    expect(result.tables.find((t) => t.def.id === "arter_typer")!.rows[4].label).toBe(
      "Drift: Variabel"
    );
  });

  it("the axes' ids name the row's elements: samlet rows sum the art, the others art and type", () => {
    const row = Object.fromEntries(table.raekker.map((r) => [r.id, [r.foer, r.nu]]));
    expect(row).toEqual({
      "loen.samlet": [80, 130],
      "loen.fast": [80, 130],
      "drift.samlet": [70, 50],
      "drift.fast": [40, null],
      "drift.variabel": [30, 50],
    });
  });

  it("the loader checks the axes and kun", () => {
    const bad = (edit: (j: Record<string, any>) => void) => {
      const j = source();
      edit(j);
      const r = loadPack(j);
      return r.ok ? "" : r.problems.map((p) => `${p.path}: ${p.message}`).join("\n");
    };
    const t = (j: Record<string, any>) =>
      j.rapport.tabeller.find((x: { id: string }) => x.id === "arter_typer");
    expect(bad((j) => (t(j).raekker.kryds = ["arter", "ingen"]))).toContain(
      "aksen »ingen« findes ikke"
    );
    expect(bad((j) => (t(j).raekker.kryds = ["arter", "arter"]))).toContain(
      "skal være forskellige"
    );
    expect(bad((j) => (t(j).raekker.kun = "SUM(1)"))).toContain("skal give sand/falsk");
  });

  itWith(LIBREOFFICE, "LibreOffice recalculates the rows to the engine's values", async () => {
    const plan = buildTablesReport({ result, returns: RETURNS });
    const wb = await recalcDanish(plan);
    const { checked, wrong } = differences(plan, wb);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});
