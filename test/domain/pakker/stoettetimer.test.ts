/**
 * The stoettetimer pack (døgnrytme, timepris, støttetimer) on the specification's worked examples.
 * All are synthetic: the seed (VIVE 2024) prints blank forms and constants only, so F.4, H.4 and
 * I.4 are the specification's own constructed figures, and the tests are named so.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { derivedValue, type DataContext } from "../../../src/domain/pack/env";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { judgeBatch } from "../../../src/domain/validate/batch";
import type { KommuneReturn } from "../../../src/domain/model";
import {
  F4_AFTENNAT,
  F4_DAG,
  F4_SHIFTS,
  TILBUD,
  breakfastGroup,
  dayForm,
  f4Week,
  h4,
  i4,
  periodForm,
  readForms,
  stoettePack,
  timeprisForm,
} from "../../helpers/stoettetimer";

type Row = Record<string, unknown> & { id: string };
type Json = Record<string, { kolonner: string[]; raekker: Row[] }>;

function tables(
  returns: readonly KommuneReturn[],
  settings?: Record<string, number | string>
): Json {
  return tablesJson(
    computeTables({ pack: stoettePack(), returns, ...(settings ? { settings } : {}) })
  ) as Json;
}
const row = (t: { raekker: Row[] }, id: string) => {
  const r = t.raekker.find((x) => x.id === id);
  if (!r) throw new Error(`ingen række ${id}: ${t.raekker.map((x) => x.id).join(", ")}`);
  return r;
};

/** A derived cell's value in one return, as the engine computes it. */
function derived(r: KommuneReturn, id: string): number | string | boolean | null {
  const pack = stoettePack();
  const ctx: DataContext = { pack, respondents: [], inputs: {}, setting: () => undefined };
  const v = derivedValue(ctx, pack.derived.get(id)!, { name: r.kommune, values: r.values });
  return v.k === "v" ? v.v : null;
}

describe("the output contract", () => {
  it("has the tables doegn, leveret and timepris with exactly the issue's columns", () => {
    const t = tables([]);
    expect(t.doegn.kolonner).toEqual(["dag_min", "dag_timer", "andel_1til1"]);
    expect(t.leveret.kolonner).toEqual([
      "visiteret",
      "leveret",
      "leveringsgrad",
      "afvigelse",
      "status",
      "ydelsesniveau",
      "visitationsudvalg",
    ]);
    expect(t.timepris.kolonner).toEqual([
      "ata_timer",
      "timepris",
      "timepris_real",
      "afvigelse_pct",
    ]);
  });
});

