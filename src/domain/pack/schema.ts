/**
 * The survey pack format ("pakke"): one JSON file describes a survey and its calculations, the
 * way an XLSForm file drives an ODK survey. This zod schema is the one definition of the format:
 * it gives the TypeScript types (`Pakke` …), parses and checks a pack file with Danish messages
 * (zod's Danish locale plus our own texts), and exports the JSON Schema an editor uses to
 * autocomplete pack files (`byrde pakke skema`). Keys are Danish (ASCII), as consultants read them.
 *
 * What the schema cannot see (unknown ids, references, expression kinds, cycles) is checked by
 * check.ts, with the same located messages.
 */
import { z } from "zod";

z.config(z.locales.da());
// A pack is checked once (a built-in at first use, a consultant's when opened): zod's compiled
// fast path (a `new Function` per schema) costs more than it saves on one check, and needs
// eval, which an add-in's content security policy may forbid. Loading the six built-in packs:
// about 150 → 120 ms.
z.config({ jitless: true });

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, {
    error:
      "et id skal være små bogstaver a–z, tal og _ og begynde med et bogstav (fx »timer_i_alt«)",
  })
  .describe("Id: små bogstaver a–z, tal og _, begynder med et bogstav.");

/** An input table's key: ids joined by dots ("doegninst.udgift"), as `tabel.del.del.kolonne` names it. */
const InddataNoegle = z.strictObject({
  id: z
    .union([
      z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, {
        error:
          "en nøgle er id'er adskilt af punktum: små bogstaver a–z, tal og _, hvert begynder med et bogstav (fx »doegninst.udgift«)",
      }),
      z.number().int(),
    ])
    .describe("Nøglen: ét id eller flere adskilt af punktum (fx »doegninst.udgift«)."),
  navn: z.string().trim().min(1, { error: "teksten må ikke være tom" }),
});

const Tekst = z.string().trim().min(1, { error: "teksten må ikke være tom" });

const Udtryk = z
  .string()
  .min(1, { error: "udtrykket må ikke være tomt" })
  .describe(
    "Et udtryk i beregningssproget, fx »SUM(skabelon.blok.{række}.2024) / antal« (semikolon mellem argumenter)."
  );

export const FELTTYPER = [
  "timer",
  "aarsvaerk",
  "pct",
  "antal",
  "aarstal",
  "kr",
  "beloeb",
  "decimal",
  "sats",
  "minutter",
  "x",
  "tekst",
  "dato",
  "klokkeslaet",
  "valg",
] as const;

const Felttype = z
  .enum(FELTTYPER)
  .describe(
    "Felttype: timer, aarsvaerk, pct (andel 0–100), antal (helt tal ≥ 0), aarstal (fx 2024, uden tusindtalspunktum), kr (≥ 0), beloeb (kr. med fortegn), decimal (tal ≥ 0 med decimaler), sats (procentsats, må være negativ eller over 100), minutter, x (sæt x), tekst, dato, klokkeslaet, valg (ét svar fra en liste)."
  );

const Noegle = z.strictObject({
  id: z.union([Id, z.number().int()]).describe("Nøglen i felt-id'et (tekst-id eller årstal)."),
  navn: Tekst.describe("Det, brugerne ser."),
});

const Valgmulighed = z.union([Tekst, z.strictObject({ id: Id, navn: Tekst })]);

const Aar = z.number().int().min(1900).max(2200);

const Raekke = z.strictObject({
  id: Id,
  etiket: Tekst,
  type: Felttype,
  kolonner: z
    .array(z.union([Aar, Id]))
    .min(1)
    .optional()
    .describe("Kun disse kolonner (når rækken ikke spørges i alle blokkens kolonner)."),
  valg: z.array(Valgmulighed).min(1).optional().describe("Svarmulighederne for typen valg."),
  udtryk: Udtryk.optional().describe(
    "Afledt række: udregnes i hver af blokkens kolonner af udtrykket over skabelonens egne felter ({kolonne} er kolonnens nøgle). Skabelonen viser en låst formel; rækken udfyldes ikke."
  ),
});

