/**
 * The built-in survey packs. Each is one JSON file in this folder, loaded and checked with the
 * same code as a consultant's own pack (../pack/load.ts); `byrde pakker` lists them.
 */
import type { Pack } from "../pack/model";
import { loadBuiltin } from "./builtin";
import kkrKapacitet from "./kkr_kapacitet.json";
import kl2024 from "./kl2024.json";
import koraEnhedsudgifter from "./kora_enhedsudgifter.json";
import { RAMMEAFTALE_LI } from "./rammeaftale";
import regelforenkling from "./regelforenkling.json";
import stoettetimer from "./stoettetimer.json";

/** The pack a return without `meta.pakke` (made before packs existed) is read with. */
export const DEFAULT_PACK_ID = "kl2024";

const SOURCES: Readonly<Record<string, unknown>> = {
  kl2024: kl2024 as unknown,
  kkr_kapacitet: kkrKapacitet as unknown,
  regelforenkling: regelforenkling as unknown,
  kora_enhedsudgifter: koraEnhedsudgifter as unknown,
  rammeaftale_li: RAMMEAFTALE_LI,
  stoettetimer: stoettetimer as unknown,
};

/** Ids of the built-in packs, in the order `byrde pakker` lists them. */
export const BUILTIN_PACK_IDS: readonly string[] = Object.keys(SOURCES);

/** A built-in pack by id (loaded and checked once); undefined when there is none by that id. */
export function builtinPack(id: string): Pack | undefined {
  const source = SOURCES[id];
  return source === undefined ? undefined : loadBuiltin(id, source);
}

/** The default pack (kl2024). */
export function defaultPack(): Pack {
  return builtinPack(DEFAULT_PACK_ID)!;
}
