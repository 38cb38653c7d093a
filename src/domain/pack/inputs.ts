/**
 * The consultant's files for a pack: input tables (`--data TABEL=FIL.json`, the shape of
 * landstal.json or kommunedata.json) and settings (`--indstillinger FIL.json`, `{ id: værdi }`),
 * checked against the pack with Danish messages naming each key.
 */
import type { Scalar } from "../expr/evaluate";
import type { ByColumn, InputTable } from "./env";
import type { InputTableDef, Pack } from "./model";
import { findRespondent } from "./respondents";

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly string[] };

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const desc = (v: unknown) => (typeof v === "string" ? `"${v}"` : JSON.stringify(v));

function byColumn(v: unknown, path: string, errors: string[]): ByColumn | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (!isObj(v)) {
    errors.push(
      `${path} skal være et tal eller et objekt med tal pr. kolonne, fx {"2023": 1000} (fandt ${desc(v)}).`
    );
    return undefined;
  }
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v)) {
    if (typeof n !== "number" || !Number.isFinite(n))
      errors.push(`${path}.${k} skal være et tal (fandt ${desc(n)}).`);
    else out[k] = n;
  }
  return out;
}

function keys(
  def: InputTableDef,
  data: Record<string, unknown>,
  path: string,
  errors: string[]
): Record<string, ByColumn> {
  const declared = def.keys?.map((k) => k.key);
  const out: Record<string, ByColumn> = {};
  for (const [k, v] of Object.entries(data)) {
    if (declared && !declared.includes(k)) {
      errors.push(`${path}ukendt nøgle »${k}«; kendte nøgler: ${declared.join(", ")}.`);
      continue;
    }
    const b = byColumn(v, `${path}»${k}«`, errors);
    if (b !== undefined) out[k] = b;
  }
  return out;
}

/** An input table file → the table, or Danish errors (unknown keys and respondents are errors). */
export function parseInputTable(pack: Pack, def: InputTableDef, json: unknown): Parsed<InputTable> {
  const errors: string[] = [];
  if (!isObj(json))
    return {
      ok: false,
      errors: [
        def.form === "national"
          ? 'skal være et JSON-objekt: { "<nøgle>": { "<kolonne>": tal } }.'
          : `skal være et JSON-objekt: { "<${pack.respondents.singular}>": { "<nøgle>": { "<kolonne>": tal } } }.`,
      ],
    };
  if (def.form === "national") {
    const value = keys(def, json, "", errors);
    return errors.length ? { ok: false, errors } : { ok: true, value };
  }
  const out: Record<string, Record<string, ByColumn>> = {};
  for (const [who, data] of Object.entries(json)) {
    const name = findRespondent(pack.respondents, who);
    if (!name) {
      errors.push(`»${who}« er ikke på pakkens liste over ${pack.respondents.plural}.`);
      continue;
    }
    if (!isObj(data)) {
      errors.push(`»${who}« skal være et objekt med nøgler og tal.`);
      continue;
    }
    out[name] = keys(def, data, `»${who}«: `, errors);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** A settings file `{ id: værdi }` → the values, or Danish errors (unknown ids, kinds, ranges). */
export function parseSettings(pack: Pack, json: unknown): Parsed<Record<string, Scalar>> {
  if (!isObj(json))
    return { ok: false, errors: ['skal være et JSON-objekt: { "<indstilling>": værdi }.'] };
  const errors: string[] = [];
  const out: Record<string, Scalar> = {};
  for (const [id, v] of Object.entries(json)) {
    const s = pack.settings.find((x) => x.id === id);
    if (!s) {
      errors.push(
        `ukendt indstilling »${id}«; pakkens indstillinger: ${pack.settings.map((x) => x.id).join(", ") || "(ingen)"}.`
      );
      continue;
    }
    if (s.type === "tal") {
      if (typeof v !== "number" || !Number.isFinite(v))
        errors.push(`»${id}« skal være et tal (fandt ${desc(v)}).`);
      else if ((s.min !== undefined && v < s.min) || (s.max !== undefined && v > s.max))
        errors.push(`»${id}« skal ligge mellem ${s.min ?? "-∞"} og ${s.max ?? "∞"} (fandt ${v}).`);
      else out[id] = v;
    } else if (typeof v !== "string") errors.push(`»${id}« skal være en tekst (fandt ${desc(v)}).`);
    else if (s.type === "valg" && !(s.choices ?? []).includes(v))
      errors.push(
        `»${id}« skal være et af ${(s.choices ?? []).map((c) => `»${c}«`).join(", ")} (fandt ${desc(v)}).`
      );
    else out[id] = v;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}
