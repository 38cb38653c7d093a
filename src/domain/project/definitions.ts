/**
 * The nine nedslagspunkter as data (method.md). Each is one `MethodDef`: which fields are the
 * burden and the driver per year, what multiplies the mean ratio for the studied municipalities,
 * and where the national count comes from. A tenth nedslagspunkt is one more definition.
 */
import type { Expr } from "./expr";
import type { KommunedataKey } from "./inputs";

/** One ratio b/d of a municipality (magt has one per area; the municipality's r is their mean). */
export interface RatioDef {
  readonly label: string;
  readonly burden: Expr;
  readonly driver: Expr;
}

/** Where the national number of units comes from. */
export type NationalUnits =
  /** A *Landstal* figure directly (e.g. dagtilbud nationally). */
  | { readonly landstal: string }
  /** Two-stage: Σ_M units / Σ_M base × the *Landstal* base (e.g. tilsyn per dagtilbud × dagtilbud). */
  | { readonly twoStage: { readonly base: KommunedataKey; readonly landstal: string } };

/** A part of a nedslagspunkt whose projections add up (an outcome type, a barometer). */
export interface ComponentDef {
  readonly id: string;
  readonly label: string;
  /** Per municipality, r = mean of its applicable ratios. */
  readonly ratios: readonly RatioDef[];
  /**
   * A zero (or, with an empty burden, empty) driver: "udelad" leaves the municipality out of the
   * nedslagspunkt with the reason; "ikke_relevant" means it had none of these units (e.g. no
   * schools with this outcome), so it is not in this part's mean but stays in the others.
   */
  readonly zeroDriver: "udelad" | "ikke_relevant";
  /** Units multiplying r̄ for the studied municipalities (Σ over M), and the two-stage numerator. */
  readonly units: Expr;
  readonly national: NationalUnits;
  /** Weights for the ratio-of-sums estimate Σ r·w / Σ w (default: the single ratio's driver, so Σb/Σd). */
  readonly weight?: Expr;
  /** Danish name of one unit (e.g. "sag", "dagtilbud"), for sheets and messages. */
  readonly unitName: string;
  /** Plural (e.g. "sager"). */
  readonly unitPlural: string;
}

export interface MethodDef {
  readonly id: string;
  readonly navn: string;
  /** Sheet name of its fact sheet in the report (≤ 31 characters). */
  readonly arkNavn: string;
  readonly omraade: string;
  /** Templates whose returns feed this nedslagspunkt. */
  readonly templates: readonly string[];
  /** "timer": burdens in hours, divided by timer pr. årsværk; "aarsvaerk": already årsværk. */
  readonly enhed: "timer" | "aarsvaerk";
  readonly basis: number;
  readonly slut: number;
  /** New task: 0 at the baseline by definition. */
  readonly ny: boolean;
  readonly components: readonly ComponentDef[];
  /** The method in one paragraph (fact sheet). */
  readonly metode: string;
}

const f = (id: string, from?: number, to?: number): Expr => ({ f: id, from, to });
const sum = (...terms: Expr[]): Expr => ({ sum: terms });
const orZero = (e: Expr): Expr => ({ orZero: e });

/** Burden per Kommunedata unit (dagtilbud, ansatte) × the same unit nationally. */
function perKommunedata(
  key: "dagtilbud" | "ansatte",
  label: string,
  unit: readonly [string, string],
  ratioLabel: string,
  burden: Expr
): ComponentDef {
  return {
    id: key,
    label,
    unitName: unit[0],
    unitPlural: unit[1],
    ratios: [{ label: ratioLabel, burden, driver: { kd: key } }],
    zeroDriver: "udelad",
    units: { kd: key },
    national: { landstal: key },
  };
}

