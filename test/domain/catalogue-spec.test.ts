/**
 * An independent transcription of the 2024 analysis's template specification, checked against the catalogue:
 * every field the spec lists exists with its label, kind and years, and the catalogue has no
 * field the spec lacks. Written out by hand from the spec, never derived from src/.
 */
import { CATALOGUE_VERSION, TEMPLATES, fieldsOf, getTemplate } from "../../src/domain/catalogue";
import type { FieldKind } from "../../src/domain/catalogue";

type Row = readonly [id: string, kind: FieldKind, label: string, years?: readonly number[]];
interface SpecBlock {
  readonly id: string;
  readonly years: readonly number[];
  readonly rows: readonly Row[];
  /** Only where the spec names the block's heading. */
  readonly title?: string;
}
interface SpecTemplate {
  readonly id: string;
  readonly blocks: readonly SpecBlock[];
}

const range = (a: number, b: number): number[] =>
  Array.from({ length: b - a + 1 }, (_, i) => a + i);
const ANDET: Row = ["andet", "pct", "Andet (uddyb gerne)"];
const FORVALTNING = "Chefer og medarbejdere i den kommunale forvaltning";
const TEXTS: readonly (readonly [string, string])[] = [
  ["kommentarer", "Eventuelle kommentarer"],
  ["andet_byrde", "Er der andet, vi bør vide omkring nedslagspunktets administrative byrde?"],
];

// ukn
const UKN_Y = range(2019, 2023);
const ukn_pct: Row[] = [
  ["udtalelse", "pct", "Udarbejdelse af indledende udtalelse"],
  ["undersoegelse", "pct", "Udarbejdelse af ungefaglig undersøgelse"],
  ["partshoering", "pct", "Selve partshøringen (inkl. forberedelse og transport)"],
  ["ivaerksaettelse", "pct", "Iværksættelse af indsatser efter afgørelsen"],
  ["opfoelgning", "pct", "Opfølgning på iværksatte indsatser"],
  ANDET,
];

// barometre
const baro_rows: Row[] = [
  ["timer_i_alt", "timer", "Samlet antal timer brugt på opgaven"],
  ["dialog", "pct", "Indledende dialog med Ankestyrelsen ifm. indkaldelse"],
  ["udvaelgelse", "pct", "Udvælgelse af sager"],
  ["orientering", "pct", "Orientering af borger/pårørende"],
  ["indberetning", "pct", "Indberetning af sager"],
  ["moeder", "pct", "Opfølgende møder med Ankestyrelsen"],
  ["opfoelgning", "pct", "Andre opfølgende aktiviteter (fx politisk orientering)"],
  ANDET,
];
const baro_vol: Row[] = [
  ["udvalgt", "x", "År udvalgt til at bidrage (sæt x)"],
  ["sager", "antal", "Antal indsendte sager"],
];

// normering
const norm_rows: Row[] = [
  ["timer_i_alt", "timer", "Samlet antal timer brugt på opgaven"],
  ["datamodel", "pct", "Udvikling af datamodel"],
  ["opgoerelse", "pct", "Opgørelse af normeringer"],
  ["indberetning", "pct", "Indberetning til Danmarks Statistik"],
  ["dialog_dst", "pct", "Dialog med Danmarks Statistik"],
  ["afledte", "pct", "Afledte opgaver"],
  ANDET,
];

// tilsyn
const tilsyn_rows: Row[] = [
  ["timer_pr_tilsyn", "timer", "Samlet antal timer brugt pr. tilsyn (gns.)"],
  ["koncept", "pct", "Udvikling af tilsynskoncept"],
  ["forberedelse", "pct", "Forberedelse og planlægning af tilsynet"],
  ["gennemfoersel", "pct", "Selve gennemførslen af tilsynet"],
  ["evaluering", "pct", "Evaluering efter tilsynet"],
  ["ivaerksaettelse", "pct", "Iværksættelse af opfølgende indsatser"],
  ["opfoelgning", "pct", "Opfølgning på iværksatte indsatser"],
  ANDET,
];

