/**
 * An input table laid out as rows, one per respondent (a register extract as .csv or .xlsx): the
 * first row names the columns, the first column the respondent (name, or a municipality's
 * three-digit code), every other column a key and a column of the table: `<nøgle>.<kolonne>`
 * (e.g. `doegninst.udgift.2014`), or only `<nøgle>` for a figure that holds in every column.
 * Cells are numbers, or Danish number text (`1.234,5`); an empty cell (or "-") is no figure.
 * Gives the same table `--data TABEL=FIL.json` would, or every problem, each with its cell.
 */
import { findRespondent } from "./respondents";
import type { ByColumn, InputTable } from "./env";
import type { InputTableDef, Pack } from "./model";
import type { Parsed } from "./inputs";
import { readNumberText } from "../parse/number";
import { columnLetter } from "../layout/a1";
import type { GridSheet } from "../locate";

/** A cell of a row as a spreadsheet or CSV gives it. */
export type RowCell = string | number | boolean | null | undefined;

const blank = (v: RowCell) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Key and column of a header (`doegninst.udgift.2014` → `doegninst.udgift`, `2014`). */
function headerOf(
  def: InputTableDef,
  header: string
): { key: string; column?: string } | undefined {
  const declared = def.keys ? new Set(def.keys.map((k) => k.key)) : undefined;
  const h = header.trim();
  if (declared ? declared.has(h) : !h.includes(".")) return { key: h };
  const dot = h.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const key = h.slice(0, dot);
  const column = h.slice(dot + 1);
  if (declared && !declared.has(key)) return undefined;
  return column ? { key, column } : undefined;
}

/** A cell as a number, null for no figure, or a Danish reason it is not a number. */
function numberOf(v: RowCell): number | null | string {
  if (blank(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "er ikke et endeligt tal";
  if (typeof v === "boolean") return `er ${v ? "SAND" : "FALSK"}, ikke et tal`;
  const r = readNumberText(String(v));
  if (r.kind === "blank" || r.kind === "emptyMarker") return null;
  if (r.kind === "number" && !r.approx && !r.percent && r.unit === undefined) return r.value;
  return `»${v}« er ikke et tal`;
}

/** The table from rows (first row the header), or every problem (cells named A1-style). */
export function parseInputRows(
  pack: Pack,
  def: InputTableDef,
  rows: readonly (readonly RowCell[])[]
): Parsed<InputTable> {
  if (def.form !== "pr_respondent")
    return {
      ok: false,
      errors: [
        `»${def.id}« har formen »national«; kun tabeller med én række pr. ${pack.respondents.singular} kan læses som rækker (brug en JSON-fil).`,
      ],
    };
  const start = rows.findIndex((r) => r.some((c) => !blank(c)));
  if (start < 0) return { ok: false, errors: ["filen har ingen rækker."] };
  const header = rows[start];
  const errors: string[] = [];
  const cols: ({ key: string; column?: string } | undefined)[] = header.map((h, i) => {
    if (i === 0 || blank(h)) return undefined;
    const parsed = headerOf(def, String(h));
    if (!parsed)
      errors.push(
        `${columnLetter(i + 1)}${start + 1}: kolonnen »${String(h).trim()}« er ikke »nøgle.kolonne« med en nøgle fra »${def.id}«${def.keys ? ` (fx ${def.keys[0].key}.<kolonne>)` : ""}.`
      );
    return parsed;
  });
  const out: Record<string, Record<string, ByColumn>> = {};
  const seenAt = new Map<string, number>();
  for (let r = start + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row.some((c) => !blank(c))) continue;
    const who = row[0];
    const at = `A${r + 1}`;
    if (blank(who)) {
      errors.push(`${at}: rækken mangler ${pack.respondents.singular}.`);
      continue;
    }
    const name = findRespondent(pack.respondents, String(who));
    if (!name) {
      errors.push(
        `${at}: »${String(who).trim()}« er ikke på pakkens liste over ${pack.respondents.plural}.`
      );
      continue;
    }
    const first = seenAt.get(name);
    if (first !== undefined) {
      errors.push(`${at}: ${name} står også i række ${first}.`);
      continue;
    }
    seenAt.set(name, r + 1);
    const own: Record<string, ByColumn> = {};
    row.forEach((cell, c) => {
      const col = cols[c];
      if (!col) return;
      const n = numberOf(cell);
      if (n === null) return;
      if (typeof n === "string") {
        errors.push(`${columnLetter(c + 1)}${r + 1}: ${n}.`);
        return;
      }
      if (col.column === undefined) own[col.key] = n;
      else {
        const prev = own[col.key];
        own[col.key] = { ...(typeof prev === "object" ? prev : {}), [col.column]: n };
      }
    });
    out[name] = own;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** Rows and columns of a sheet read as an input table at most (98 municipalities × 40 columns is typical). */
export const ROW_LIMITS = { rows: 10_000, columns: 2_000 } as const;

/**
 * A sheet (any GridSheet: an .xlsx file, the open workbook) as rows of plain cells, for
 * `parseInputRows`; dates become ISO text. Undefined when the sheet is larger than ROW_LIMITS.
 */
export function rowsOfGrid(grid: GridSheet): RowCell[][] | undefined {
  if (grid.rowCount > ROW_LIMITS.rows || grid.columnCount > ROW_LIMITS.columns) return undefined;
  const rows: RowCell[][] = [];
  const put = (r: number, c: number, v: unknown) => {
    while (rows.length < r) rows.push([]);
    const row = rows[r - 1];
    while (row.length < c) row.push(null);
    row[c - 1] =
      v instanceof Date
        ? v.toISOString().slice(0, 10)
        : typeof v === "number" || typeof v === "string" || typeof v === "boolean"
          ? v
          : null;
  };
  if (grid.forEachValue) grid.forEachValue(put);
  else
    for (let r = 1; r <= grid.rowCount; r++)
      for (let c = 1; c <= grid.columnCount; c++) {
        const v = grid.value(r, c);
        if (v !== null && v !== undefined && v !== "") put(r, c, v);
      }
  return rows;
}
