/**
 * kkr_kapacitet (KKR Syddanmark's capacity survey, 2023): the example returns in
 * examples/kkr_kapacitet reproduce Bilag 1 of the note: every total, range, gap, X count and
 * status of its worked table, the derived totals 221 and 68, and the note's sentence for autism.
 * The validation rules are checked on small returns with their exact findings.
 */
import { join } from "path";
import type { FieldValue } from "../../../src/domain/model";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { builtinPack } from "../../../src/domain/pakker";
import { packReturn, packReturnsIn } from "../../helpers/packReturns";

const pack = builtinPack("kkr_kapacitet")!;
const EXAMPLES = join(__dirname, "..", "..", "..", "examples", "kkr_kapacitet");
const returns = packReturnsIn(pack, EXAMPLES);
const result = computeTables({ pack, returns });
type Row = Record<string, unknown>;
const json = tablesJson(result) as Record<string, { kolonner: string[]; raekker: Row[] }>;
const bilag1 = json.bilag1;
const row = (id: string) => bilag1.raekker.find((r) => r.id === id)!;

describe("the pack", () => {
  it("is built in, answered by the 22 municipalities of Region Syddanmark and the region", () => {
    expect(pack.respondents.names).toHaveLength(23);
    expect(pack.respondents.names.at(-1)).toBe("Region Syddanmark");
    expect(pack.respondents.names.filter((n) => n !== "Region Syddanmark").sort()).toEqual(
      [
        "Aabenraa", "Assens", "Billund", "Esbjerg", "Faaborg-Midtfyn", "Fanø", "Fredericia",
        "Haderslev", "Kerteminde", "Kolding", "Langeland", "Middelfart", "Nordfyns", "Nyborg",
        "Odense", "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø",
      ].sort()
    );
  });

  it("bilag1 has one row per target group (the planlagt block's rows) and exactly the contract's columns", () => {
    expect(bilag1.raekker.map((r) => r.id)).toEqual([
      "autisme", "uh", "uh_dom", "dobbeltdiagnose", "andet_unge", "senhjerneskade", "hjemloese",
      "handicap_alder", "handicap_saerforanstaltning", "socialpsykiatri", "i_alt",
    ]);
    expect(bilag1.kolonner).toEqual([
      "planlagt_i_alt", "behov_2024", "behov_2025", "behov_2026", "behov_min", "behov_max",
      "gab_min", "gab_max", "villige", "status", "sammenfatning",
    ]);
  });
});

describe("respondents", () => {
  it("a return names a municipality or the region; the messages say »myndighed«", () => {
    const noName = packReturn(pack, { kommune: "", felter: {} });
    expect(noName.findings.map((f) => f.message)).toContain(
      "myndighedens navn mangler (meta.kommune på forsiden); skriv myndighedens navn."
    );
    expect(packReturn(pack, { kommune: "region syddanmark", felter: {} }).kommune).toBe("Region Syddanmark");
    // An unknown name is a fejl in the pack's nouns (never the whole list; close names only).
    const aarhus = packReturn(pack, { kommune: "Aarhus", felter: {} }).findings[0];
    expect(aarhus.severity).toBe("fejl");
    expect(aarhus.message).toMatch(/^«Aarhus» er ikke en af pakkens myndigheder; myndighedens indberetning/);
    expect(packReturn(pack, { kommune: "Odensse", felter: {} }).findings[0].message).toContain("Mente du »Odense«?");
  });
});

describe("the example returns", () => {
  it("are 22 (every respondent but Ærø) and read without a single finding", () => {
    expect(returns).toHaveLength(22);
    expect(returns.flatMap((r) => r.findings.map((f) => `${r.kommune}: ${f.message}`))).toEqual([]);
    expect(result.respondents).toHaveLength(22);
    expect(result.log).toEqual([]);
  });
});

