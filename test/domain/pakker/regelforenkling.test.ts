/**
 * regelforenkling (KL's rule-simplification proposals, KKR Syddanmark autumn 2023): the example
 * return examples/regelforenkling/kl.json holds the overview list (73 numbered proposals and one
 * re-submission) with the potentials the notes quantify. Golden figures: the counts per pakke
 * (G-D1) and per ministry (G-D2), the conversions of the quantified potentials (G-D3, G-D4, G-D5
 * and the kr. figures of D.5 at 550 000 kr. pr. årsværk and 1 400 timer pr. årsværk), the count
 * of proposals without quantification, and the D.6 rules with their exact findings.
 */
import { join } from "path";
import type { FieldValue } from "../../../src/domain/model";
import { builtinPack } from "../../../src/domain/pakker";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { packReturn, packReturnsIn } from "../../helpers/packReturns";

const pack = builtinPack("regelforenkling")!;
const EXAMPLES = join(__dirname, "..", "..", "..", "examples", "regelforenkling");
const returns = packReturnsIn(pack, EXAMPLES);
type Row = Record<string, unknown>;
type Json = Record<string, { kolonner: string[]; raekker: Row[] }>;
const json = tablesJson(computeTables({ pack, returns })) as Json;
const rowOf = (table: string, id: string) => json[table].raekker.find((r) => r.id === id)!;

/** One return from KL with the given records (1-based), each a map of field → value. */
function kl(records: readonly Record<string, FieldValue>[]) {
  const felter: Record<string, FieldValue> = {};
  records.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) felter[`regelforenkling.forslag.${i + 1}.${k}`] = v;
  });
  return packReturn(pack, { kommune: "KL", felter });
}