describe("F.4 døgnrytme (synthetic worked example)", () => {
  const monday = readForms([dayForm(TILBUD, "AB", "2024-02-12", F4_DAG, F4_AFTENNAT, F4_SHIFTS)]);

  it("reads the day sheet without findings", () => {
    expect(monday[0].findings).toEqual([]);
  });

  it("converts every slot: duration × staff ÷ citizens, the night slot wrapping past midnight (G-F2)", () => {
    const r = monday[0];
    const omregnet = (b: string, n: number) => derived(r, `doegnrytme.${b}.${n}.omregnet`);
    expect([1, 2, 3].map((n) => omregnet("dag", n))).toEqual([45, 7.5, 15]);
    expect([1, 2, 3, 4].map((n) => omregnet("aftennat", n))).toEqual([30, 20, 30, 60]);
    // 23:00–07:00: (420 − 1380) mod 1440 = 480 minutes, at 1:8 60.
    expect(derived(r, "doegnrytme.aftennat.4.varighed")).toBe(480);
    expect(derived(r, "doegnrytme.aftennat.4.personale")).toBe(1);
    expect(derived(r, "doegnrytme.aftennat.4.borgere")).toBe(8);
  });

  it("G-F1: dag_min 207,5, dag_timer 3,46, 1:1 share 50,6 % (row AB|2024-02-12)", () => {
    const t = tables(monday).doegn;
    const ab = row(t, "AB|2024-02-12");
    expect(ab.dag_min).toBe(207.5);
    expect(ab.dag_timer).toBeCloseTo(207.5 / 60, 12);
    expect(Math.round((ab.dag_timer as number) * 100) / 100).toBe(3.46);
    // (45 + 30 + 30) / 207,5 = 50,6 %.
    expect(ab.andel_1til1).toBeCloseTo((105 / 207.5) * 100, 12);
    expect(Math.round((ab.andel_1til1 as number) * 10) / 10).toBe(50.6);
    // The template's own day total is the same figure.
    expect(derived(monday[0], "doegnrytme.tid.dag_min.i_alt")).toBe(207.5);
  });

  it("G-F1: the week is only the days given: Monday–Friday 207,5 and the weekend 240 each = 1 517,5 min = 25,29 h", () => {
    const week = readForms(f4Week());
    expect(week.flatMap((r) => r.findings)).toEqual([]);
    const t = tables(week);
    expect(t.doegn.raekker.map((r) => r.id)).toEqual([
      "AB|2024-02-12",
      "AB|2024-02-13",
      "AB|2024-02-14",
      "AB|2024-02-15",
      "AB|2024-02-16",
      "AB|2024-02-17",
      "AB|2024-02-18",
    ]);
    const uge = row(t.uge, "AB|2024-02-12/2024-02-18");
    expect(uge).toMatchObject({
      dage: 7,
      gange_7: false,
      uge_min: 1517.5,
      opgoerelse: "7 af 7 dage",
    });
    expect(Math.round((uge.uge_timer as number) * 100) / 100).toBe(25.29);
  });

  it("never multiplies by 7 silently: one day alone is that day; ticked »alle ugens dage« it is 7 × the day", () => {
    const alone = row(tables(readForms([f4Week()[0]])).uge, "AB|2024-02-12/2024-02-18");
    expect(alone).toMatchObject({
      dage: 1,
      uge_min: 207.5,
      opgoerelse: "1 af 7 dage (ugen er ikke komplet)",
    });
    const ticked = readForms([
      dayForm(TILBUD, "AB", "2024-02-14", F4_DAG, F4_AFTENNAT, {
        ...F4_SHIFTS,
        "doegnrytme.hoved.hele_ugen.svar": "x",
      }),
    ]);
    const seven = row(tables(ticked).uge, "AB|2024-02-12/2024-02-18");
    expect(seven).toMatchObject({
      dage: 1,
      gange_7: true,
      uge_min: 7 * 207.5,
      opgoerelse: "7 × én dag, der gælder alle ugens dage",
    });
    // The sheet's own week total says the same, and stays empty without the tick.
    expect(derived(ticked[0], "doegnrytme.tid.uge_min.i_alt")).toBe(1452.5);
    expect(derived(readForms([f4Week()[0]])[0], "doegnrytme.tid.uge_min.i_alt")).toBeNull();
  });

  it("G-F3: the four citizens at breakfast each carry 7,5 minutes; together 30 = duration 30 × 1 staff", () => {
    const group = readForms(breakfastGroup());
    const t = tables(group).doegn;
    const each = ["CD", "EF", "GH", "IJ"].map((b) => row(t, `${b}|2024-02-12`).dag_min as number);
    expect(each).toEqual([7.5, 7.5, 7.5, 7.5]);
    const varighed = derived(group[0], "doegnrytme.dag.1.varighed") as number;
    const personale = derived(group[0], "doegnrytme.dag.1.personale") as number;
    expect(each.reduce((a, b) => a + b, 0)).toBe(varighed * personale);
    expect(row(t, "CD|2024-02-12").andel_1til1).toBe(0);
  });

  it("double staffing (addition): 10:00–10:30 at 2:1 counts 30 × 2 / 1 = 60", () => {
    const r = readForms([
      dayForm(TILBUD, "KL", "2024-02-12", [["10:00", "10:30", "2:1", "Bad"]], []),
    ]);
    expect(derived(r[0], "doegnrytme.dag.1.omregnet")).toBe(60);
    // F.5: more staff than citizens is worth a remark (info), not an error.
    expect(r[0].findings.map((f) => [f.rule, f.severity])).toEqual([
      ["dobbeltbemanding_dag", "info"],
    ]);
  });
});

