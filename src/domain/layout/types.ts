/**
 * The layout model: every sheet of a generated workbook as plain data. The .xlsx renderer
 * (src/xlsx, ExcelJS) and the live-Excel renderer (src/excel, office-js) both draw from these
 * plans, so no layout knowledge lives in two places.
 *
 * Formulas are in Excel's invariant (English, comma-separated) syntax, without the leading "=".
 */

/** Named cell styles; each renderer maps a name to its own formatting. */
export type StyleName =
  | "title"
  | "subtitle"
  | "heading"
  | "label"
  | "sublabel"
  | "yearHeader"
  /** A table's column header that may wrap over several lines (report tables). */
  | "tableHeader"
  | "input"
  | "inputText"
  | "check"
  | "note"
  | "body"
  | "number"
  | "result"
  /** A year column a row does not ask for (e.g. pas timer before 2022): grey, locked. */
  | "blank"
  /** A derived cell of a template: a locked formula the respondent does not fill in. */
  | "derived"
  /** A field label's leading number or bullet column. */
  | "stepNo"
  /** Conditional format: a check that passes (green). */
  | "checkOk"
  /** Conditional format: a check that fails (red). */
  | "checkBad"
  /** A heading that wraps inside its merged range (a block title as long as a sentence). */
  | "blockTitle"
  /** A heading in the left column beside its text (a fact sheet's "Forvaltningsområde"). */
  | "sideHeading"
  /** A link to another sheet (a HYPERLINK formula). */
  | "link"
  /** Something the reader must act on (no contact person or deadline given). */
  | "warning"
  /** Plain text on one line (long lists such as the Data sheet). */
  | "cell"
  /** Plain text in the middle of its row (a Data sheet's row, whose label may wrap). */
  | "cellMiddle"
  /** A result shown as text in the middle of its column (a span "37-45 (41)"). */
  | "resultCenter"
  /** A short value in the middle of its column (a year, "Ja", "Høj"). */
  | "center"
  /** A short value in the middle of its column and row (a Data sheet's year or column). */
  | "centerMiddle"
  /** Table text in 10 points that wraps (the overview's descriptions). */
  | "tableText";

/** Renderer-neutral formatting of a named style (see styles.ts). */
export interface StyleDef {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Points. */
  readonly fontSize?: number;
  /** "RRGGBB". */
  readonly fontColor?: string;
  /** Solid fill, "RRGGBB". */
  readonly fill?: string;
  readonly wrap?: boolean;
  /** Indent level (about three characters each). */
  readonly indent?: number;
  readonly hAlign?: "left" | "center" | "right";
  readonly vAlign?: "top" | "middle" | "bottom";
  /** Thin border on all four sides, "RRGGBB". */
  readonly border?: string;
  /** Default number format for cells of this style ("@" = text). */
  readonly numFmt?: string;
}

/** Native data validation for an input cell, with Danish messages (defined per kind in ../kinds). */
export type { ValidationPlan } from "../kinds";
import type { ValidationPlan } from "../kinds";

export interface CellPlan {
  /** 1-based row and column. */
  readonly row: number;
  readonly col: number;
  /** The value; for a formula cell, its expected result (a cached value renderers may write). */
  readonly value?: string | number | boolean | null;
  /** Invariant-syntax formula without "=". */
  readonly formula?: string;
  readonly style?: StyleName;
  /** Excel number format, e.g. "0.0", "#,##0". */
  readonly numFmt?: string;
  /** Input cells are unlocked; everything else is locked when the sheet is protected. */
  readonly input?: boolean;
  /** Workbook-scoped defined name for this cell (a field id or meta.*). */
  readonly name?: string;
  readonly validation?: ValidationPlan;
  /** The catalogue field this cell holds. */
  readonly field?: string;
}

