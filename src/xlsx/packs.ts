/**
 * Reading returns for packs: which names of a workbook are fields is decided by the pack its
 * meta cells name (among the built-in packs and those opened), kl2024 for returns made before
 * packs existed. Used by the CLI (workers included) and the task pane (Web Workers included).
 */
import type { Pack } from "../domain/pack/model";
import { packFor } from "../domain/pack/select";
import { defaultPack } from "../domain/pakker";
import type { ReadOptions } from "./read";

export function readOptionsForPacks(opened: readonly Pack[]): ReadOptions {
  return {
    catalogue: (meta) => {
      const c = packFor(meta.pakke, opened);
      const pack = c.ok ? c.pack : defaultPack();
      return { hasField: (id) => pack.fields.has(id), templates: pack.templates };
    },
  };
}