// kvalitet and parallel
const TILSYN_TIMER: Row = ["timer_i_alt", "timer", "Samlet antal timer brugt på tilsyn"];
const REDEG: Row = ["redegoerelse", "pct", "Udarbejdelse af redegørelser"];
const OEVR: Row = [
  "oevrige",
  "pct",
  "Øvrige indsatser relateret til tilsyn (fx generel pressehåndtering, politisk orientering)",
];
const KV_Y = [2018, 2019, 2022, 2023];
const kv_bek: Row[] = [
  TILSYN_TIMER,
  REDEG,
  ["bekymrende", "pct", "Skoler med »bekymrende faglig kvalitet« som udfald"],
  OEVR,
  ANDET,
];
const kv_hp: Row[] = [
  TILSYN_TIMER,
  REDEG,
  ["handleplan", "pct", "Skoler i fagligt tilsyn med handleplan"],
  ["paalagt", "pct", "Skoler i fagligt tilsyn med pålagt handleplan"],
  OEVR,
  ANDET,
];
const PA_Y = range(2020, 2023);
const pa_tilf: Row[] = [
  TILSYN_TIMER,
  REDEG,
  ["tilfredsstillende", "pct", "Tilsynsresultat: Skoler, hvor redegørelsen er tilfredsstillende"],
  OEVR,
  ANDET,
];
const pa_tilsyn: Row[] = [
  TILSYN_TIMER,
  REDEG,
  ["parallelsamfundstilsyn", "pct", "Skoler i parallelsamfundstilsyn"],
  OEVR,
  ANDET,
];
const FOLKESKOLER: Row = ["antal_folkeskoler", "antal", "Antal folkeskoler i kommunen"];

// magt
const MAGT_Y = range(2018, 2023);
const magt_rows: Row[] = [
  ["timer_i_alt", "timer", "Samlet antal timer brugt på opgaven"],
  ["forhaandsgodkendelse", "pct", "Indsamling af forhåndsgodkendelser"],
  ["registrering", "pct", "Registrering når magtanvendelse finder sted"],
  ["indberetning", "pct", "Månedlig indberetning af antal tilfælde til tilsyn"],
  ANDET,
];
const magt_vol: SpecBlock = {
  id: "volumen",
  years: range(2017, 2023),
  rows: [
    ["forhaandsgodkendelser", "antal", "Antal forhåndsgodkendelser"],
    ["indberetninger", "antal", "Antal indberetninger om magtanvendelse"],
  ],
};

// mitid
const PAS_T = [2022, 2023];
const pasPct = (id: string, label: string): Row => [id, "pct", label, PAS_T];

// gdpr
const GDPR_Y = range(2018, 2023);

