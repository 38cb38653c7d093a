/**
 * The built-in survey packs. Each is one JSON file in this folder, loaded and checked with the
 * same code as a consultant's own pack (../pack/load.ts); `byrde pakker` lists them.
 */
import { loadPack } from "../pack/load";
import type { Pack } from "../pack/model";
import kkrKapacitet from "./kkr_kapacitet.json";
import kl2024 from "./kl2024.json";
import koraEnhedsudgifter from "./kora_enhedsudgifter.json";
import rammeaftaleLi from "./rammeaftale_li.json";
import regelforenkling from "./regelforenkling.json";
import stoettetimer from "./stoettetimer.json";

/** The pack a return without `meta.pakke` (made before packs existed) is read with. */
export const DEFAULT_PACK_ID = "kl2024";

const SOURCES: Readonly<Record<string, unknown>> = {
  kl2024: kl2024 as unknown,
  kkr_kapacitet: kkrKapacitet as unknown,
  regelforenkling: regelforenkling as unknown,
  kora_enhedsudgifter: koraEnhedsudgifter as unknown,
  rammeaftale_li: rammeaftaleLi as unknown,
  stoettetimer: stoettetimer as unknown,
};

/** Ids of the built-in packs, in the order `byrde pakker` lists them. */
export const BUILTIN_PACK_IDS: readonly string[] = Object.keys(SOURCES);

const cache = new Map<string, Pack>();

/** A built-in pack by id (loaded and checked once); undefined when there is none by that id. */
export function builtinPack(id: string): Pack | undefined {
  const hit = cache.get(id);
  if (hit) return hit;
  const source = SOURCES[id];
  if (source === undefined) return undefined;
  const r = loadPack(source);
  if (!r.ok) {
    // A built-in pack that fails its checks is a product defect, never a user error.
    throw new Error(
      `Den indbyggede pakke »${id}« fejler sine egne kontroller:\n${r.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`
    );
  }
  cache.set(id, r.pack);
  return r.pack;
}

/** The default pack (kl2024). */
export function defaultPack(): Pack {
  return builtinPack(DEFAULT_PACK_ID)!;
}
