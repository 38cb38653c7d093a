/**
 * The report's input sheets read back (the task pane computes from what the workbook holds):
 * the Data sheet into returns, *Indstillinger* into settings, and each input table's sheet into
 * the table, in the layout the report writes them (report.ts: header on row 3; Nøgle, Navn and
 * one column per figure, "Alle" for a single figure; a respondent column first for per-respondent
 * tables). What is read goes through the same checks as the CLI's JSON files (inputs.ts), so a
 * typo in a sheet gives the same Danish message as one in a file.
 */
import type { Scalar } from "../expr/evaluate";
import type { FieldValue, KommuneReturn } from "../model";
import type { InputTable } from "../pack/env";
import { parseInputTable, parseSettings, type Parsed } from "../pack/inputs";
import type { InputTableDef, Pack } from "../pack/model";
import { numberInCell } from "../parse/number";
import { validateReturn } from "../validate";
import { dataColumnNames } from "./report";

export type Cell = string | number | boolean | null;
export type Grid = readonly (readonly Cell[])[];

const num = numberInCell;

const text = (v: Cell | undefined) =>
  typeof v === "string" ? v.trim() : v == null ? "" : String(v);

/** The first row holding every one of `names`, and each name's column. */
function header(
  grid: Grid,
  names: readonly string[]
): { row: number; col: Map<string, number> } | undefined {
  for (let r = 0; r < Math.min(grid.length, 10); r++) {
    const cells = grid[r].map(text);
    if (names.every((n) => cells.includes(n)))
      return {
        row: r,
        col: new Map(cells.map((c, i) => [c, i] as const).filter(([c]) => c !== "")),
      };
  }
  return undefined;
}

/** An input table's sheet → the table (checked as a --data file is), or Danish errors. */
export function inputTableFromSheet(
  pack: Pack,
  def: InputTableDef,
  grid: Grid
): Parsed<InputTable> {
  const who = dataColumnNames(pack).respondent;
  const perResp = def.form === "pr_respondent";
  const h = header(grid, perResp ? [who, "Nøgle", "Navn"] : ["Nøgle", "Navn"]);
  if (!h)
    return {
      ok: false,
      errors: [
        `arket har ingen overskriftsrække med ${perResp ? `»${who}«, ` : ""}»Nøgle« og »Navn«.`,
      ],
    };
  const keyCol = h.col.get("Nøgle")!;
  const first = h.col.get("Navn")! + 1;
  const headRow = grid[h.row];
  const columns: { at: number; key: string }[] = [];
  for (let c = first; c < headRow.length; c++) {
    const k = text(headRow[c]);
    if (k) columns.push({ at: c, key: k === "Alle" ? "*" : k });
  }
  const errors: string[] = [];
  const out: Record<string, unknown> = {};
  for (let r = h.row + 1; r < grid.length; r++) {
    const row = grid[r];
    const key = text(row[keyCol]);
    if (!key) continue;
    let figures: number | Record<string, number> | undefined;
    for (const c of columns) {
      const raw = row[c.at];
      if (raw === null || raw === undefined || raw === "") continue;
      const v = num(raw);
      if (v === undefined) {
        errors.push(
          `række ${r + 1}, kolonne »${text(headRow[c.at])}«: ${JSON.stringify(raw)} er ikke et tal.`
        );
        continue;
      }
      if (c.key === "*") figures = v;
      else figures = { ...(typeof figures === "object" ? figures : {}), [c.key]: v };
    }
    if (figures === undefined) continue;
    if (perResp) {
      const name = text(row[h.col.get(who)!]);
      if (!name) {
        errors.push(`række ${r + 1}: kolonnen »${who}« er tom.`);
        continue;
      }
      out[name] = { ...((out[name] as object) ?? {}), [key]: figures };
    } else out[key] = figures;
  }
  if (errors.length) return { ok: false, errors };
  return parseInputTable(pack, def, out);
}

/** The *Indstillinger* sheet → the settings (checked as --indstillinger is), or Danish errors. */
export function settingsFromSheet(pack: Pack, grid: Grid): Parsed<Record<string, Scalar>> {
  const h = header(grid, ["Indstilling", "Værdi"]);
  if (!h)
    return {
      ok: false,
      errors: ["arket har ingen overskriftsrække med »Indstilling« og »Værdi«."],
    };
  const idCol = h.col.get("Indstilling")!;
  const valueCol = h.col.get("Værdi")!;
  const json: Record<string, Scalar> = {};
  for (let r = h.row + 1; r < grid.length; r++) {
    const id = text(grid[r][idCol]);
    const s = pack.settings.find((x) => x.id === id);
    const raw = grid[r][valueCol];
    if (!id || raw === null || raw === undefined || raw === "") continue;
    json[id] = s?.type === "tal" ? (num(raw) ?? text(raw)) : text(raw);
  }
  return parseSettings(pack, json);
}

/**
 * The Data sheet (the report's or the pane's, with Fil) → one validated return per respondent
 * (and per period, where the sheet has the period column a pack with periods writes).
 */
export function returnsFromDataSheet(pack: Pack, grid: Grid): KommuneReturn[] {
  const { respondent: who, felt, vaerdi } = dataColumnNames(pack);
  const h = header(grid, [who, felt, vaerdi]);
  if (!h) return [];
  const periodName = pack.periods?.name;
  const periodHead = periodName
    ? periodName.charAt(0).toLocaleUpperCase("da") + periodName.slice(1)
    : undefined;
  const [w, f, v, file, per] = [who, felt, vaerdi, "Fil", periodHead ?? ""].map((n) =>
    h.col.get(n)
  );
  const by = new Map<
    string,
    { kommune: string; values: Record<string, FieldValue>; file: string }
  >();
  for (let r = h.row + 1; r < grid.length; r++) {
    const row = grid[r];
    const name = text(row[w!]);
    const id = text(row[f!]);
    if (!name || !id) continue;
    const key = per === undefined ? name : `${name}|${text(row[per])}`;
    const entry = by.get(key) ?? {
      kommune: name,
      values: {},
      file: file === undefined ? "" : text(row[file]),
    };
    const value = row[v!];
    entry.values[id] =
      value === null || value === "" ? null : typeof value === "boolean" ? String(value) : value;
    by.set(key, entry);
  }
  return [...by.values()].map(({ kommune, values, file }) =>
    validateReturn(
      {
        file: file || undefined,
        meta: {
          kommune,
          skabelon: [...new Set(Object.keys(values).map((id) => id.split(".")[0]))].join(","),
          version: pack.version,
          pakke: pack.id,
        },
        cells: Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }])),
        locatedBy: "navne",
        findings: [],
      },
      pack
    )
  );
}