const SPEC: readonly SpecTemplate[] = [
  {
    id: "ukn",
    blocks: [
      {
        id: "hovedsager",
        years: UKN_Y,
        rows: [
          [
            "timer_pr_sag",
            "timer",
            "Samlet antal timer brugt pr. hovedsag I er myndighed på (gns.)",
          ],
          ...ukn_pct,
        ],
      },
      {
        id: "genindbringelse",
        years: UKN_Y,
        rows: [
          [
            "timer_pr_sag",
            "timer",
            "Samlet antal timer brugt pr. genindbringelsessag I er myndighed på (gns.)",
          ],
          ...ukn_pct,
        ],
      },
      {
        id: "volumen",
        years: UKN_Y,
        rows: [
          ["sager_i_alt", "antal", "Antal sager i UKN i alt, som I er myndighed på."],
          ["hovedsager", "antal", "Hovedsager"],
          ["genindbringelsessager", "antal", "Genindbringelsessager"],
        ],
      },
    ],
  },
  {
    id: "barometre",
    blocks: [
      { id: "boernesag", years: range(2020, 2023), rows: baro_rows },
      { id: "handicap", years: [2023], rows: baro_rows },
      { id: "boernesag_volumen", years: range(2020, 2023), rows: baro_vol },
      { id: "handicap_volumen", years: [2023], rows: baro_vol },
    ],
  },
  {
    id: "normering",
    blocks: [
      { id: "forvaltning", years: [2022, 2023], rows: norm_rows, title: FORVALTNING },
      {
        id: "dagtilbud",
        years: [2022, 2023],
        rows: norm_rows,
        title: "Ledere og ansatte på dagtilbud",
      },
    ],
  },
  {
    id: "tilsyn",
    blocks: [
      { id: "forvaltning", years: range(2020, 2023), rows: tilsyn_rows, title: FORVALTNING },
      {
        id: "dagtilbud",
        years: range(2020, 2023),
        rows: tilsyn_rows,
        title: "Ledere og ansatte på dagtilbud",
      },
      {
        id: "volumen",
        years: range(2017, 2023),
        rows: [
          ["antal_dagtilbud", "antal", "Antal dagtilbud i kommunen"],
          ["antal_tilsyn", "antal", "Antal gennemførte tilsyn (både anmeldte og uanmeldte)"],
          ["tilsyn_handleplan", "antal", "Antal tilsyn med handleplan som udfald"],
        ],
      },
    ],
  },
  {
    id: "kvalitet",
    blocks: [
      {
        id: "bekymrende_forvaltning",
        years: KV_Y,
        rows: kv_bek,
        title:
          "Tidsforbrug ifm. folkeskoler med »bekymrende faglig kvalitet«. Chefer og medarbejdere i den kommunale forvaltning",
      },
      {
        id: "bekymrende_skole",
        years: KV_Y,
        rows: kv_bek,
        title:
          "Tidsforbrug ifm. folkeskoler med »bekymrende faglig kvalitet«. Ledere og ansatte på skolerne",
      },
      {
        id: "handleplan_forvaltning",
        years: KV_Y,
        rows: kv_hp,
        title:
          "Tidsforbrug ifm. folkeskoler med »handleplaner«. Chefer og medarbejdere i den kommunale forvaltning",
      },
      {
        id: "handleplan_skole",
        years: KV_Y,
        rows: kv_hp,
        title: "Tidsforbrug ifm. folkeskoler med »handleplaner«. Ledere og ansatte på skolerne",
      },
      {
        id: "volumen",
        years: KV_Y,
        rows: [
          FOLKESKOLER,
          [
            "henvendelser",
            "antal",
            "Antal henvendelser fra STUK som kræver redegørelser ift kvalitetstilsynet på folkeskolerne i kommunen",
          ],
          ["bekymrende", "antal", "Antal folkeskoler udtaget for »bekymrende faglig kvalitet«"],
          ["handleplan", "antal", "Antal folkeskoler i kvalitetstilsyn med handleplan"],
          ["paalagt", "antal", "Antal folkeskoler i kvalitetstilsyn med pålagt handleplan"],
        ],
      },
    ],
  },
  {
    id: "parallel",
    blocks: [
      { id: "tilfredsstillende_forvaltning", years: PA_Y, rows: pa_tilf },
      { id: "tilfredsstillende_skole", years: PA_Y, rows: pa_tilf },
      { id: "tilsyn_forvaltning", years: PA_Y, rows: pa_tilsyn },
      { id: "tilsyn_skole", years: PA_Y, rows: pa_tilsyn },
      {
        id: "volumen",
        years: PA_Y,
        rows: [
          FOLKESKOLER,
          [
            "henvendelser",
            "antal",
            "Antal henvendelser fra STUK som kræver redegørelser ift parallelsamfundstilsynet på folkeskolerne i kommunen",
          ],
          ["tilsyn", "antal", "Antal folkeskoler hvor der er iværksat et parallelsamfundstilsyn"],
        ],
      },
    ],
  },
  {
    id: "magt_voksen",
    blocks: [
      { id: "forvaltning", years: MAGT_Y, rows: magt_rows, title: FORVALTNING },
      { id: "udfoerer", years: MAGT_Y, rows: magt_rows, title: "Ledere og ansatte på botilbud" },
      magt_vol,
    ],
  },
  {
    id: "magt_aeldre",
    blocks: [
      { id: "forvaltning", years: MAGT_Y, rows: magt_rows, title: FORVALTNING },
      {
        id: "udfoerer",
        years: MAGT_Y,
        rows: magt_rows,
        title: "Ledere og ansatte på plejecentre og i hjemmeplejen",
      },
      magt_vol,
    ],
  },
  {
    id: "mitid",
    blocks: [
      {
        id: "mitid",
        years: range(2021, 2023),
        rows: [
          ["besoeg", "antal", "Antal bookede besøg på Borgerservice i alt ifm. MitID"],
          ["timer_i_alt", "timer", "Samlet antal bookede timer brugt på opgaven"],
          ["oprettelse", "pct", "Hjælp til oprettelse af MitID"],
          ["pinkode", "pct", "Hjælp til ændring af PIN-kode"],
          ["genaktivering", "pct", "Genaktivering af spærret adgang"],
          ANDET,
        ],
      },
      {
        id: "pas",
        years: range(2019, 2023),
        rows: [
          [
            "besoeg",
            "antal",
            "Antal besøg på Borgerservice i alt ifm. modtagelse og udlevering af pas (fra booking-system)",
            range(2019, 2023),
          ],
          [
            "timer_i_alt",
            "timer",
            "Samlet antal timer brugt på opgaven modtagelse og udlevering af pas (fra booking-system)",
            PAS_T,
          ],
          pasPct("udpakning", "Modtagelse: Udpakning af pas, som modtages i enkeltkuverter"),
          pasPct(
            "scanning_modtagelse",
            "Modtagelse: Scanning af pas, hvorefter borger får direkte besked om afhentning"
          ),
          pasPct("label", "Modtagelse: Påsætning af label"),
          pasPct(
            "arkiv",
            "Modtagelse: Placering af pas i fysisk arkiv efter CPR-nr. eller pasudleveringsskab"
          ),
          pasPct("opslag", "Udlevering: Slå borger op i system"),
          pasPct(
            "gammelt_pas",
            "Udlevering: Modtage det gamle pas og registrere gammelt pas som inaktivt"
          ),
          pasPct("hente", "Udlevering: Hente det nye pas i opbevaringsrum"),
          pasPct(
            "scanning_udlevering",
            "Udlevering: Scanne det nye pas inden udlevering til borger"
          ),
          pasPct("hulle", "Udlevering: Hulle det gamle pas inden udlevering eller makulering"),
          pasPct("andet", "Andet (uddyb gerne)"),
        ],
      },
      {
        // The spec's own addition (the report's 2020 NemID baseline).
        id: "nemid",
        years: range(2020, 2023),
        rows: [
          ["timer_i_alt", "timer", "Samlet antal timer brugt på NemID-opgaver i Borgerservice"],
        ],
      },
    ],
  },
  {
    id: "gdpr",
    blocks: [
      {
        id: "indsats",
        years: GDPR_Y,
        rows: [
          ["aarsvaerk_i_alt", "aarsvaerk", "Samlet ressourceforbrug (årsværk)"],
          ["autorisation", "pct", "Autorisationskontroller"],
          ["sletning", "pct", "Sletningskontroller"],
          ["tilsyn_databehandlere", "pct", "Krav til grundigere tilsyn med databehandlere"],
          [
            "databehandleraftaler",
            "pct",
            "Krav til databehandleraftalers indhold medfører øget »forhandlingstid« med leverandører",
          ],
          ["sikkerhedsbrud", "pct", "Rapporteringspligt på sikkerhedsbrud"],
          ["risikovurdering", "pct", "Risikovurderinger og konsekvensanalyser"],
          ["fortegnelse", "pct", "Fortegnelseskrav"],
          ["oplysningspligt", "pct", "Oplysningspligtens detaljeringsgrad"],
          ["dpo", "pct", "DPO pligt"],
          ["oevrige", "pct", "Øvrige"],
        ],
      },
      {
        id: "honorar",
        years: GDPR_Y,
        rows: [
          [
            "kr",
            "kr",
            "Betalte honorar til advokater, konsulenter mv. i forbindelse med de nævnte opgaver",
          ],
        ],
      },
    ],
  },
];