const ListeFelt = z.strictObject({
  id: Id,
  etiket: Tekst,
  type: Felttype,
  valg: z.array(Valgmulighed).min(1).optional(),
  bredde: z.number().positive().max(100).optional().describe("Kolonnebredde i tegn."),
  udtryk: Udtryk.optional().describe(
    "Afledt kolonne: udregnes af udtrykket over postens andre felter (ved navn) og skabelonens egne felter. Skabelonen viser en låst formel; kolonnen udfyldes ikke."
  ),
});

const BlokKolonne = Noegle.extend({
  laast: z
    .boolean()
    .optional()
    .describe(
      "Kolonnen udfyldes af konsulenten (fx et registertal) og er låst i skabelonen; den læses tilbage som de andre felter."
    ),
});

const TabelBlok = z.strictObject({
  type: z.literal("tabel"),
  id: Id,
  titel: Tekst,
  afsnit: z
    .enum(["tid", "volumen"])
    .optional()
    .describe("tid: tidsforbrug; volumen: opgavens omfang."),
  intro: Tekst.optional().describe(
    "En linje over rækkerne, fx »Fordel gerne på underopgaver (angiv i %):«."
  ),
  aar: z.array(Aar).min(1).optional().describe("Kolonnerne er disse år."),
  kolonner: z
    .array(BlokKolonne)
    .min(1)
    .optional()
    .describe("Kolonnerne er disse nøgler (fx ugedage)."),
  akse: Id.optional().describe("Kolonnerne er pakkens akse med dette id."),
  raekker: z.array(Raekke).min(1),
});

const ListeBlok = z.strictObject({
  type: z.literal("liste"),
  id: Id,
  titel: Tekst,
  intro: Tekst.optional(),
  maks: z.number().int().min(1).max(1000).describe("Højst så mange poster (rækker i skabelonen)."),
  felter: z.array(ListeFelt).min(1).describe("Kolonnerne i hver post."),
});

const Blok = z.discriminatedUnion("type", [TabelBlok, ListeBlok]);

const Operand = z.strictObject({
  navn: Tekst.describe("Kort dansk navn til beskeder, fx »sager i alt«."),
  plus: z.array(z.string()).min(1).describe("Felter »blok.række«, der lægges sammen."),
  minus: z.array(z.string()).optional(),
});

const Alvor = z.enum(["fejl", "advarsel", "info"]);

const RegelBase = {
  id: Id.describe("Regel-id: fundets »regel«; entydigt i pakken."),
  alvor: Alvor,
  besked: Tekst.describe("Reglen i én dansk sætning."),
  kolonner: z
    .array(z.union([Aar, Id]))
    .optional()
    .describe("Kun i disse kolonner."),
};

const Regel = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("sum_lig"),
    ...RegelBase,
    led: Operand,
    total: Operand,
    tolerance: z.number().min(0).optional(),
  }),
  z.strictObject({ type: z.literal("kaede"), ...RegelBase, kaede: z.array(Operand).min(2) }),
  z.strictObject({
    type: z.literal("x_naar_positiv"),
    ...RegelBase,
    x: z.string(),
    antal: Operand,
  }),
  z.strictObject({
    type: z.literal("kraever_volumen"),
    ...RegelBase,
    timer: Operand,
    volumen: Operand,
  }),
  z.strictObject({
    type: z.literal("betingelse"),
    ...RegelBase,
    udtryk: Udtryk.describe("Skal være sand; tom (manglende tal) giver intet fund."),
    felt: z
      .string()
      .describe(
        "Feltet, fundet peger på (fuldt felt-id, eller et felt i posten; med »raekker« må id'et indeholde {række})."
      ),
    poster: z
      .string()
      .optional()
      .describe("Blok »skabelon.blok« (liste): reglen gælder hver udfyldt post."),
    raekker: z
      .string()
      .optional()
      .describe(
        "Blok »skabelon.blok« (tabel): reglen gælder hver række i blokken; {række} er rækkens id i udtrykket og i »felt«."
      ),
  }),
  z.strictObject({
    type: z.literal("overlap"),
    ...RegelBase,
    poster: z
      .array(z.string())
      .min(1)
      .describe(
        "Listeblokkene »skabelon.blok« (i reglens skabelon), hvis poster ikke må overlappe hinanden, også på tværs af blokkene."
      ),
    fra: Id.describe("Feltet med starten (klokkeslæt, dato eller tal)."),
    til: Id.describe(
      "Feltet med slutningen. Et klokkeslæt før starten går over midnat; en dato tæller dagen med."
    ),
  }),
  z.strictObject({
    type: z.literal("entydig"),
    ...RegelBase,
    poster: z.string().describe("Listeblokken »skabelon.blok«."),
    felt: Id.describe("Feltet i posten, der skal være entydigt."),
  }),
]);

