/**
 * The one sheet builder of every generated workbook (templates and reports): cells, merges,
 * widths, tables, conditional formats, and how the sheet prints. `build()` makes the text fit:
 * every row gets the height its wrapped text needs in its column or merged range (measure.ts),
 * and the print setup is worked out from the measured sheet (page.ts): one page, or the
 * page width with breaks before blocks and tables, never inside one.
 */
import { absA1, quoteSheet } from "./a1";
import {
  DEFAULT_ROW_HEIGHT,
  fontOf,
  linesHeight,
  spanChars,
  textHeight,
  widestWord,
  widthFor,
  wordsFit,
} from "./measure";
import {
  DEFAULT_COLUMN_WIDTH,
  heightScale,
  pageBreaks,
  rowsHeightPt,
  sheetWidthPt,
  widthScale,
  type Orientation,
} from "./page";
import { STYLE_DEFS } from "./styles";
import type {
  CellPlan,
  ConditionalFormatPlan,
  HeaderFooterPlan,
  MergePlan,
  PrintPlan,
  RowStream,
  SheetPlan,
  StyleName,
  TablePlan,
} from "./types";

/** The report's table style: light, banded rows, filter buttons in the header. */

/**
 * The largest of `of(item)` and `floor`, in a loop: a sheet may hold hundreds of thousands of
 * cells (the report's Data sheet), more than `Math.max(...spread)` can take as arguments.
 */
function largest<T>(items: readonly T[], of: (item: T) => number, floor: number): number {
  let m = floor;
  for (const x of items) {
    const v = of(x);
    if (v > m) m = v;
  }
  return m;
}

export const TABLE_STYLE = "TableStyleLight9";

/** Excel's last column (XFD): a cell's key in the builder is its row times one more. */
const COLUMNS = 16384;

/**
 * The height in points a cell's text needs in a column `width` characters wide (not merged):
 * wrapped text as many lines as it wraps to, text in a larger font one line of that font, and
 * everything else the default row height. The builder fits every row by it; a row stream
 * (the Data sheet) fits its rows by it once per distinct row.
 */
export function cellHeight(
  value: CellPlan["value"],
  style: StyleName | undefined,
  width: number
): number {
  const def = style ? STYLE_DEFS[style] : undefined;
  const font = fontOf(style);
  if (typeof value === "string" && def?.wrap)
    return textHeight(value, width, font, def.indent ?? 0);
  return font.size > 11 ? linesHeight(1, font) : DEFAULT_ROW_HEIGHT;
}

/** Widest column (characters) the builder makes to keep a long word whole. */
const MAX_WORD_WIDTH = 30;

/** A cell's content and look, placed with `set(row, col, spec)`. */
export type CellSpec = Omit<CellPlan, "row" | "col">;

export interface PrintOptions {
  readonly orientation?: Orientation;
  /**
   * "page": the whole sheet on one page (fitted by the program); "width" (default): the
   * columns fit the page width at a computed scale, rows run over as many pages as needed,
   * broken before kept ranges rather than inside them.
   */
  readonly fit?: "page" | "width";
  /**
   * Row ranges that must each print on one page (a fact sheet, its calculation detail): the
   * scale is lowered until each fits, but not below `minScale`.
   */
  readonly onePage?: readonly { readonly top: number; readonly bottom: number }[];
  readonly minScale?: number;
  readonly titleRows?: PrintPlan["titleRows"];
  readonly area?: PrintPlan["area"];
  readonly header?: HeaderFooterPlan;
  readonly footer?: HeaderFooterPlan;
}

export interface BuildOptions {
  readonly protect?: boolean;
  readonly tabColor?: string;
  readonly freezeRows?: number;
  /** false: gridlines hidden on screen. */
  readonly gridlines?: boolean;
  readonly print?: PrintOptions;
  /** Column widths (characters), merged with those set by `width()`. */
  readonly widths?: Readonly<Record<number, number>>;
  /**
   * Rows below every placed cell, made as they are written (types.ts `RowStream`): they count
   * in the sheet's extent, and fit their own heights.
   */
  readonly rowStream?: RowStream;
}

export class SheetBuilder {
  private readonly cells = new Map<number, CellPlan>();
  private readonly merges: MergePlan[] = [];
  private readonly conditional: ConditionalFormatPlan[] = [];
  private readonly widths: Record<number, number> = {};
  private readonly heights: Record<number, number> = {};
  private readonly tables: TablePlan[] = [];
  private readonly keeps: { top: number; bottom: number }[] = [];
  private readonly breaks = new Set<number>();
  private readonly hidden = new Set<number>();

