/**
 * Returns of a built-in pack written as JSON (`{ kommune, pakke, felter }`, the shape of
 * examples/), read the way a filled template is: every field of the pack's templates is present
 * (empty unless given), then validated with the pack.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { fieldsOfTemplate } from "../../src/domain/fieldId";
import type { FieldValue, KommuneReturn, RawCell } from "../../src/domain/model";
import type { Pack } from "../../src/domain/pack/model";
import { validateReturn } from "../../src/domain/validate";

export interface FelterReturn {
  readonly kommune: string;
  readonly pakke?: string;
  readonly felter: Readonly<Record<string, FieldValue>>;
}

export function packReturn(pack: Pack, r: FelterReturn, file?: string): KommuneReturn {
  const cells: Record<string, RawCell> = {};
  for (const t of pack.templates) for (const f of fieldsOfTemplate(t)) cells[f.id] = { value: null };
  for (const [id, value] of Object.entries(r.felter)) cells[id] = { value };
  return validateReturn(
    {
      ...(file ? { file } : {}),
      meta: {
        kommune: r.kommune,
        pakke: pack.id,
        skabelon: pack.templates.map((t) => t.id).join(","),
        version: pack.version,
      },
      cells,
      locatedBy: "navne",
      findings: [],
    },
    pack
  );
}

/** Every `*.json` return in a folder, read and validated with the pack. */
export function packReturnsIn(pack: Pack, dir: string): KommuneReturn[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => packReturn(pack, JSON.parse(readFileSync(join(dir, f), "utf8")) as FelterReturn, f));
}