/** The rule types (`regler[].type`), for documentation checks. */
export const REGELTYPER: readonly string[] = Regel.options.map((o) => o.shape.type.value);

const Plausibilitet = z.strictObject({
  id: Id,
  felt: z.string().describe("»blok.række« (alle kolonner)."),
  min: z.number(),
  max: z.number(),
  pr: z.string().optional().describe("Divisor »blok.række« i samme kolonne (fx timer pr. sag)."),
  besked: Tekst,
});

const Proces = z.strictObject({
  sporbarhed: Tekst.describe("Hvilken regelændring, og hvornår."),
  beskrivelse: Tekst.optional(),
  trin: z.array(z.strictObject({ titel: Tekst, opgaver: z.array(Tekst) })).min(1),
});

const Skabelon = z.strictObject({
  id: Id,
  navn: Tekst,
  kortnavn: Tekst.max(20, { error: "kortnavnet må højst være 20 tegn (det står i arknavnene)" }),
  omraade: Tekst.optional().describe("Forvaltningsområde."),
  vejledning: z.array(Tekst).optional().describe("Vejledning til udfyldelse, trin for trin."),
  proces: Proces.optional(),
  blokke: z.array(Blok).min(1),
  tekster: z.array(z.strictObject({ id: Id, etiket: Tekst })).optional(),
  regler: z.array(Regel).optional(),
  plausibilitet: z.array(Plausibilitet).optional(),
});

const Indstilling = z.strictObject({
  id: Id,
  navn: Tekst,
  type: z.enum(["tal", "tekst", "valg"]).optional(),
  standard: z.union([z.number(), z.string()]).describe("Standardværdien."),
  kilde: Tekst.describe("Hvor standardværdien kommer fra."),
  enhed: Tekst.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  valg: z.array(Tekst).optional(),
});

const Inddata = z.strictObject({
  id: Id,
  navn: Tekst,
  form: z
    .enum(["national", "pr_respondent"])
    .describe(
      "national: {nøgle: {kolonne: tal}}; pr_respondent: {respondent: {nøgle: {kolonne: tal}}}."
    ),
  beskrivelse: Tekst.optional(),
  noegler: z.array(InddataNoegle).optional().describe("De nøgler, tabellen kan have (med navne)."),
  standardfelter: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      "Nøgle → felt i respondentens egen indberetning, der bruges, når tabellen mangler tallet ({år} for året)."
    ),
  respondenter: z
    .boolean()
    .optional()
    .describe(
      "pr_respondent: tabellens respondenter regnes med, også uden indberetning (de får rækker og indgår i alle lister, fx et registerudtræk for alle 98 kommuner)."
    ),
  standard: z
    .record(z.string(), z.union([z.number(), z.record(z.string(), z.number())]))
    .optional()
    .describe(
      "Pakkens egne tal for en national tabel, {nøgle: {kolonne: tal}} (fx konstanter pr. gyldighedsår); bruges, når konsulenten ikke leverer tabellen."
    ),
  kilde: Tekst.optional().describe("Hvor pakkens egne tal (»standard«) kommer fra."),
});

