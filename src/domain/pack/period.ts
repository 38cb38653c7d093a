/** Periods of a pack whose returns carry one (`perioder`: one return per respondent and year). */
import type { KommuneReturn } from "../model";
import type { Pack } from "./model";

/** A return's period (the pack's period field as a whole number), if it has one. */
export function periodOf(pack: Pack, r: KommuneReturn): number | undefined {
  const v = pack.periods ? r.values[pack.periods.field] : undefined;
  return typeof v === "number" && Number.isInteger(v) ? v : undefined;
}
