/**
 * The small pieces of arithmetic the report uses everywhere. Custom functions, the projection
 * engine and report formulas all rely on these: there is no second implementation.
 */

/** Timer pr. effektivt årsværk in the report. */
export const DEFAULT_TIMER_PR_AARSVAERK = 1400;

/** The report's ±10 % span. */
export const DEFAULT_SPAEND_PCT = 10;

/** Hours → årsværk. */
export function aarsvaerk(timer: number, timerPrAarsvaerk = DEFAULT_TIMER_PR_AARSVAERK): number {
  return timer / timerPrAarsvaerk;
}

/** Årsværk → hours. */
export function timer(
  aarsvaerkValue: number,
  timerPrAarsvaerk = DEFAULT_TIMER_PR_AARSVAERK
): number {
  return aarsvaerkValue * timerPrAarsvaerk;
}

/** Rounds half away from zero (Excel's ROUND), to `digits` decimals. */
export function roundHalfAwayFromZero(value: number, digits = 0): number {
  const f = Math.pow(10, digits);
  const scaled = Math.abs(value) * f;
  // Guard against binary representation error (e.g. 1.005 * 100 = 100.49999…).
  const rounded = Math.round(scaled + 1e-9 * Math.max(1, scaled));
  return (Math.sign(value) * rounded) / f || 0;
}

export interface Spaend {
  readonly lav: number;
  readonly hoej: number;
  /** e.g. "76-92 (84)". */
  readonly tekst: string;
}

/** The report's span around a national figure: round(0.9 N)–round(1.1 N), printed `lo-hi (N)`. */
export function spaend(value: number, pct = DEFAULT_SPAEND_PCT): Spaend {
  const lav = roundHalfAwayFromZero(value * (1 - pct / 100));
  const hoej = roundHalfAwayFromZero(value * (1 + pct / 100));
  return { lav, hoej, tekst: `${lav}-${hoej} (${roundHalfAwayFromZero(value)})` };
}
