/**
 * The one codec for field ids. Nothing else builds or splits ids by hand.
 *
 * - table block cell: `<template>.<block>.<row>.<column>` (column a year, e.g. 2023, or a key)
 * - list block record field: `<template>.<block>.<n>.<field>` (n = 1, 2, …)
 * - text field: `<template>.<text>`
 * - meta cells of a workbook: `meta.<key>` (meta.kommune, meta.skabelon, meta.version, meta.pakke)
 */
import type { ColumnKey, FieldDef, TemplateDef } from "./catalogue/types";
import { remembered } from "./memo";

/** Id of a table block cell. */
export function cellId(template: string, block: string, row: string, column: ColumnKey): string {
  return `${template}.${block}.${row}.${column}`;
}

/** Id of a field of record `n` of a list block. */
export function recordFieldId(template: string, block: string, n: number, field: string): string {
  return `${template}.${block}.${n}.${field}`;
}

/** A field id pattern of a per-row rule with the row's id for `{række}` (or `{raekke}`). */
export function rowField(pattern: string, row: string): string {
  return pattern.replace(/\{(række|raekke)\}/g, row);
}

/** Id of a text field. */
export function textId(template: string, text: string): string {
  return `${template}.${text}`;
}

export const META_PREFIX = "meta.";

/** The meta cells (defined names on the Forside) every template workbook carries. */
export const META_FIELDS = {
  skabelon: "meta.skabelon",
  version: "meta.version",
  kommune: "meta.kommune",
  pakke: "meta.pakke",
} as const;

/** Whether an id is a workbook meta cell (`meta.*`). */
export function isMetaId(id: string): boolean {
  return id.startsWith(META_PREFIX);
}

/** The template an id belongs to (its first part); undefined for meta ids. */
export function templateOfId(id: string): string | undefined {
  if (isMetaId(id)) return undefined;
  const dot = id.indexOf(".");
  return dot < 0 ? undefined : id.slice(0, dot);
}

/** The parts of an id: 2 for a text field, 4 for a block cell or record field. */
export function splitId(id: string): readonly string[] {
  return id.split(".");
}

/** The column (last part) of a 4-part id as a key: a year as a number, else the text. */
export function columnOfId(id: string): ColumnKey | undefined {
  const parts = splitId(id);
  if (parts.length !== 4) return undefined;
  const last = parts[3];
  return /^\d{4}$/.test(last) ? Number(last) : last;
}

/** Template ids of a set of field ids, in first-seen order (meta ids skipped). */
export function templatesOfIds(ids: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const t = templateOfId(id);
    if (t !== undefined && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Every input field of a template in display order: table blocks row by row and column by
 * column, list blocks record by record, then the text fields. Derived rows and columns are not
 * input fields (see `derivedFieldsOfTemplate`).
 */
export function fieldsOfTemplate(t: TemplateDef): readonly FieldDef[] {
  return remembered(inputCells, t, () => cellsOfTemplate(t, false));
}

/**
 * Every derived cell of a template (derived rows of table blocks, derived columns of list
 * blocks), in display order, with its formula. Their ids follow the input fields' scheme.
 */
export function derivedFieldsOfTemplate(t: TemplateDef): readonly FieldDef[] {
  return remembered(derivedCells, t, () => cellsOfTemplate(t, true));
}

/**
 * A template's cells, worked out once per template: a pack is never changed once loaded, and
 * validation asks for them several times for every return.
 */
const inputCells = new WeakMap<TemplateDef, readonly FieldDef[]>();
const derivedCells = new WeakMap<TemplateDef, readonly FieldDef[]>();

function cellsOfTemplate(t: TemplateDef, derived: boolean): FieldDef[] {
  const out: FieldDef[] = [];
  for (const b of t.blocks) {
    if (b.type === "tabel") {
      for (const r of b.rows) {
        if (!!r.derived !== derived) continue;
        const asked = r.columns ?? b.columns.map((c) => c.key);
        for (const c of b.columns) {
          if (!asked.some((k) => String(k) === String(c.key))) continue;
          out.push({
            id: cellId(t.id, b.id, r.id, c.key),
            template: t.id,
            block: b.id,
            row: r.id,
            column: c.key,
            columnLabel: c.label,
            ...(b.axis === "aar" && typeof c.key === "number" ? { year: c.key } : {}),
            kind: r.kind,
            label: r.label,
            ...(r.choices ? { choices: r.choices } : {}),
            ...(r.derived ? { derived: r.derived } : {}),
          });
        }
      }
    } else {
      for (let n = 1; n <= b.max; n++) {
        for (const f of b.fields) {
          if (!!f.derived !== derived) continue;
          out.push({
            id: recordFieldId(t.id, b.id, n, f.id),
            template: t.id,
            block: b.id,
            record: n,
            listField: f.id,
            kind: f.kind,
            label: f.label,
            ...(f.choices ? { choices: f.choices } : {}),
            ...(f.derived ? { derived: f.derived } : {}),
          });
        }
      }
    }
  }
  if (derived) return out;
  for (const tx of t.texts) {
    out.push({ id: textId(t.id, tx.id), template: t.id, kind: "tekst", label: tx.label });
  }
  return out;
}