export interface MergePlan {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Conditional formatting: where `formula` (invariant syntax, relative to the range's top-left
 * cell, without "=") is true, the cell also gets `style`'s font colour, bold and fill.
 */
export interface ConditionalFormatPlan {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly formula: string;
  readonly style: StyleName;
}

/**
 * An Excel table (ListObject) over a block of cells: a header row whose cells hold the column
 * names, then the data rows (at least one; an empty row when there is no data yet). Both
 * renderers draw it, so the Data, Landstal and Kommunedata sheets are tables in the .xlsx file
 * and in the open workbook alike, and readers find them by table and column name.
 */
export interface TablePlan {
  /** Workbook-unique table name: letters, digits and "_", e.g. "Data_tabel". */
  readonly name: string;
  /** The header row and the last data row (1-based). */
  readonly top: number;
  readonly bottom: number;
  /** First and last column (1-based). */
  readonly left: number;
  readonly right: number;
  /** Excel's built-in table style, e.g. "TableStyleLight9". */
  readonly style: string;
}

/** One series of a chart: its name in the legend, its values (a range) and its colour. */
export interface ChartSeriesPlan {
  readonly name: string;
  /** Absolute range with its sheet, e.g. `'Figurdata'!$D$5:$D$97`. */
  readonly values: string;
  /** "RRGGBB". */
  readonly color: string;
}

/**
 * A native chart on a sheet: columns over a range of category labels, one or more series.
 * Both renderers draw it: the office-js renderer with `worksheet.charts.add`, the .xlsx renderer
 * as DrawingML added to the file (../../xlsx/charts.ts; ExcelJS cannot write charts).
 */
export interface ChartPlan {
  readonly kind: "column";
  /** Unique on its sheet. */
  readonly name: string;
  readonly title: string;
  /** Absolute range of the category labels (one per column of bars). */
  readonly categories: string;
  readonly series: readonly ChartSeriesPlan[];
  /** The chart covers the cells from `from` (top-left, 1-based) up to, not including, `to`. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
  readonly valueAxisTitle?: string;
  /** Bars of the series on top of each other (100) or side by side (0). */
  readonly overlap?: number;
  /** Space between groups of bars, in % of a bar's width (0–500). */
  readonly gapWidth?: number;
  /** Font size of the category labels (points); labels are turned upright when given. */
  readonly categoryFontSize?: number;
}

export interface SheetPlan {
  /** ≤ 31 characters, e.g. "UKN Data". */
  readonly name: string;
  readonly cells: readonly CellPlan[];
  readonly merges: readonly MergePlan[];
  /** Column widths in characters, by 1-based column. */
  readonly columnWidths: Readonly<Record<number, number>>;
  /** Conditional formats, applied in order (the first has the highest priority). */
  readonly conditionalFormats?: readonly ConditionalFormatPlan[];
  /** Row heights in points, by 1-based row (rows not listed keep the default height). */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Protect the sheet (no password): only input cells editable. */
  readonly protect: boolean;
  /** Rows frozen at the top (0 = none). */
  readonly freezeRows?: number;
  readonly tabColor?: string;
  /** Printing: A4, the orientation, scale or fit, repeated rows, header and footer (page.ts). */
  readonly print?: PrintPlan;
  /** Excel tables on this sheet (their header cells must be in `cells`). */
  readonly tables?: readonly TablePlan[];
  /** Native charts on this sheet. */
  readonly charts?: readonly ChartPlan[];
  /** Manual page breaks: the first row of each new page (never inside a block or table). */
  readonly rowBreaks?: readonly number[];
  /** false: no gridlines on screen (report, guide and front pages). */
  readonly gridlines?: boolean;
  /** Rows kept out of sight (the front page's machine-read fields). */
  readonly hiddenRows?: readonly number[];
  /** The sheet itself hidden (a PDF of some sheets only: hidden sheets are not printed). */
  readonly hidden?: boolean;
  /**
   * Rows below `cells`, made one at a time as a writer draws them (a long table such as the
   * report's Data sheet: one row per respondent and field). Writers that stream never hold them
   * all; the others take the sheet `materialized` (rows.ts).
   */
  readonly rowStream?: RowStream;
}

/** One row of a `RowStream`: its cells (all in that row) and its height when not the default. */
export interface StreamedRow {
  readonly cells: readonly CellPlan[];
  readonly height?: number;
}

/**
 * Rows `first` … `first + count - 1`, made on demand, in order, one for each row number (a row
 * may be empty). Plain rows: no merges, names, validations or breaks in them. Each call of
 * `rows()` starts again from the first.
 */
export interface RowStream {
  readonly first: number;
  readonly count: number;
  rows(): Iterable<StreamedRow>;
}

/**
 * A header or footer: left, centre and right parts in Excel's header/footer codes, which Excel,
 * LibreOffice and office-js all read (&P page, &N pages, &A sheet name, &F file name; a literal
 * ampersand is "&&", see `headerText`).
 */
export interface HeaderFooterPlan {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/** How a sheet prints (A4, the margins of page.ts). */
export interface PrintPlan {
  readonly orientation: "portrait" | "landscape";
  /**
   * A fixed scale in percent, worked out from the measured sheet so the columns fit the page
   * width; manual page breaks hold (Excel ignores them when a sheet is fitted to pages).
   */
  readonly scale?: number;
  /** Fitted to this many pages wide and tall (0: as many as needed); used when `scale` is not set. */
  readonly fit?: { readonly wide: number; readonly tall: number };
  /** Rows repeated at the top of every printed page (a table's header). */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** Only this range prints (the Data sheet: its title and header, not thousands of rows). */
  readonly area?: {
    readonly top: number;
    readonly left: number;
    readonly bottom: number;
    readonly right: number;
  };
  readonly header?: HeaderFooterPlan;
  readonly footer?: HeaderFooterPlan;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  /** Document title (file properties). */
  readonly title?: string;
  /** Ask the spreadsheet program to recalculate every formula when the file is opened. */
  readonly fullCalcOnLoad?: boolean;
}
