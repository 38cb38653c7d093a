/**
 * The projection's inputs besides the returns: *Landstal* (national drivers), *Kommunedata*
 * (per-municipality drivers) and *Indstillinger* (settings). Their shapes mirror the JSON files
 * of the CLI contract (landstal.json, kommunedata.json, indstillinger.json).
 */
import { fieldsOfTemplate, templatesOfIds } from "../fieldId";
import type { InputTableDef, Pack } from "../pack/model";
import { defaultPack } from "../pakker";
import type { KommunedataKey } from "./definitions";
import { DEFAULT_SPAEND_PCT, DEFAULT_TIMER_PR_AARSVAERK } from "./arithmetic";
import { findKommune } from "../catalogue/kommuner";
import type { RawCell, RawReturn } from "../model";

/** One number for every year, or numbers by year ("2023": n). */
export type ByYear = number | Readonly<Record<string, number>>;

/** National figures: `ukn_sager`, `boernesag_sager`, `indbyggere`, `indbyggere_18plus`, `dagtilbud`, `ansatte`, outcome counts. */
export type Landstal = Readonly<Record<string, ByYear>>;

function inputTable(pack: Pack, id: string): InputTableDef | undefined {
  return pack.inputs.find((t) => t.id === id);
}

const KL_LANDSTAL = inputTable(defaultPack(), "landstal");
const KL_KOMMUNEDATA = inputTable(defaultPack(), "kommunedata");

/** The keys kl2024's *Landstal* may hold, with their Danish descriptions (sheet labels and messages). */
export const LANDSTAL_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  (KL_LANDSTAL?.keys ?? []).map((k) => [k.key, k.label])
);

/** kl2024's per-municipality reference data keys (the *Kommunedata* sheet). */
export const KOMMUNEDATA_KEYS: readonly string[] = (KL_KOMMUNEDATA?.keys ?? []).map((k) => k.key);

export const KOMMUNEDATA_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  (KL_KOMMUNEDATA?.keys ?? []).map((k) => [k.key, k.label])
);

/** By municipality name. */
export type Kommunedata = Readonly<
  Record<string, Readonly<Partial<Record<KommunedataKey, ByYear>>>>
>;

/** The field a municipality's own return offers as the default for a Kommunedata key (`{år}` for the year). */
export const KOMMUNEDATA_DEFAULT_FIELD: Readonly<Record<string, string>> =
  KL_KOMMUNEDATA?.defaults ?? {};

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

/** A numeric setting's default in a pack (undefined when the pack has no such setting). */
export function settingDefault(pack: Pack, id: string): number | undefined {
  const d = pack.settings.find((x) => x.id === id)?.default;
  return typeof d === "number" ? d : undefined;
}

/** Settings with the pack's defaults (kl2024's unless another pack is given) filled in. */
export function resolveIndstillinger(
  i: Indstillinger | undefined,
  pack: Pack = defaultPack()
): ResolvedIndstillinger {
  return {
    timer_pr_aarsvaerk:
      i?.timer_pr_aarsvaerk ??
      settingDefault(pack, "timer_pr_aarsvaerk") ??
      DEFAULT_TIMER_PR_AARSVAERK,
    spaend_pct: i?.spaend_pct ?? settingDefault(pack, "spaend_pct") ?? DEFAULT_SPAEND_PCT,
    perioder: i?.perioder ?? {},
    loen_pr_aarsvaerk: i?.loen_pr_aarsvaerk ?? settingDefault(pack, "loen_pr_aarsvaerk") ?? 0,
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
  /** The pack the return belongs to (absent: kl2024). */
  readonly pakke?: string;
  readonly skabelon?: string;
  readonly version?: number;
  readonly felter: Readonly<Record<string, number | string | null>>;
}

// ------------------------------------------------------------------ checking the JSON input files

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly string[] };

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const desc = (v: unknown) => (typeof v === "string" ? `"${v}"` : JSON.stringify(v));

function checkByYear(v: unknown, path: string, errors: string[]): ByYear | undefined {
  if (typeof v === "number" && Number.isFinite(v)) {
    if (v < 0) errors.push(`${path} må ikke være negativ (fandt ${v}).`);
    return v;
  }
  if (!isObj(v)) {
    errors.push(
      `${path} skal være et tal eller et objekt med tal pr. år, fx {"2023": 1000} (fandt ${desc(v)}).`
    );
    return undefined;
  }
  const out: Record<string, number> = {};
  for (const [y, n] of Object.entries(v)) {
    if (!/^\d{4}$/.test(y)) errors.push(`${path}: »${y}« er ikke et årstal.`);
    else if (typeof n !== "number" || !Number.isFinite(n))
      errors.push(`${path}.${y} skal være et tal (fandt ${desc(n)}).`);
    else if (n < 0) errors.push(`${path}.${y} må ikke være negativ (fandt ${n}).`);
    else out[y] = n;
  }
  return out;
}

