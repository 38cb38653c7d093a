/**
 * Which pack the workbook works with, remembered in the workbook itself (Office document
 * settings, saved with the file): a built-in pack by its id, a consultant's pack as its JSON.
 * A workbook without the setting uses the pack its templates name (meta.pakke), else kl2024.
 */
import { loadPackText } from "../domain/pack/load";
import type { Pack, PackProblem } from "../domain/pack/model";
import { DEFAULT_PACK_ID, builtinPack } from "../domain/pakker";

const KEY = "byrde.pakke";

/** What is stored: `{ id }` for a built-in pack, `{ id, json }` for a pack file's text. */
export interface PackSpec {
  readonly id: string;
  readonly json?: string;
}

function settings(): Office.Settings | undefined {
  return typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
}

export function storedPackSpec(): PackSpec | undefined {
  const v = settings()?.get(KEY) as unknown;
  if (!v || typeof v !== "object" || typeof (v as PackSpec).id !== "string") return undefined;
  return v as PackSpec;
}

/** Remembers the pack in the workbook (saved with it). */
export function storePackSpec(spec: PackSpec): Promise<void> {
  const s = settings();
  if (!s) return Promise.resolve();
  s.set(KEY, spec);
  return new Promise((resolve, reject) =>
    s.saveAsync((r) =>
      r.status === Office.AsyncResultStatus.Succeeded
        ? resolve()
        : reject(new Error("Pakkevalget kunne ikke gemmes i projektmappen."))
    )
  );
}

export type PackLoad =
  | { readonly ok: true; readonly pack: Pack; readonly spec: PackSpec }
  | { readonly ok: false; readonly problems: readonly PackProblem[] };

/** A pack file's text → the pack (checked with every rule), or its problems. */
export function packFromText(text: string): PackLoad {
  const r = loadPackText(text);
  if (!r.ok) return r;
  const builtin = builtinPack(r.pack.id);
  // A file that is exactly a built-in pack is stored by id.
  return builtin && builtin.version === r.pack.version
    ? { ok: true, pack: builtin, spec: { id: builtin.id } }
    : { ok: true, pack: r.pack, spec: { id: r.pack.id, json: text } };
}

/** The pack a stored spec names (a built-in one, or its JSON loaded again). */
export function packFromSpec(spec: PackSpec | undefined): Pack | undefined {
  if (!spec) return undefined;
  if (spec.json) {
    const r = packFromText(spec.json);
    return r.ok ? r.pack : undefined;
  }
  return builtinPack(spec.id);
}

/** The pack to start with: the stored one, the templates' own (meta.pakke), else kl2024. */
export function initialPack(metaPakke: string | undefined): Pack {
  return (
    packFromSpec(storedPackSpec()) ??
    (metaPakke ? builtinPack(metaPakke) : undefined) ??
    builtinPack(DEFAULT_PACK_ID)!
  );
}
