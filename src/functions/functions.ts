import { aarsvaerk } from "../domain/project/arithmetic";

/**
 * Omregner timer til årsværk (standard 1400 timer pr. årsværk).
 * @customfunction AARSVAERK ÅRSVÆRK
 * @param timer Antal timer.
 * @param [timerPrAarsvaerk] Timer pr. effektivt årsværk (standard 1400).
 * @returns Antal årsværk.
 */
export function aarsvaerkFunction(timer: number, timerPrAarsvaerk?: number): number {
  return aarsvaerk(timer, timerPrAarsvaerk ?? undefined);
}

CustomFunctions.associate("AARSVAERK", aarsvaerkFunction);