/** landstal.json → Landstal, or Danish errors naming each key. Unknown keys are errors (typos). */
export function parseLandstal(json: unknown): Parsed<Landstal> {
  if (!isObj(json))
    return {
      ok: false,
      errors: ['skal være et JSON-objekt med landstal, fx { "dagtilbud": {"2023": 4000} }.'],
    };
  const errors: string[] = [];
  const out: Record<string, ByYear> = {};
  for (const [k, v] of Object.entries(json)) {
    if (!(k in LANDSTAL_KEYS)) {
      errors.push(`ukendt nøgle »${k}«; kendte nøgler: ${Object.keys(LANDSTAL_KEYS).join(", ")}.`);
      continue;
    }
    const b = checkByYear(v, `»${k}«`, errors);
    if (b !== undefined) out[k] = b;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** kommunedata.json → Kommunedata, or Danish errors naming municipality and key. */
export function parseKommunedata(json: unknown): Parsed<Kommunedata> {
  if (!isObj(json))
    return {
      ok: false,
      errors: ['skal være et JSON-objekt: { "<kommune>": { "ansatte": {"2023": n}, … } }.'],
    };
  const errors: string[] = [];
  const out: Record<string, Partial<Record<KommunedataKey, ByYear>>> = {};
  for (const [kommune, data] of Object.entries(json)) {
    if (!findKommune(kommune)) errors.push(`»${kommune}« er ikke en dansk kommune.`);
    if (!isObj(data)) {
      errors.push(`»${kommune}« skal være et objekt med ${KOMMUNEDATA_KEYS.join(", ")}.`);
      continue;
    }
    const row: Partial<Record<KommunedataKey, ByYear>> = {};
    for (const [k, v] of Object.entries(data)) {
      if (!(KOMMUNEDATA_KEYS as readonly string[]).includes(k)) {
        errors.push(
          `»${kommune}«: ukendt nøgle »${k}«; kendte nøgler: ${KOMMUNEDATA_KEYS.join(", ")}.`
        );
        continue;
      }
      const b = checkByYear(v, `»${kommune}«.»${k}«`, errors);
      if (b !== undefined) row[k as KommunedataKey] = b;
    }
    out[kommune] = row;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** indstillinger.json → Indstillinger, or Danish errors naming each key. */
export function parseIndstillinger(
  json: unknown,
  nedslagspunkter: readonly string[]
): Parsed<Indstillinger> {
  if (!isObj(json))
    return { ok: false, errors: ['skal være et JSON-objekt, fx { "timer_pr_aarsvaerk": 1400 }.'] };
  const errors: string[] = [];
  const num = (k: string, min: number, strict: boolean) => {
    const v = json[k];
    if (v === undefined) return;
    if (typeof v !== "number" || !Number.isFinite(v) || (strict ? v <= min : v < min)) {
      errors.push(
        `»${k}« skal være et tal ${strict ? "større end" : "på mindst"} ${min} (fandt ${desc(v)}).`
      );
    }
  };
  num("timer_pr_aarsvaerk", 0, true);
  num("spaend_pct", 0, false);
  num("loen_pr_aarsvaerk", 0, false);
  const known = [
    "timer_pr_aarsvaerk",
    "spaend_pct",
    "perioder",
    "loen_pr_aarsvaerk",
    "udelad",
    "medtag",
  ];
  for (const k of Object.keys(json))
    if (!known.includes(k)) errors.push(`ukendt nøgle »${k}«; kendte nøgler: ${known.join(", ")}.`);
  const checkIds = (k: string, check: (id: string, v: unknown) => void) => {
    const v = json[k];
    if (v === undefined) return;
    if (!isObj(v)) return void errors.push(`»${k}« skal være et objekt pr. nedslagspunkt.`);
    for (const [id, x] of Object.entries(v)) {
      if (!nedslagspunkter.includes(id))
        errors.push(`»${k}«: ukendt nedslagspunkt »${id}«; kendte: ${nedslagspunkter.join(", ")}.`);
      else check(id, x);
    }
  };
  checkIds("perioder", (id, p) => {
    if (!isObj(p))
      return void errors.push(`»perioder«.»${id}« skal være { "basis": år, "slut": år }.`);
    for (const [k, y] of Object.entries(p)) {
      if (k !== "basis" && k !== "slut")
        errors.push(`»perioder«.»${id}«: ukendt nøgle »${k}« (brug basis og slut).`);
      else if (typeof y !== "number" || !Number.isInteger(y))
        errors.push(`»perioder«.»${id}«.»${k}« skal være et årstal (fandt ${desc(y)}).`);
    }
  });
  for (const k of ["udelad", "medtag"]) {
    checkIds(k, (id, list) => {
      if (!Array.isArray(list) || list.some((x) => typeof x !== "string"))
        errors.push(`»${k}«.»${id}« skal være en liste af kommunenavne.`);
      else
        for (const n of list as string[])
          if (!findKommune(n)) errors.push(`»${k}«.»${id}«: »${n}« er ikke en dansk kommune.`);
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: json as Indstillinger };
}

/**
 * A return given as JSON (`{ "kommune", "felter" }`, what `byrde læs --json` prints) as the raw
 * return validation expects, so JSON returns go through the same rules as workbooks.
 */
export function rawReturnFromFelter(
  json: FelterJson,
  file?: string,
  version?: number,
  pack: Pack = defaultPack()
): RawReturn {
  const cells: Record<string, RawCell> = {};
  const skabelon = json.skabelon ?? templatesOfIds(Object.keys(json.felter)).join(",");
  // A JSON return lists what was filled in; every other field of its templates is empty, not absent.
  for (const id of skabelon.split(",")) {
    const t = pack.templates.find((x) => x.id === id.trim());
    if (t) for (const f of fieldsOfTemplate(t)) cells[f.id] = { value: null };
  }
  for (const [id, value] of Object.entries(json.felter)) cells[id] = { value };
  return {
    file,
    meta: {
      kommune: json.kommune,
      skabelon,
      version: json.version ?? version ?? pack.version,
      ...(json.pakke ? { pakke: json.pakke } : {}),
    },
    cells,
    locatedBy: "navne",
    findings: [],
  };
}
