/** Descriptive statistics used by the projection, outlier suggestions and custom functions. */

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Arithmetic mean; NaN for an empty list (callers turn that into "kan ikke beregnes"). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : sum(values) / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median absolute deviation (unscaled). */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** Sample standard deviation (n − 1). NaN for fewer than two values. */
export function sampleStdDev(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}

/** Iglewicz & Hoaglin's threshold for |modified z| above which a value is a suggested outlier. */
export const MODIFIED_Z_THRESHOLD = 3.5;

/** Minimum number of values for outlier suggestions. */
export const MODIFIED_Z_MIN_N = 4;

export type ModifiedZResult =
  | { readonly ok: true; readonly scores: readonly number[] }
  | { readonly ok: false; readonly reason: string };

/** Modified z-scores `0.6745 (x − median) / MAD`; refuses for n < 4 or MAD = 0, saying why (Danish). */
export function modifiedZScores(values: readonly number[]): ModifiedZResult {
  if (values.length < MODIFIED_Z_MIN_N) {
    return {
      ok: false,
      reason: `For få værdier (${values.length}) til at vurdere afvigere; der kræves mindst ${MODIFIED_Z_MIN_N}.`,
    };
  }
  const m = median(values);
  const d = mad(values);
  if (d === 0) {
    return {
      ok: false,
      reason: "Mindst halvdelen af værdierne er ens (MAD = 0), så afvigere kan ikke vurderes.",
    };
  }
  return { ok: true, scores: values.map((v) => (0.6745 * (v - m)) / d) };
}

/** TRUE per value whose |modified z| exceeds the threshold; all FALSE where scores cannot be computed. */
export function outlierFlags(
  values: readonly number[],
  threshold = MODIFIED_Z_THRESHOLD
): boolean[] {
  const r = modifiedZScores(values);
  if (!r.ok) return values.map(() => false);
  return r.scores.map((z) => Math.abs(z) > threshold);
}