const Projektionsdel = z.strictObject({
  id: Id,
  navn: Tekst,
  enhed: z.tuple([Tekst, Tekst]).describe('[ental, flertal], fx ["sag", "sager"].'),
  forhold: z.array(z.strictObject({ navn: Tekst, byrde: Udtryk, driver: Udtryk })).min(1),
  nul_driver: z.enum(["udelad", "ikke_relevant"]),
  enheder: Udtryk,
  landstal: z
    .union([Id, z.strictObject({ grundlag: Id, landstal: Id })])
    .describe("Landstal-nøglen, eller to trin: grundlag (kommunedata) og landstal."),
  vaegt: Udtryk.optional(),
});

const Nedslagspunkt = z.strictObject({
  id: Id,
  navn: Tekst,
  arknavn: Tekst.max(31),
  beskrivelse: Tekst.describe("Hvor kommer den øgede belastning fra (egne ord)."),
  skabeloner: z.array(Id).min(1),
  enhed: z.enum(["timer", "aarsvaerk"]),
  basisaar: Aar,
  slutaar: Aar,
  ny: z.boolean(),
  frivillig: z
    .boolean()
    .optional()
    .describe(
      "Kun nogle respondenter har opgaven (fx dem, Ankestyrelsen udvælger): en tom indberetning er ikke et hul."
    ),
  metode: Tekst,
  hvem: Tekst.optional().describe(
    "Hvem »rammer« opgaven (faktaarket; konsulenten kan rette teksten i rapporten)."
  ),
  vaerdiskabende: Tekst.optional().describe(
    "Er nedslagspunktet værdiskabende (faktaarket; konsulenten kan rette teksten i rapporten)."
  ),
  dele: z.array(Projektionsdel).min(1),
});

const Beregning = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("udtryk"),
    id: Id,
    navn: Tekst,
    niveau: z
      .enum(["respondent", "samlet", "post"])
      .describe(
        "respondent: én værdi pr. respondent; samlet: én værdi i alt; post: én værdi pr. post i listeblokken »poster«."
      ),
    poster: z
      .string()
      .optional()
      .describe("»skabelon.blok« (liste) for niveau »post«: postens felter kan nævnes ved navn."),
    akse: Id.optional().describe(
      "Én værdi pr. element i denne akse ({element} i udtrykket); nævnes beregning.element, fx »enhedsudgift.{række}« eller »enhedsudgift.*«."
    ),
    udtryk: Udtryk,
    format: Felttype.optional(),
  }),
  z.strictObject({
    type: z.literal("projektion"),
    id: Id,
    navn: Tekst,
    landstal: Id.describe("Inddata-tabellen med landstal."),
    kommunedata: Id.describe("Inddata-tabellen med tal pr. kommune."),
    nedslagspunkter: z.array(Nedslagspunkt).min(1),
  }),
]);

const Kolonne = z.strictObject({
  id: Id,
  titel: Tekst,
  udtryk: Udtryk,
  format: Felttype.optional().describe("Talformat og enhed i rapporten (typen af værdien)."),
  visning: z
    .enum(["tabel", "tekst"])
    .optional()
    .describe("tekst: vises som afsnit under tabellen."),
  total: Udtryk.optional().describe("Værdien i tabellens totalrække (fx »SUM(kolonne)«)."),
  gentag: z
    .union([
      z.strictObject({
        akse: Id.describe(
          "Én kolonne pr. element i aksen; id og titel er elementets, {kolonne} i udtrykket."
        ),
      }),
      z.strictObject({
        respondenter: z
          .literal(true)
          .describe("Én kolonne pr. respondent med en indberetning; id og titel er navnet."),
        skabelon: Id.optional().describe("Kun respondenter, der har indberettet denne skabelon."),
      }),
    ])
    .optional()
    .describe("Kolonnen gentages: én pr. element i en akse eller én pr. respondent."),
});

