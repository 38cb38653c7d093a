/**
 * One template's view of a return during validation: parsed values and cell locations by
 * `<block>.<row>` and year, and the arithmetic on them that every rule shares.
 */
import { fieldId } from "../catalogue";
import type { BlockDef, RowDef, TemplateDef } from "../catalogue/types";
import type { Operand } from "../catalogue/rules";
import type { CellLocation, FieldValue, RawCell } from "../model";

export interface TemplateContext {
  readonly template: TemplateDef;
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly cells: Readonly<Record<string, RawCell>>;
}

function splitRef(ref: string): [string, string] {
  const i = ref.indexOf(".");
  return [ref.slice(0, i), ref.slice(i + 1)];
}

export function findRow(t: TemplateDef, ref: string): { block: BlockDef; row: RowDef } | undefined {
  const [blockId, rowId] = splitRef(ref);
  const block = t.blocks.find((b) => b.id === blockId);
  const row = block?.rows.find((r) => r.id === rowId);
  return block && row ? { block, row } : undefined;
}

/** Years in which `<block>.<row>` exists (empty for an unknown reference). */
export function yearsOfRef(t: TemplateDef, ref: string): readonly number[] {
  const found = findRow(t, ref);
  return found ? (found.row.years ?? found.block.years) : [];
}

/** Years in which every reference exists, ascending, optionally limited to `only`. */
export function commonYears(
  t: TemplateDef,
  refs: readonly string[],
  only?: readonly number[]
): number[] {
  if (refs.length === 0) return [];
  let years = [...yearsOfRef(t, refs[0])];
  for (const r of refs.slice(1)) {
    const ys = yearsOfRef(t, r);
    years = years.filter((y) => ys.includes(y));
  }
  if (only) years = years.filter((y) => only.includes(y));
  return years.sort((a, b) => a - b);
}

export function idOf(ctx: TemplateContext, ref: string, year: number): string {
  const [b, r] = splitRef(ref);
  return fieldId(ctx.template.id, b, r, year);
}

export function numberAt(ctx: TemplateContext, ref: string, year: number): number | undefined {
  const v = ctx.values[idOf(ctx, ref, year)];
  return typeof v === "number" ? v : undefined;
}

export function valueAt(ctx: TemplateContext, ref: string, year: number): FieldValue {
  return ctx.values[idOf(ctx, ref, year)] ?? null;
}

export function locationAt(
  ctx: TemplateContext,
  ref: string,
  year: number
): CellLocation | undefined {
  return ctx.cells[idOf(ctx, ref, year)]?.location;
}

export function originalAt(ctx: TemplateContext, ref: string, year: number): unknown {
  return ctx.cells[idOf(ctx, ref, year)]?.value;
}

/** An operand's value in one year: all fields empty, some, or all filled in. */
export type OperandValue =
  | { readonly state: "empty" }
  /** Some fields filled in; `lowerBound` when empty cells can only add (no `sub`). */
  | { readonly state: "partial"; readonly lowerBound?: number }
  | { readonly state: "full"; readonly value: number };

export function evalOperand(ctx: TemplateContext, o: Operand, year: number): OperandValue {
  const add = o.add.map((r) => numberAt(ctx, r, year));
  const sub = (o.sub ?? []).map((r) => numberAt(ctx, r, year));
  const all = [...add, ...sub];
  const present = all.filter((v) => v !== undefined).length;
  if (present === 0) return { state: "empty" };
  const total = (xs: (number | undefined)[]) => xs.reduce<number>((s, v) => s + (v ?? 0), 0);
  if (present === all.length) return { state: "full", value: total(add) - total(sub) };
  return sub.length === 0 ? { state: "partial", lowerBound: total(add) } : { state: "partial" };
}

/** The operand's fields in one year, in order, for locating findings. */
export function operandRefs(o: Operand): readonly string[] {
  return [...o.add, ...(o.sub ?? [])];
}

/** Every `<block>.<row>` a reference list names that the template lacks. */
export function unknownRefs(t: TemplateDef, refs: readonly string[]): string[] {
  return refs.filter((r) => !findRow(t, r));
}
