/** The kora_enhedsudgifter pack with the generated 98-municipality example (examples/kora). */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { KommuneReturn } from "../../src/domain/model";
import type { InputTable } from "../../src/domain/pack/env";
import { parseInputTable, parseSettings } from "../../src/domain/pack/inputs";
import type { Pack } from "../../src/domain/pack/model";
import { builtinPack } from "../../src/domain/pakker";
import { rawReturnFromFelter, type FelterJson } from "../../src/domain/project";
import { validateReturn } from "../../src/domain/validate";
import type { Scalar } from "../../src/domain/expr/evaluate";

export const KORA_DIR = join(__dirname, "..", "..", "examples", "kora");

export function koraPack(): Pack {
  return builtinPack("kora_enhedsudgifter")!;
}

export function koraEnhed(): InputTable {
  const pack = koraPack();
  const r = parseInputTable(
    pack,
    pack.inputs.find((t) => t.id === "enhed")!,
    JSON.parse(readFileSync(join(KORA_DIR, "enhed.json"), "utf8"))
  );
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.value;
}

export function koraSettings(): Record<string, Scalar> {
  const r = parseSettings(
    koraPack(),
    JSON.parse(readFileSync(join(KORA_DIR, "indstillinger.json"), "utf8"))
  );
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.value;
}

/** The example's returns (kora_egnetal and kora_handlebetal), validated. */
export function koraReturns(prefix = ""): KommuneReturn[] {
  const pack = koraPack();
  const dir = join(KORA_DIR, "returer");
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".json"))
    .sort()
    .map((f) => {
      const j = JSON.parse(readFileSync(join(dir, f), "utf8")) as FelterJson;
      return validateReturn(rawReturnFromFelter(j, f, undefined, pack), pack);
    });
}
