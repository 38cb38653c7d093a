/**
 * Turns a SheetPlan's cells into the 2-D arrays office-js writes in one call each
 * (`range.formulas`, `range.numberFormat`), and splits big writes into row bands that stay
 * under Excel on the web's 5 MB request limit. Pure: no office-js calls.
 */
import type { CellPlan, SheetPlan } from "../domain/layout/types";
import { STYLE_DEFS } from "../domain/layout/styles";
import { isFormulaLike } from "../domain/safeText";
import { cellAddress } from "./a1";

/** Excel on the web refuses requests over 5 MB; keep a margin for the rest of the batch. */
export const DEFAULT_PAYLOAD_LIMIT = 4 * 1024 * 1024;

export type GridValue = string | number | boolean | null;

/**
 * True when Excel would read this text as a formula if written as a value:
 * text from returns that starts with = + - @ is written as text, never as a formula.
 */
export function looksLikeFormula(text: string): boolean {
  return isFormulaLike(text) || isFormulaLike(text.trimStart());
}

export interface TextCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface SheetGrid {
  readonly rows: number;
  readonly cols: number;
  /** Formulas ("=…") and plain values; null leaves the cell as it is. */
  readonly formulas: GridValue[][];
  /** Number formats; null leaves the cell's format as it is. */
  readonly numberFormats: (string | null)[][];
  /** Texts that look like formulas: written with the text format "@" and `values`, never as formulas. */
  readonly texts: readonly TextCell[];
}

/** Builds the grid of a sheet plan: one rectangle from A1 to the last used row and column. */
export function planGrid(cells: readonly CellPlan[]): SheetGrid {
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    if (c.row > rows) rows = c.row;
    if (c.col > cols) cols = c.col;
  }
  const formulas: GridValue[][] = Array.from({ length: rows }, () =>
    new Array<GridValue>(cols).fill(null)
  );
  const numberFormats: (string | null)[][] = Array.from({ length: rows }, () =>
    new Array<string | null>(cols).fill(null)
  );
  const texts: TextCell[] = [];
  for (const c of cells) {
    const r = c.row - 1;
    const k = c.col - 1;
    const numFmt = c.numFmt ?? (c.style ? STYLE_DEFS[c.style]?.numFmt : undefined);
    if (numFmt) numberFormats[r][k] = numFmt;
    if (c.formula !== undefined) {
      formulas[r][k] = `=${c.formula.replace(/^=/, "")}`;
    } else if (typeof c.value === "string" && looksLikeFormula(c.value)) {
      numberFormats[r][k] = "@";
      texts.push({ row: c.row, col: c.col, text: c.value });
    } else if (c.value !== undefined && c.value !== null) {
      formulas[r][k] = c.value;
    } else if (c.value === null) {
      formulas[r][k] = "";
    }
  }
  return { rows, cols, formulas, numberFormats, texts };
}

/** Rough size of a 2-D array as it travels in a request (JSON). */
export function payloadSize(rows: readonly (readonly unknown[])[]): number {
  let size = 2;
  for (const row of rows) {
    size += 3;
    for (const v of row) {
      size += v === null || v === undefined ? 5 : typeof v === "string" ? v.length * 2 + 3 : 12;
    }
  }
  return size;
}

/**
 * Splits rows [0, n) into consecutive bands whose payload stays under `limit`.
 * One band for anything small; the number of bands grows only with the payload size.
 */
export function rowBands(
  rows: readonly (readonly unknown[])[],
  limit = DEFAULT_PAYLOAD_LIMIT
): { start: number; end: number }[] {
  const bands: { start: number; end: number }[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < rows.length; i++) {
    const s = payloadSize([rows[i]]);
    if (i > start && size + s > limit) {
      bands.push({ start, end: i });
      start = i;
      size = 0;
    }
    size += s;
  }
  if (rows.length > 0) bands.push({ start, end: rows.length });
  return bands;
}

/** Payload of a sheet plan (formulas + formats), for deciding how many requests it needs. */
export function sheetPayload(plan: SheetPlan): number {
  const g = planGrid(plan.cells);
  return payloadSize(g.formulas) + payloadSize(g.numberFormats);
}

/** Cell plans by A1 address, for tests and messages. */
export function cellsByAddress(plan: SheetPlan): Map<string, CellPlan> {
  return new Map(plan.cells.map((c) => [cellAddress(c.row, c.col), c] as const));
}
