import type { FieldDef } from "../catalogue/types";
import { KINDS, MAX_TEXT_LENGTH, kindRangeProblem } from "../kinds";
import type { FieldValue, Finding } from "../model";
import type { Pack } from "../pack/model";
import { defaultPack } from "../pakker";
import { parseCell } from "../parse/cell";

export interface CheckedValues {
  /** Values ready to write, by field id (null clears a cell). Empty when there are errors. */
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Danish errors naming the field id; when any, nothing may be written. */
  readonly errors: readonly Finding[];
}

/** A value of the field's kind as `udfyld` takes it (JSON), or the Danish reason it is not. */
function fillValue(f: FieldDef, value: unknown): { value: FieldValue } | { error: string } {
  const shown = JSON.stringify(value);
  const family = KINDS[f.kind].family;
  if (family === "tal") {
    if (typeof value !== "number" || !Number.isFinite(value))
      return { error: `${f.id}: ${shown} er ikke et tal (${KINDS[f.kind].navn}).` };
    const p = kindRangeProblem(f.kind, value);
    return p ? { error: `${f.id}: ${p.text}` } : { value };
  }
  if (family === "x") {
    if (typeof value !== "string" || value.trim().toLowerCase() !== "x")
      return { error: `${f.id}: ${shown} er ikke "x" (eller null for tom).` };
    return { value: "x" };
  }
  if (family === "tekst") {
    if (typeof value !== "string") return { error: `${f.id}: ${shown} er ikke en tekst.` };
    if (value.length > MAX_TEXT_LENGTH)
      return {
        error: `${f.id}: teksten er ${value.length} tegn; højst ${MAX_TEXT_LENGTH} er tilladt.`,
      };
    return { value };
  }
  // dato, klokkeslæt, valg: read as a return would be, strictly (no finding of severity fejl).
  const parsed = parseCell({ value }, f.kind, f.id, f.choices);
  const bad = parsed.findings.find((x) => x.severity === "fejl");
  if (bad || parsed.value === null)
    return { error: `${f.id}: ${bad?.message ?? `${shown} kan ikke bruges`}` };
  // A choice is written as the answer users pick from the cell's list.
  if (f.kind === "valg")
    return { value: f.choices?.find((c) => c.id === parsed.value)?.label ?? parsed.value };
  return { value: parsed.value };
}

/**
 * Checks values to fill into a template, by field id: the id must be a catalogue field present
 * in the workbook (`available`), and the value of the field's kind (number ≥ 0, whole number,
 * 0–100, "x", text) or null. All errors are reported at once.
 */
export function checkFillValues(
  input: Readonly<Record<string, unknown>>,
  available: ReadonlySet<string>,
  pack: Pack = defaultPack()
): CheckedValues {
  const errors: Finding[] = [];
  const values: Record<string, FieldValue> = {};
  for (const [rawId, value] of Object.entries(input)) {
    const id = rawId.trim().toLowerCase();
    const f = pack.fields.get(id);
    if (!f) {
      errors.push({
        rule: "ukendt_felt",
        severity: "fejl",
        field: rawId,
        message: `Ukendt felt-id: ${rawId}. Pakken »${pack.id}« har intet felt med det id.`,
      });
      continue;
    }
    if (!available.has(id)) {
      errors.push({
        rule: "felt_ikke_i_skabelon",
        severity: "fejl",
        field: id,
        message: `Feltet ${id} findes ikke i denne skabelon (skabelonen ${f.template} er ikke med i filen).`,
      });
      continue;
    }
    if (value === null) {
      values[id] = null;
      continue;
    }
    const checked = fillValue(f, value);
    if ("error" in checked) {
      errors.push({
        rule: "forkert_type",
        severity: "fejl",
        field: id,
        original: value,
        message: checked.error,
      });
      continue;
    }
    values[id] = checked.value;
  }
  return errors.length > 0 ? { values: {}, errors } : { values, errors };
}
