/**
 * Finding a template's fields by their catalogue labels and year headers, for returns whose
 * defined names were lost (sheet copied into another workbook, retyped) or point at the wrong
 * cells (rows inserted by a tool that did not move the names). Works on any grid of plain cell
 * values, so the ExcelJS reader and the office-js reader share it.
 */
import type {
  ColumnDef,
  FieldDef,
  GridBlockDef,
  ListBlockDef,
  TemplateDef,
} from "../catalogue/types";
import { META_FIELDS, cellId, recordFieldId, textId } from "../fieldId";
import { a1, parseA1 } from "../layout/a1";
import { FORSIDE, dataSheetName } from "../layout/names";
import { buildTemplateWorkbook } from "../layout/workbook";
import type { CellLocation } from "../model";
import { BUILTIN_PACK_IDS, builtinPack } from "../pakker";

/** One worksheet as plain values (1-based rows and columns). */
export interface GridSheet {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  value(row: number, col: number): unknown;
  /**
   * Optional: calls `fn` for every non-empty cell in reading order (rows, then columns), with
   * the value `value(row, col)` would give; lets a sparse sheet be indexed without probing
   * every empty cell.
   */
  forEachValue?(fn: (row: number, col: number, value: unknown) => void): void;
}

/** Rows and columns scanned at most (bad-file limits keep real returns far below). */
const MAX_ROWS = 5000;
const MAX_COLS = 60;

/** normLabel's results by input text; labels repeat in every return, so they are worked out once. */
const normCache = new Map<string, string | undefined>();
const NORM_CACHE_MAX = 20_000;

/** Label text as compared: lower case, single spaces, no trailing colon/period/asterisk. */
export function normLabel(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  if (normCache.has(v)) return normCache.get(v);
  const s = v
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/[\s:*.]+$/, "")
    .trim();
  const out = s === "" ? undefined : s;
  if (normCache.size >= NORM_CACHE_MAX) normCache.clear();
  normCache.set(v, out);
  return out;
}

function labelMatches(cellText: string, label: string): boolean {
  if (cellText === label) return true;
  // Long labels: tolerate a cut or an added tail (PDF line breaks, "(gns.)" dropped).
  const min = 25;
  return (
    label.length >= min &&
    cellText.length >= min &&
    (cellText.startsWith(label) || label.startsWith(cellText))
  );
}

function yearOf(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isInteger(v) && v >= 1990 && v <= 2100) return v;
  if (typeof v === "string") {
    const m = /^\s*(\d{4})\s*$/.exec(v);
    if (m) return yearOf(Number(m[1]));
  }
  return undefined;
}

interface TextCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** A sheet's text cells, in reading order, for label searches. */
class SheetIndex {
  readonly texts: TextCell[] = [];
  /** The same text cells by row. */
  readonly byRow = new Map<number, TextCell[]>();
  constructor(readonly sheet: GridSheet) {
    const rows = Math.min(sheet.rowCount, MAX_ROWS);
    const cols = Math.min(sheet.columnCount, MAX_COLS);
    const add = (r: number, c: number, v: unknown) => {
      const t = normLabel(v);
      if (!t) return;
      const cell = { row: r, col: c, text: t };
      this.texts.push(cell);
      const inRow = this.byRow.get(r);
      if (inRow) inRow.push(cell);
      else this.byRow.set(r, [cell]);
    };
    if (sheet.forEachValue) {
      sheet.forEachValue((r, c, v) => {
        if (r >= 1 && r <= rows && c >= 1 && c <= cols) add(r, c, v);
      });
      return;
    }
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) add(r, c, sheet.value(r, c));
    }
  }

  /** First cell at or after row `from` (and before `until`, left of `beforeCol`) matching the label. */
  find(label: string, from = 1, until = Infinity, beforeCol = Infinity): TextCell | undefined {
    const l = normLabel(label);
    if (!l) return undefined;
    return this.texts.find(
      (t) => t.row >= from && t.row < until && t.col < beforeCol && labelMatches(t.text, l)
    );
  }

  has(label: string): boolean {
    return this.find(label) !== undefined;
  }

  /**
   * Column key → column in the row among [from, to] whose headers show most of `columns` (a year
   * header for a year, the column's label for a key).
   */
  columnHeader(
    columns: readonly ColumnDef[],
    from: number,
    to: number
  ): { row: number; cols: Map<string, number> } | undefined {
    let best: { row: number; cols: Map<string, number> } | undefined;
    const cols = Math.min(this.sheet.columnCount, MAX_COLS);
    for (let r = from; r <= Math.min(to, this.sheet.rowCount); r++) {
      const found = new Map<string, number>();
      for (let c = 1; c <= cols; c++) {
        const v = this.sheet.value(r, c);
        const hit = columns.find((k) => headerMatches(v, k));
        if (hit && !found.has(String(hit.key))) found.set(String(hit.key), c);
      }
      if (found.size > (best?.cols.size ?? 0)) best = { row: r, cols: found };
      if (found.size === columns.length) break;
    }
    return best && best.cols.size * 2 >= columns.length ? best : undefined;
  }
}

