/**
 * A tiny expression language for burdens, drivers and unit counts. A nedslagspunkt's method is
 * data written in it (definitions.ts); the engine evaluates it on a municipality's values, and the
 * report compiles the same expression into native Excel formulas. `{y}` in a field id stands for
 * the year being computed.
 */
import type { FieldValue } from "../model";
import type { KommunedataKey } from "./inputs";

export type Expr =
  /** A template field; outside `from`–`to` the field is not asked (skipped in a sum). */
  | { readonly f: string; readonly from?: number; readonly to?: number }
  /** A Kommunedata figure of the municipality in the year. */
  | { readonly kd: KommunedataKey }
  /** Sum: unasked terms are skipped; empty terms count as 0 when another term holds a value; all empty → empty. */
  | { readonly sum: readonly Expr[] }
  /** Product of two; 0 × empty = 0. */
  | { readonly mul: readonly [Expr, Expr] }
  /** Difference a − b; both must hold values. */
  | { readonly sub: readonly [Expr, Expr] }
  /** Σ over the years `from`..y of the inner expression (pooled years); empty years count as 0. */
  | { readonly pool: Expr; readonly from: number }
  /** An empty value means 0 here (e.g. a count left blank because there was nothing). */
  | { readonly orZero: Expr }
  | { readonly c: number };

export type EvalResult =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "empty"; readonly missing: readonly string[] }
  | { readonly kind: "notAsked" };

export interface EvalContext {
  readonly values: Readonly<Record<string, FieldValue>>;
  /** A Kommunedata figure, with the return's own default applied; undefined when absent. */
  readonly kommunedata: (key: KommunedataKey, year: number) => number | undefined;
}

const value = (v: number): EvalResult => ({ kind: "value", value: v });
const NOT_ASKED: EvalResult = { kind: "notAsked" };

/** Field id for a year. */
export function fieldFor(pattern: string, year: number): string {
  return pattern.replace("{y}", String(year));
}

/** Label used in "mangler" reasons for a Kommunedata figure. */
export function kommunedataRef(key: KommunedataKey, year: number): string {
  return `Kommunedata »${key}« ${year}`;
}

export function evaluate(e: Expr, year: number, ctx: EvalContext): EvalResult {
  if ("c" in e) return value(e.c);
  if ("f" in e) {
    if ((e.from !== undefined && year < e.from) || (e.to !== undefined && year > e.to))
      return NOT_ASKED;
    const id = fieldFor(e.f, year);
    const v = ctx.values[id];
    return typeof v === "number" && Number.isFinite(v)
      ? value(v)
      : { kind: "empty", missing: [id] };
  }
  if ("kd" in e) {
    const v = ctx.kommunedata(e.kd, year);
    return v === undefined ? { kind: "empty", missing: [kommunedataRef(e.kd, year)] } : value(v);
  }
  if ("sum" in e) return sumOf(e.sum.map((t) => evaluate(t, year, ctx)));
  if ("mul" in e) {
    const a = evaluate(e.mul[0], year, ctx);
    const b = evaluate(e.mul[1], year, ctx);
    if (a.kind === "notAsked" || b.kind === "notAsked") return NOT_ASKED;
    if (a.kind === "value" && b.kind === "value") return value(a.value * b.value);
    if ((a.kind === "value" && a.value === 0) || (b.kind === "value" && b.value === 0))
      return value(0);
    return { kind: "empty", missing: [...missingOf(a), ...missingOf(b)] };
  }
  if ("sub" in e) {
    const a = evaluate(e.sub[0], year, ctx);
    const b = evaluate(e.sub[1], year, ctx);
    if (a.kind === "notAsked" || b.kind === "notAsked") return NOT_ASKED;
    if (a.kind === "value" && b.kind === "value") return value(a.value - b.value);
    return { kind: "empty", missing: [...missingOf(a), ...missingOf(b)] };
  }
  if ("pool" in e) {
    const terms: EvalResult[] = [];
    for (let y = e.from; y <= year; y++) terms.push(evaluate(e.pool, y, ctx));
    return sumOf(terms);
  }
  // orZero
  const r = evaluate(e.orZero, year, ctx);
  return r.kind === "empty" ? value(0) : r;
}

function missingOf(r: EvalResult): readonly string[] {
  return r.kind === "empty" ? r.missing : [];
}

function sumOf(terms: readonly EvalResult[]): EvalResult {
  let total = 0;
  let any = false;
  let asked = false;
  const missing: string[] = [];
  for (const t of terms) {
    if (t.kind === "notAsked") continue;
    asked = true;
    if (t.kind === "value") {
      total += t.value;
      any = true;
    } else missing.push(...t.missing);
  }
  if (!asked) return NOT_ASKED;
  return any ? value(total) : { kind: "empty", missing };
}

/** Every template field id the expression reads in a year (for matching validation findings). */
export function fieldsRead(e: Expr, year: number): string[] {
  if ("c" in e || "kd" in e) return [];
  if ("f" in e) {
    if ((e.from !== undefined && year < e.from) || (e.to !== undefined && year > e.to)) return [];
    return [fieldFor(e.f, year)];
  }
  if ("sum" in e) return e.sum.flatMap((t) => fieldsRead(t, year));
  if ("mul" in e) return [...fieldsRead(e.mul[0], year), ...fieldsRead(e.mul[1], year)];
  if ("sub" in e) return [...fieldsRead(e.sub[0], year), ...fieldsRead(e.sub[1], year)];
  if ("pool" in e) {
    const out: string[] = [];
    for (let y = e.from; y <= year; y++) out.push(...fieldsRead(e.pool, y));
    return out;
  }
  return fieldsRead(e.orZero, year);
}

/** Kommunedata keys the expression reads. */
export function kommunedataRead(e: Expr): KommunedataKey[] {
  if ("kd" in e) return [e.kd];
  if ("sum" in e) return e.sum.flatMap(kommunedataRead);
  if ("mul" in e) return [...kommunedataRead(e.mul[0]), ...kommunedataRead(e.mul[1])];
  if ("sub" in e) return [...kommunedataRead(e.sub[0]), ...kommunedataRead(e.sub[1])];
  if ("pool" in e) return kommunedataRead(e.pool);
  if ("orZero" in e) return kommunedataRead(e.orZero);
  return [];
}

/** The terms of a top-level sum (a single term otherwise): used for breakdowns by block. */
export function topLevelTerms(e: Expr): readonly Expr[] {
  return "sum" in e ? e.sum : [e];
}

/** The first template field pattern an expression reads (names the block a term belongs to). */
export function firstField(e: Expr): string | undefined {
  if ("f" in e) return e.f;
  if ("sum" in e) {
    for (const t of e.sum) {
      const f = firstField(t);
      if (f) return f;
    }
    return undefined;
  }
  if ("mul" in e) return firstField(e.mul[0]) ?? firstField(e.mul[1]);
  if ("sub" in e) return firstField(e.sub[0]) ?? firstField(e.sub[1]);
  if ("pool" in e) return firstField(e.pool);
  if ("orZero" in e) return firstField(e.orZero);
  return undefined;
}