describe("Bilag 1 reproduced (A.4)", () => {
  // [planlagt, behov 2024, 2025, 2026, min, max, gab min, gab max, X, status]
  const A4: Record<string, [number, ...(number | null)[], string]> = {
    autisme: [88, 47, 46, 33, 33, 47, -55, -41, 3, "Dækket"], // G-A1, G-A2, G-A7, G-A8, G-A9
    uh: [61, 58, 50, 28, 28, 58, -33, -3, 0, "Dækket"], // G-A3
    uh_dom: [0, 30, 32, 27, 27, 32, 27, 32, 0, "Udækket"], // G-A4
    dobbeltdiagnose: [4, 60, 58, 48, 48, 60, 44, 56, 1, "Udækket"], // G-A5
    andet_unge: [0, 13, 14, 5, 5, 14, 5, 14, 0, "Udækket"], // G-A6, G-A9
    senhjerneskade: [10, null, null, null, null, null, null, null, 0, "Intet købsbehov angivet"],
    hjemloese: [6, null, null, null, null, null, null, null, 0, "Intet købsbehov angivet"],
    handicap_alder: [35, null, null, null, null, null, null, null, 1, "Intet købsbehov angivet"],
    handicap_saerforanstaltning: [6, null, null, null, null, null, null, null, 0, "Intet købsbehov angivet"],
    socialpsykiatri: [11, null, null, null, null, null, null, null, 2, "Intet købsbehov angivet"],
  };
  const cols = ["planlagt_i_alt", "behov_2024", "behov_2025", "behov_2026", "behov_min", "behov_max", "gab_min", "gab_max", "villige", "status"];

  it.each(Object.entries(A4))("%s", (id, expected) => {
    const r = row(id);
    expect(cols.map((c) => r[c])).toEqual(expected);
  });

  it("a group the purchase survey did not ask about says so (spørges ikke), not 0", () => {
    expect(row("hjemloese").grunde).toMatchObject({ behov_2024: "spørges ikke", gab_min: "spørges ikke" });
  });

  it("totals: 221 planned places in all (G-A10), 68 of them in the »Andet« groups; 7 X marks", () => {
    expect(row("i_alt")).toMatchObject({ planlagt_i_alt: 221, behov_2024: 208, behov_2025: 200, behov_2026: 141, villige: 7 });
    expect(result.calculations.samlet.get("planlagt_alle")).toEqual({ k: "v", v: 221 });
    expect(result.calculations.samlet.get("planlagt_andet")).toEqual({ k: "v", v: 68 });
  });

  it("writes the note's summary sentence for autism (L80–88)", () => {
    expect(row("autisme").sammenfatning).toBe(
      "Autisme i svær/massiv grad: Der er planlagt/planlægges etablering af 88 nye pladser i de syddanske kommuner og Region Syddanmark i de kommende år. " +
        "Blandt de kommuner, der har angivet et behov for eksterne køb af pladser til målgruppen, er behovet angivet til imellem 33 og 47 pladser i årene 2024, 2025 og 2026. " +
        "3 kommuner tilkendegiver uforpligtende at være villige til at bygge til/for fællesskabet."
    );
  });

  it("follows the same pattern for the other groups (none planned; one willing; no need asked)", () => {
    expect(row("uh_dom").sammenfatning).toBe(
      "Udviklingshæmning og dom: Der er ikke planlagt etablering af nye pladser. " +
        "Blandt de kommuner, der har angivet et behov for eksterne køb af pladser til målgruppen, er behovet angivet til imellem 27 og 32 pladser i årene 2024, 2025 og 2026. " +
        "Ingen kommuner tilkendegiver uforpligtende at være villige til at bygge til/for fællesskabet."
    );
    expect(row("dobbeltdiagnose").sammenfatning).toContain(
      "etablering af 4 nye pladser i de syddanske kommuner og Region Syddanmark i de kommende år. Blandt de kommuner, der har angivet et behov for eksterne køb af pladser til målgruppen, er behovet angivet til imellem 48 og 60 pladser i årene 2024, 2025 og 2026. Én kommune tilkendegiver uforpligtende at være villig til at bygge til/for fællesskabet."
    );
    expect(row("hjemloese").sammenfatning).toBe(
      "Hjemløse: Der er planlagt/planlægges etablering af 6 nye pladser i de syddanske kommuner og Region Syddanmark i de kommende år. " +
        "Der er ikke angivet et behov for eksterne køb af pladser til målgruppen. " +
        "Ingen kommuner tilkendegiver uforpligtende at være villige til at bygge til/for fællesskabet."
    );
  });

  it("carries the note's caveat on summing expected purchases and planned building (L133–135)", () => {
    const def = pack.report.tables.find((t) => t.id === "bilag1")!;
    expect(def.note).toMatch(/usikkert at lægge forventede fremtidige køb af pladser hos eksterne leverandører sammen/);
    expect(def.note).toMatch(/om de planlagte byggerier gennemføres/);
  });
});

