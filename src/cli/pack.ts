/**
 * `--pakke ID|FIL.json` for every command: a built-in pack by id, or a pack file, loaded and
 * checked with the same code the task pane uses; a broken file stops the command with every
 * problem, located (exit 2). Returns are read with the pack their `meta.pakke` names.
 */
import { existsSync } from "fs";
import { basename } from "path";
import { loadPackText } from "../domain/pack/load";
import type { Pack, PackProblem } from "../domain/pack/model";
import { packFor } from "../domain/pack/select";
import { BUILTIN_PACK_IDS, DEFAULT_PACK_ID, builtinPack } from "../domain/pakker";
import type { RawReturn } from "../domain/model";
import { readOptionsForPacks } from "../xlsx/packs";
import { CliError } from "./errors";
import { readBytes } from "./io";

/** The problems of a pack file as lines: `FIL: sti: besked`. */
export function problemLines(file: string, problems: readonly PackProblem[]): string[] {
  return problems.map((p) => `${file}: ${p.path}: ${p.message}`);
}

/** Loads a pack file (JSON), or fails with every problem (exit 2). */
export function loadPackFile(file: string): Pack {
  const text = Buffer.from(readBytes(file)).toString("utf8");
  const r = loadPackText(text);
  if (!r.ok) {
    const n = r.problems.length;
    throw new CliError(
      `${file}: pakken har ${n} ${n === 1 ? "problem" : "problemer"}:\n  ${problemLines(basename(file), r.problems).join("\n  ")}`
    );
  }
  return r.pack;
}

/** The pack `--pakke` names: a built-in id, or a file (default kl2024). */
export function packOption(spec: string | undefined): Pack {
  const s = spec?.trim() || DEFAULT_PACK_ID;
  const builtin = builtinPack(s);
  if (builtin) return builtin;
  if (/\.json$/i.test(s) || existsSync(s)) return loadPackFile(s);
  throw new CliError(
    `Pakken »${s}« findes ikke. Indbyggede pakker: ${BUILTIN_PACK_IDS.join(", ")}; eller angiv en pakkefil (.json).`
  );
}

/** The packs a command knows: the one `--pakke` names (when given) besides the built-in ones. */
export function openedPacks(spec: string | undefined): Pack[] {
  return spec ? [packOption(spec)] : [];
}

/** Reader options choosing each return's pack from its meta cells. */
export const readOptionsFor = readOptionsForPacks;

/** The pack a read return is validated with, or a finding-ready reason it is not available. */
export function packForReturn(raw: RawReturn, opened: readonly Pack[]) {
  return packFor(raw.meta.pakke, opened);
}