export const UKN: MethodDef = {
  id: "ukn",
  navn: "Ungdomskriminalitetsnævnet",
  arkNavn: "UKN",
  omraade: "Udsatte børn og unge",
  templates: ["ukn"],
  enhed: "timer",
  basis: 2017,
  slut: 2022,
  ny: true,
  components: [
    {
      id: "sager",
      label: "Sager i UKN",
      unitName: "sag",
      unitPlural: "sager",
      ratios: [
        {
          label: "Timer pr. sag",
          burden: sum(
            { mul: [f("ukn.hovedsager.timer_pr_sag.{y}"), f("ukn.volumen.hovedsager.{y}")] },
            {
              mul: [
                f("ukn.genindbringelse.timer_pr_sag.{y}"),
                f("ukn.volumen.genindbringelsessager.{y}"),
              ],
            }
          ),
          driver: sum(f("ukn.volumen.hovedsager.{y}"), f("ukn.volumen.genindbringelsessager.{y}")),
        },
      ],
      zeroDriver: "udelad",
      units: sum(f("ukn.volumen.hovedsager.{y}"), f("ukn.volumen.genindbringelsessager.{y}")),
      national: { landstal: "ukn_sager" },
    },
  ],
  metode:
    "For hver kommune er timer pr. sag beregnet som timer pr. hovedsag og pr. genindbringelsessag vægtet med antallet af sager. Gennemsnittet på tværs af kommunerne er ganget med antallet af sager i de undersøgte kommuner og med antallet af UKN-sager på landsplan i slutåret og divideret med timer pr. årsværk. Opgaven er ny, så basisåret er 0.",
};

export const BAROMETRE: MethodDef = {
  id: "barometre",
  navn: "Børnesagsbarometeret og Handicapsagsbarometeret",
  arkNavn: "Barometre",
  omraade: "Udsatte børn og unge",
  templates: ["barometre"],
  enhed: "timer",
  basis: 2017,
  slut: 2023,
  ny: true,
  components: [
    {
      id: "boernesag",
      label: "Børnesagsbarometeret",
      unitName: "leveret sag",
      unitPlural: "leverede sager",
      ratios: [
        {
          label: "Timer pr. leveret sag (2020 og frem)",
          burden: { pool: f("barometre.boernesag.timer_i_alt.{y}", 2020), from: 2020 },
          driver: { pool: f("barometre.boernesag_volumen.sager.{y}", 2020), from: 2020 },
        },
      ],
      zeroDriver: "ikke_relevant",
      units: orZero(f("barometre.boernesag_volumen.sager.{y}", 2020)),
      national: { landstal: "boernesag_sager" },
    },
    {
      id: "handicap",
      label: "Handicapsagsbarometeret",
      unitName: "leveret sag",
      unitPlural: "leverede sager",
      ratios: [
        {
          label: "Timer pr. leveret sag",
          burden: f("barometre.handicap.timer_i_alt.{y}", 2023),
          driver: f("barometre.handicap_volumen.sager.{y}", 2023),
        },
      ],
      zeroDriver: "ikke_relevant",
      units: orZero(f("barometre.handicap_volumen.sager.{y}", 2023)),
      national: { twoStage: { base: "indbyggere", landstal: "indbyggere" } },
    },
  ],
  metode:
    "Beregnet separat for de to barometre og lagt sammen. Børnesagsbarometeret: timer pr. leveret sag over alle år siden 2020 for de kommuner, der har leveret sager, ganget med antallet af leverede sager i slutåret (de undersøgte kommuners og landets). Handicapsagsbarometeret: timer pr. leveret sag i slutåret; antallet af sager på landsplan er de undersøgte kommuners sager pr. indbygger ganget med befolkningen på landsplan.",
};

export const NORMERING: MethodDef = {
  id: "normering",
  navn: "Minimumsnormeringer",
  arkNavn: "Minimumsnormeringer",
  omraade: "Dagtilbud",
  templates: ["normering"],
  enhed: "timer",
  basis: 2017,
  slut: 2023,
  ny: true,
  components: [
    perKommunedata(
      "dagtilbud",
      "Dagtilbud",
      ["dagtilbud", "dagtilbud"],
      "Timer pr. dagtilbud",
      sum(f("normering.forvaltning.timer_i_alt.{y}"), f("normering.dagtilbud.timer_i_alt.{y}"))
    ),
  ],
  metode:
    "For hver kommune er timerne i forvaltningen og på dagtilbuddene lagt sammen og delt med antallet af dagtilbud i kommunen. Gennemsnittet pr. dagtilbud er ganget med antallet af dagtilbud i de undersøgte kommuner og på landsplan og divideret med timer pr. årsværk. Opgaven er ny, så basisåret er 0.",
};

