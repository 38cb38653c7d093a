/**
 * One worksheet, streamed: every cell's plain value (as ExcelJS's `plainValue` would give it)
 * and style index, the merged areas, and formulas that fetch or run something outside the
 * workbook. Nothing is materialised from a claimed range: cells are stored as they appear
 * (within Excel's grid, A1:XFD1048576), merged areas are kept as four numbers and clipped to
 * the area the cells use, and column definitions are skipped.
 */
import { a1 } from "../../domain/layout/a1";
import { type FileLimits, XlsxRejected } from "./limits";
import { parsePart } from "./xml";
import type { ZipArchive, ZipEntry } from "./zip";
import { formatDanishNumber } from "../../domain/parse/number";

/** Excel's grid. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A merged area, clipped to the cells the sheet uses, with its reference as the file gives it. */
export interface MergedArea extends Area {
  readonly ref: string;
}

export interface SheetCell {
  /** number | string | boolean | Date | null (an error value as its code, e.g. "#DIV/0!"). */
  readonly value: unknown;
  /** Index into the workbook's cell formats (0 when none). */
  readonly style: number;
  /** The cell holds a formula. */
  readonly formula?: true;
  /** A formula without a stored (cached) result. */
  readonly noCache?: true;
}

/** A formula that reaches outside the workbook (WEBSERVICE, FILTERXML, DDE). */
export interface ActiveFormula {
  readonly cell: string;
  readonly what: string;
}

/** What the sheet reader needs from the rest of the workbook. */
export interface SheetContext {
  readonly limits: FileLimits;
  sharedString(index: number): string | null | undefined;
  /** Is the cell format at this index a date format (numbers become dates, as in ExcelJS)? */
  isDateStyle(style: number): boolean;
  readonly date1904: boolean;
  /** Counts cells across all sheets read; throws past the limit. */
  countCell(): void;
}

export function cellKey(row: number, col: number): number {
  return (row - 1) * MAX_COL + col;
}

/** "C7" or "$C$7" → row and column; undefined when not a cell inside Excel's grid. */
export function decodeCell(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  let letters = 0;
  for (; i < n; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (++letters > 3) return undefined;
  }
  if (letters === 0) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    if (++digits > 7) return undefined;
  }
  if (digits === 0 || row < 1 || row > MAX_ROW || col > MAX_COL) return undefined;
  return { row, col };
}

/** "A1:XFD1048576" (or one cell) → area, clipped to Excel's grid; undefined when unreadable. */
export function decodeArea(ref: string): Area | undefined {
  const [a, b = a] = ref.trim().split(":");
  const p = decodeClipped(a);
  const q = decodeClipped(b);
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Like decodeCell, but a row or column beyond Excel's grid is clipped to its edge. */
function decodeClipped(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,10})\$?(\d{1,15})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = Math.min(col * 26 + (ch.charCodeAt(0) - 64), MAX_COL);
  const row = Math.min(Number(m[2]), MAX_ROW);
  if (row < 1) return undefined;
  return { row, col };
}

/** Excel's serial day number as a Date, exactly as ExcelJS converts it. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const ACTIVE_FUNCTION = /(?:^|[^A-Za-z0-9_.])(?:_xlfn\.)?(WEBSERVICE|FILTERXML)\s*\(/i;
/** DDE: `program|'topic'!item`, the form Excel evaluates by starting `program`. */
const DDE = /[A-Za-z0-9_.]+\|(?:'[^']*'|[A-Za-z0-9_. ]+)!/;

/** What a formula reaches outside the workbook, in Danish; undefined when nothing. */
export function activeContentOf(formula: string): string | undefined {
  const fn = ACTIVE_FUNCTION.exec(formula);
  if (fn) return `funktionen ${fn[1].toUpperCase()}, der henter data fra internettet`;
  if (formula.includes("|") && DDE.test(formula))
    return "et DDE-link, der kan starte et andet program";
  return undefined;
}

export class SheetData {
  readonly cells = new Map<number, SheetCell>();
  readonly merges: MergedArea[] = [];
  readonly activeFormulas: ActiveFormula[] = [];
  rowCount = 0;
  columnCount = 0;

  constructor(
    readonly name: string,
    readonly part: string
  ) {}

  cell(row: number, col: number): SheetCell | undefined {
    return this.cells.get(cellKey(row, col));
  }
}

interface PendingCell {
  row: number;
  col: number;
  type: string | undefined;
  style: number;
  formula: string | undefined;
  /** `<f t="shared|array">`: a formula even without text of its own (as ExcelJS reads it). */
  formulaByType: boolean;
  sawValue: boolean;
  value: string | undefined;
  inline: string | undefined;
}

