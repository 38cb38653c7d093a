import { TEMPLATES, fieldsOf } from "../../src/domain/catalogue";
import type { FieldDef } from "../../src/domain/catalogue/types";
import type { FieldValue } from "../../src/domain/model";

/** A distinct, valid value of the field's kind for the i-th field (deterministic). */
export function sampleValue(f: FieldDef, i: number): FieldValue {
  switch (f.kind) {
    case "timer":
      return 0.25 + i * 1.5;
    case "aarsvaerk":
      return 0.5 + i / 8;
    case "kr":
      return 1000 + i * 7;
    case "antal":
      return i;
    case "pct":
      return (i * 7) % 101;
    case "x":
      return "x";
    case "tekst":
      return `Kommentar til ${f.id}: ÆØÅ æøå «»\nanden linje`;
  }
}

/** Sample values for every field of the given templates (all templates by default). */
export function sampleValues(templateIds?: readonly string[]): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  let i = 1;
  for (const t of TEMPLATES) {
    if (templateIds && !templateIds.includes(t.id)) continue;
    for (const f of fieldsOf(t)) out[f.id] = sampleValue(f, i++);
  }
  return out;
}