/** The spec's fields of a template as id → [kind, label]. */
function specFields(t: SpecTemplate): Map<string, readonly [FieldKind, string]> {
  const out = new Map<string, readonly [FieldKind, string]>();
  for (const b of t.blocks) {
    for (const [rowId, kind, label, years] of b.rows) {
      for (const y of years ?? b.years) out.set(`${t.id}.${b.id}.${rowId}.${y}`, [kind, label]);
    }
  }
  for (const [id, label] of TEXTS) out.set(`${t.id}.${id}`, ["tekst", label]);
  return out;
}

describe("catalogue against templates.md", () => {
  it("has exactly the spec's templates, in the report's order", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(SPEC.map((t) => t.id));
  });

  describe.each(SPEC.map((t) => [t.id, t] as const))("%s", (_id, spec) => {
    const t = getTemplate(spec.id);
    const catalogue = new Map(t ? fieldsOf(t).map((f) => [f.id, f] as const) : []);

    it("holds every field of the spec with its label, kind and year", () => {
      expect(t).toBeDefined();
      for (const [id, [kind, label]] of specFields(spec)) {
        const f = catalogue.get(id);
        expect({ id, present: f !== undefined }).toEqual({ id, present: true });
        expect({ id, kind: f?.kind, label: f?.label }).toEqual({ id, kind, label });
      }
    });

    it("has no field the spec lacks", () => {
      const spec_ = specFields(spec);
      expect([...catalogue.keys()].filter((id) => !spec_.has(id))).toEqual([]);
    });

    it("has the spec's blocks in its order, with their years and row order", () => {
      expect(t?.blocks.map((b) => b.id)).toEqual(spec.blocks.map((b) => b.id));
      for (const sb of spec.blocks) {
        const found = t?.blocks.find((x) => x.id === sb.id);
        const b = found?.type === "tabel" ? found : undefined;
        expect({ block: sb.id, years: b?.columns.map((c) => c.key) }).toEqual({ block: sb.id, years: sb.years });
        expect({ block: sb.id, rows: b?.rows.map((r) => r.id) }).toEqual({
          block: sb.id,
          rows: sb.rows.map((r) => r[0]),
        });
        if (sb.title) expect(b?.title).toBe(sb.title);
      }
    });

    it("uses the spec's text fields", () => {
      expect(t?.texts.map((x) => [x.id, x.label])).toEqual(TEXTS);
    });
  });
});