describe("who answered and who is willing", () => {
  const t = json.besvarelser;
  const total = t.raekker.find((r) => r.id === "i_alt")!;
  it("17 municipalities and the region answered on plans, 21 municipalities on purchases (L62, L66)", () => {
    expect(total).toMatchObject({ planer_besvaret: 18, koeb_besvaret: 21, planlagte_pladser: 221 });
    const regionRow = t.raekker.find((r) => r.id === "Region Syddanmark")!;
    expect(regionRow).toMatchObject({ planer_besvaret: "ja", koeb_besvaret: "nej", planlagte_pladser: 35 });
  });
  it("four municipalities are willing to build (L53), with 7 X marks between them", () => {
    expect(total).toMatchObject({ villig: 4, villig_maalgrupper: 7 });
    expect(t.raekker.filter((r) => r.villig === "ja").map((r) => r.id)).toEqual(["Middelfart", "Odense", "Esbjerg", "Kolding"]);
  });
});

describe("status Delvist dækket (between the smallest and the largest yearly need)", () => {
  it("planned 40 against a need of 30–50 is Delvist dækket; gaps −10 … 10", () => {
    const one = packReturn(pack, {
      kommune: "Vejle",
      felter: {
        "kkr_kapacitet.planlagt.uh.2023": 40,
        "kkr_kapacitet.behov.uh.2024": 30,
        "kkr_kapacitet.behov.uh.2025": 50,
        "kkr_kapacitet.behov.uh.2026": 40,
      },
    });
    const t = (tablesJson(computeTables({ pack, returns: [one] })) as typeof json).bilag1;
    expect(t.raekker.find((r) => r.id === "uh")).toMatchObject({
      planlagt_i_alt: 40,
      behov_min: 30,
      behov_max: 50,
      gab_min: -10,
      gab_max: 10,
      status: "Delvist dækket",
    });
  });
});

