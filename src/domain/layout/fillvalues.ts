import { ALL_FIELDS } from "../catalogue";
import type { FieldDef } from "../catalogue/types";
import type { FieldValue, Finding } from "../model";
import { MAX_TEXT_LENGTH } from "./validation";

export interface CheckedValues {
  /** Values ready to write, by field id (null clears a cell). Empty when there are errors. */
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Danish errors naming the field id; when any, nothing may be written. */
  readonly errors: readonly Finding[];
}

function kindError(f: FieldDef, value: unknown): string | undefined {
  const shown = JSON.stringify(value);
  const numeric = typeof value === "number" && Number.isFinite(value);
  switch (f.kind) {
    case "timer":
    case "aarsvaerk":
    case "kr":
      if (!numeric || (value as number) < 0)
        return `${f.id}: ${shown} er ikke et tal, der er 0 eller større.`;
      return undefined;
    case "antal":
      if (!numeric || (value as number) < 0 || !Number.isInteger(value))
        return `${f.id}: ${shown} er ikke et helt tal, der er 0 eller større.`;
      return undefined;
    case "pct":
      if (!numeric || (value as number) < 0 || (value as number) > 100)
        return `${f.id}: ${shown} er ikke en procent mellem 0 og 100.`;
      return undefined;
    case "x":
      if (typeof value !== "string" || value.trim().toLowerCase() !== "x")
        return `${f.id}: ${shown} er ikke "x" (eller null for tom).`;
      return undefined;
    case "tekst":
      if (typeof value !== "string") return `${f.id}: ${shown} er ikke en tekst.`;
      if (value.length > MAX_TEXT_LENGTH)
        return `${f.id}: teksten er ${value.length} tegn; højst ${MAX_TEXT_LENGTH} er tilladt.`;
      return undefined;
  }
}

/**
 * Checks values to fill into a template, by field id: the id must be a catalogue field present
 * in the workbook (`available`), and the value of the field's kind (number ≥ 0, whole number,
 * 0–100, "x", text) or null. All errors are reported at once.
 */
export function checkFillValues(
  input: Readonly<Record<string, unknown>>,
  available: ReadonlySet<string>
): CheckedValues {
  const errors: Finding[] = [];
  const values: Record<string, FieldValue> = {};
  for (const [rawId, value] of Object.entries(input)) {
    const id = rawId.trim().toLowerCase();
    const f = ALL_FIELDS.get(id);
    if (!f) {
      errors.push({
        rule: "ukendt_felt",
        severity: "fejl",
        field: rawId,
        message: `Ukendt felt-id: ${rawId}. Kataloget har intet felt med det id.`,
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
    const err = kindError(f, value);
    if (err) {
      errors.push({
        rule: "forkert_type",
        severity: "fejl",
        field: id,
        original: value,
        message: err,
      });
      continue;
    }
    values[id] = f.kind === "x" ? "x" : (value as number | string);
  }
  return errors.length > 0 ? { values: {}, errors } : { values, errors };
}