/** Whether a header cell shows a column: its year, or its label. */
function headerMatches(v: unknown, c: ColumnDef): boolean {
  if (typeof c.key === "number" && String(c.key) === c.label) return yearOf(v) === c.key;
  const t = normLabel(v);
  const l = normLabel(c.label);
  return t !== undefined && l !== undefined && t === l;
}

/** The labels a template's Data sheet shows: block titles, row labels, list field labels, texts. */
function templateLabels(t: TemplateDef): string[] {
  return [
    ...new Set([
      ...t.blocks.map((b) => b.title),
      ...t.blocks.flatMap((b) =>
        b.type === "tabel" ? b.rows.map((r) => r.label) : b.fields.map((f) => f.label)
      ),
      ...t.texts.map((x) => x.label),
    ]),
  ];
}

/** How well a sheet matches a template: the share of its block titles and row labels found. */
function score(index: SheetIndex, t: TemplateDef): number {
  const labels = templateLabels(t);
  const found = labels.filter((l) => index.has(l)).length;
  return found / labels.length;
}

export interface LocatedTemplate {
  readonly template: TemplateDef;
  readonly sheet: string;
  /** Share of the template's labels found on the sheet (0–1). */
  readonly score: number;
  /** Field id → cell, for every field found. */
  readonly fields: ReadonlyMap<string, CellLocation>;
}

/** A sheet must show at least this share of a template's labels to be taken for its Data sheet. */
export const MIN_SCORE = 0.5;

function locateOn(index: SheetIndex, t: TemplateDef): Map<string, CellLocation> {
  const out = new Map<string, CellLocation>();
  const name = index.sheet.name;
  let cursor = 1;
  t.blocks.forEach((b, bi) => {
    const title = index.find(b.title, cursor);
    const start = title ? title.row : cursor;
    const nextTitle =
      bi + 1 < t.blocks.length ? index.find(t.blocks[bi + 1].title, start + 1) : undefined;
    const end = nextTitle ? nextTitle.row : Infinity;
    const next =
      b.type === "tabel"
        ? locateGrid(index, t, b, start, end, out)
        : locateList(index, t, b, start, end, out);
    if (next !== undefined) cursor = next;
  });
  for (const tx of t.texts) {
    const hit = index.find(tx.label, cursor);
    if (hit) out.set(textId(t.id, tx.id), { sheet: name, cell: a1(hit.row + 1, hit.col) });
  }
  return out;
}

/** A table block's fields by row labels and column headers; returns the row after the last found. */
function locateGrid(
  index: SheetIndex,
  t: TemplateDef,
  b: GridBlockDef,
  start: number,
  end: number,
  out: Map<string, CellLocation>
): number | undefined {
  const header = index.columnHeader(b.columns, start, Math.min(end - 1, start + 12));
  if (!header) return undefined;
  const firstCol = Math.min(...header.cols.values());
  let rowCursor = header.row + 1;
  let last: number | undefined;
  for (const r of b.rows) {
    const hit = index.find(r.label, rowCursor, end, firstCol);
    if (!hit) continue;
    for (const key of r.columns ?? b.columns.map((c) => c.key)) {
      const col = header.cols.get(String(key));
      if (col !== undefined)
        out.set(cellId(t.id, b.id, r.id, key), { sheet: index.sheet.name, cell: a1(hit.row, col) });
    }
    rowCursor = hit.row + 1;
    last = hit.row + 1;
  }
  return last;
}

