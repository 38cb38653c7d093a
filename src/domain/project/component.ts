/**
 * One component of a nedslagspunkt's method for one municipality and year: its ratio(s), units and
 * weight, or why the municipality is left out and which fields were missing. Shared by the
 * projection (engine.ts) and the completeness check (completeness.ts).
 */
import type { Node } from "../expr/ast";
import type { Pack, ProjectionCalculation } from "../pack/model";
import type { ComponentDef, KommunedataKey, MethodDef } from "./definitions";
import {
  evaluate,
  projectionScope,
  type EvalContext,
  type EvalResult,
  type ProjectionScope,
} from "./expr";
import { valueForYear, type ByYear, type ResolvedIndstillinger } from "./inputs";
import { meanOfRatios } from "./primitives";
import type { ComponentValue, MergedReturn } from "./result";

/** What one run of the projection needs besides the data: how to read expressions and defaults. */
export interface Run {
  readonly scope: ProjectionScope;
  /** Kommunedata key → the field (with {år}) in a municipality's own return used when the table lacks it. */
  readonly kdDefaults: Readonly<Record<string, string>>;
}

/** The projection calculation of a pack (kl2024's "opregning"). */
export function projectionOf(pack: Pack): ProjectionCalculation | undefined {
  return pack.calculations.find((c): c is ProjectionCalculation => c.type === "projektion");
}

export function runOf(pack: Pack, calc: ProjectionCalculation): Run {
  const kd = pack.inputs.find((t) => t.id === calc.kommunedata);
  return { scope: projectionScope(pack, calc.kommunedata), kdDefaults: kd?.defaults ?? {} };
}

/** Baseline and final year of a nedslagspunkt after settings. */
export function periodOf(
  def: MethodDef,
  s: ResolvedIndstillinger
): { basis: number; slut: number } {
  const p = s.perioder[def.id] ?? {};
  return { basis: p.basis ?? def.basis, slut: p.slut ?? def.slut };
}

export function defaultWeight(c: ComponentDef): Node {
  return c.weight ?? (c.ratios.length === 1 ? c.ratios[0].driver : c.units);
}

export function mkContext(
  m: MergedReturn,
  kd: ReadonlyMap<string, Partial<Record<KommunedataKey, ByYear>>>,
  run: Run
): EvalContext {
  const own = kd.get(m.kommune);
  return {
    values: m.values,
    kommunedata: (key, year) => {
      const v = valueForYear(own?.[key], year);
      if (v !== undefined) return v;
      const def = run.kdDefaults[key];
      if (def) {
        const fv = m.values[def.replace("{år}", String(year))];
        if (typeof fv === "number" && Number.isFinite(fv)) return fv;
      }
      return undefined;
    },
  };
}

/** A component for one municipality and year, or why it is left out (and which fields were missing). */
export type ComponentOutcome =
  | { readonly ok: true; readonly value: ComponentValue }
  | {
      readonly ok: false;
      readonly reason: string;
      /** Fields (and Kommunedata references) whose absence left the municipality out. */
      readonly missing: readonly string[];
      /** The two-stage base the Kommunedata lacked. */
      readonly missingBase?: KommunedataKey;
    };

const leftOut = (
  reason: string,
  missing: readonly string[] = [],
  missingBase?: KommunedataKey
): ComponentOutcome => ({ ok: false, reason, missing, ...(missingBase ? { missingBase } : {}) });

const missingOf = (r: EvalResult): readonly string[] => (r.kind === "empty" ? r.missing : []);

/** Evaluates one component for one municipality and year: a value, or why the municipality is left out. */
export function evaluateComponent(
  c: ComponentDef,
  year: number,
  ctx: EvalContext,
  scope: ProjectionScope
): ComponentOutcome {
  const pairs: ({ burden: number; driver: number } | null)[] = [];
  const missing: string[] = [];
  const unasked: string[] = [];
  let zero = false;
  for (const rd of c.ratios) {
    const b = evaluate(rd.burden, year, ctx, scope);
    const d = evaluate(rd.driver, year, ctx, scope);
    if (
      b.kind === "notAsked" ||
      d.kind === "notAsked" ||
      (b.kind === "empty" && d.kind === "empty")
    ) {
      unasked.push(...missingOf(b), ...missingOf(d));
      pairs.push(null);
    } else if (d.kind === "value" && d.value <= 0) {
      zero = true;
      pairs.push(null);
    } else if (b.kind === "value" && d.kind === "value") {
      pairs.push({ burden: b.value, driver: d.value });
    } else {
      missing.push(...missingOf(b.kind === "empty" ? b : d));
      pairs.push(null);
    }
  }
  if (missing.length > 0) return leftOut(`mangler ${missing.join(", ")}`, missing);
  const usable = pairs.filter((p): p is { burden: number; driver: number } => p !== null);
  const mr = meanOfRatios(usable);
  const r: number | null = mr.ok ? mr.value.mean : null;
  if (r === null && c.zeroDriver === "udelad") {
    return zero
      ? leftOut(`antal ${c.unitPlural} er 0 i ${year}`)
      : leftOut(`mangler ${unasked.join(", ") || `tal for ${year}`}`, unasked);
  }
  const u = evaluate(c.units, year, ctx, scope);
  if (u.kind === "empty" && r !== null)
    return leftOut(`mangler ${missingOf(u).join(", ")}`, missingOf(u));
  const units = u.kind === "value" ? u.value : 0;
  let base: number | null = null;
  if ("twoStage" in c.national) {
    const b = ctx.kommunedata(c.national.twoStage.base, year);
    if (b === undefined)
      return leftOut(
        `mangler Kommunedata »${c.national.twoStage.base}« ${year}`,
        [],
        c.national.twoStage.base
      );
    base = b;
  }
  const w = evaluate(defaultWeight(c), year, ctx, scope);
  return {
    ok: true,
    value: { r, pairs, units, base, weight: w.kind === "value" ? w.value : null },
  };
}
