/**
 * Returns for several periods (`perioder`) on a made-up pack (test/fixtures/pakker/aarsregnskab.json):
 * each department reports every year; the calculations are for the latest year and FORRIGE(…)
 * reads the year before (returns, calculations and records of that year). Every figure is worked
 * out by hand in the comments. The loader's checks of FORRIGE, the report's Data sheet read back
 * into the same returns, and LibreOffice recalculating the report to the engine's values.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { KommuneReturn } from "../../../src/domain/model";
import { loadPack } from "../../../src/domain/pack/load";
import type { Pack } from "../../../src/domain/pack/model";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { buildTablesReport } from "../../../src/domain/tables/report";
import { returnsFromDataSheet } from "../../../src/domain/tables/sheets";
import { BATCH_RULES, judgeBatch } from "../../../src/domain/validate/batch";
import { differences, recalcDanish } from "../../helpers/libreoffice";
import { LIBREOFFICE, itWith } from "../../helpers/requirements";

const FILE = join(__dirname, "..", "..", "fixtures", "pakker", "aarsregnskab.json");
const source = () => JSON.parse(readFileSync(FILE, "utf8"));

function load(json: unknown): Pack {
  const r = loadPack(json);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return r.pack;
}
const pack = load(source());

function ret(
  kommune: string,
  aar: number | null,
  poster: [string, number][],
  indeks?: number
): KommuneReturn {
  const values: Record<string, string | number | null> = { "r.indberetning.aar.vaerdi": aar };
  if (indeks !== undefined) values["r.indberetning.indeks.vaerdi"] = indeks;
  poster.forEach(([art, beloeb], i) => {
    values[`r.poster.${i + 1}.art`] = art;
    values[`r.poster.${i + 1}.beloeb`] = beloeb;
  });
  return {
    kommune,
    pakke: pack.id,
    skabeloner: ["r"],
    version: pack.version,
    values,
    findings: [],
    file: `${kommune}-${aar}.json`,
  };
}

// A: 2023 løn 100 + drift 50 = 150 (index 1,1 from 2022); 2022 løn 80 + drift 40 + drift 10 = 130.
// B: 2023 only, løn 30; its 2021 return is left out. C: 2022 only, drift 20. One return has no year.
const RETURNS = [
  ret(
    "Afdeling A",
    2023,
    [
      ["loen", 100],
      ["drift", 50],
    ],
    1.1
  ),
  ret("Afdeling A", 2022, [
    ["loen", 80],
    ["drift", 40],
    ["drift", 10],
  ]),
  ret("Afdeling B", 2023, [["loen", 30]]),
  ret("Afdeling B", 2021, [["loen", 999]]),
  ret("Afdeling C", 2022, [["drift", 20]]),
  ret("Afdeling C", null, [["drift", 5]]),
];

type Json = Record<string, { raekker: Record<string, unknown>[] }>;

describe("returns for two periods", () => {
  const result = computeTables({ pack, returns: RETURNS });
  const json = tablesJson(result) as Json;

  it("takes the latest year and the one before; other years and returns without a year are left out, with a remark", () => {
    expect(result.periods).toEqual({ current: 2023, previous: 2022 });
    expect(result.respondents.map((r) => r.name)).toEqual(["Afdeling A", "Afdeling B"]);
    expect(result.previousRespondents!.map((r) => r.name)).toEqual(["Afdeling A", "Afdeling C"]);
    expect(result.log.join("\n")).toContain(
      "»Afdeling B« (Afdeling B-2021.json) er for regnskabsår 2021; beregningerne gælder 2023 og 2022"
    );
    expect(result.log.join("\n")).toContain(
      "»Afdeling C« (Afdeling C-null.json) har intet regnskabsår"
    );
  });

  it("a row per respondent with a return in either year; FORRIGE reads its return, calculations and records of 2022", () => {
    const [a, b, c, total] = json.afdelinger.raekker;
    // A: 130 × 1,1 = 143 before, 150 now, 3 records before, Σ dobbelt 2022 = 260; 150/143 − 1.
    expect(a).toMatchObject({ id: "Afdeling A", nu: 150, poster_foer: 3, dobbelt_foer: 260 });
    expect(a.foer).toBeCloseTo(143, 9);
    expect(a.udvikling).toBeCloseTo(150 / 143 - 1, 12);
    // B sent nothing for 2022: no figure before, 0 records, no development (no figure to compare with).
    expect(b).toMatchObject({
      id: "Afdeling B",
      foer: null,
      nu: 30,
      poster_foer: 0,
      udvikling: null,
    });
    // C sent nothing for 2023: 20 before (no index: 1), nothing now: "udgået".
    expect(c).toMatchObject({ id: "Afdeling C", foer: 20, nu: null, udvikling: null });
    expect(c.grunde).toMatchObject({ udvikling: "udgået" });
    expect(total.id).toBe("i_alt");
    expect(total.foer).toBeCloseTo(163, 9);
    expect(total.nu).toBe(180);
  });

  it("over every respondent's records of a year (an axis row with SUM.HVIS), and a samlet calculation over both years", () => {
    const [loen, drift] = json.arter.raekker;
    expect(loen).toMatchObject({ id: "loen", foer: 80, nu: 130 });
    expect(drift).toMatchObject({ id: "drift", foer: 70, nu: 50 });
    // alle: 2023 150 + 30 = 180; 2022 130 + 20 = 150; 180/150 − 1 = 0,2. The column is named
    // like the calculation it shows: in its own expression the name is the calculation.
    expect(loen.vaekst).toBeCloseTo(0.2, 12);
    expect(result.calculations.samlet.get("alle")).toEqual({ k: "v", v: 180 });
    expect(result.calculations.previous!.samlet.get("alle")).toEqual({ k: "v", v: 150 });
    // The row's own constants (rækkenavn) are the same in FORRIGE.
    expect(loen.tekst).toBe("Løn: fra 80 til 130 i Løn");
  });

  it("with one year only, FORRIGE has nothing to read (tom), and the rest is computed as usual", () => {
    const one = computeTables({ pack, returns: [RETURNS[0], RETURNS[2]] });
    const rows = (tablesJson(one) as Json).afdelinger.raekker;
    expect(one.periods).toEqual({ current: 2023, previous: 2022 });
    expect(rows[0]).toMatchObject({ id: "Afdeling A", foer: null, nu: 150, poster_foer: 0 });
  });
});

describe("one return per respondent and period", () => {
  it("a respondent's returns for two years are not a conflict; two for the same year are", () => {
    const twoYears = judgeBatch(pack, RETURNS.slice(0, 2));
    expect(twoYears.used).toEqual([true, true]);
    expect(twoYears.conflicts).toEqual([]);
    const again = { ...ret("Afdeling A", 2023, [["loen", 1]]), file: "Afdeling A-2023-igen.json" };
    const sameYear = judgeBatch(pack, [...RETURNS.slice(0, 2), again]);
    expect(sameYear.used).toEqual([false, true, false]);
    expect(sameYear.conflicts.map((c) => c.files)).toEqual([
      ["Afdeling A-2023.json", "Afdeling A-2023-igen.json"],
    ]);
    expect(sameYear.findings[0].map((f) => f.rule)).toEqual([BATCH_RULES.konflikt]);
  });
});

describe("the report workbook of a pack with periods", () => {
  const result = computeTables({ pack, returns: RETURNS });
  const plan = buildTablesReport({ result, returns: RETURNS });
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;
  const grid = (name: string) => {
    const s = sheet(name);
    const rows: (string | number | boolean | null)[][] = [];
    for (const c of s.cells) {
      rows[c.row - 1] ??= [];
      rows[c.row - 1][c.col - 1] = (c.value ?? null) as string | number | boolean | null;
    }
    return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null));
  };

  it("Data has a Regnskabsår column, and reading it back gives each year's return", () => {
    const data = grid("Data");
    expect(data[2]).toEqual(["Afdeling", "Felt", "Etiket", "Skabelon", "Kolonne", "Værdi", "Regnskabsår"]);
    const back = returnsFromDataSheet(pack, data);
    expect(back.map((r) => `${r.kommune} ${r.values["r.indberetning.aar.vaerdi"]}`).sort()).toEqual(
      ["Afdeling A 2022", "Afdeling A 2023", "Afdeling B 2023", "Afdeling C 2022"]
    );
    expect(tablesJson(computeTables({ pack, returns: back }))).toEqual(tablesJson(result));
  });

  it("Overblik names the year and the year before; Beregninger has a section per year", () => {
    const o = grid("Overblik");
    expect(
      o.some((r) => r[0] === "Regnskabsår" && r[1] === "2023 (forrige: 2022, 2 indberetninger)")
    ).toBe(true);
    const b = grid("Beregninger").map((r) => r[0]);
    expect(b).toContain("Regnskabsår 2023");
    expect(b).toContain("Regnskabsår 2022 (forrige)");
  });

  itWith(LIBREOFFICE, "LibreOffice recalculates every formula to the engine's value", async () => {
    const wb = await recalcDanish(plan);
    const { checked, wrong } = differences(plan, wb);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  });
});

describe("the loader's checks of FORRIGE and perioder", () => {
  const problems = (edit: (j: Record<string, any>) => void): string[] => {
    const j = source();
    edit(j);
    const r = loadPack(j);
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it("FORRIGE needs a pack with perioder", () => {
    expect(problems((j) => delete j.perioder).join("\n")).toContain(
      "FORRIGE kan kun bruges i en pakke med »perioder«"
    );
  });
  it("the period field is a year or whole-number cell of a table block", () => {
    expect(problems((j) => (j.perioder.felt = "r.poster.1.beloeb"))[0]).toContain(
      "er ikke et felt i en tabelblok"
    );
    expect(problems((j) => (j.perioder.felt = "r.indberetning.indeks.vaerdi"))[0]).toContain(
      "skal være et årstal eller et helt tal"
    );
  });
  it("not in a rule, not inside FORRIGE, not around the row's other columns", () => {
    expect(
      problems(
        (j) =>
          (j.skabeloner[0].regler = [
            {
              type: "betingelse",
              id: "x",
              alvor: "advarsel",
              besked: "x",
              udtryk: "FORRIGE(r.indberetning.aar.vaerdi) > 0",
              felt: "r.indberetning.aar.vaerdi",
            },
          ])
      )[0]
    ).toContain("FORRIGE kan ikke bruges her");
    expect(problems((j) => (j.beregninger[3].udtryk = "FORRIGE(FORRIGE(alle))"))[0]).toContain(
      "FORRIGE kan ikke stå inde i FORRIGE"
    );
    expect(
      problems((j) => (j.rapport.tabeller[0].kolonner[4].udtryk = "FORRIGE(nu)"))[0]
    ).toContain("»nu« hører til den nuværende periodes række, post eller kolonner");
  });
  it("a list from the year before does not combine with one from this year", () => {
    expect(
      problems(
        (j) => (j.beregninger[0].udtryk = "SUM(r.poster.*.beloeb - FORRIGE(r.poster.*.beloeb))")
      )[0]
    ).toContain("kan ikke kombineres med en liste over posterne i r.poster i forrige periode");
  });
});
