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
    case "aarstal":
      return 1990 + (i % 100);
    case "pct":
      return (i * 7) % 101;
    case "x":
      return "x";
    case "tekst":
      return `Kommentar til ${f.id}: ÆØÅ æøå «»\nanden linje`;
    case "beloeb":
      return -5000 + i * 11;
    case "decimal":
      return 0.5 + i;
    case "sats":
      return -3 + i * 2.5;
    case "minutter":
      return 15 + i;
    case "dato":
      return 45000 + i;
    case "klokkeslaet":
      return ((i * 37) % 1440) / 1440;
    case "valg":
      return f.choices?.[i % (f.choices?.length || 1)]?.id ?? null;
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

/** A complete, consistent UKN return: 10 hovedsager + 2 genindbringelsessager = 12 each year. */
export function goodUknValues(): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const y of [2019, 2020, 2021, 2022, 2023]) {
    v[`ukn.volumen.sager_i_alt.${y}`] = 12;
    v[`ukn.volumen.hovedsager.${y}`] = 10;
    v[`ukn.volumen.genindbringelsessager.${y}`] = 2;
    v[`ukn.hovedsager.timer_pr_sag.${y}`] = 40;
    v[`ukn.genindbringelse.timer_pr_sag.${y}`] = 20;
  }
  return v;
}
