/**
 * The output contract of `byrde opregn --pakke kora_enhedsudgifter --data enhed=FIL.json
 * [RETURNS...] --json` on the generated 98-municipality example (examples/kora).
 */
import { readdirSync } from "fs";
import { join } from "path";
import { builtinPack } from "../../src/domain/pakker";
import { runByrde } from "../helpers/cli";
import { KORA_DIR } from "../helpers/kora";

const ENHED = join(KORA_DIR, "enhed.json");
const RETURNS = readdirSync(join(KORA_DIR, "returer"))
  .sort()
  .map((f) => join(KORA_DIR, "returer", f));
/** The delområde ids, from the pack's axis. */
const D = builtinPack("kora_enhedsudgifter")!.axes.get("delomraader")!.map((c) => String(c.key));
const STATS = [
  "uvaegtet",
  "vaegtet",
  "min",
  "p10",
  "p90",
  "max",
  "n",
  "kun_brugere",
  "kun_udgifter",
];
type Table = { kolonner: string[]; raekker: Record<string, unknown>[] };

describe("byrde opregn --pakke kora_enhedsudgifter", () => {
  let only: { pakke: string; tabeller: Record<string, Table> };
  let all: { pakke: string; tabeller: Record<string, Table> };

  beforeAll(async () => {
    const a = await runByrde(
      "opregn",
      "--pakke",
      "kora_enhedsudgifter",
      "--data",
      `enhed=${ENHED}`,
      "--json"
    );
    expect(a.code).toBe(0);
    only = JSON.parse(a.out);
    const b = await runByrde(
      "opregn",
      "--pakke",
      "kora_enhedsudgifter",
      "--data",
      `enhed=${ENHED}`,
      ...RETURNS,
      "--json"
    );
    expect(b.code).toBe(0);
    all = JSON.parse(b.out);
  }, 120_000);

  it("needs no returns: the reference data alone give the unit-cost tables", () => {
    expect(only.pakke).toBe("kora_enhedsudgifter");
    const t = only.tabeller;
    expect(t.enhedsudgifter.kolonner).toEqual(STATS);
    expect(t.enhedsudgifter.raekker.map((r) => r.id)).toEqual(D);
    expect(t.enhedsudgifter_unik.raekker.map((r) => r.id)).toEqual(D.slice(0, 9));
    expect(t.enhedsudgifter_ultimo.kolonner).toEqual(STATS);
    expect(t.enhedsudgifter_ultimo.raekker.map((r) => r.id)).toEqual(D.slice(0, 9));
  });

  it("pr_kommune: one row per municipality in the reference data, one column per delområde, null with a reason", () => {
    const t = only.tabeller.pr_kommune;
    expect(t.kolonner).toEqual(D);
    expect(t.raekker).toHaveLength(98);
    expect(t.raekker[0].id).toBe("København");
    const withNull = t.raekker.find((r) => D.some((d) => r[d] === null))!;
    const d = D.find((x) => withNull[x] === null)!;
    expect((withNull.grunde as Record<string, string>)[d]).toMatch(
      /^(kun brugere|kun udgifter|hverken udgifter eller brugere)$/
    );
  });

  it("numbers are unrounded: the unweighted mean is the mean of the municipalities' unit costs", () => {
    const t = only.tabeller;
    for (const d of D) {
      const xs = t.pr_kommune.raekker
        .map((r) => r[d])
        .filter((x): x is number => typeof x === "number");
      const row = t.enhedsudgifter.raekker.find((r) => r.id === d)!;
      expect(row.n).toBe(xs.length);
      expect(row.uvaegtet).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 6);
      expect(row.min).toBe(Math.min(...xs));
      expect(Number.isInteger(row.uvaegtet)).toBe(false);
    }
  });

  it("with kora_egnetal returns: afvigelse_pct (row per delområde, column per municipality) and gns_afvigelse", () => {
    const t = all.tabeller;
    expect(t.afvigelse_pct.raekker.map((r) => r.id)).toEqual(D.slice(0, 9));
    expect(t.afvigelse_pct.kolonner).toHaveLength(8);
    expect(t.afvigelse_pct.kolonner).toContain("Syddjurs");
    expect(t.gns_afvigelse.kolonner).toEqual(["gns_numerisk", "n"]);
    expect(t.gns_afvigelse.raekker.map((r) => r.id)).toEqual(D.slice(0, 9));
    // The returns do not change the reference figures.
    expect(t.enhedsudgifter).toEqual(only.tabeller.enhedsudgifter);
    expect(t.pr_kommune).toEqual(only.tabeller.pr_kommune);
  });

  it("reads the reference data from the one-row-per-municipality .csv extract to the same tables", async () => {
    const r = await runByrde(
      "opregn",
      "--pakke",
      "kora_enhedsudgifter",
      "--data",
      `enhed=${join(KORA_DIR, "enhed.csv")}`,
      "--json"
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tabeller).toEqual(only.tabeller);
  }, 60_000);

  it("refuses a reference key the pack does not know (d10 has no helårsbrugere) with a Danish message", async () => {
    const { mkdtempSync, writeFileSync } = await import("fs");
    const { tmpdir } = await import("os");
    const dir = mkdtempSync(join(tmpdir(), "kora-"));
    const f = join(dir, "enhed.json");
    writeFileSync(
      f,
      JSON.stringify({ Aarhus: { "saerlig_dagtilbud.helaarsbrugere": { 2014: 3 } } })
    );
    const r = await runByrde(
      "opregn",
      "--pakke",
      "kora_enhedsudgifter",
      "--data",
      `enhed=${f}`,
      "--json"
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ukendt nøgle »saerlig_dagtilbud\.helaarsbrugere«/);
  });
});
