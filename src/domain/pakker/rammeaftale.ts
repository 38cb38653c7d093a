/**
 * The rammeaftale pack on its own, for code that needs only it (the BYRDE rate functions read
 * its constants), so the other packs are not bundled with that code.
 */
import type { Pack } from "../pack/model";
import { loadBuiltin } from "./builtin";
import source from "./rammeaftale_li.json";

export const RAMMEAFTALE_LI: unknown = source;

/** The built-in pack rammeaftale_li. */
export function rammeaftalePack(): Pack {
  return loadBuiltin("rammeaftale_li", RAMMEAFTALE_LI);
}