const Raekkeakse = z.union([
  z.strictObject({ blok: z.string().describe("»skabelon.blok«: én række pr. række i blokken.") }),
  z.strictObject({
    akse: Id.describe("Én række pr. element i pakkens akse."),
    kun: z.array(Id).min(1).optional().describe("Kun disse elementer (i aksens rækkefølge)."),
  }),
  z.strictObject({
    respondenter: z
      .literal(true)
      .describe(
        "Én række pr. respondent med en indberetning (pr. skema, når respondenterne har »flere_skemaer«)."
      ),
    skabelon: Id.optional().describe("Kun indberetninger med denne skabelon."),
    efter: Udtryk.optional().describe(
      "Grupper indberetningerne efter udtrykket (fx borger og dato): én række pr. værdi; kolonnernes felter er lister over gruppens indberetninger."
    ),
    filter: Udtryk.optional().describe("Kun indberetninger, hvor udtrykket er sandt."),
  }),
  z.strictObject({
    kryds: z
      .tuple([Id, Id])
      .describe(
        "To akser: én række pr. par af elementer (den første akse yderst); rækkens id er »a.b«, og hver akses id er et navn for rækkens element (fx »maalgruppe«)."
      ),
    kun: Udtryk.optional().describe(
      "Kun rækker, hvor udtrykket er sandt (fx de par, der har tal); regnes, når rapporten laves."
    ),
  }),
  z.strictObject({
    poster: z.string().describe("»skabelon.blok« (liste): én række pr. udfyldt post."),
    id: Udtryk.optional().describe("Rækkens id (fx »nr«); ellers postens nummer."),
    filter: Udtryk.optional().describe("Kun poster, hvor udtrykket er sandt."),
  }),
  z.strictObject({
    grupper: z
      .string()
      .describe(
        "»skabelon.blok« (liste): én række pr. værdi af »efter« blandt de udfyldte poster."
      ),
    efter: Udtryk.describe("Det, posterne grupperes efter (fx »ministerium«)."),
    filter: Udtryk.optional().describe("Kun poster, hvor udtrykket er sandt."),
  }),
]);

const Rapporttabel = z.strictObject({
  id: Id,
  titel: Tekst,
  beskrivelse: Tekst.optional(),
  note: Tekst.optional().describe("Forbehold, der trykkes under tabellen."),
  raekker: Raekkeakse,
  raekketitel: Tekst.optional().describe(
    "Overskriften over rækkernes navne, fx »Målgruppe« (ellers blokkens titel, »Post« eller grupperingen)."
  ),
  kolonner: z.array(Kolonne).min(1),
  total: z
    .strictObject({ id: Id, titel: Tekst })
    .optional()
    .describe("En totalrække (kolonnernes »total«)."),
  figur: z
    .strictObject({
      type: z
        .literal("sorterede_soejler")
        .describe("Én søjlefigur pr. talkolonne: en søjle pr. række, sorteret stigende."),
      fremhaev: Id.optional().describe(
        "En tekst-indstilling med navnet på den række, der fremhæves (fx kommunen i fokus)."
      ),
      akse_titel: Tekst.optional().describe("Værdiaksens titel, fx »Kr. pr. bruger«."),
    })
    .optional()
    .describe("Figurer over tabellen, som native Excel-diagrammer i rapporten."),
});

const Respondenter = z.strictObject({
  betegnelse: Tekst.describe("Ental, fx »kommune«."),
  bestemt: Tekst.optional().describe(
    "Bestemt form ental, fx »kommunen« eller »afsenderen« (ellers betegnelsen med -n)."
  ),
  flertal: Tekst.describe("Flertal, fx »kommuner«."),
  liste: z
    .union([z.literal("kommuner"), z.literal("fri"), z.array(Tekst).min(1)])
    .describe(
      "»kommuner« (Danmarks 98), navnene, eller »fri« (ingen fast liste: ethvert navn, fx tilbud, der ikke kendes på forhånd)."
    ),
  etiket: Tekst.optional().describe("Teksten ved respondentcellen, fx »Anfør kommunenavn:«."),
  flere_skemaer: z
    .boolean()
    .optional()
    .describe(
      "Hver indberetning er ét skema, der regnes for sig (fx ét døgnrytmeskema pr. borger og dag), og en respondent kan sende mange. Ellers lægges en respondents filer sammen til én indberetning."
    ),
});