export const TILSYN: MethodDef = {
  id: "tilsyn",
  navn: "Tilsyn med pædagogisk praksis",
  arkNavn: "Pædagogisk tilsyn",
  omraade: "Dagtilbud",
  templates: ["tilsyn"],
  enhed: "timer",
  basis: 2020,
  slut: 2023,
  ny: false,
  components: [
    {
      id: "tilsyn",
      label: "Tilsyn",
      unitName: "tilsyn",
      unitPlural: "tilsyn",
      ratios: [
        {
          label: "Timer pr. tilsyn",
          burden: sum(
            f("tilsyn.forvaltning.timer_pr_tilsyn.{y}"),
            f("tilsyn.dagtilbud.timer_pr_tilsyn.{y}")
          ),
          driver: { c: 1 },
        },
      ],
      zeroDriver: "udelad",
      units: f("tilsyn.volumen.antal_tilsyn.{y}"),
      national: { twoStage: { base: "dagtilbud", landstal: "dagtilbud" } },
      weight: f("tilsyn.volumen.antal_tilsyn.{y}"),
    },
  ],
  metode:
    "Timer pr. tilsyn (forvaltning plus dagtilbud) er gennemsnittet på tværs af de undersøgte kommuner. Det er ganget med antallet af gennemførte tilsyn i de undersøgte kommuner og med et estimat for antallet af tilsyn på landsplan: de undersøgte kommuners tilsyn pr. dagtilbud ganget med antallet af dagtilbud på landsplan. Divideret med timer pr. årsværk.",
};

function outcome(
  id: string,
  label: string,
  template: string,
  blocks: readonly [string, string],
  count: Expr,
  landstal: string
): ComponentDef {
  return {
    id,
    label,
    unitName: "skole",
    unitPlural: "skoler",
    ratios: [
      {
        label: "Timer pr. skole",
        burden: sum(
          f(`${template}.${blocks[0]}.timer_i_alt.{y}`),
          f(`${template}.${blocks[1]}.timer_i_alt.{y}`)
        ),
        driver: count,
      },
    ],
    zeroDriver: "ikke_relevant",
    units: orZero(count),
    national: { landstal },
  };
}

export const KVALITET: MethodDef = {
  id: "kvalitet",
  navn: "Kvalitetstilsyn",
  arkNavn: "Kvalitetstilsyn",
  omraade: "Skole",
  templates: ["kvalitet"],
  enhed: "timer",
  basis: 2018,
  slut: 2023,
  ny: false,
  components: [
    outcome(
      "bekymrende",
      "»Bekymrende faglig kvalitet«",
      "kvalitet",
      ["bekymrende_forvaltning", "bekymrende_skole"],
      f("kvalitet.volumen.bekymrende.{y}"),
      "kvalitet_bekymrende"
    ),
    outcome(
      "handleplan",
      "Fagligt tilsyn med (pålagt) handleplan",
      "kvalitet",
      ["handleplan_forvaltning", "handleplan_skole"],
      sum(f("kvalitet.volumen.handleplan.{y}"), f("kvalitet.volumen.paalagt.{y}")),
      "kvalitet_handleplan"
    ),
  ],
  metode:
    "For hvert tilsynsudfald (»bekymrende faglig kvalitet« og fagligt tilsyn med handleplan) er timer pr. skole beregnet for de kommuner, der havde skoler med udfaldet, og gennemsnittet er ganget med antallet af skoler med udfaldet i de undersøgte kommuner og på landsplan (sat til 8 og 22 skoler om året). Udfaldene er lagt sammen og divideret med timer pr. årsværk.",
};

export const PARALLEL: MethodDef = {
  id: "parallel",
  navn: "Parallelsamfundstilsyn",
  arkNavn: "Parallelsamfundstilsyn",
  omraade: "Skole",
  templates: ["parallel"],
  enhed: "timer",
  basis: 2020,
  slut: 2023,
  ny: true,
  components: [
    outcome(
      "tilfredsstillende",
      "Redegørelsen er tilfredsstillende",
      "parallel",
      ["tilfredsstillende_forvaltning", "tilfredsstillende_skole"],
      { sub: [f("parallel.volumen.henvendelser.{y}"), orZero(f("parallel.volumen.tilsyn.{y}"))] },
      "parallel_redegoerelse"
    ),
    outcome(
      "tilsyn",
      "Parallelsamfundstilsyn",
      "parallel",
      ["tilsyn_forvaltning", "tilsyn_skole"],
      f("parallel.volumen.tilsyn.{y}"),
      "parallel_tilsyn"
    ),
  ],
  metode:
    "For hvert udfald (redegørelsen er tilfredsstillende, skolen kommer i parallelsamfundstilsyn) er timer pr. skole beregnet for de kommuner, der havde skoler med udfaldet, og gennemsnittet er ganget med antallet af skoler i de undersøgte kommuner og på landsplan (sat til 6 og 5 skoler om året). Udfaldene er lagt sammen og divideret med timer pr. årsværk. Opgaven er ny, så basisåret er 0.",
};

