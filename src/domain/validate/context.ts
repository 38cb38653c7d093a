/**
 * One template's view of a return during validation: parsed values and cell locations by
 * `<block>.<row>` and column, and the arithmetic on them that every rule shares.
 */
import type { ColumnKey, GridBlockDef, Operand, RowDef, TemplateDef } from "../catalogue/types";
import { cellId } from "../fieldId";
import type { CellLocation, FieldValue, RawCell } from "../model";

export interface TemplateContext {
  readonly template: TemplateDef;
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly cells: Readonly<Record<string, RawCell>>;
}

/** `<block>.<row>` → its two parts (a rule reference, written in the pack as »blok.række«). */
function splitRef(ref: string): [string, string] {
  const i = ref.indexOf(".");
  return [ref.slice(0, i), ref.slice(i + 1)];
}

export function findRow(
  t: TemplateDef,
  ref: string
): { block: GridBlockDef; row: RowDef } | undefined {
  const [blockId, rowId] = splitRef(ref);
  const block = t.blocks.find((b) => b.id === blockId);
  if (!block || block.type !== "tabel") return undefined;
  const row = block.rows.find((r) => r.id === rowId);
  return row ? { block, row } : undefined;
}

/** The columns a row is asked in, in the block's order. */
export function rowColumns(block: GridBlockDef, row: RowDef): ColumnKey[] {
  const keys = block.columns.map((c) => c.key);
  if (!row.columns) return keys;
  const own = new Set(row.columns.map(String));
  return keys.filter((k) => own.has(String(k)));
}

/** Columns in which `<block>.<row>` exists (empty for an unknown reference). */
export function columnsOfRef(t: TemplateDef, ref: string): readonly ColumnKey[] {
  const found = findRow(t, ref);
  return found ? rowColumns(found.block, found.row) : [];
}

/** Columns in which every reference exists, in block order, optionally limited to `only`. */
export function commonColumns(
  t: TemplateDef,
  refs: readonly string[],
  only?: readonly ColumnKey[]
): ColumnKey[] {
  if (refs.length === 0) return [];
  let cols = [...columnsOfRef(t, refs[0])];
  for (const r of refs.slice(1)) {
    const cs = new Set(columnsOfRef(t, r).map(String));
    cols = cols.filter((c) => cs.has(String(c)));
  }
  if (only) {
    const o = new Set(only.map(String));
    cols = cols.filter((c) => o.has(String(c)));
  }
  return cols;
}

/** The column's label in messages ("2023", "Mandag"). */
export function columnLabel(t: TemplateDef, ref: string, col: ColumnKey): string {
  const found = findRow(t, ref);
  return found?.block.columns.find((c) => String(c.key) === String(col))?.label ?? String(col);
}

export function idOf(ctx: TemplateContext, ref: string, col: ColumnKey): string {
  const [b, r] = splitRef(ref);
  return cellId(ctx.template.id, b, r, col);
}

export function numberAt(ctx: TemplateContext, ref: string, col: ColumnKey): number | undefined {
  const v = ctx.values[idOf(ctx, ref, col)];
  return typeof v === "number" ? v : undefined;
}

export function valueAt(ctx: TemplateContext, ref: string, col: ColumnKey): FieldValue {
  return ctx.values[idOf(ctx, ref, col)] ?? null;
}

export function locationAt(
  ctx: TemplateContext,
  ref: string,
  col: ColumnKey
): CellLocation | undefined {
  return ctx.cells[idOf(ctx, ref, col)]?.location;
}

export function originalAt(ctx: TemplateContext, ref: string, col: ColumnKey): unknown {
  return ctx.cells[idOf(ctx, ref, col)]?.value;
}

/** An operand's value in one column: all fields empty, some, or all filled in. */
export type OperandValue =
  | { readonly state: "empty" }
  /** Some fields filled in; `lowerBound` when empty cells can only add (no `sub`). */
  | { readonly state: "partial"; readonly lowerBound?: number }
  | { readonly state: "full"; readonly value: number };

export function evalOperand(ctx: TemplateContext, o: Operand, col: ColumnKey): OperandValue {
  const add = o.add.map((r) => numberAt(ctx, r, col));
  const sub = (o.sub ?? []).map((r) => numberAt(ctx, r, col));
  const all = [...add, ...sub];
  const present = all.filter((v) => v !== undefined).length;
  if (present === 0) return { state: "empty" };
  const total = (xs: (number | undefined)[]) => xs.reduce<number>((s, v) => s + (v ?? 0), 0);
  if (present === all.length) return { state: "full", value: total(add) - total(sub) };
  return sub.length === 0 ? { state: "partial", lowerBound: total(add) } : { state: "partial" };
}

/** The operand's fields, in order, for locating findings. */
export function operandRefs(o: Operand): readonly string[] {
  return [...o.add, ...(o.sub ?? [])];
}

/** Every `<block>.<row>` a reference list names that the template lacks. */
export function unknownRefs(t: TemplateDef, refs: readonly string[]): string[] {
  return refs.filter((r) => !findRow(t, r));
}