/** Reads one worksheet part (streaming) into a SheetData. */
export function readSheet(
  zip: ZipArchive,
  entry: ZipEntry,
  name: string,
  ctx: SheetContext
): SheetData {
  const sheet = new SheetData(name, entry.name);
  const { limits } = ctx;
  let row = 0;
  let lastCol = 0;
  let cell: PendingCell | undefined;
  /** Where text goes: the formula, the value, an inline string's text; none elsewhere. */
  let into: "f" | "v" | "t" | undefined;
  let inInline = false;
  let inPhonetic = false;
  let rawMerges: MergedArea[] = [];
  let validations = 0;

  const finish = (c: PendingCell) => {
    const isFormula = (c.formula !== undefined && c.formula !== "") || c.formulaByType;
    let value: unknown = null;
    let noCache = false;
    const text = c.type === "inlineStr" ? c.inline : c.value;
    if (isFormula) {
      if (!c.sawValue) noCache = true;
      else if (c.value) value = typed(c.value, c.type, c.style, true);
    } else if (text !== undefined) {
      value = typed(text, c.type, c.style, false, c);
    }
    if (value === null && c.style === 0 && !isFormula) return;
    ctx.countCell();
    if (c.row > sheet.rowCount) sheet.rowCount = c.row;
    if (c.col > sheet.columnCount) sheet.columnCount = c.col;
    const stored: { -readonly [K in keyof SheetCell]: SheetCell[K] } = { value, style: c.style };
    if (isFormula) stored.formula = true;
    if (noCache) stored.noCache = true;
    sheet.cells.set(cellKey(c.row, c.col), stored);
    if (isFormula && c.formula) {
      const what = activeContentOf(c.formula);
      if (what) sheet.activeFormulas.push({ cell: a1(c.row, c.col), what });
    }
  };

  const typed = (
    text: string,
    type: string | undefined,
    style: number,
    formula: boolean,
    c?: PendingCell
  ): unknown => {
    switch (type) {
      case "s": {
        if (formula) break;
        const s = ctx.sharedString(Number.parseInt(text, 10));
        if (s === undefined)
          throw new XlsxRejected(
            "fil_beskadiget",
            `Filen er beskadiget: cellen ${name}!${c ? a1(c.row, c.col) : "?"} peger på en tekst, der ikke findes. Gem den igen fra Excel, og send den på ny.`
          );
        return s;
      }
      case "str":
      case "inlineStr":
        return text;
      case "b":
        return Number.parseInt(text, 10) !== 0;
      case "e":
        return text;
      case "d": {
        // An ISO 8601 date cell: a date, never the number its year would parse as.
        const d = new Date(text.trim());
        return Number.isNaN(d.getTime()) ? text : d;
      }
      default:
        break;
    }
    const n = Number.parseFloat(text);
    return ctx.isDateStyle(style) && Number.isFinite(n) ? excelSerialToDate(n, ctx.date1904) : n;
  };

  parsePart(zip, entry, {
    open(tag, a) {
      switch (tag) {
        case "row": {
          const r = a.r !== undefined ? Number.parseInt(a.r, 10) : row + 1;
          row = Number.isFinite(r) ? r : row + 1;
          lastCol = 0;
          if (row <= MAX_ROW && row > sheet.rowCount && a.r !== undefined) sheet.rowCount = row;
          return;
        }
        case "c": {
          const at = a.r !== undefined ? decodeCell(a.r) : undefined;
          const r = at ? at.row : row;
          const col = at ? at.col : lastCol + 1;
          lastCol = col;
          const s = a.s !== undefined ? Number.parseInt(a.s, 10) : 0;
          cell = {
            row: r,
            col,
            type: a.t,
            style: Number.isFinite(s) && s > 0 ? s : 0,
            formula: undefined,
            formulaByType: false,
            sawValue: false,
            value: undefined,
            inline: undefined,
          };
          return;
        }
        case "f":
          if (!cell) return;
          into = "f";
          cell.formula ??= "";
          if (a.t !== undefined) cell.formulaByType = true;
          return;
        case "v":
          if (!cell) return;
          into = "v";
          cell.sawValue = true;
          return;
        case "is":
          inInline = true;
          return;
        case "rPh":
          inPhonetic = true;
          return;
        case "t":
          if (cell && inInline && !inPhonetic) into = "t";
          return;
        case "mergeCell": {
          const area = a.ref !== undefined ? decodeArea(a.ref) : undefined;
          if (area) {
            rawMerges.push({ ...area, ref: a.ref!.trim().toUpperCase() });
            if (rawMerges.length > limits.maxMerges)
              throw new XlsxRejected(
                "over_graense",
                `Arket »${name}« har over ${formatDanishNumber(limits.maxMerges)} flettede områder; en skabelon har få. Filen læses ikke.`
              );
          }
          return;
        }
        case "dataValidation":
          if (++validations > limits.maxDataValidations)
            throw new XlsxRejected(
              "over_graense",
              `Arket »${name}« har over ${formatDanishNumber(limits.maxDataValidations)} regler for datavalidering; en skabelon har få. Filen læses ikke.`
            );
          return;
        default:
          return;
      }
    },
    text(t) {
      if (!cell || into === undefined) return;
      if (into === "f") cell.formula += t;
      else if (into === "v") cell.value = cell.value === undefined ? t : cell.value + t;
      else cell.inline = cell.inline === undefined ? t : cell.inline + t;
    },
    close(tag) {
      switch (tag) {
        case "c":
          if (cell && cell.row >= 1 && cell.row <= MAX_ROW && cell.col >= 1 && cell.col <= MAX_COL)
            finish(cell);
          cell = undefined;
          into = undefined;
          return;
        case "f":
        case "v":
        case "t":
          into = undefined;
          return;
        case "is":
          inInline = false;
          return;
        case "rPh":
          inPhonetic = false;
          return;
        default:
          return;
      }
    },
  });
  // Merged areas clipped to the area the cells use; areas wholly outside it hold nothing.
  for (const m of rawMerges) {
    const bottom = Math.min(m.bottom, Math.max(sheet.rowCount, m.top));
    const right = Math.min(m.right, Math.max(sheet.columnCount, m.left));
    if (m.top > sheet.rowCount || m.left > sheet.columnCount) continue;
    sheet.merges.push({ top: m.top, left: m.left, bottom, right, ref: m.ref });
  }
  rawMerges = [];
  return sheet;
}
