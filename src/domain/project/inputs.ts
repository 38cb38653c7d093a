/**
 * The projection's inputs besides the returns: *Landstal* (national drivers), *Kommunedata*
 * (per-municipality drivers) and *Indstillinger* (settings). Their shapes mirror the JSON files
 * of the CLI contract (landstal.json, kommunedata.json, indstillinger.json).
 */
import { findKommune } from "../catalogue/kommuner";
import { DEFAULT_SPAEND_PCT, DEFAULT_TIMER_PR_AARSVAERK } from "./arithmetic";

/** One number for every year, or numbers by year ("2023": n). */
export type ByYear = number | Readonly<Record<string, number>>;

/** National figures: `ukn_sager`, `boernesag_sager`, `indbyggere`, `indbyggere_18plus`, `dagtilbud`, `ansatte`, outcome counts. */
export type Landstal = Readonly<Record<string, ByYear>>;

/** The keys *Landstal* may hold, with their Danish descriptions (sheet labels and messages). */
export const LANDSTAL_KEYS: Readonly<Record<string, string>> = {
  ukn_sager: "Sager i Ungdomskriminalitetsnævnet på landsplan",
  boernesag_sager: "Sager leveret til Børnesagsbarometeret på landsplan",
  indbyggere: "Indbyggere på landsplan",
  indbyggere_18plus: "Indbyggere på 18 år og derover på landsplan",
  dagtilbud: "Dagtilbud på landsplan",
  ansatte: "Kommunalt ansatte på landsplan",
  kvalitet_bekymrende: "Skoler med »bekymrende faglig kvalitet« pr. år",
  kvalitet_handleplan: "Skoler i fagligt tilsyn med (pålagt) handleplan pr. år",
  parallel_redegoerelse:
    "Skoler, hvor redegørelsen er tilfredsstillende, pr. år (parallelsamfundstilsyn)",
  parallel_tilsyn: "Skoler i parallelsamfundstilsyn pr. år",
};

/** Per-municipality reference data keys (the *Kommunedata* sheet). */
export const KOMMUNEDATA_KEYS = [
  "indbyggere",
  "indbyggere_18plus",
  "ansatte",
  "dagtilbud",
] as const;
export type KommunedataKey = (typeof KOMMUNEDATA_KEYS)[number];

export const KOMMUNEDATA_LABELS: Readonly<Record<KommunedataKey, string>> = {
  indbyggere: "Indbyggere",
  indbyggere_18plus: "Indbyggere 18+",
  ansatte: "Kommunalt ansatte",
  dagtilbud: "Dagtilbud",
};

/** By municipality name. */
export type Kommunedata = Readonly<
  Record<string, Readonly<Partial<Record<KommunedataKey, ByYear>>>>
>;

/** The field a municipality's own return offers as the default for a Kommunedata key. */
export const KOMMUNEDATA_DEFAULT_FIELD: Readonly<Partial<Record<KommunedataKey, string>>> = {
  dagtilbud: "tilsyn.volumen.antal_dagtilbud.{y}",
};

export interface Periode {
  readonly basis: number;
  readonly slut: number;
}

export interface Indstillinger {
  readonly timer_pr_aarsvaerk?: number;
  readonly spaend_pct?: number;
  readonly perioder?: Readonly<Record<string, Partial<Periode>>>;
  /** Annual wage cost per årsværk, kr. 0 = not given. */
  readonly loen_pr_aarsvaerk?: number;
  /** Municipalities to leave out, per nedslagspunkt. Always wins over a suggestion. */
  readonly udelad?: Readonly<Record<string, readonly string[]>>;
  /** Municipalities to keep although an outlier is suggested. */
  readonly medtag?: Readonly<Record<string, readonly string[]>>;
}

/** Settings with every default filled in. */
export interface ResolvedIndstillinger {
  readonly timer_pr_aarsvaerk: number;
  readonly spaend_pct: number;
  readonly perioder: Readonly<Record<string, Partial<Periode>>>;
  readonly loen_pr_aarsvaerk: number;
  readonly udelad: Readonly<Record<string, readonly string[]>>;
  readonly medtag: Readonly<Record<string, readonly string[]>>;
}

export function resolveIndstillinger(i: Indstillinger | undefined): ResolvedIndstillinger {
  return {
    timer_pr_aarsvaerk: i?.timer_pr_aarsvaerk ?? DEFAULT_TIMER_PR_AARSVAERK,
    spaend_pct: i?.spaend_pct ?? DEFAULT_SPAEND_PCT,
    perioder: i?.perioder ?? {},
    loen_pr_aarsvaerk: i?.loen_pr_aarsvaerk ?? 0,
    udelad: i?.udelad ?? {},
    medtag: i?.medtag ?? {},
  };
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** The value of a ByYear for a year; undefined when absent. */
export function valueForYear(v: ByYear | undefined, year: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return isNumber(v) ? v : undefined;
  const y = v[String(year)];
  return isNumber(y) ? y : undefined;
}

/** Canonical municipality name (catalogue spelling) or the trimmed input when unknown. */
export function canonicalKommune(name: string): string {
  return findKommune(name)?.navn ?? name.trim();
}

/** Kommunedata re-keyed by canonical municipality name. */
export function indexKommunedata(
  kd: Kommunedata | undefined
): ReadonlyMap<string, Partial<Record<KommunedataKey, ByYear>>> {
  const out = new Map<string, Partial<Record<KommunedataKey, ByYear>>>();
  for (const [name, data] of Object.entries(kd ?? {})) out.set(canonicalKommune(name), data);
  return out;
}

/** `{ "kommune", "felter": { id: value } }` (the shape `byrde læs --json` prints and examples/ holds) as a return. */
export interface FelterJson {
  readonly kommune: string;
  readonly skabelon?: string;
  readonly version?: number;
  readonly felter: Readonly<Record<string, number | string | null>>;
}

/** Template ids a set of field ids belongs to (first part of each id), in first-seen order. */
export function templatesOfFields(ids: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const t = id.split(".")[0];
    if (t !== "meta" && !out.includes(t)) out.push(t);
  }
  return out;
}