/** A list block's records: a header row of field labels, then rows numbered 1, 2, … on the left. */
function locateList(
  index: SheetIndex,
  t: TemplateDef,
  b: ListBlockDef,
  start: number,
  end: number,
  out: Map<string, CellLocation>
): number | undefined {
  const columns: ColumnDef[] = b.fields.map((f) => ({ key: f.id, label: f.label }));
  const header = index.columnHeader(columns, start, Math.min(end - 1, start + 12));
  if (!header) return undefined;
  const firstCol = Math.min(...header.cols.values());
  let last: number | undefined;
  const rows = Math.min(index.sheet.rowCount, MAX_ROWS, end - 1);
  for (let r = header.row + 1; r <= rows; r++) {
    let n: number | undefined;
    for (let c = 1; c < firstCol; c++) {
      const v = index.sheet.value(r, c);
      const x =
        typeof v === "number"
          ? v
          : typeof v === "string" && /^\s*\d+\s*$/.test(v)
            ? Number(v)
            : NaN;
      if (Number.isInteger(x) && x >= 1 && x <= b.max) n = x;
    }
    if (n === undefined) continue;
    for (const f of b.fields) {
      const col = header.cols.get(f.id);
      if (col !== undefined)
        out.set(recordFieldId(t.id, b.id, n, f.id), { sheet: index.sheet.name, cell: a1(r, col) });
    }
    last = r + 1;
  }
  return last;
}

/**
 * Sheet indexes, built once per workbook and shared by the functions below. A sheet is indexed
 * the first time a search needs it; checking that named cells sit beside their labels (agrees)
 * reads only the rows the names point at.
 */
export class LabelLocator {
  private readonly built: Array<SheetIndex | undefined>;
  /** Text cells of single rows, for sheets not (yet) indexed whole: sheet → row → cells. */
  private readonly rows = new Map<number, Map<number, TextCell[]>>();

  constructor(private readonly sheets: readonly GridSheet[]) {
    this.built = sheets.map(() => undefined);
  }

  private indexAt(i: number): SheetIndex {
    return (this.built[i] ??= new SheetIndex(this.sheets[i]));
  }

  private get indexes(): SheetIndex[] {
    return this.sheets.map((_, i) => this.indexAt(i));
  }

  /** The text cells of one row, as the sheet's index has them, without indexing the sheet. */
  private rowTexts(i: number, row: number): readonly TextCell[] {
    const built = this.built[i];
    if (built) return built.byRow.get(row) ?? [];
    let bySheet = this.rows.get(i);
    if (!bySheet) this.rows.set(i, (bySheet = new Map()));
    let cells = bySheet.get(row);
    if (!cells) {
      cells = [];
      const sheet = this.sheets[i];
      if (row >= 1 && row <= Math.min(sheet.rowCount, MAX_ROWS)) {
        const cols = Math.min(sheet.columnCount, MAX_COLS);
        for (let c = 1; c <= cols; c++) {
          const t = normLabel(sheet.value(row, c));
          if (t) cells.push({ row, col: c, text: t });
        }
      }
      bySheet.set(row, cells);
    }
    return cells;
  }

  /**
   * The template's Data sheet (by name when it is there and matches, else the best-matching
   * sheet) and every field found on it; undefined when no sheet matches well enough.
   */
  locate(t: TemplateDef): LocatedTemplate | undefined {
    let best: { index: SheetIndex; score: number } | undefined;
    for (const index of this.indexes) {
      const s = score(index, t);
      const exact = index.sheet.name === dataSheetName(t);
      if (s >= MIN_SCORE && (!best || s > best.score || (s === best.score && exact)))
        best = { index, score: s };
    }
    if (!best) return undefined;
    return {
      template: t,
      sheet: best.index.sheet.name,
      score: best.score,
      fields: locateOn(best.index, t),
    };
  }

  /** Templates whose Data sheet can be found, best match first. */
  detect(templates: readonly TemplateDef[]): TemplateDef[] {
    return templates
      .map((t) => ({ t, s: Math.max(0, ...this.indexes.map((i) => score(i, t))) }))
      .filter((x) => x.s >= MIN_SCORE)
      .sort((a, b) => b.s - a.s)
      .map((x) => x.t);
  }

