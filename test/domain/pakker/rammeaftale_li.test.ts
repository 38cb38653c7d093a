/**
 * rammeaftale_li (Bilag 11 of the DASSOS meeting of 15 August 2018, and the Socialtilsyn,
 * Kofoedsminde and holiday-escort figures of bilag 1, 2, 9 and 10): the 38 example returns (2016
 * and 2017) go through the engine to the output contract's tables, and the golden figures
 * G004-21…25 (Bilag 11) and the pack's own constants (G004-01…06, G004-18, G004-20) are checked
 * against the transcribed annex (test/fixtures/rammeaftale/bilag11.json). Where the annex does
 * not add up, the test asserts the anomaly (the printed figure and the engine's figure differ by
 * exactly the known amount) instead of hiding it.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { builtinPack } from "../../../src/domain/pakker";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { buildTablesReport } from "../../../src/domain/tables/report";
import { packReturn, packReturnsIn } from "../../helpers/packReturns";

const pack = builtinPack("rammeaftale_li")!;
const EXAMPLES = join(__dirname, "..", "..", "..", "examples", "rammeaftale_li");
const returns = packReturnsIn(pack, EXAMPLES);
const result = computeTables({ pack, returns });
type Row = Record<string, unknown> & { id: string; grunde?: Record<string, string> };
type Tables = Record<string, { kolonner: string[]; raekker: Row[] }>;
const json = tablesJson(result) as Tables;
const table = (id: string) => json[id];
const cell = (t: string, row: string, col: string) => {
  const r = table(t).raekker.find((x) => x.id === row);
  if (!r) throw new Error(`${t} har ingen række ${row}`);
  return r[col] as number | string | null;
};
const num = (t: string, row: string, col: string) => cell(t, row, col) as number;

interface Bilag11 {
  driftsherrer: string[];
  tabel1_takstudvikling: { raekker: Record<string, (number | null)[]>; hovedtotal: number[] };
  tabel2_overskud: { raekker: Record<string, number[]>; hovedtotal: number[] };
  tabel3_tillaeg: { raekker: Record<string, number[]>; hovedtotal: number[] };
  tabel4_belaegning: Record<string, { "2016": number[]; "2017": number[]; types: string[] }>;
  tabel5_pladser: {
    maalgrupper: Record<string, { rows: Record<string, number[]>; total: number[] }>;
    i_alt: { rows: Record<string, number[]>; total: number[] };
  };
  tekst: { pladser: Record<string, number>; tillaeg_mio: number[] };
}
const bilag11 = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "fixtures", "rammeaftale", "bilag11.json"), "utf8")
) as Bilag11;
const A = bilag11.tabel1_takstudvikling;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("the pack", () => {
  it("is built in, answered by Region Midtjylland's 19 municipalities and the region, returns carry their year", () => {
    expect(pack.respondents.names).toHaveLength(20);
    expect(pack.respondents.names).toContain("Region Midtjylland");
    expect(pack.respondents.names).toContain("Samsø");
    expect(pack.templates.map((t) => t.id)).toEqual(["li_takst"]);
  });

  it("the output contract's tables have exactly the issue's row and column ids", () => {
    const driftsherrer = [...bilag11.driftsherrer, "hovedtotal"];
    expect(table("takstudvikling").kolonner).toEqual([
      "belaegning_foer",
      "regnskab_foer",
      "pris_foer",
      "belaegning",
      "regnskab",
      "pris",
      "udvikling_pct",
    ]);
    expect(table("takstudvikling").raekker.map((r) => r.id)).toEqual(driftsherrer);
    for (const t of ["overskud", "tillaeg"]) {
      expect(table(t).kolonner).toEqual(["foer", "nu", "pct_af_regnskab"]);
      expect(table(t).raekker.map((r) => r.id)).toEqual(driftsherrer);
    }
    expect(table("belaegning_pct").kolonner).toEqual(["foer", "nu"]);
    expect(table("belaegning_pct").raekker.map((r) => r.id)).toEqual(
      Object.entries(bilag11.tabel4_belaegning).flatMap(([g, d]) => [
        `${g}.samlede`,
        ...(d.types.length > 1 ? d.types.map((s) => `${g}.${s}`) : []),
      ])
    );
    expect(table("pladser").kolonner).toEqual([
      "dag_foer",
      "doegn_foer",
      "dag",
      "doegn",
      "aendring_dag",
      "aendring_doegn",
    ]);
    expect(table("pladser").raekker.map((r) => r.id)).toEqual([
      "boern_unge",
      "sikrede_institutioner",
      "sindslidelse",
      "fysisk_handicap",
      "psykisk_handicap",
      "kvindekrisecentre",
      "forsorgshjem",
      "misbrug",
      "i_alt",
    ]);
  });
});

describe("the example returns", () => {
  it("are 38 (19 driftsherrer × 2016 and 2017) and read without a single finding", () => {
    expect(returns).toHaveLength(38);
    expect(returns.flatMap((r) => r.findings.map((f) => `${r.kommune}: ${f.message}`))).toEqual([]);
    expect(result.log).toEqual([]);
  });
});

describe("G004-21: Table A, takstudvikling på regnskab", () => {
  it("belægning and regnskab are the annex's, both years (2016 in 2017 prices)", () => {
    for (const d of bilag11.driftsherrer) {
      const [b16, r16, , b17, r17] = A.raekker[d];
      expect([
        d,
        num("takstudvikling", d, "belaegning_foer"),
        num("takstudvikling", d, "regnskab_foer"),
      ]).toEqual([d, b16, r16]);
      expect([
        d,
        num("takstudvikling", d, "belaegning"),
        num("takstudvikling", d, "regnskab"),
      ]).toEqual([d, b17, r17]);
    }
  });

  it("(a) price = regnskab × 1.000 ÷ belægning: the printed price implies the printed belægning within 0,05 in all 37 cells", () => {
    let cells = 0;
    for (const d of bilag11.driftsherrer) {
      const [, r16, p16, b17, r17, p17] = A.raekker[d];
      for (const [bel, regn, printed, col] of [
        [A.raekker[d][0], r16, p16, "pris_foer"],
        [b17, r17, p17, "pris"],
      ] as const) {
        if (printed === null) continue;
        cells++;
        expect(Math.abs((regn! * 1000) / printed - bel!)).toBeLessThanOrEqual(0.05);
        expect(num("takstudvikling", d, col)).toBeCloseTo((regn! * 1000) / bel!, 6);
      }
    }
    expect(cells).toBe(37);
  });

  it("(b) development = pris ÷ pris året før − 1 within 0,05 pp of the printed figure, 18 rows; Hedensted is »udgået«", () => {
    const offRounding: string[] = [];
    for (const d of bilag11.driftsherrer.filter((x) => x !== "Hedensted")) {
      const [, , p16, , , p17, printed] = A.raekker[d];
      // The printed prices give the printed development (the annex's own arithmetic).
      expect([d, Math.abs((p17! / p16! - 1) * 100 - printed!) <= 0.05 + 1e-9]).toEqual([d, true]);
      // The engine works from the one-decimal belægning, so its development may differ by a rounding step.
      const engine = num("takstudvikling", d, "udvikling_pct");
      expect([d, Math.abs(engine - printed!) < 0.1]).toEqual([d, true]);
      if (Math.abs(engine - printed!) > 0.05 + 1e-9)
        offRounding.push(`${d} ${engine.toFixed(2)} vs ${printed}`);
    }
    expect(offRounding).toEqual(["Ikast-Brande 3.13 vs 3.2"]);
    const hedensted = table("takstudvikling").raekker.find((r) => r.id === "Hedensted")!;
    expect(hedensted.udvikling_pct).toBeNull();
    expect(hedensted.grunde?.udvikling_pct).toBe("udgået");
  });

  it("the seed's −100,0 % for Hedensted is a display option (setting »Visning ved belægning 0«), not the default", () => {
    expect(A.raekker.Hedensted[6]).toBe(-100);
    const seedMode = tablesJson(
      computeTables({ pack, returns, settings: { nul_belaegning_visning: "-100 %" } })
    ) as Tables;
    expect(seedMode.takstudvikling.raekker.find((r) => r.id === "Hedensted")!.udvikling_pct).toBe(
      -100
    );
  });

  it("(c) the engine's column sums are the rows' sums; the printed totals are rounded (±1 in the last digit)", () => {
    const col = (i: number) => sum(bilag11.driftsherrer.map((d) => A.raekker[d][i]!));
    expect(num("takstudvikling", "hovedtotal", "belaegning_foer")).toBeCloseTo(11852.5, 6);
    expect(num("takstudvikling", "hovedtotal", "regnskab_foer")).toBe(4645132);
    expect(num("takstudvikling", "hovedtotal", "belaegning")).toBeCloseTo(10620.3, 6);
    expect(num("takstudvikling", "hovedtotal", "regnskab")).toBe(4213355);
    expect(col(0)).toBeCloseTo(11852.5, 6);
    expect(
      [
        col(0) - A.hovedtotal[0],
        col(1) - A.hovedtotal[1],
        col(3) - A.hovedtotal[3],
        col(4) - A.hovedtotal[4],
      ].map((x) => Math.round(x * 10) / 10)
    ).toEqual([0.5, 1, 0.3, 0]);
  });

  it("(d) the Hovedtotal is a ratio of sums (+1,23 %), not the mean of the rows' developments (+2,48 %)", () => {
    const total = num("takstudvikling", "hovedtotal", "udvikling_pct");
    expect(total).toBeCloseTo(1.23, 2);
    expect(Math.round(total * 10) / 10).toBe(A.hovedtotal[6]);
    expect(num("takstudvikling", "hovedtotal", "pris_foer")).toBeCloseTo(4645132000 / 11852.5, 4);
    expect(num("takstudvikling", "hovedtotal", "pris")).toBeCloseTo(4213355000 / 10620.3, 4);
    // The printed totals' prices imply belægning totals within 0,5 of the engine's sums.
    expect(Math.abs(4645131000 / A.hovedtotal[2] - 11852.5)).toBeLessThan(0.5);
    expect(Math.abs(4213355000 / A.hovedtotal[5] - 10620.3)).toBeLessThan(0.5);
    const rows = bilag11.driftsherrer
      .filter((d) => d !== "Hedensted")
      .map((d) => num("takstudvikling", d, "udvikling_pct"));
    expect(sum(rows) / rows.length).toBeCloseTo(2.48, 2);
  });
});

describe("G004-22: Table B, over-/underskud", () => {
  it("the rows are the annex's; sums −3.383 and −31.583 (printed −31.584: a rounding anomaly of 1)", () => {
    for (const d of bilag11.driftsherrer) {
      expect([d, num("overskud", d, "foer"), num("overskud", d, "nu")]).toEqual([
        d,
        ...bilag11.tabel2_overskud.raekker[d],
      ]);
    }
    expect(num("overskud", "hovedtotal", "foer")).toBe(-3383);
    expect(num("overskud", "hovedtotal", "nu")).toBe(-31583);
    expect(bilag11.tabel2_overskud.hovedtotal).toEqual([-3383, -31584]);
  });

  it("the result as % of the year's costs: −31.583 ÷ 4.213.355 = −0,75 % (»begrænset i forhold til den samlede volumen«)", () => {
    expect(num("overskud", "hovedtotal", "pct_af_regnskab")).toBeCloseTo(
      (-31583 / 4213355) * 100,
      6
    );
    expect(num("overskud", "hovedtotal", "pct_af_regnskab")).toBeCloseTo(-0.75, 2);
    expect(cell("overskud", "Hedensted", "pct_af_regnskab")).toBeNull();
  });
});

describe("G004-23: Table C, tillægsydelser", () => {
  it("sums 232.665 and 262.143 exactly, +12,7 %, and 5,0 % and 6,2 % of the year's costs", () => {
    expect(num("tillaeg", "hovedtotal", "foer")).toBe(232665);
    expect(num("tillaeg", "hovedtotal", "nu")).toBe(262143);
    expect(bilag11.tabel3_tillaeg.hovedtotal).toEqual([232665, 262143]);
    expect(bilag11.tekst.tillaeg_mio).toEqual([232, 262]);
    expect((262143 / 232665 - 1) * 100).toBeCloseTo(12.67, 2);
    expect((232665 / num("takstudvikling", "hovedtotal", "regnskab_foer")) * 100).toBeCloseTo(
      5.0,
      1
    );
    expect(num("tillaeg", "hovedtotal", "pct_af_regnskab")).toBeCloseTo(6.22, 2);
  });
});

describe("G004-24: Table E, pladser", () => {
  const E = bilag11.tabel5_pladser;
  const groups = Object.keys(E.maalgrupper);
  const colSum = (rows: Record<string, number[]>, i: number) =>
    sum(Object.values(rows).map((r) => r[i]));

  it("per target group the engine sums the offers (the annex's rows), and the change is year − year before", () => {
    for (const g of groups) {
      const rows = E.maalgrupper[g].rows;
      const got = ["dag_foer", "doegn_foer", "dag", "doegn"].map((c) => num("pladser", g, c));
      expect([g, ...got]).toEqual([g, ...[0, 1, 2, 3].map((i) => colSum(rows, i))]);
      expect(num("pladser", g, "aendring_dag")).toBe(got[2] - got[0]);
      expect(num("pladser", g, "aendring_doegn")).toBe(got[3] - got[1]);
    }
  });

  it("each target group's printed Hovedtotal equals its column sum within 1 (known anomalies listed)", () => {
    const off: string[] = [];
    for (const g of groups) {
      const { rows, total } = E.maalgrupper[g];
      [0, 1, 2, 3].forEach((i) => {
        const d = total[i] - colSum(rows, i);
        expect(Math.abs(d)).toBeLessThanOrEqual(1);
        if (d !== 0) off.push(`${g}[${i}] ${d > 0 ? "+" : ""}${d}`);
      });
    }
    expect(off).toEqual([
      "boern_unge[3] +1",
      "sindslidelse[1] -1",
      "sindslidelse[3] -1",
      "fysisk_handicap[0] -1",
      "psykisk_handicap[1] +1",
      "psykisk_handicap[2] -1",
    ]);
  });

  it("the text's claims hold on the printed Hovedtotal (seed mode): −343 day places (5,8 % → »6 %«), −707 døgn (11,8 % → »12 %«)", () => {
    const [d16, n16, d17, n17] = E.i_alt.total;
    const t = bilag11.tekst.pladser;
    expect(d16 - d17).toBe(t.dag_faerre);
    expect(n16 - n17).toBe(t.doegn_faerre);
    expect(Math.round(((d16 - d17) / d16) * 100)).toBe(t.dag_pct);
    expect(Math.round(((n16 - n17) / n16) * 100)).toBe(t.doegn_pct);
    expect(((d16 - d17) / d16) * 100).toBeCloseTo(5.8, 1);
    expect(((n16 - n17) / n16) * 100).toBeCloseTo(11.8, 1);
  });

  it("anomaly F004-24: the printed døgn totals 5.986 and 5.279 are not the column sums (5.856 and 5.164); Randers and Silkeborg 2017 døgn differ from their target groups", () => {
    expect([0, 1, 2, 3].map((i) => colSum(E.i_alt.rows, i))).toEqual([5911, 5856, 5567, 5164]);
    expect(E.i_alt.total).toEqual([5910, 5986, 5567, 5279]);
    // The engine counts offers, i.e. the target-group tables: 5.164 − (368 − 348) − (275 − 267) = 5.136.
    expect(
      ["dag_foer", "doegn_foer", "dag", "doegn"].map((c) => num("pladser", "i_alt", c))
    ).toEqual([5911, 5856, 5567, 5136]);
    const mismatches = bilag11.driftsherrer.flatMap((d) =>
      ["dag_foer", "doegn_foer", "dag", "doegn"].flatMap((c, i) =>
        num("pladser_driftsherre", d, c) === E.i_alt.rows[d][i]
          ? []
          : [`${d} ${c}: ${num("pladser_driftsherre", d, c)} vs ${E.i_alt.rows[d][i]}`]
      )
    );
    expect(mismatches).toEqual(["Randers doegn: 348 vs 368", "Silkeborg doegn: 267 vs 275"]);
  });

  it("the text's per-group changes: B&U −190/−194/−384, physical −506/−198/−704, mental +264/+51/+315 on the printed totals; forsorgshjem −227 where the text says 230 (F004-23)", () => {
    const change = (g: string) => {
      const [d16, n16, d17, n17] = E.maalgrupper[g].total;
      return [d17 - d16, n17 - n16, d17 + n17 - d16 - n16];
    };
    expect(change("boern_unge")).toEqual([-190, -194, -384]);
    expect(change("fysisk_handicap")).toEqual([-506, -198, -704]);
    expect(change("psykisk_handicap")).toEqual([264, 51, 315]);
    expect(change("forsorgshjem")).toEqual([-80, -147, -227]);
    expect(bilag11.tekst.pladser.forsorgshjem_faerre).toBe(230);
    // The engine recomputes from the rows, so its B&U døgn change is −195 (the printed 498 is one above the sum 497).
    expect([
      num("pladser", "boern_unge", "aendring_dag"),
      num("pladser", "boern_unge", "aendring_doegn"),
    ]).toEqual([-190, -195]);
  });

  it("the observation sentence is computed from the engine's figures (never typed)", () => {
    const obs = cell("observationer", "pladser", "tekst") as string;
    expect(obs).toBe(
      "Fra 2016 til 2017 er der 344 færre dagspladser og 720 færre døgnpladser inden for rammeaftalen, svarende til 5,8 % færre dagspladser og 12,3 % færre døgnpladser."
    );
    expect(cell("maalgrupper", "forsorgshjem", "pladser_tekst")).toBe(
      "80 færre dagspladser og 147 færre døgnpladser – i alt 227 færre pladser inden for rammeaftalen."
    );
  });
});

describe("G004-25: Table D, belægningsprocent (columns in printed header order: the first is »2017«)", () => {
  const D = bilag11.tabel4_belaegning;
  it("the engine reproduces every printed percentage within 0,05 from the offers' forbrug and normering", () => {
    for (const [g, d] of Object.entries(D)) {
      const ids = [`${g}.samlede`, ...(d.types.length > 1 ? d.types.map((s) => `${g}.${s}`) : [])];
      ids.forEach((id, i) => {
        expect([
          id,
          Math.abs(num("belaegning_pct", id, "foer") - d["2016"][i]) <= 0.05 + 1e-9,
        ]).toEqual([id, true]);
        expect([
          id,
          Math.abs(num("belaegning_pct", id, "nu") - d["2017"][i]) <= 0.05 + 1e-9,
        ]).toEqual([id, true]);
      });
    }
  });

  it("(a) every Samlede lies between its sub-rows in both years: 6 groups × 2 years", () => {
    let checks = 0;
    for (const [g, d] of Object.entries(D)) {
      if (d.types.length < 2) continue;
      for (const col of ["foer", "nu"]) {
        const samlede = num("belaegning_pct", `${g}.samlede`, col);
        const subs = d.types.map((s) => num("belaegning_pct", `${g}.${s}`, col));
        expect([
          g,
          col,
          samlede >= Math.min(...subs) - 1e-9 && samlede <= Math.max(...subs) + 1e-9,
        ]).toEqual([g, col, true]);
        checks++;
      }
    }
    expect(checks).toBe(12);
  });

  it("(b) anomaly F004-25: Samlede moves the same way for every group but Sikrede (7 rise, 1 falls), the opposite of the note's narrative", () => {
    const retning = Object.fromEntries(table("maalgrupper").raekker.map((r) => [r.id, r.retning]));
    expect(retning).toEqual({
      boern_unge: "steget",
      sikrede_institutioner: "faldet",
      sindslidelse: "steget",
      fysisk_handicap: "steget",
      psykisk_handicap: "steget",
      kvindekrisecentre: "steget",
      forsorgshjem: "steget",
      misbrug: "steget",
      i_alt: "7 steget, 1 faldet",
    });
  });
});

describe("the observation sentences", () => {
  it("takstudvikling, over-/underskud and tillægsydelser are written from the totals", () => {
    expect(cell("observationer", "takst", "tekst")).toMatch(
      /^Den gennemsnitlige pris pr\. plads .* er steget fra 391\.912 kr\. i 2016 til 396\.727 kr\. i 2017 \(1,2 %\)\./
    );
    expect(cell("observationer", "overskud", "tekst")).toMatch(
      /^Samlet set kommer driftsherrerne ud med et underskud på 31,6 mio\. kr\. i 2017, svarende til 0,7 % af årets omkostninger \(2016: et underskud på 3,4 mio\. kr\.\)\./
    );
    expect(cell("observationer", "tillaeg", "tekst")).toMatch(
      /udgør 262,1 mio\. kr\. i 2017 eller 6,2 % af årets omkostninger, en stigning fra 232,7 mio\. kr\. i 2016 \(12,7 %\)\./
    );
  });

  it("change with the data: Herning's 2017 result +40.000 (1.000 kr.) turns the deficit into a surplus", () => {
    const changed = returns.map((r) =>
      r.kommune === "Herning" && r.values["li_takst.indberetning.aar.svar"] === 2017
        ? { ...r, values: { ...r.values, "li_takst.tilbud.1.resultat": -1761 + 40000 } }
        : r
    );
    const t = tablesJson(computeTables({ pack, returns: changed })) as Tables;
    expect(t.overskud.raekker.find((r) => r.id === "hovedtotal")!.nu).toBe(-31583 + 40000);
    expect(t.observationer.raekker.find((r) => r.id === "overskud")!.tekst).toMatch(
      /^Samlet set kommer driftsherrerne ud med et overskud på 8,4 mio\. kr\. i 2017/
    );
  });
});

describe("validation (B7.5) and the 5 % rule", () => {
  const offer = (f: Record<string, unknown>) =>
    packReturn(pack, {
      kommune: "Odder",
      felter: {
        "li_takst.indberetning.aar.svar": 2017,
        "li_takst.tilbud.1.tilbud": "Bostedet",
        "li_takst.tilbud.1.maalgruppe": "psykisk_handicap",
        "li_takst.tilbud.1.type": "doegn",
        ...f,
      } as never,
    });
  const messages = (r: ReturnType<typeof offer>) =>
    r.findings.map((x) => `${x.severity}: ${x.message}`);

  it("an offer used ≤ 5 % by other municipalities is left out, with information; above 5 % it counts", () => {
    const out = offer({
      "li_takst.tilbud.1.pladser": 40,
      "li_takst.tilbud.1.pladser_andre": 2,
      "li_takst.tilbud.1.belaegning": 38,
      "li_takst.tilbud.1.regnskab": 15000,
    });
    expect(messages(out).filter((m) => m.startsWith("info"))).toHaveLength(1);
    expect(messages(out)[0]).toMatch(/ikke omfattet af rammeaftalen/);
    const t = tablesJson(computeTables({ pack, returns: [out] })) as Tables;
    expect(t.takstudvikling.raekker.find((r) => r.id === "Odder")!.regnskab).toBeNull();
    const inside = offer({
      "li_takst.tilbud.1.pladser": 40,
      "li_takst.tilbud.1.pladser_andre": 2.1,
      "li_takst.tilbud.1.belaegning": 38,
      "li_takst.tilbud.1.regnskab": 15000,
    });
    expect(inside.findings).toEqual([]);
    const t2 = tablesJson(computeTables({ pack, returns: [inside] })) as Tables;
    expect(t2.takstudvikling.raekker.find((r) => r.id === "Odder")!.regnskab).toBe(15000);
  });

  it("V-B7-1 belægning over 120 % of the places, V-B7-2 a price outside 100.000–1.500.000 kr., V-B7-6 costs without belægning: warnings", () => {
    const r = offer({
      "li_takst.tilbud.1.pladser": 10,
      "li_takst.tilbud.1.belaegning": 12.5,
      "li_takst.tilbud.1.regnskab": 20000,
    });
    expect(messages(r).filter((m) => m.startsWith("advarsel"))).toEqual([
      expect.stringMatching(/Belægningen er over 120 %/),
      expect.stringMatching(/Prisen pr\. plads .* uden for 100\.000–1\.500\.000 kr\./),
    ]);
    const costsOnly = offer({
      "li_takst.tilbud.1.pladser": 10,
      "li_takst.tilbud.1.regnskab": 3000,
    });
    expect(messages(costsOnly)).toEqual([
      expect.stringMatching(/^advarsel: Regnskab og belægning hører sammen/),
    ]);
  });

  it("V-B7-5 forbrug over 150 % of normering is a warning; an offer with places but no target group is an error", () => {
    const r = offer({
      "li_takst.tilbud.1.aktiv": "x",
      "li_takst.tilbud.1.forbrug_kvartal_1": 1600,
      "li_takst.tilbud.1.normering_kvartal_1": 1000,
    });
    expect(messages(r)).toEqual([expect.stringMatching(/^advarsel: Forbruget er over 150 %/)]);
    const noGroup = offer({ "li_takst.tilbud.1.maalgruppe": "", "li_takst.tilbud.1.pladser": 5 });
    expect(messages(noGroup)).toEqual([
      expect.stringMatching(/^fejl: Tilbuddet har pladser .* ingen målgruppe/),
    ]);
  });

  it("a return without a year is an error (the year carries the period)", () => {
    const r = packReturn(pack, { kommune: "Odder", felter: {} });
    expect(messages(r)).toEqual([
      "fejl: Skriv regnskabsåret (fx 2017); uden det kan indberetningen ikke sammenlignes med året før (»Regnskabsår« = tom).",
    ]);
  });
});

describe("the pack's constants (bilag 1, 2, 9, 10) and their tables", () => {
  const T = (row: string, col: "takst_2018" | "takst_2019") => num("tilsynstakster", row, col);
  const sizes = ["p1_7", "p8_24", "p25_49", "p50"];
  const factors = [1, 1.2, 2, 3];

  it("G004-01: the size multipliers 1; 1,2; 2; 3 hold within ±1 kr., except the 2019 50+ tilsyn and skærpet", () => {
    const off: string[] = [];
    for (const task of ["tilsyn", "skaerpet", "ny", "aendring"])
      for (const year of ["takst_2018", "takst_2019"] as const)
        sizes.forEach((s, i) => {
          const gap = T(`${task}.${s}`, year) - Math.round(T(`${task}.p1_7`, year) * factors[i]);
          if (Math.abs(gap) > 1) off.push(`${task}.${s} ${year}`);
        });
    expect(off).toEqual(["tilsyn.p50 takst_2019", "skaerpet.p50 takst_2019"]);
  });

  it("G004-02: skærpet tilsyn per month is 10 % of the yearly tilsyn within ±1 kr. (F004-04: no single rounding rule)", () => {
    for (const year of ["takst_2018", "takst_2019"] as const)
      for (const s of sizes)
        expect(
          Math.abs(T(`skaerpet.${s}`, year) - T(`tilsyn.${s}`, year) / 10)
        ).toBeLessThanOrEqual(1);
    expect([T("skaerpet.p1_7", "takst_2019"), T("skaerpet.p1_7", "takst_2018")]).toEqual([
      3379, 3285,
    ]); // 3.379,5 down, 3.284,5 up
  });

  it("G004-03: the 2019 50+ step is 48.825 kr., about 36,9 offers for the 1,8 mio. kr. (informative)", () => {
    const step = T("tilsyn.p50", "takst_2019") - 3 * T("tilsyn.p1_7", "takst_2019");
    expect(step).toBe(48825);
    expect(1800000 / step).toBeCloseTo(36.87, 2);
  });

  it("G004-04: development 2018 → 2019, nominal and in fixed prices with p = 1,0197", () => {
    const pct = (row: string) => [
      num("tilsynstakster", row, "nominel_pct"),
      num("tilsynstakster", row, "faste_priser_pct"),
    ];
    const r = (xs: number[], d: number) => xs.map((x) => Math.round(x * 10 ** d) / 10 ** d);
    expect(r(pct("tilsyn.p1_7"), 1)).toEqual([2.9, 0.9]);
    expect(r(pct("tilsyn.p50"), 1)).toEqual([52.4, 49.5]);
    expect(num("tilsynstakster", "tilsyn.p50", "nominel_pct")).toBeCloseTo(52.44, 2);
    expect(r(pct("ny.p1_7"), 1)).toEqual([1.6, -0.4]);
    expect(r(pct("aendring.p1_7"), 1)).toEqual([1.2, -0.7]);
  });

  it("G004-06: objective financing, Σ 27.260.158 vs printed 27.260.156 and 27.319.290 vs 27.319.289; −0,22 % nominal, −2,1 % fixed; Aarhus 24,1 %, Samsø 0,21 %", () => {
    expect(num("objektiv_finansiering", "i_alt", "aar_2019")).toBe(27260158);
    expect(num("objektiv_finansiering", "i_alt", "aar_2018")).toBe(27319290);
    const printed = pack.inputs.find((t) => t.id === "objektiv_finansiering")!.standard!.i_alt;
    expect(printed).toEqual({ "2018": 27319289, "2019": 27260156 });
    expect(num("objektiv_finansiering", "i_alt", "aendring_pct")).toBeCloseTo(-0.22, 2);
    expect(num("objektiv_finansiering", "i_alt", "faste_priser_pct")).toBeCloseTo(-2.14, 2);
    expect(num("objektiv_finansiering", "aarhus", "andel_pct")).toBeCloseTo(24.1, 1);
    expect(num("objektiv_finansiering", "samsoe", "andel_pct")).toBeCloseTo(0.21, 2);
    expect(table("objektiv_finansiering").raekker.map((r) => r.id)).toContain("faaborg_midtfyn"); // F004-07: as printed
    expect(table("objektiv_finansiering").raekker.map((r) => r.id)).not.toContain("silkeborg");
  });

  it("G004-18: model 1 hourly rates with 5,4 % administration: 422, 463, 232", () => {
    expect(
      ["model1_dag", "model1_nat", "model1_ledsager"].map((r) => num("ledsagelse", r, "med_admin"))
    ).toEqual([422, 463, 232]);
  });

  it("G004-20: Kofoedsminde, one national rate: implied populations rise, Midt's share 22,6–22,8 %, +95,8 % 2014→2017, +23,1 % to 2019", () => {
    const years = ["2014", "2015", "2016", "2017"];
    const pop = years.map((y) => num("kofoedsminde", y, "indbyggere_land"));
    const popMidt = years.map((y) => num("kofoedsminde", y, "indbyggere_midt"));
    for (let i = 1; i < 4; i++) {
      expect(pop[i]).toBeGreaterThan(pop[i - 1]);
      expect(popMidt[i]).toBeGreaterThan(popMidt[i - 1]);
    }
    for (const y of years) {
      expect(num("kofoedsminde", y, "andel_midt_pct")).toBeGreaterThanOrEqual(22.6);
      expect(num("kofoedsminde", y, "andel_midt_pct")).toBeLessThanOrEqual(22.8);
    }
    expect(num("kofoedsminde", "2017", "vaekst_pct")).toBeCloseTo(95.84, 2);
    expect(
      (num("kofoedsminde", "2019", "sats") / num("kofoedsminde", "2017", "sats") - 1) * 100
    ).toBeCloseTo(23.14, 2);
  });
});

describe("the report workbook", () => {
  it("has a sheet per report table after the summary", () => {
    const names = buildTablesReport({ result, returns }).sheets.map((s) => s.name);
    expect(names[0]).toBe("Overblik");
    for (const t of [
      "Takstudvikling på regnskab",
      "Over- og underskud",
      "Tillægsydelser",
      "Belægningsprocent pr. målgruppe",
      "Pladser pr. målgruppe",
    ])
      expect(names).toContain(t);
  });
});
