/**
 * Loading a built-in pack: checked by the same code as a consultant's own pack
 * (../pack/load.ts), once per pack.
 */
import { loadPack } from "../pack/load";
import type { Pack } from "../pack/model";
import { remembered } from "../memo";

const cache = new Map<string, Pack>();

/** The built-in pack `id` from its JSON (loaded and checked once). */
export function loadBuiltin(id: string, source: unknown): Pack {
  return remembered(cache, id, () => {
    const r = loadPack(source);
    if (!r.ok) {
      // A built-in pack that fails its checks is a product defect, never a user error.
      throw new Error(
        `Den indbyggede pakke »${id}« fejler sine egne kontroller:\n${r.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`
      );
    }
    return r.pack;
  });
}