describe("H.4 timepris (seed-derived invariant and synthetic examples)", () => {
  const t = tables(readForms(h4())).timepris;

  it("reads the three offers without errors or warnings", () => {
    expect(readForms(h4()).flatMap((r) => r.findings.filter((f) => f.severity !== "info"))).toEqual(
      []
    );
  });

  it("G-H2: 550 000 kr. and 1 400 h: ATA 60 % gives 840 h and 654,76 kr.; 75 % gives 1 050 h and 523,81 kr.", () => {
    const a = row(t, "Tilbud 60");
    const b = row(t, "Tilbud 75");
    expect(a.ata_timer).toBe(840);
    expect(b.ata_timer).toBe(1050);
    expect(Math.round((a.timepris as number) * 100) / 100).toBe(654.76);
    expect(Math.round((b.timepris as number) * 100) / 100).toBe(523.81);
    // G-H1: the price factor between 60 % and 75 % ATA is 75/60 = 1,25.
    expect((a.timepris as number) / (b.timepris as number)).toBeCloseTo(1.25, 12);
  });

  it("G-H3: the GIT breakdown: 1 924 − 222 − 74 = 1 628 h; − 37 − 111 − 185 = 1 295 ATA hours; 424,71 kr.", () => {
    const git = row(t, "Tilbud GIT");
    expect(git.ata_timer).toBe(1295);
    expect(Math.round((git.timepris as number) * 100) / 100).toBe(424.71);
    const r = readForms(h4())[2];
    expect(derived(r, "timepris.beregnet.fremmoedetid.vaerdi")).toBe(1628);
    expect(Math.round((derived(r, "timepris.beregnet.ata_andel.vaerdi") as number) * 10) / 10).toBe(
      79.5
    );
  });

  it("G-H4: the realised day 13 600 kr. / 22 h = 618,18 kr., −5,6 % against 654,76", () => {
    const a = row(t, "Tilbud 60");
    expect(Math.round((a.timepris_real as number) * 100) / 100).toBe(618.18);
    expect(Math.round((a.afvigelse_pct as number) * 10) / 10).toBe(-5.6);
    expect(derived(readForms(h4())[0], "timepris.realiseret.1.loen")).toBe(13600);
    // No realised days: nothing to compare.
    expect(row(t, "Tilbud 75").timepris_real).toBeNull();
  });

  it("prices a support hour at ATA shares 50–90 % (sensitivity)", () => {
    const f = row(tables(readForms(h4())).foelsomhed, "Tilbud 60");
    expect(f.ata_60).toBeCloseTo(550000 / 840, 9);
    expect(f.ata_75).toBeCloseTo(550000 / 1050, 9);
    expect(f.ata_50).toBeCloseTo(550000 / 700, 9);
  });
});

