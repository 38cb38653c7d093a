/**
 * What the projection gives: per nedslagspunkt the studied and national figures, the span, the
 * municipalities used and left out, the years, members, data quality, suggestions and extras;
 * the merged returns and the log. Types only: the engine, the extras, the quality assessment and
 * the report share them without importing the engine.
 */
import type { Finding, KommuneReturn } from "../model";
import type { Pack } from "../pack/model";
import type { Spaend } from "./arithmetic";
import type { MethodDef } from "./definitions";
import type { Ekstra } from "./extras";
import type { Indstillinger, Kommunedata, Landstal, ResolvedIndstillinger } from "./inputs";
import type { Datakvalitet, OutlierSuggestion } from "./quality";

export interface ProjectionInput {
  readonly returns: readonly KommuneReturn[];
  readonly landstal: Landstal;
  readonly kommunedata?: Kommunedata;
  readonly indstillinger?: Indstillinger;
  /** The pack whose projection runs (default kl2024). */
  readonly pack?: Pack;
  /** Only these nedslagspunkter (default: every one of the pack's projection). */
  readonly methods?: readonly MethodDef[];
}

/** Baseline, final year and increase; null where the figure cannot be computed. */
export interface Tal {
  readonly basis: number | null;
  readonly slut: number | null;
  readonly stigning: number | null;
}

export interface Udeladt {
  readonly kommune: string;
  readonly grund: string;
}

/** One municipality's numbers for one component in one year. */
export interface ComponentValue {
  /** r_m (mean over its applicable ratios); null: nothing of this kind (e.g. no schools with the outcome). */
  readonly r: number | null;
  /** Each ratio's burden and driver (null where not applicable). */
  readonly pairs: readonly ({ readonly burden: number; readonly driver: number } | null)[];
  readonly units: number;
  /** Two-stage base (Kommunedata), when the component is two-stage. */
  readonly base: number | null;
  /** Ratio-of-sums weight. */
  readonly weight: number | null;
}

export interface Member {
  readonly kommune: string;
  readonly values: KommuneReturn["values"];
  /** By year, by component index. */
  readonly years: ReadonlyMap<number, readonly ComponentValue[]>;
}

export interface ComponentYear {
  readonly id: string;
  readonly label: string;
  /** r̄ over the members with a ratio; null when none and the national count is 0. */
  readonly rbar: number | null;
  readonly n: number;
  readonly ratios: readonly { readonly kommune: string; readonly r: number }[];
  readonly studiedUnits: number;
  readonly nationalUnits: number;
  /** For two-stage components: Σ units / Σ base. */
  readonly unitsPerBase: number | null;
  readonly studied: number;
  readonly national: number;
}

export interface YearResult {
  readonly year: number;
  readonly studied: number;
  readonly national: number;
  readonly components: readonly ComponentYear[];
}

export interface LogEntry {
  readonly nedslagspunkt?: string;
  readonly kommune?: string;
  readonly kilde: "indstilling" | "data" | "forslag" | "landstal" | "kommunedata";
  readonly besked: string;
}

/** Result per nedslagspunkt. The first fields are the CLI's `--json` contract. */
export interface NedslagspunktResultat {
  readonly id: string;
  readonly basisaar: number;
  readonly slutaar: number;
  readonly undersoegte: Tal;
  readonly alle: Tal;
  readonly spaend: Spaend | null;
  readonly kommuner: readonly string[];
  readonly udeladt: readonly Udeladt[];
  readonly kan_ikke_beregnes: string | null;
  // Beyond the contract:
  readonly navn: string;
  readonly omraade: string;
  readonly ny: boolean;
  readonly enhed: "timer" | "aarsvaerk";
  /** Municipalities that returned data for this nedslagspunkt ("undersøgte kommuner"). */
  readonly undersoegteKommuner: readonly string[];
  /** "Data fra alle undersøgte kommuner". */
  readonly alleUndersoegte: boolean;
  readonly datakvalitet: Datakvalitet;
  /** Per computed year (the baseline is absent for a new nedslagspunkt). */
  readonly aar: readonly YearResult[];
  readonly medlemmer: readonly Member[];
  readonly forslag: readonly OutlierSuggestion[];
  /** Why outliers could not be assessed, per component and year. */
  readonly afvigerNoter: readonly string[];
  readonly ekstra: Ekstra | null;
}

export interface ProjectionResult {
  readonly nedslagspunkter: readonly NedslagspunktResultat[];
  /** The returns merged per municipality (what the report's Data sheet shows). */
  readonly returer: readonly MergedReturn[];
  readonly log: readonly LogEntry[];
  readonly indstillinger: ResolvedIndstillinger;
}

/** One municipality's returns merged (a municipality may send one workbook per template). */
export interface MergedReturn {
  readonly kommune: string;
  readonly skabeloner: ReadonlySet<string>;
  readonly values: KommuneReturn["values"];
  readonly findings: readonly Finding[];
}
