/**
 * Unit costs (expenditure per user) across municipalities: the figure for one municipality with
 * the reason it "kan ikke beregnes", and the statistics over the included municipalities
 * (unweighted and weighted mean, percentiles with a minimum count). The custom functions
 * BYRDE.ENHEDSUDGIFT, BYRDE.UVÆGTET, BYRDE.VÆGTET and BYRDE.PERCENTIL are thin facades over this
 * module; the pack kora_enhedsudgifter states the same rules in its calculations (status
 * »beregnet« / »kun brugere« / »kun udgifter«), and a test holds the two equal.
 */
import { quantileSorted } from "simple-statistics";
import { formatDanishNumber } from "./parse/number";
import { fail, ok, type Computed } from "./project/primitives";

/** Why a municipality does or does not get a unit cost; empty figures count as 0. */
export type UnitCostStatus =
  "beregnet" | "kun brugere" | "kun udgifter" | "hverken udgifter eller brugere";

/** One municipality's expenditure and users (null: not given). */
export interface CostAndUsers {
  readonly udgift: number | null;
  readonly brugere: number | null;
}

/** Included (»beregnet«) when both expenditure and users are above 0. */
export function unitCostStatus(udgift: number | null, brugere: number | null): UnitCostStatus {
  const u = udgift ?? 0;
  const b = brugere ?? 0;
  if (b > 0) return u > 0 ? "beregnet" : "kun brugere";
  return u > 0 ? "kun udgifter" : "hverken udgifter eller brugere";
}

/** udgift / brugere, or the status as the reason it cannot be computed. */
export function unitCost(udgift: number | null, brugere: number | null): Computed {
  const s = unitCostStatus(udgift, brugere);
  return s === "beregnet" ? ok(udgift! / brugere!) : fail(`kan ikke beregnes: ${s}`);
}

/** The unit costs of the included municipalities, in input order. */
export function includedUnitCosts(rows: readonly CostAndUsers[]): number[] {
  const out: number[] = [];
  for (const r of rows)
    if (unitCostStatus(r.udgift, r.brugere) === "beregnet") out.push(r.udgift! / r.brugere!);
  return out;
}

const NONE_INCLUDED = "ingen kommuner med både udgifter og brugere over 0";

/** The plain mean of the included municipalities' unit costs. */
export function unweightedUnitCost(rows: readonly CostAndUsers[]): Computed {
  const xs = includedUnitCosts(rows);
  if (xs.length === 0) return fail(NONE_INCLUDED);
  let s = 0;
  for (const x of xs) s += x;
  return ok(s / xs.length);
}

/**
 * Σ udgift / Σ brugere: over every municipality with figures (`onlyIncluded` false, the
 * setting vaegtet_grundlag = alle) or only over the included ones (inkluderede).
 */
export function weightedUnitCost(rows: readonly CostAndUsers[], onlyIncluded: boolean): Computed {
  let u = 0;
  let b = 0;
  for (const r of rows) {
    if (onlyIncluded && unitCostStatus(r.udgift, r.brugere) !== "beregnet") continue;
    u += r.udgift ?? 0;
    b += r.brugere ?? 0;
  }
  if (onlyIncluded && b === 0) return fail(NONE_INCLUDED);
  return b > 0 ? ok(u / b) : fail("ingen brugere i alt; der kan ikke divideres med 0");
}

/** The default minimum number of included municipalities for a percentile (setting n_min). */
export const DEFAULT_MIN_MUNICIPALITIES = 10;

/**
 * The p-th percentile (0 ≤ p ≤ 1, Excel's PERCENTILE.INC) of the included unit costs; withheld
 * below `minN` included municipalities.
 */
export function unitCostPercentile(
  rows: readonly CostAndUsers[],
  p: number,
  minN: number = DEFAULT_MIN_MUNICIPALITIES
): Computed {
  if (!(p >= 0 && p <= 1))
    return fail(`percentilen p skal ligge mellem 0 og 1 (er ${formatDanishNumber(p)})`);
  const xs = includedUnitCosts(rows).sort((x, y) => x - y);
  if (xs.length === 0) return fail(NONE_INCLUDED);
  if (xs.length < minN)
    return fail(
      `for få kommuner: ${xs.length} ${xs.length === 1 ? "kommune" : "kommuner"} indgår, percentiler vises fra ${minN}`
    );
  return ok(quantileSorted(xs, p));
}
