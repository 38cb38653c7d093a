/**
 * Which pack a return is read with: the one its `meta.pakke` names (among the built-in packs and
 * any the consultant opened), kl2024 for returns made before packs existed, and a clear Danish
 * reason when the named pack is not available.
 */
import { BUILTIN_PACK_IDS, DEFAULT_PACK_ID, builtinPack } from "../pakker";
import type { Pack } from "./model";

export type PackChoice =
  { readonly ok: true; readonly pack: Pack } | { readonly ok: false; readonly message: string };

/** The pack for a return whose `meta.pakke` is `named` (undefined: made before packs existed). */
export function packFor(named: string | undefined, opened: readonly Pack[] = []): PackChoice {
  const id = named?.trim() || DEFAULT_PACK_ID;
  const own = opened.find((p) => p.id === id);
  if (own) return { ok: true, pack: own };
  const builtin = builtinPack(id);
  if (builtin) return { ok: true, pack: builtin };
  const known = [...new Set([...opened.map((p) => p.id), ...BUILTIN_PACK_IDS])];
  return {
    ok: false,
    message: `projektmappen er lavet med pakken »${id}«, som ikke er tilgængelig her (kendte pakker: ${known.join(", ")}); angiv pakkefilen med --pakke FIL.json, eller åbn den i opgaveruden.`,
  };
}
