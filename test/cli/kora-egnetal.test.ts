/**
 * A municipality's kora_egnetal return through the whole CLI: the template (DST column locked,
 * filled by the consultant), filled with Syddjurs' counts implied by Tab. 3.4 (G003-11), read
 * back, validated with the rules of A3.5, and computed to the printed deviations.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook } from "../../src/xlsx/excelWorkbook";
import { runByrde } from "../helpers/cli";
import { KORA_DIR, koraPack } from "../helpers/kora";
import { rawReturnFromFelter } from "../../src/domain/project";
import { validateReturn } from "../../src/domain/validate";
import { SEED, tab34Returns } from "../helpers/koraSeed";

const dir = mkdtempSync(join(tmpdir(), "kora-egnetal-"));
const P = ["--pakke", "kora_enhedsudgifter"];
// Syddjurs is Kommune 3 (the report names it): helårsbrugere for placements, ultimo for the rest.
const SYDDJURS = tab34Returns()[2];
const felter = Object.fromEntries(
  Object.entries(SYDDJURS.values).filter(([, v]) => v !== null && v !== undefined)
);

async function filled(name: string, values: Record<string, unknown>): Promise<string> {
  const data = join(dir, `${name}.json`);
  writeFileSync(data, JSON.stringify({ felter: values }));
  const out = join(dir, `${name}.xlsx`);
  const u = await runByrde("udfyld", join(dir, "skabelon-syddjurs.xlsx"), data, "-o", out, ...P);
  expect({ code: u.code, err: u.err }).toEqual({ code: 0, err: "" });
  return out;
}

async function findings(file: string): Promise<{ regel: string; alvor: string; celle?: string }[]> {
  const v = await runByrde("valider", file, "--json", ...P);
  return JSON.parse(v.out)[0].fund;
}

describe("kora_egnetal: template → udfyld → læs → valider → opregn", () => {
  let good: string;
  beforeAll(async () => {
    const s = await runByrde("skabelon", ...P, "-k", "Syddjurs", "-p", "kora_egnetal", "-o", dir);
    expect(s.code).toBe(0);
    good = await filled("god", felter);
  }, 120_000);

  it("locks the DST column (named, not an input cell) and leaves the own counts open", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(join(dir, "skabelon-syddjurs.xlsx"));
    const cellOf = (name: string) => {
      const [sheet, ref] = wb.definedNames.getRanges(name).ranges[0].split("!");
      return wb.getWorksheet(sheet.replace(/^'|'$/g, ""))!.getCell(ref.replace(/\$/g, ""));
    };
    expect(cellOf("kora_egnetal.anbringelser.doegninst.dst").protection?.locked).not.toBe(false);
    expect(cellOf("kora_egnetal.anbringelser.doegninst.egne").protection?.locked).toBe(false);
  });

  it("reads back every field as written", async () => {
    const l = await runByrde("læs", good, "--json", ...P);
    expect(l.code).toBe(0);
    const read = JSON.parse(l.out);
    expect(read.kommune).toBe("Syddjurs");
    for (const [id, v] of Object.entries(felter)) {
      if (typeof v === "number") expect(read.felter[id]).toBeCloseTo(v, 9);
      else expect(read.felter[id]).toBe(v);
    }
  });

  it("validates without errors; i alt below the sum of the types is a warning (V-A3-3)", async () => {
    expect((await findings(good)).filter((f) => f.alvor === "fejl")).toEqual([]);
    const low = await filled("lav", {
      ...felter,
      "kora_egnetal.anbringelser.i_alt.egne": 1,
      "kora_egnetal.anbringelser.i_alt.dst": 1,
    });
    const rules = (await findings(low)).map((f) => `${f.alvor} ${f.regel}`);
    expect(rules).toEqual(
      expect.arrayContaining(["advarsel egnetal_i_alt", "advarsel egnetal_i_alt_dst"])
    );
  });

  it("counts without a basis are an error (V-A3-1); a negative count too (V-A3-2: udfyld refuses it, validation too)", async () => {
    const bad = await filled("uden", {
      ...felter,
      "kora_egnetal.anbringelser.grundlag.egne": null,
    });
    expect((await findings(bad)).map((x) => `${x.alvor} ${x.regel}`)).toContain(
      "fejl egnetal_grundlag_anbringelser"
    );
    const pack = koraPack();
    const negative = validateReturn(
      rawReturnFromFelter(
        {
          kommune: "Syddjurs",
          pakke: pack.id,
          felter: { ...felter, "kora_egnetal.forebyggende.aflastning.egne": -3 },
        },
        "negativ.json",
        undefined,
        pack
      ),
      pack
    );
    const f = negative.findings.filter((x) => x.severity === "fejl");
    expect(f).toHaveLength(1);
    expect(f[0].field).toBe("kora_egnetal.forebyggende.aflastning.egne");
  });

  it("a non-integer count under »ultimo« is information only (V-A3-2); a tick for betalingskommune too (V-A3-4)", async () => {
    // Syddjurs' preventive measures are counted ultimo: 79,2 is not a whole number of users.
    const odd = await filled("decimal", {
      ...felter,
      "kora_egnetal.forebyggende.aflastning.egne": 79.2,
      "kora_egnetal.opgoerelse.betalingskommune.svar": "x",
    });
    const f = await findings(odd);
    expect(f.filter((x) => x.alvor === "fejl")).toEqual([]);
    expect(f.map((x) => `${x.alvor} ${x.regel}`)).toEqual(
      expect.arrayContaining([
        "info egnetal_helt_tal_forebyggende",
        "info egnetal_betalingskommune",
      ])
    );
  });

  it("opregn with the reference data gives Syddjurs' printed deviations (Tab. 3.4, Kommune 3)", async () => {
    const o = await runByrde(
      "opregn",
      ...P,
      "--data",
      `enhed=${join(KORA_DIR, "enhed.json")}`,
      good,
      "--json"
    );
    expect(o.code).toBe(0);
    const t = JSON.parse(o.out).tabeller.afvigelse_pct;
    expect(t.kolonner).toEqual(["Syddjurs"]);
    for (const r of t.raekker) {
      const c = SEED.tabeller.tab34.raekker[r.id][2];
      if (c === "–") expect(r.Syddjurs).toBeNull();
      else if (c === "0–") expect(r.Syddjurs).toBe(0);
      else expect(r.Syddjurs).toBeCloseTo(c.pct, 6);
    }
  });
});