  constructor(readonly name: string) {}

  /** Places a cell (a later cell at the same position replaces it). */
  set(cell: CellPlan): this;
  set(row: number, col: number, spec: CellSpec): this;
  set(a: CellPlan | number, col?: number, spec?: CellSpec): this {
    const cell: CellPlan = typeof a === "number" ? { row: a, col: col!, ...spec } : a;
    const value =
      typeof cell.value === "number" && !Number.isFinite(cell.value) ? undefined : cell.value;
    this.cells.set(cell.row * COLUMNS + cell.col, value === cell.value ? cell : { ...cell, value });
    return this;
  }

  /** A text cell, optionally merged across to column `mergeTo`; its row is fitted at build. */
  text(row: number, col: number, value: string, style: StyleName = "body", mergeTo?: number): this {
    this.set(row, col, { value, style });
    if (mergeTo !== undefined) this.merge(row, col, row, mergeTo);
    return this;
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
    return this;
  }

  conditionalFormat(cf: ConditionalFormatPlan): this {
    this.conditional.push(cf);
    return this;
  }

  width(col: number, chars: number): this {
    this.widths[col] = chars;
    return this;
  }

  /** A row's least height in points (text that needs more gets more). */
  height(row: number, points: number): this {
    this.heights[row] = Math.max(this.heights[row] ?? 0, points);
    return this;
  }

  /**
   * Makes the block from the header row `top` to row `bottom` an Excel table named `name`
   * (at least one data row: an empty one when the table has no data yet).
   */
  table(name: string, top: number, left: number, bottom: number, right: number): this {
    this.tables.push({
      name,
      top,
      left,
      bottom: Math.max(bottom, top + 1),
      right,
      style: TABLE_STYLE,
    });
    return this;
  }

  /** Rows printed on one page when they fit on one (a table with its heading). */
  keep(top: number, bottom: number): this {
    if (bottom > top) this.keeps.push({ top, bottom });
    return this;
  }

  /** Row `row` starts a new printed page. */
  breakBefore(row: number): this {
    this.breaks.add(row);
    return this;
  }

  hideRow(row: number): this {
    this.hidden.add(row);
    return this;
  }

  /** Absolute reference to a cell of this sheet, with the sheet name: `'UKN'!$C$7`. */
  ref(row: number, col: number): string {
    return `${quoteSheet(this.name)}!${absA1(row, col)}`;
  }

  /** The rightmost column with a cell or a merge so far. */
  lastColumn(): number {
    let last = 1;
    for (const c of this.cells.values()) last = Math.max(last, c.col);
    for (const m of this.merges) last = Math.max(last, m.right);
    return last;
  }