function magtArea(template: string, label: string): RatioDef {
  return {
    label,
    burden: sum(
      f(`${template}.forvaltning.timer_i_alt.{y}`),
      f(`${template}.udfoerer.timer_i_alt.{y}`)
    ),
    driver: f(`${template}.volumen.forhaandsgodkendelser.{y}`),
  };
}

export const MAGT: MethodDef = {
  id: "magt",
  navn: "Magtanvendelsesregler",
  arkNavn: "Magtanvendelse",
  omraade: "Socialområdet (voksen) og ældre",
  templates: ["magt_voksen", "magt_aeldre"],
  enhed: "timer",
  basis: 2017,
  slut: 2023,
  ny: true,
  components: [
    {
      id: "forhaandsgodkendelser",
      label: "Forhåndsgodkendelser",
      unitName: "forhåndsgodkendelse",
      unitPlural: "forhåndsgodkendelser",
      ratios: [magtArea("magt_voksen", "Voksenområdet"), magtArea("magt_aeldre", "Ældreområdet")],
      zeroDriver: "udelad",
      units: sum(
        orZero(f("magt_voksen.volumen.forhaandsgodkendelser.{y}")),
        orZero(f("magt_aeldre.volumen.forhaandsgodkendelser.{y}"))
      ),
      national: { twoStage: { base: "indbyggere_18plus", landstal: "indbyggere_18plus" } },
    },
  ],
  metode:
    "For hver kommune er timer pr. forhåndsgodkendelse beregnet for hvert område, den har svaret for (voksen og ældre), og der er taget gennemsnittet af områderne; derefter gennemsnittet på tværs af kommunerne. Antallet af forhåndsgodkendelser på landsplan er de undersøgte kommuners forhåndsgodkendelser pr. borger på 18 år og derover ganget med den voksne befolkning på landsplan. Divideret med timer pr. årsværk. Opgaven er ny, så basisåret er 0.",
};

export const MITID: MethodDef = {
  id: "mitid",
  navn: "MitID og pas-regler",
  arkNavn: "MitID og pas",
  omraade: "Central administration (Borgerservice)",
  templates: ["mitid"],
  enhed: "timer",
  basis: 2020,
  slut: 2023,
  ny: false,
  components: [
    perKommunedata(
      "ansatte",
      "Kommunalt ansatte",
      ["ansat", "ansatte"],
      "Timer pr. ansat",
      sum(
        f("mitid.nemid.timer_i_alt.{y}", 2020),
        f("mitid.mitid.timer_i_alt.{y}", 2021),
        f("mitid.pas.timer_i_alt.{y}", 2022)
      )
    ),
  ],
  metode:
    "For hver kommune er Borgerservice' timer til NemID, MitID og pas lagt sammen og delt med antallet af kommunalt ansatte. Gennemsnittet pr. ansat er ganget med antallet af ansatte i de undersøgte kommuner og på landsplan og divideret med timer pr. årsværk. Basisåret indeholder kun NemID-opgaver.",
};

export const GDPR: MethodDef = {
  id: "gdpr",
  navn: "Databeskyttelsesloven",
  arkNavn: "Databeskyttelse",
  omraade: "Central administration",
  templates: ["gdpr"],
  enhed: "aarsvaerk",
  basis: 2018,
  slut: 2023,
  ny: false,
  components: [
    perKommunedata(
      "ansatte",
      "Kommunalt ansatte",
      ["ansat", "ansatte"],
      "Årsværk pr. ansat",
      f("gdpr.indsats.aarsvaerk_i_alt.{y}")
    ),
  ],
  metode:
    "For hver kommune er ressourceforbruget i årsværk delt med antallet af kommunalt ansatte. Gennemsnittet pr. ansat er ganget med antallet af ansatte i de undersøgte kommuner og på landsplan. Tallene er indberettet i årsværk, så der er ikke divideret med timer pr. årsværk.",
};

/** The nine nedslagspunkter in the report's order. */
export const METHODS: readonly MethodDef[] = [
  UKN,
  BAROMETRE,
  NORMERING,
  TILSYN,
  KVALITET,
  PARALLEL,
  MAGT,
  MITID,
  GDPR,
];

export function getMethod(id: string): MethodDef | undefined {
  return METHODS.find((m) => m.id === id);
}