describe("the pack and its example", () => {
  it("is built in; the respondent is KL (afsenderen), the settings carry their sources", () => {
    expect(pack.respondents.names).toEqual(["KL"]);
    expect(pack.respondents.label).toBe("Anfør afsenderens navn:");
    const s = Object.fromEntries(pack.settings.map((x) => [x.id, x]));
    expect(s.timer_pr_aarsvaerk.default).toBe(1400);
    expect(s.timer_pr_aarsvaerk.source).toMatch(/KL's analyse/);
    expect(s.loen_pr_aarsvaerk.default).toBe(550000);
    expect(s.loen_pr_aarsvaerk.source).toMatch(/Eksempelværdi.*står ikke i KL's materiale/);
    expect(s.kommuner_i_alt.default).toBe(98);
  });

  it("the overview is 74 records (73 numbered + nr. 60 re-submitted); its only finding is G-D4's non-linear ranges", () => {
    expect(json.forslag.raekker).toHaveLength(74);
    expect(json.forslag.raekker.at(-1)).toMatchObject({ id: "jf. 60", titel: "Fortegnelseskrav er for detaljerede", pakke_nr: 6 });
    expect(returns[0].findings.map((f) => [f.rule, f.severity, f.field])).toEqual([
      ["spaend_ikke_lineaere", "advarsel", "regelforenkling.forslag.4.pot_kr_lav"],
    ]);
  });
});

describe("counts per pakke (G-D1) and per ministry (G-D2)", () => {
  it("pakke 1–6: 3/22/16/20/1/11 numbered, 73 in all, plus 1 re-submission in pakke 6", () => {
    const t = json.pakker;
    expect(t.raekker.map((r) => [r.id, r.forslag, r.genfremsendte])).toEqual([
      ["1", 3, 0],
      ["2", 22, 0],
      ["3", 16, 0],
      ["4", 20, 0],
      ["5", 1, 0],
      ["6", 11, 1],
      ["i_alt", 73, 1],
    ]);
  });

  it("per ministry with the overview's own names; the pakke-4 agencies together (20)", () => {
    const counts = Object.fromEntries(json.ministerier.raekker.map((r) => [r.id, r.forslag]));
    expect(counts).toEqual({
      "Børne- og Ungeministeriet": 17,
      "Social-, Bolig- og Ældreministeriet": 10,
      "Indenrigs- og Sundhedsministeriet": 9,
      Beskæftigelsesministeriet: 4,
      Erhvervsministeriet: 3,
      // nr. 66 and 68 differ only in the case of one letter: one ministry, named as nr. 66 writes it.
      "Digitaliserings- og ligestillingsministeriet": 2,
      Skatteministeriet: 1,
      "Udlændinge- og Integrationsministeriet": 1,
      Justitsministeriet: 1,
      Transportministeriet: 1,
      Miljøministeriet: 1,
      Beskæftigelsesområdet: 1,
      "Skatteministeriet, Indenrigs- og Sundhedsministeriet m.fl.": 1,
      "Social-, Bolig- og Ældreministeriet (Social og Boligstyrelsen)": 1,
      "Styrelser m.fl. (pakke 4)": 20,
      i_alt: 73,
    });
  });
});

describe("quantified potentials converted (D.3, D.5)", () => {
  const p = (nr: string) => rowOf("potentialer", nr);

  it("has a row per proposal whose potential converts, id = its nr, with timer, aarsvaerk and kr", () => {
    expect(json.potentialer.raekker.map((r) => r.id)).toEqual(["4", "9", "12", "15", "16", "20", "34", "55", "70", "i_alt"]);
    for (const c of ["timer", "aarsvaerk", "kr"]) expect(json.potentialer.kolonner).toContain(c);
  });

  it("G-D3: Kalundborg's 1 160 timer over 2 years → 580 timer and 0,414 årsværk a year", () => {
    expect(p("55").timer).toBe(580);
    expect(p("55").aarsvaerk).toBeCloseTo(0.414, 3);
    expect(p("55").aarsvaerk).toBeCloseTo(1160 / 2 / 1400, 12);
    expect(p("55").omregning).toBe("timer ÷ 2 år ÷ timer pr. årsværk");
  });

  it("G-D4: 1–2 medarbejdere pr. kommune × 98 → 98–196 årsværk; 80–90 mio. kr. imply 408 163–918 367 kr. pr. årsværk", () => {
    expect(p("4")).toMatchObject({ aarsvaerk_lav: 98, aarsvaerk_hoej: 196, aarsvaerk: 147 });
    expect(p("4").anfoert_kr).toBe(
      "anført 80.000.000–90.000.000 kr. pr. år svarer til 408.163–918.367 kr. pr. årsværk"
    );
  });

  it("G-D4: the ranges are not linear (80 mio./98 = 816 327 vs 90 mio./196 = 459 184 kr. pr. årsværk): an advarsel", () => {
    const f = returns[0].findings[0];
    expect(f.message).toBe(
      "Spændene hænger ikke lineært sammen: kronebeløbet pr. enhed er ikke det samme i spændets lave og høje ende (mere end den tilladte forskel); " +
        "post 4 (pot_kr_lav = 80.000.000, pot_hoej = 2, pot_kr_hoej = 90.000.000, pot_lav = 1)."
    );
    // A linear pair (1–2 medarbejdere, 80–160 mio. kr.) is fine.
    const linear = kl([{ nr: 4, overskrift: "x", pakke: 2, ministerium: "x", type: "ministeriel", pot_lav: 1, pot_hoej: 2, pot_enhed: "medarbejdere_pr_kommune", pot_kr_lav: 80e6, pot_kr_hoej: 160e6 }]);
    expect(linear.findings).toEqual([]);
  });

  it("kr. pr. år ÷ 550 000: nr. 9 12–24 mio. → 21,8–43,6 ÅV; nr. 12 → 18,2–36,4; nr. 20 → 9,1; nr. 34 → 1,8–3,6; nr. 16 → 29,8; nr. 15 → 54,5", () => {
    const aav = (nr: string) => [p(nr).aarsvaerk_lav, p(nr).aarsvaerk_hoej].map((x) => Math.round((x as number) * 10) / 10);
    expect(aav("9")).toEqual([21.8, 43.6]);
    expect(aav("12")).toEqual([18.2, 36.4]);
    expect(aav("20")).toEqual([9.1, 9.1]);
    expect(aav("34")).toEqual([1.8, 3.6]);
    expect(aav("16")).toEqual([29.8, 29.8]);
    expect(aav("15")).toEqual([54.5, 54.5]);
    // A figure already in kroner keeps its amount.
    expect(p("9")).toMatchObject({ kr_lav: 12e6, kr_hoej: 24e6, kr: 18e6 });
  });

  it("nr. 70: 10 mio. kr. over 2 years → 5 mio. kr. and 9,1 årsværk a year", () => {
    expect(p("70").kr).toBe(5e6);
    expect(p("70").aarsvaerk).toBeCloseTo(5e6 / 550000, 12);
  });

  it("the total row sums the conversions (low 242,8 ÅV; high 382,6 ÅV)", () => {
    const t = rowOf("potentialer", "i_alt");
    expect(t.aarsvaerk_lav).toBeCloseTo(98 + (12 + 10 + 30 + 16.4 + 5 + 1 + 5) * 1e6 / 550000 + 1160 / 2800, 9);
    expect(t.aarsvaerk_hoej).toBeCloseTo(196 + (24 + 20 + 30 + 16.4 + 5 + 2 + 5) * 1e6 / 550000 + 1160 / 2800, 9);
    expect(t.kr_lav).toBeCloseTo(98 * 550000 + (12 + 10 + 30 + 16.4 + 5 + 1 + 5) * 1e6 + (1160 * 550000) / 2800, 4);
  });

  it("uses the settings: at 600 000 kr. and 1 500 timer pr. årsværk, nr. 9's 12 mio. kr. are 20 ÅV and 30 000 timer", () => {
    const t = tablesJson(computeTables({ pack, returns, settings: { loen_pr_aarsvaerk: 600000, timer_pr_aarsvaerk: 1500 } })) as Json;
    const r = t.potentialer.raekker.find((x) => x.id === "9")!;
    expect(r).toMatchObject({ aarsvaerk_lav: 20, aarsvaerk_hoej: 40, kr_lav: 12e6 });
    expect(r.timer).toBeCloseTo(30 * 1500, 9);
  });

  it("G-D5: a count over a period is shown per year: (270 + 1 540) sager over 3 år → 603,3 a year; nr. 46's »godt 1300 sager« a year stays 1 300", () => {
    expect(rowOf("oevrige_tal", "46")).toMatchObject({ enhed: "antal", pr_aar_lav: 1300 });
    const r = kl([{ nr: 46, overskrift: "Barometre", pakke: 4, ministerium: "Ankestyrelsen", type: "styrelse", pot_lav: 270 + 1540, pot_enhed: "antal", pot_periode_aar: 3 }]);
    const t = tablesJson(computeTables({ pack, returns: [r] })) as Json;
    const row = t.oevrige_tal.raekker[0];
    expect(row.id).toBe("46");
    expect(Math.round((row.pr_aar_lav as number) * 10) / 10).toBe(603.3);
    expect(t.potentialer.raekker.filter((x) => x.id !== "i_alt")).toEqual([]);
  });

  it("counts the proposals without quantification from the register: 63 af 73", () => {
    expect(rowOf("kvantificering", "uden kvantificering").sammenfatning).toBe("63 af 73 forslag uden kvantificering");
    expect(rowOf("kvantificering", "med kvantificering").sammenfatning).toBe("10 af 73 forslag med kvantificering");
    expect(rowOf("pakker", "i_alt")).toMatchObject({ kvantificerede: 10, uden_kvantificering: 63, omregnede: 9 });
  });
});

describe("validation rules (D.6)", () => {
  const ok = { overskrift: "Forslag", pakke: 2, ministerium: "Børne- og Ungeministeriet", type: "ministeriel" };
  const found = (records: readonly Record<string, FieldValue>[]) =>
    kl(records).findings.map((f) => `${f.rule}|${f.severity}|${f.field}`);

  it("a clean record has no finding", () => {
    expect(found([{ nr: 1, ...ok }, { nr: 2, ...ok, pot_lav: 1, pot_hoej: 2, pot_enhed: "kr_aar" }])).toEqual([]);
  });

  it("nr unique and 1–73", () => {
    expect(found([{ nr: 5, ...ok }, { nr: 5, ...ok }, { nr: 74, ...ok }])).toEqual([
      "nr_entydig|fejl|regelforenkling.forslag.2.nr",
      "nr_interval|fejl|regelforenkling.forslag.3.nr",
    ]);
    const f = kl([{ nr: 5, ...ok }, { nr: 5, ...ok }]).findings[0];
    expect(f.message).toBe("Et nr. må kun stå ved ét forslag: «5» står både i post 1 og i post 2.");
  });

  it("a record without nr must refer to the nr it re-submits", () => {
    expect(found([{ ...ok }, { ...ok, henvisning_nr: 60 }])).toEqual([
      "uden_nr_uden_henvisning|fejl|regelforenkling.forslag.1.henvisning_nr",
    ]);
  });

  it("pakke 1–6 (and given)", () => {
    expect(found([{ nr: 1, ...ok, pakke: 7 }, { nr: 2, ...ok, pakke: null }])).toEqual([
      "pakke_interval|fejl|regelforenkling.forslag.1.pakke",
      "pakke_interval|fejl|regelforenkling.forslag.2.pakke",
    ]);
  });

  it("type styrelse if and only if pakke 4", () => {
    expect(found([{ nr: 1, ...ok, type: "styrelse" }, { nr: 2, ...ok, pakke: 4 }, { nr: 3, ...ok, pakke: 4, type: "styrelse" }])).toEqual([
      "type_pakke|fejl|regelforenkling.forslag.1.type",
      "type_pakke|fejl|regelforenkling.forslag.2.type",
    ]);
    expect(kl([{ nr: 1, ...ok, type: "styrelse" }]).findings[0].message).toBe(
      "Styrelsesforslag hører til pakke 4, og pakke 4 har kun styrelsesforslag; post 1 (type = «styrelse», pakke = 2)."
    );
  });

  it("pot_lav ≤ pot_hoej", () => {
    expect(found([{ nr: 1, ...ok, pot_lav: 20, pot_hoej: 10, pot_enhed: "kr_aar" }])).toEqual([
      "lav_hoej|fejl|regelforenkling.forslag.1.pot_hoej",
    ]);
  });

  it("kvalitativ has no numbers; a number needs a unit; a unit without a number is an advarsel", () => {
    expect(found([{ nr: 1, ...ok, pot_enhed: "kvalitativ", pot_lav: 5 }])).toEqual([
      "kvalitativ_uden_tal|fejl|regelforenkling.forslag.1.pot_enhed",
    ]);
    expect(found([{ nr: 1, ...ok, pot_lav: 5 }])).toEqual(["tal_uden_enhed|fejl|regelforenkling.forslag.1.pot_enhed"]);
    expect(found([{ nr: 1, ...ok, pot_enhed: "kr_aar" }])).toEqual(["enhed_uden_tal|advarsel|regelforenkling.forslag.1.pot_lav"]);
    expect(found([{ nr: 1, ...ok, pot_enhed: "kvalitativ" }])).toEqual([]);
  });

  it("timer_periode (and kr_periode) needs the period in years", () => {
    expect(found([{ nr: 1, ...ok, pot_lav: 1160, pot_enhed: "timer_periode" }, { nr: 2, ...ok, pot_lav: 1e6, pot_enhed: "kr_periode", pot_periode_aar: 2 }])).toEqual([
      "periode_mangler|fejl|regelforenkling.forslag.1.pot_periode_aar",
    ]);
  });
});
