/**
 * The pct-sum rule, shared by validation (src/domain/validate) and the FORDELING custom
 * function: the `pct` rows of one block and year are all empty, or sum to 100 (± 1).
 */

/** What the pct rows of a block must sum to. */
export const PCT_SUM_TARGET = 100;

/** Allowed deviation from {@link PCT_SUM_TARGET}, in percentage points (inclusive). */
export const PCT_SUM_TOLERANCE = 1;

export type PctSumStatus =
  | { readonly status: "tom" }
  | { readonly status: "ok"; readonly sum: number }
  | { readonly status: "afviger"; readonly sum: number };

/**
 * Checks a block's pct values (null/undefined = empty cell). All empty: "tom" (nothing to
 * check). Otherwise the sum of the filled values must lie within 100 ± 1.
 */
export function pctSumStatus(values: readonly (number | null | undefined)[]): PctSumStatus {
  let sum = 0;
  let filled = 0;
  for (const v of values) {
    if (typeof v === "number" && Number.isFinite(v)) {
      sum += v;
      filled++;
    }
  }
  if (filled === 0) return { status: "tom" };
  // Compare with a hair of slack so that e.g. 33.3 + 33.3 + 34.4 (binary 100.00000000000001) is not "afviger".
  const ok = Math.abs(sum - PCT_SUM_TARGET) <= PCT_SUM_TOLERANCE + 1e-9;
  return ok ? { status: "ok", sum } : { status: "afviger", sum };
}

/** Danish number for messages: comma decimal, at most two decimals ("99,5"). */
export function formatPct(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded).replace(".", ",");
}

/** Danish message for a block that does not sum to 100, e.g. "Procenterne summer til 95 %, ikke 100 % (± 1)." */
export function pctSumMessage(sum: number): string {
  return `Procenterne summer til ${formatPct(sum)} %, ikke ${PCT_SUM_TARGET} % (± ${PCT_SUM_TOLERANCE}).`;
}
