/**
 * The kl2024 survey (the default pack) under the names the product used before packs existed:
 * its templates, fields and nedslagspunkter. New code takes a `Pack` (../pack) instead; these
 * stay for the places that only ever mean kl2024 and for returns made before packs existed.
 */
import { cellId, fieldsOfTemplate, textId } from "../fieldId";
import { defaultPack } from "../pakker";
import type { ProjectionCalculation } from "../pack/model";
import type { FieldDef, TemplateDef } from "./types";

export * from "./types";
export { KOMMUNER, findKommune } from "./kommuner";

const KL = defaultPack();

/** kl2024's version, `yyyymmddNN`: raised whenever a field id, label, kind or year changes. */
export const CATALOGUE_VERSION = KL.version;

/** kl2024's templates, in the report's order. */
export const TEMPLATES: readonly TemplateDef[] = KL.templates;

/** A nedslagspunkt of the report: what the projection works on. Several templates may feed one. */
export interface NedslagspunktDef {
  readonly id: string;
  /** The report's Danish name, e.g. "Magtanvendelsesregler". */
  readonly name: string;
  readonly area: string;
  /** Template ids whose returns feed this nedslagspunkt. */
  readonly templates: readonly string[];
  /** Where the increased burden comes from (the overview table's last column, in our own words). */
  readonly description?: string;
}

const projection = KL.calculations.find(
  (c): c is ProjectionCalculation => c.type === "projektion"
)!;

/** The nine nedslagspunkter, in the report's order (magt is fed by magt_voksen and magt_aeldre). */
export const NEDSLAGSPUNKTER: readonly NedslagspunktDef[] = projection.methods.map((m) => ({
  id: m.id,
  name: m.navn,
  area: m.omraade,
  templates: m.templates,
  description: m.beskrivelse,
}));

export function getTemplate(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** Global field id of a block row in a column (year). */
export const fieldId = cellId;

/** Global field id of a text field. */
export const textFieldId = textId;

const fieldCache = new WeakMap<TemplateDef, readonly FieldDef[]>();

/** Every input field of a template, in display order. */
export function fieldsOf(t: TemplateDef): readonly FieldDef[] {
  const cached = fieldCache.get(t);
  if (cached) return cached;
  const out = fieldsOfTemplate(t);
  fieldCache.set(t, out);
  return out;
}

/** Every field of every kl2024 template, by id. */
export const ALL_FIELDS: ReadonlyMap<string, FieldDef> = KL.fields;

export { META_FIELDS } from "../fieldId";