/** Every piece of Danish prose a template carries (vejledning, proces, plausibility messages). */
function prose(id: string): string[] {
  const t = getTemplate(id);
  if (!t) return [];
  const proces = t.proces!;
  return [
    ...t.vejledning,
    proces.sporbarhed,
    proces.beskrivelse ?? "",
    ...proces.steps.flatMap((s) => [s.title, ...s.tasks]),
    ...(t.plausibility ?? []).map((p) => p.message),
  ];
}

describe("catalogue texts and names", () => {
  it.each(TEMPLATES.map((t) => [t.id]))("%s has a non-empty vejledning and proces", (id) => {
    const t = getTemplate(id)!;
    expect(t.vejledning.length).toBeGreaterThanOrEqual(4);
    for (const step of t.vejledning) expect(step.trim().length).toBeGreaterThan(20);
    const proces = t.proces!;
    expect(proces.steps.length).toBeGreaterThanOrEqual(1);
    for (const s of proces.steps) {
      expect(s.title.trim()).not.toBe("");
      expect(s.tasks.length).toBeGreaterThanOrEqual(1);
    }
    expect(proces.sporbarhed.length).toBeGreaterThan(20);
  });

  it.each(TEMPLATES.map((t) => [t.id]))(
    "%s names no consultant: no e-mail address, phone number or consultancy name",
    (id) => {
      for (const text of prose(id)) {
        expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.\w+/);
        expect(text).not.toMatch(/\b\d{2} \d{2} \d{2} \d{2}\b|\b\d{8}\b/);
        expect(text).not.toMatch(/implement/i);
        expect(text).not.toMatch(/Amanda|Christian|Egelund|Ahlmann/);
      }
    }
  );

  it("the checks above catch what they are for", () => {
    const bad = ["Skriv til amem@implement.dk", "Ring på 40 51 44 38"];
    expect(bad[0]).toMatch(/[\w.+-]+@[\w-]+\.\w+/);
    expect(bad[1]).toMatch(/\b\d{2} \d{2} \d{2} \d{2}\b|\b\d{8}\b/);
  });

  it("keeps every sheet name within Excel's 31 characters", () => {
    for (const t of TEMPLATES) {
      for (const suffix of ["Vejledning", "Proces", "Data"]) {
        expect(`${t.shortName} ${suffix}`.length).toBeLessThanOrEqual(31);
      }
    }
    expect(new Set(TEMPLATES.map((t) => t.shortName)).size).toBe(TEMPLATES.length);
  });

  it("has a version of the form yyyymmddNN with a real date", () => {
    const v = String(CATALOGUE_VERSION);
    expect(v).toMatch(/^\d{10}$/);
    const [y, m, d] = [Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8))];
    const date = new Date(Date.UTC(y, m - 1, d));
    expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]).toEqual([y, m, d]);
    expect(y).toBeGreaterThanOrEqual(2024);
  });

  it("points every plausibility range at a numeric field (and divisor) of its own template", () => {
    for (const t of TEMPLATES) {
      const rows = new Map<string, FieldKind>(
        t.blocks.flatMap((b) =>
          b.type === "tabel" ? b.rows.map((r) => [`${b.id}.${r.id}`, r.kind] as const) : []
        )
      );
      for (const p of t.plausibility ?? []) {
        for (const pattern of [p.field, ...(p.per ? [p.per] : [])]) {
          expect({ range: p.id, pattern, kind: rows.get(pattern) }).toEqual({
            range: p.id,
            pattern,
            kind: expect.stringMatching(/^(timer|aarsvaerk|antal|kr)$/),
          });
        }
        expect(p.min).toBeLessThan(p.max);
        expect(p.message).toMatch(/[æøåÆØÅ]|normalt/);
      }
    }
  });
});