describe("I.4 støttetimer (seed constants, synthetic inputs)", () => {
  const returns = readForms(i4());
  const t = tables(returns);
  const id = (b: string) => `${b}|2024-02-12/2024-02-18`;

  it("reads the period without errors (a citizen with ordered and delivered hours each)", () => {
    expect(returns[0].findings.filter((f) => f.severity === "fejl")).toEqual([]);
  });

  it("G-I2: ordered 10, delivered 8,5 / 9,5 / 11,5 at tolerance 10 % → rød (for få) / grøn / rød (for mange)", () => {
    expect(row(t.leveret, id("B1"))).toMatchObject({
      visiteret: 10,
      leveret: 8.5,
      leveringsgrad: 85,
      afvigelse: -1.5,
      status: "rød (for få)",
    });
    expect(row(t.leveret, id("B2"))).toMatchObject({ leveringsgrad: 95, status: "grøn" });
    expect(row(t.leveret, id("B3"))).toMatchObject({
      leveringsgrad: 115,
      status: "rød (for mange)",
    });
  });

  it("an optional yellow band between the tolerance and twice it", () => {
    const g = tables(returns, { gult_baand: "ja" }).leveret;
    expect(row(g, id("B1")).status).toBe("gul");
    expect(row(g, id("B2")).status).toBe("grøn");
  });

  it("G-I1: service levels of 0,5; 0,75; 2,5; 3; 4; 4,25 hours a week are under (0); 1; 1; 2; 2; 3", () => {
    expect(
      ["N1", "N2", "N3", "N4", "N5", "N6"].map((b) => row(t.leveret, id(b)).ydelsesniveau)
    ).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it("committee at T = 7: 7,0 → no, 7,5 → yes; 11 hours a week go for every T in [5; 10] (G-G1)", () => {
    const seven = tables(returns, { visitationsudvalg_timer: 7 }).leveret;
    expect(row(seven, id("U1")).visitationsudvalg).toBe(false);
    expect(row(seven, id("U2")).visitationsudvalg).toBe(true);
    for (const T of [5, 7.5, 10])
      expect(
        row(tables(returns, { visitationsudvalg_timer: T }).leveret, id("U3")).visitationsudvalg
      ).toBe(true);
  });

  it("employee load: 20, 25 and 30 of 30 norm hours are 66,7 %, 83,3 % and 100 %; the mean 83,3 %", () => {
    const m = t.medarbejdere;
    const load = (x: string) => row(m, `${x}|2024-02-12/2024-02-18`).belastning as number;
    expect(load("M1")).toBeCloseTo(200 / 3, 9);
    expect(load("M2")).toBeCloseTo(250 / 3, 9);
    expect(load("M3")).toBe(100);
    expect(row(m, "gennemsnit").belastning as number).toBeCloseTo(250 / 3, 9);
  });

  it("a period of two weeks orders twice the weekly hours; shares of ATA time and cancelled visits", () => {
    const two = readForms([
      periodForm("Bostøtten Syd", "2024-03-04", "2024-03-17", [
        [
          "C1",
          5,
          9,
          { budget: 10, ata_timer: 6, besoeg_planlagt: 8, aflyst_borger: 1, aflyst_leverandoer: 1 },
        ],
      ]),
    ]);
    const tt = tables(two);
    const c1 = row(tt.leveret, "C1|2024-03-04/2024-03-17");
    expect(c1).toMatchObject({ visiteret: 10, leveret: 9, leveringsgrad: 90, status: "grøn" });
    expect(row(tt.regnskab, "C1|2024-03-04/2024-03-17")).toMatchObject({
      budgetteret: 10,
      leveringsgrad_budget: 90,
      aflysningsandel: 25,
    });
    expect(row(tt.regnskab, "C1|2024-03-04/2024-03-17").ata_andel).toBeCloseTo((6 / 9) * 100, 12);
  });
});

describe("checks on bad input (Danish messages)", () => {
  const rules = (forms: Parameters<typeof readForms>[0]) =>
    readForms(forms)[0].findings.map((f) => [f.rule, f.severity, f.field, f.message]);

  it("an end before the start is an error, unless it is a night slot in the evening/night rhythm", () => {
    expect(
      rules([dayForm(TILBUD, "AB", "2024-02-12", [["09:00", "08:00", "1:1", "Bad"]], [])])
    ).toEqual([
      [
        "slut_foer_start_dag",
        "fejl",
        "doegnrytme.dag.1.slut",
        "Til-klokkeslættet ligger før fra-klokkeslættet; kun en nattevagt i aften-/natrytmen må gå over midnat; post 1 (slut = 08:00, start = 09:00).",
      ],
    ]);
    const night = rules([
      dayForm(
        TILBUD,
        "AB",
        "2024-02-12",
        [],
        [
          ["23:00", "07:00", "1:8", "Nattevagt"],
          ["14:00", "13:00", "1:1", "Forkert"],
        ]
      ),
    ]);
    expect(night.filter((f) => f[1] === "fejl")).toEqual([
      [
        "slut_foer_start_aftennat",
        "fejl",
        "doegnrytme.aftennat.2.slut",
        "Til-klokkeslættet ligger før fra-klokkeslættet, og tidsrummet er ikke en nattevagt (en nattevagt begynder efter kl. 12 og slutter senest kl. 12 næste dag); post 2 (slut = 13:00, start = 14:00).",
      ],
    ]);
  });

  it("»1:0« and »1-4« are errors on the staffing cell", () => {
    const found = rules([
      dayForm(
        TILBUD,
        "AB",
        "2024-02-12",
        [
          ["07:00", "07:30", "1:0", "Bad"],
          ["08:00", "08:30", "1-4", "Morgenmad"],
        ],
        []
      ),
    ]);
    expect(found).toEqual([
      [
        "normering_form_dag",
        "fejl",
        "doegnrytme.dag.2.normering",
        "Skriv 1:1 eller i gruppe som personale:borgere med kolon, fx 1:1 eller 1:4; post 2 (normering = «1-4», personale = tom, borgere = tom).",
      ],
      [
        "normering_hele_tal_dag",
        "fejl",
        "doegnrytme.dag.1.normering",
        "Personale og borgere skal være hele tal på mindst 1 (fx 1:4, ikke 1:0); post 1 (personale = 1, borgere = 0).",
      ],
    ]);
  });

  it("overlapping slots, also across the two rhythms and past midnight, are a warning naming both", () => {
    const found = rules([
      dayForm(
        TILBUD,
        "AB",
        "2024-02-12",
        [
          ["06:30", "07:30", "1:1", "Morgen"],
          ["07:15", "08:00", "1:1", "Bad"],
        ],
        [["23:00", "07:00", "1:8", "Nattevagt"]]
      ),
    ]);
    expect(found).toEqual([
      [
        "tidsrum_overlapper",
        "advarsel",
        "doegnrytme.dag.2.start",
        "To tidsrum for borgeren overlapper hinanden: Dagrytme (starter ved vagtskifte) post 2 (07:15–08:00) overlapper Dagrytme (starter ved vagtskifte) post 1 (06:30–07:30).",
      ],
      [
        "tidsrum_overlapper",
        "advarsel",
        "doegnrytme.aftennat.1.start",
        "To tidsrum for borgeren overlapper hinanden: Aften-/natrytme (starter ved vagtskifte) post 1 (23:00–07:00) overlapper Dagrytme (starter ved vagtskifte) post 1 (06:30–07:30).",
      ],
    ]);
  });

  it("H.5: no ATA hours, deductions above the norm, an ATA share outside (0; 100] or the usual 50–90 %, breakdown and rule of thumb apart", () => {
    const base = { "grundlag.loen_pr_aarsvaerk.vaerdi": 550000, "grundlag.aarsnorm.vaerdi": 1400 };
    const ruleIds = (felter: Record<string, unknown>) =>
      readForms([timeprisForm("T", { ...base, ...felter })])[0].findings.map(
        (f) => `${f.severity}:${f.rule}`
      );
    expect(ruleIds({ "andele.ata_pct.vaerdi": 0 })).toEqual([
      "fejl:ata_timer_ikke_positiv",
      "fejl:ata_pct_interval",
      "advarsel:ata_pct_usaedvanlig",
    ]);
    expect(ruleIds({ "andele.ata_pct.vaerdi": 120 })).toEqual([
      "fejl:ata_pct_interval",
      "advarsel:ata_pct_usaedvanlig",
    ]);
    expect(ruleIds({ "andele.ata_pct.vaerdi": 40 })).toEqual(["advarsel:ata_pct_usaedvanlig"]);
    expect(ruleIds({ "fravaer.ferie.vaerdi": 900, "aktiviteter.moeder.vaerdi": 600 })).toEqual([
      "fejl:ata_timer_ikke_positiv",
      "fejl:fradrag_over_aarsnorm",
    ]);
    // Breakdown: 1 400 − 300 = 1 100 ATA hours = 78,6 %; the rule of thumb says 60 %.
    expect(ruleIds({ "aktiviteter.moeder.vaerdi": 300, "andele.ata_pct.vaerdi": 60 })).toEqual([
      "advarsel:ata_pct_afviger_opdeling",
    ]);
    expect(ruleIds({ "andele.ata_pct.vaerdi": 60, "andele.overhead_pct.vaerdi": 5 })).toEqual([
      "info:loenandel_over_90",
    ]);
  });

  it("I.5: ATA above delivered, cancellations above planned visits, ordered hours outside the stated level, over 7 × 24 h a week", () => {
    const r = readForms([
      periodForm("Bostøtten Nord", "2024-02-12", "2024-02-18", [
        ["A1", 3, 2, { ata_timer: 3 }],
        ["A2", 3, 3, { besoeg_planlagt: 2, aflyst_borger: 2, aflyst_leverandoer: 1 }],
        ["A3", 3, 3, { niveau: 1 }],
        ["A4", 100, 200],
        ["A5", 5, null],
      ]),
    ])[0];
    expect(r.findings.map((f) => [f.rule, f.field])).toEqual([
      ["ata_over_leveret", "stoettetimer.borgere.1.ata_timer"],
      ["aflysninger_over_planlagt", "stoettetimer.borgere.2.aflyst_borger"],
      ["visiteret_uden_for_niveau", "stoettetimer.borgere.3.visiteret_uge"],
      ["leveret_over_doegnet", "stoettetimer.borgere.4.leveret_timer"],
      ["visiteret_uden_leveret", "stoettetimer.borgere.5.leveret_timer"],
    ]);
  });

  it("a CPR number as the citizen is refused and never stored; the day is left without a citizen", () => {
    const r = readForms([dayForm(TILBUD, "010190-1234", "2024-02-12", F4_DAG, [])])[0];
    expect(r.values["doegnrytme.hoved.borger.svar"]).toBeNull();
    expect(r.findings.map((f) => f.rule)).toEqual(["cpr_nummer", "borger_mangler"]);
    expect(JSON.stringify(r)).not.toContain("010190");
    const t = tables([r]);
    expect(t.doegn.raekker).toEqual([]);
    expect(JSON.stringify(t)).not.toContain("010190");
  });
});

describe("the examples in examples/stoettetimer", () => {
  it("are exactly the worked examples above, as JSON returns (the README's commands use them)", () => {
    const dir = join(__dirname, "..", "..", "..", "examples", "stoettetimer");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    const key = (x: unknown) => JSON.stringify(x);
    const onDisk = files.map((f) => key(JSON.parse(readFileSync(join(dir, f), "utf8")))).sort();
    const here = [...f4Week(), ...breakfastGroup(), ...h4(), ...i4()].map(key).sort();
    expect(onDisk).toEqual(here);
  });
});

describe("many forms from one tilbud (flere_skemaer)", () => {
  it("are each used, never a conflict of several returns from one respondent", () => {
    const week = readForms(f4Week());
    const verdict = judgeBatch(stoettePack(), week);
    expect(verdict.conflicts).toEqual([]);
    expect(verdict.used).toEqual(week.map(() => true));
    expect(verdict.findings.flat()).toEqual([]);
  });
});
