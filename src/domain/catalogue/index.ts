import type { FieldDef, FieldKind, TemplateDef } from "./types";
import { ukn } from "./templates/ukn";

export * from "./types";
export { KOMMUNER, findKommune } from "./kommuner";

/** Catalogue version, `yyyymmddNN`: raise it whenever a field id, label, kind or year changes. */
export const CATALOGUE_VERSION = 2026112301;

/** All templates, in the report's order. */
export const TEMPLATES: readonly TemplateDef[] = [ukn];

/** A nedslagspunkt of the report: what the projection works on. Several templates may feed one. */
export interface NedslagspunktDef {
  readonly id: string;
  readonly name: string;
  readonly area: string;
  /** Template ids whose returns feed this nedslagspunkt. */
  readonly templates: readonly string[];
}

/** The nine nedslagspunkter, in the report's order (magt is fed by magt_voksen and magt_aeldre). */
export const NEDSLAGSPUNKTER: readonly NedslagspunktDef[] = (() => {
  const byId = new Map<string, NedslagspunktDef>();
  for (const t of TEMPLATES) {
    const existing = byId.get(t.nedslagspunkt);
    if (existing) {
      byId.set(t.nedslagspunkt, { ...existing, templates: [...existing.templates, t.id] });
    } else {
      const name = t.nedslagspunkt === t.id ? t.name : t.name.split(":")[0];
      byId.set(t.nedslagspunkt, { id: t.nedslagspunkt, name, area: t.area, templates: [t.id] });
    }
  }
  return [...byId.values()];
})();

export function getTemplate(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** Global field id of a block row in a year. */
export function fieldId(template: string, block: string, row: string, year: number): string {
  return `${template}.${block}.${row}.${year}`;
}

/** Global field id of a text field. */
export function textFieldId(template: string, text: string): string {
  return `${template}.${text}`;
}

const fieldCache = new WeakMap<TemplateDef, readonly FieldDef[]>();

/** Every input field of a template, in display order (blocks row by row, year by year; then texts). */
export function fieldsOf(t: TemplateDef): readonly FieldDef[] {
  const cached = fieldCache.get(t);
  if (cached) return cached;
  const out: FieldDef[] = [];
  for (const b of t.blocks) {
    for (const r of b.rows) {
      for (const y of r.years ?? b.years) {
        out.push({
          id: fieldId(t.id, b.id, r.id, y),
          template: t.id,
          block: b.id,
          row: r.id,
          year: y,
          kind: r.kind,
          label: r.label,
        });
      }
    }
  }
  for (const tx of t.texts) {
    out.push({ id: textFieldId(t.id, tx.id), template: t.id, kind: "tekst" as FieldKind, label: tx.label });
  }
  fieldCache.set(t, out);
  return out;
}

/** Every field of every template, by id. */
export const ALL_FIELDS: ReadonlyMap<string, FieldDef> = new Map(
  TEMPLATES.flatMap((t) => fieldsOf(t)).map((f) => [f.id, f] as const),
);

/** Meta fields every template workbook carries. */
export const META_FIELDS = {
  skabelon: "meta.skabelon",
  version: "meta.version",
  kommune: "meta.kommune",
} as const;