  /**
   * Does the cell at `loc` sit where the field's labels say? Its row must carry the field's row
   * label left of it (a text field: the label just above), and its column a year header with
   * the field's year above it.
   */
  agrees(f: FieldDef, loc: CellLocation): boolean {
    const i = this.sheets.findIndex((s) => s.name === loc.sheet);
    const at = parseA1(loc.cell);
    if (i < 0 || !at) return false;
    const sheet = this.sheets[i];
    const label = normLabel(f.label);
    if (!label) return false;
    if (f.record !== undefined) {
      // A record: its number left of it, its field label above it.
      const numbered = [...Array(Math.max(0, at.col - 1)).keys()].some(
        (c) => Number(sheet.value(at.row, c + 1)) === f.record
      );
      if (!numbered) return false;
      for (let r = at.row - 1; r >= Math.max(1, at.row - f.record - 3); r--) {
        const t = normLabel(sheet.value(r, at.col));
        if (t !== undefined && labelMatches(t, label)) return true;
      }
      return false;
    }
    if (f.column === undefined) {
      const above = normLabel(sheet.value(at.row - 1, at.col));
      return above !== undefined && labelMatches(above, label);
    }
    const rowOk = this.rowTexts(i, at.row).some(
      (t) => t.col < at.col && labelMatches(t.text, label)
    );
    if (!rowOk) return false;
    const col: ColumnDef = { key: f.column, label: f.columnLabel ?? String(f.column) };
    for (let r = at.row - 1; r >= Math.max(1, at.row - 40); r--) {
      if (headerMatches(sheet.value(r, at.col), col)) return true;
    }
    return false;
  }

  /** `meta.*` by the labels beside them (Forside, or the Data sheet's "Anfør kommunenavn"). */
  meta(): {
    kommune?: string;
    skabelon?: string;
    version?: number;
    pakke?: string;
    locations: Record<string, CellLocation>;
  } {
    const out: {
      kommune?: string;
      skabelon?: string;
      version?: number;
      pakke?: string;
      locations: Record<string, CellLocation>;
    } = { locations: {} };
    const labels = metaLabels();
    const ordered = [...this.indexes].sort(
      (a, b) => Number(b.sheet.name === FORSIDE) - Number(a.sheet.name === FORSIDE)
    );
    for (const [id, label] of labels) {
      for (const index of ordered) {
        const hit = index.find(label);
        if (!hit) continue;
        const cols = Math.min(index.sheet.columnCount, MAX_COLS);
        let value: unknown;
        let col = hit.col + 1;
        for (; col <= cols; col++) {
          value = index.sheet.value(hit.row, col);
          if (value !== null && value !== undefined && String(value).trim() !== "") break;
        }
        if (value === null || value === undefined || String(value).trim() === "") continue;
        const key = id.slice("meta.".length) as "kommune" | "skabelon" | "version" | "pakke";
        if (out[key] !== undefined) continue;
        if (key === "kommune" && typeof value !== "string") continue;
        if (key === "version") {
          const n = typeof value === "number" ? value : Number(String(value).trim());
          if (!Number.isFinite(n)) continue;
          out.version = n;
        } else {
          out[key] = String(value).trim();
        }
        out.locations[id] = { sheet: index.sheet.name, cell: a1(hit.row, col) };
      }
    }
    return out;
  }
}

let metaLabelCache: Array<[string, string]> | undefined;

/**
 * The labels written beside the meta cells, taken from the layout itself (so they cannot drift):
 * the Forside's labels, and the Data sheet's label before its respondent cell, for every
 * built-in pack.
 */
export function metaLabels(): Array<[string, string]> {
  if (metaLabelCache) return metaLabelCache;
  const out: Array<[string, string]> = [];
  const sheets = BUILTIN_PACK_IDS.flatMap(
    (id) => buildTemplateWorkbook("", [], { pack: builtinPack(id)! }).sheets
  );
  for (const sheet of sheets) {
    for (const c of sheet.cells) {
      const isMeta = c.name && Object.values(META_FIELDS).includes(c.name as never);
      const isKommuneRef =
        !c.name && c.formula !== undefined && /Forside/.test(c.formula) && sheet.name !== FORSIDE;
      if (!isMeta && !isKommuneRef) continue;
      const label = sheet.cells.find(
        (l) => l.row === c.row && l.col === c.col - 1 && typeof l.value === "string"
      );
      const id = isMeta ? c.name! : META_FIELDS.kommune;
      if (label && !out.some(([i, l]) => i === id && l === label.value))
        out.push([id, label.value as string]);
    }
  }
  metaLabelCache = out;
  return out;
}