  /** Width in characters of column `col` (as set so far). */
  columnWidth(col: number): number {
    return this.widths[col] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** The row heights the text needs, with those set explicitly. */
  private fittedHeights(cells: readonly CellPlan[]): Record<number, number> {
    const out: Record<number, number> = { ...this.heights };
    const mergeAt = new Map(this.merges.map((m) => [`${m.top}:${m.left}`, m]));
    const tall: { m: MergePlan; need: number }[] = [];
    for (const c of cells) {
      const m = mergeAt.get(`${c.row}:${c.col}`);
      const width = m
        ? spanChars(
            Array.from({ length: m.right - m.left + 1 }, (_, i) => this.columnWidth(m.left + i))
          )
        : this.columnWidth(c.col);
      const need = cellHeight(c.value, c.style, width);
      if (m && m.bottom > m.top) {
        tall.push({ m, need });
        continue;
      }
      if (need > (out[c.row] ?? DEFAULT_ROW_HEIGHT)) out[c.row] = need;
    }
    // A merge over several rows: whatever its rows lack goes to its last row.
    for (const { m, need } of tall) {
      const have = rowsHeightPt(out, m.top, m.bottom);
      if (need > have) out[m.bottom] = (out[m.bottom] ?? DEFAULT_ROW_HEIGHT) + (need - have);
    }
    return out;
  }

  /**
   * Widens a column whose wrapped text (not merged across columns) holds a word wider than the
   * column, so that no word is broken in the middle; a word too long for any sensible column
   * (a path, a long id) is left to break.
   */
  private widenForWords(cells: readonly CellPlan[]): void {
    const acrossColumns = new Set(
      this.merges.filter((m) => m.right > m.left).map((m) => `${m.top}:${m.left}`)
    );
    for (const c of cells) {
      if (typeof c.value !== "string" || acrossColumns.has(`${c.row}:${c.col}`)) continue;
      const style = c.style ? STYLE_DEFS[c.style] : undefined;
      if (!style?.wrap) continue;
      const font = fontOf(c.style);
      const indent = style.indent ?? 0;
      if (wordsFit(c.value, this.columnWidth(c.col), font, indent)) continue;
      const need = widthFor(widestWord(c.value, font), font, indent);
      if (need <= MAX_WORD_WIDTH) this.widths[c.col] = need;
    }
  }

  build(options: BuildOptions = {}): SheetPlan {
    Object.assign(this.widths, options.widths ?? {});
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    this.widenForWords(cells);
    const heights = this.fittedHeights(cells);
    const p = options.print ?? {};
    const orientation = p.orientation ?? "portrait";
    const stream = options.rowStream;
    const lastRow = Math.max(
      largest(cells, (c) => c.row, 0),
      largest(this.merges, (m) => m.bottom, 0),
      stream ? stream.first + stream.count - 1 : 0
    );
    const lastCol = Math.max(
      largest(cells, (c) => c.col, 1),
      largest(this.merges, (m) => m.right, 1)
    );
    let print: PrintPlan;
    let rowBreaks: number[] = [];
    if (p.fit === "page") {
      print = { orientation, fit: { wide: 1, tall: 1 } };
    } else {
      const area = p.area;
      const width = sheetWidthPt(this.widths, area ? area.right : lastCol);
      const scale = Math.max(
        p.minScale ?? 10,
        Math.min(
          widthScale(width, orientation),
          ...(p.onePage ?? []).map((r) =>
            heightScale(rowsHeightPt(heights, r.top, r.bottom, this.hidden), orientation)
          )
        )
      );
      print = { orientation, scale };
      if (!area)
        rowBreaks = pageBreaks({
          lastRow,
          heights,
          hidden: this.hidden,
          keep: this.keeps,
          breakBefore: [...this.breaks],
          ...(p.titleRows ? { titleRows: p.titleRows } : {}),
          orientation,
          scale,
        });
    }
    print = {
      ...print,
      ...(p.titleRows ? { titleRows: p.titleRows } : {}),
      ...(p.area ? { area: p.area } : {}),
      ...(p.header ? { header: p.header } : {}),
      ...(p.footer ? { footer: p.footer } : {}),
    };
    return {
      name: this.name,
      cells,
      // In reading order, as the writers apply them.
      merges: [...this.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      ...(this.conditional.length > 0 ? { conditionalFormats: this.conditional } : {}),
      columnWidths: { ...this.widths },
      rowHeights: heights,
      protect: options.protect ?? false,
      ...(options.tabColor ? { tabColor: options.tabColor } : {}),
      ...(options.freezeRows ? { freezeRows: options.freezeRows } : {}),
      print,
      ...(this.tables.length > 0 ? { tables: this.tables } : {}),
      ...(rowBreaks.length > 0 ? { rowBreaks } : {}),
      ...(options.gridlines === false ? { gridlines: false } : {}),
      ...(this.hidden.size > 0 ? { hiddenRows: [...this.hidden].sort((a, b) => a - b) } : {}),
      ...(stream ? { rowStream: stream } : {}),
    };
  }

  /** The scale at which the whole sheet (rows 1…last) fits one page; for checks and tests. */
  static onePageScale(plan: SheetPlan): number {
    const o = plan.print?.orientation ?? "portrait";
    const lastRow = largest(plan.cells, (c) => c.row, 0);
    const lastCol = largest(plan.cells, (c) => c.col, 1);
    return Math.min(
      widthScale(sheetWidthPt(plan.columnWidths, lastCol), o),
      heightScale(rowsHeightPt(plan.rowHeights ?? {}, 1, lastRow, new Set(plan.hiddenRows)), o)
    );
  }
}

/** Column range reference within one sheet: `'UKN'!$C$10:$C$14`. */
export function rangeRef(sheet: string, col: string, top: number, bottom: number): string {
  return `${quoteSheet(sheet)}!$${col}$${top}:$${col}$${bottom}`;
}
