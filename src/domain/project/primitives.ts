/**
 * The projection's building blocks, shared by the engine (src/domain/project), the custom
 * functions (src/functions) and the report's formulas. No second implementation anywhere.
 * Results are values or a Danish reason: never NaN, never a silent 0.
 */
import { DEFAULT_TIMER_PR_AARSVAERK } from "./arithmetic";
import { mean, sum } from "./stats";

export type Computed<T = number> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export const ok = <T>(value: T): Computed<T> => ({ ok: true, value });
export const fail = (reason: string): Computed<never> => ({ ok: false, reason });

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

export interface RatioPair {
  readonly burden: number | null | undefined;
  readonly driver: number | null | undefined;
}

export interface MeanOfRatios {
  /** Plain mean of burden/driver over usable pairs (the report's "gennemsnit"). */
  readonly mean: number;
  /** Each usable pair's ratio, in input order of the usable pairs. */
  readonly ratios: readonly number[];
  /** Input indices of the pairs used. */
  readonly used: readonly number[];
  /** Input indices skipped, with the reason. */
  readonly skipped: readonly { readonly index: number; readonly reason: string }[];
}

/**
 * Mean of per-unit ratios b/d. Pairs where either side is empty are skipped; a zero or negative
 * driver is skipped with a reason. No usable pair: a reason instead of a value.
 */
export function meanOfRatios(pairs: readonly RatioPair[]): Computed<MeanOfRatios> {
  const ratios: number[] = [];
  const used: number[] = [];
  const skipped: { index: number; reason: string }[] = [];
  pairs.forEach((p, index) => {
    if (!isNumber(p.burden) || !isNumber(p.driver)) {
      skipped.push({ index, reason: "mangler byrde eller enheder" });
    } else if (p.driver <= 0) {
      skipped.push({ index, reason: "antal enheder er 0" });
    } else {
      ratios.push(p.burden / p.driver);
      used.push(index);
    }
  });
  if (ratios.length === 0) return fail("ingen kommuner med både byrde og enheder større end 0");
  return ok({ mean: mean(ratios), ratios, used, skipped });
}

/** Per-unit projection: r̄ × D / H (årsværk). `timerPrAarsvaerk` = 1 for burdens already in årsværk. */
export function projectPerUnit(
  meanRatio: number,
  nationalDriver: number,
  timerPrAarsvaerk: number = DEFAULT_TIMER_PR_AARSVAERK
): Computed {
  if (!isNumber(meanRatio)) return fail("gennemsnittet pr. enhed kan ikke beregnes");
  if (!isNumber(nationalDriver)) return fail("landstallet mangler");
  if (!isNumber(timerPrAarsvaerk) || timerPrAarsvaerk <= 0)
    return fail("timer pr. årsværk skal være større end 0");
  return ok((meanRatio * nationalDriver) / timerPrAarsvaerk);
}

/**
 * Two-stage estimate of a national count: Σ units / Σ base × national base
 * (e.g. tilsyn per dagtilbud × dagtilbud nationally; forhåndsgodkendelser per adult × adults).
 */
export function estimateNationalCount(
  units: readonly (number | null | undefined)[],
  base: readonly (number | null | undefined)[],
  nationalBase: number
): Computed {
  let su = 0;
  let sb = 0;
  let n = 0;
  units.forEach((u, i) => {
    const b = base[i];
    if (isNumber(u) && isNumber(b)) {
      su += u;
      sb += b;
      n++;
    }
  });
  if (n === 0) return fail("ingen kommuner med både enheder og grundlag");
  if (sb <= 0) return fail("grundlaget summer til 0");
  if (!isNumber(nationalBase)) return fail("landsgrundlaget mangler");
  return ok((su / sb) * nationalBase);
}

/** Increase from baseline to final year. */
export function increase(basis: number, slut: number): number {
  return slut - basis;
}

/** Sum helper re-exported for callers that add group burdens. */
export { sum };
