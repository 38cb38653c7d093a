/**
 * Returns of a built-in pack written as JSON (`{ kommune, pakke, felter }`, the shape of
 * examples/), read as `byrde opregn` reads a JSON return (rawReturnFromFelter: every field of the
 * pack's templates present, empty unless given) and validated with the pack.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { KommuneReturn } from "../../src/domain/model";
import type { Pack } from "../../src/domain/pack/model";
import { rawReturnFromFelter, type FelterJson } from "../../src/domain/project/inputs";
import { validateReturn } from "../../src/domain/validate";

export type FelterReturn = FelterJson;

export function packReturn(pack: Pack, r: FelterReturn, file?: string): KommuneReturn {
  const json: FelterJson = {
    pakke: pack.id,
    skabelon: pack.templates.map((t) => t.id).join(","),
    ...r,
  };
  return validateReturn(rawReturnFromFelter(json, file, undefined, pack), pack);
}

/** Every `*.json` return in a folder, read and validated with the pack. */
export function packReturnsIn(pack: Pack, dir: string): KommuneReturn[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => packReturn(pack, JSON.parse(readFileSync(join(dir, f), "utf8")) as FelterReturn, f));
}