describe("validation rules (A.5)", () => {
  const findings = (felter: Record<string, FieldValue>) =>
    packReturn(pack, { kommune: "Kolding", felter }).findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      field: f.field,
      message: f.message,
    }));

  it("1: counts are whole numbers of 0 or more (the kind antal)", () => {
    const f = findings({ "kkr_kapacitet.planlagt.uh.2023": -2, "kkr_kapacitet.planlagt.autisme.2023": 2.5 });
    expect(f.map((x) => [x.rule, x.severity, x.field])).toEqual([
      ["ikke_heltal", "fejl", "kkr_kapacitet.planlagt.autisme.2023"],
      ["negativ", "fejl", "kkr_kapacitet.planlagt.uh.2023"],
    ]);
  });

  it("2: a need given for only some of 2024–2026 is an advarsel naming the empty years", () => {
    expect(
      findings({ "kkr_kapacitet.behov.uh_dom.2024": 3, "kkr_kapacitet.behov.uh_dom.2026": 2 })
    ).toEqual([
      {
        rule: "behov_alle_aar",
        severity: "advarsel",
        field: "kkr_kapacitet.behov.uh_dom.2024",
        message:
          "Behovet er kun angivet for nogle af årene 2024–2026; skriv et tal for alle tre år (0, hvis der ikke er behov), eller lad rækken stå tom; «Udviklingshæmning og dom» " +
          "(»Udviklingshæmning og dom« 2024 = 3, »Udviklingshæmning og dom« 2025 = tom, »Udviklingshæmning og dom« 2026 = 2).",
      },
    ]);
    // All three years, or none, is fine.
    expect(findings({ "kkr_kapacitet.behov.uh_dom.2024": 3, "kkr_kapacitet.behov.uh_dom.2025": 0, "kkr_kapacitet.behov.uh_dom.2026": 2 })).toEqual([]);
  });

  it("3: places in »Andet« without naming the target groups is a fejl", () => {
    expect(findings({ "kkr_kapacitet.planlagt.andet_unge.2023": 4 })).toEqual([
      {
        rule: "andet_uden_maalgruppe",
        severity: "fejl",
        field: "kkr_kapacitet.andet_maalgruppe",
        message:
          "Rækken »Andet« har pladser, men »Hvilke andre målgrupper?« er tom; skriv, hvilke målgrupper det drejer sig om " +
          "(»Planlagte/besluttede nye botilbudspladser (de kommende år): Andet (Unge psykisk sårbare og Unge og selvskade)« = 4, " +
          "»Forventet behov for eksternt køb af pladser: Andet (Unge psykisk sårbare og Unge og selvskade)« 2024 = tom, " +
          "»Forventet behov for eksternt køb af pladser: Andet (Unge psykisk sårbare og Unge og selvskade)« 2025 = tom, " +
          "»Forventet behov for eksternt køb af pladser: Andet (Unge psykisk sårbare og Unge og selvskade)« 2026 = tom, »Hvilke andre målgrupper?« = tom).",
      },
    ]);
    expect(findings({ "kkr_kapacitet.planlagt.andet_unge.2023": 4, "kkr_kapacitet.andet_maalgruppe": "Unge og selvskade" })).toEqual([]);
    expect(findings({ "kkr_kapacitet.planlagt.andet_unge.2023": 0 })).toEqual([]);
  });

  it("4: willing without plans or an existing offer is info only (non-binding)", () => {
    expect(findings({ "kkr_kapacitet.vilje.hjemloese.2023": "x" })).toEqual([
      {
        rule: "vilje_uden_planer",
        severity: "info",
        field: "kkr_kapacitet.vilje.hjemloese.2023",
        message:
          "Villig til at bygge for fællesskabet, men uden planlagte pladser og uden eksisterende botilbud til målgruppen; meldingen er uforpligtende og tælles med i rapporten; «Hjemløse» " +
          "(»Villig til at bygge til/for fællesskabet (sæt x): Hjemløse« = «x», »Planlagte/besluttede nye botilbudspladser (de kommende år): Hjemløse« = tom, " +
          "»Kommunen har allerede botilbud til målgruppen (sæt x): Hjemløse« = tom).",
      },
    ]);
    expect(findings({ "kkr_kapacitet.vilje.hjemloese.2023": "x", "kkr_kapacitet.planlagt.hjemloese.2023": 5 })).toEqual([]);
    expect(findings({ "kkr_kapacitet.vilje.hjemloese.2023": "x", "kkr_kapacitet.eksisterende.hjemloese.2023": "x" })).toEqual([]);
  });

  it("5: a year-on-year change of the need above 100 % is an advarsel; 14 → 5 (−64 %) and 10 → 20 (+100 %) are not", () => {
    const f = findings({
      "kkr_kapacitet.behov.autisme.2024": 4,
      "kkr_kapacitet.behov.autisme.2025": 9,
      "kkr_kapacitet.behov.autisme.2026": 9,
      "kkr_kapacitet.behov.andet_unge.2024": 13,
      "kkr_kapacitet.behov.andet_unge.2025": 14,
      "kkr_kapacitet.behov.andet_unge.2026": 5,
      "kkr_kapacitet.behov.uh.2024": 10,
      "kkr_kapacitet.behov.uh.2025": 20,
      "kkr_kapacitet.behov.uh.2026": 0,
      "kkr_kapacitet.andet_maalgruppe": "Unge psykisk sårbare",
    });
    expect(f).toEqual([
      {
        rule: "behov_aendring_2025",
        severity: "advarsel",
        field: "kkr_kapacitet.behov.autisme.2025",
        message:
          "Behovet i 2025 ændrer sig mere end 100 % i forhold til 2024; tjek tallene; «Autisme i svær/massiv grad» (»Autisme i svær/massiv grad« 2025 = 9, »Autisme i svær/massiv grad« 2024 = 4).",
      },
    ]);
  });

  it("5: from 0 there is no percentage change, so no finding", () => {
    expect(findings({ "kkr_kapacitet.behov.uh.2024": 0, "kkr_kapacitet.behov.uh.2025": 6, "kkr_kapacitet.behov.uh.2026": 6 })).toEqual([]);
  });
});