export const PakkeSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    navn: Tekst,
    version: z
      .number()
      .int()
      .min(1900010100, { error: "versionen skrives yyyymmddNN, fx 2026113001" })
      .max(2199123199, { error: "versionen skrives yyyymmddNN, fx 2026113001" }),
    beskrivelse: Tekst.optional(),
    respondenter: Respondenter.optional(),
    forside: z
      .strictObject({
        titel: Tekst.optional().describe("Skabelonens titel på forsiden (ellers pakkens navn)."),
        intro: Tekst.optional().describe("Indledningen på forsiden (ellers pakkens beskrivelse)."),
        afsnit: Tekst.optional().describe(
          "Overskriften over listen af skemaer, fx »Nedslagspunkter i denne skabelon«."
        ),
        enhed: Tekst.optional().describe(
          "Hvad et skema kaldes i vejledningen, fx »nedslagspunkt«."
        ),
        enheder: Tekst.optional().describe("Flertal af »enhed«, fx »nedslagspunkter«."),
      })
      .optional(),
    akser: z
      .array(z.strictObject({ id: Id, navn: Tekst, elementer: z.array(Noegle).min(1) }))
      .optional(),
    perioder: z
      .strictObject({
        felt: z
          .string()
          .describe(
            "Feltet, der holder indberetningens periode som et helt tal (et år), fx »skabelon.indberetning.aar.aar«."
          ),
        navn: Tekst.optional().describe(
          "Hvad en periode kaldes, fx »regnskabsår« (ellers »periode«)."
        ),
      })
      .optional()
      .describe(
        "Indberetninger for flere perioder (år): en respondent sender én indberetning pr. periode. Beregningerne gælder den seneste periode; FORRIGE(udtryk) regner udtrykket for perioden før."
      ),
    indstillinger: z.array(Indstilling).optional(),
    inddata: z.array(Inddata).optional(),
    skabeloner: z.array(Skabelon).min(1),
    beregninger: z.array(Beregning).optional(),
    rapport: z
      .strictObject({
        titel: Tekst.optional(),
        tabeller: z.array(Rapporttabel).optional(),
      })
      .optional(),
  })
  .describe("En Byrdeberegner-pakke: én undersøgelse og dens beregninger.");

export type Pakke = z.infer<typeof PakkeSchema>;
export type PakkeSkabelon = z.infer<typeof Skabelon>;
export type PakkeBlok = z.infer<typeof Blok>;
export type PakkeTabelBlok = z.infer<typeof TabelBlok>;
export type PakkeListeBlok = z.infer<typeof ListeBlok>;
export type PakkeRegel = z.infer<typeof Regel>;
export type PakkeOperand = z.infer<typeof Operand>;
export type PakkeBeregning = z.infer<typeof Beregning>;
export type PakkeNedslagspunkt = z.infer<typeof Nedslagspunkt>;
export type PakkeRapporttabel = z.infer<typeof Rapporttabel>;
export type PakkeInddata = z.infer<typeof Inddata>;
export type PakkeIndstilling = z.infer<typeof Indstilling>;
export type PakkeFelttype = z.infer<typeof Felttype>;
export type PakkeValgmulighed = z.infer<typeof Valgmulighed>;

/** The JSON Schema of a pack file (for editors; `byrde pakke skema`). */
export function pakkeJsonSchema(): unknown {
  const schema = z.toJSONSchema(PakkeSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: "Byrdeberegner-pakke" };
}
