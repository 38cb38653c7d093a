/**
 * The printed page: A4 with fixed margins, how wide and tall a sheet is in points, the scale
 * that fits its columns to the page width, and page breaks that never fall inside a block or a
 * table. Both renderers write the margins from here; the builders work out scales and breaks
 * with it, so Excel and LibreOffice print the pages the plan intends.
 */
import { DEFAULT_ROW_HEIGHT, LIBREOFFICE, columnPx, type Geometry } from "./measure";
import type { HeaderFooterPlan } from "./types";

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Page margins in inches, as Excel stores them (header and footer: their distance from the edge). */
export const MARGINS = {
  left: 0.4,
  right: 0.4,
  top: 0.6,
  bottom: 0.6,
  header: 0.25,
  footer: 0.25,
} as const;

/**
 * Width of a column the file gives no width (Excel's default: 8,43 characters of text, stored
 * with the padding as 9,14; 64 pixels).
 */
export const DEFAULT_COLUMN_WIDTH = 9.140625;

/** A little room for what the two programs do differently (rounding, header space). */
const SAFETY = 0.96;

export type Orientation = "portrait" | "landscape";

/** The printable area of a page in points. */
export function printable(orientation: Orientation): { width: number; height: number } {
  const [w, h] = orientation === "landscape" ? [A4.height, A4.width] : [A4.width, A4.height];
  return {
    width: w - (MARGINS.left + MARGINS.right) * 72,
    height: h - (MARGINS.top + MARGINS.bottom) * 72,
  };
}

/**
 * Width in points of columns 1…`lastCol` (LibreOffice's geometry by default: its columns are
 * the wider, so a scale that fits them fits Excel's too).
 */
export function sheetWidthPt(
  widths: Readonly<Record<number, number>>,
  lastCol: number,
  g: Geometry = LIBREOFFICE
): number {
  let px = 0;
  for (let c = 1; c <= lastCol; c++) px += columnPx(widths[c] ?? DEFAULT_COLUMN_WIDTH, g);
  return px * 0.75;
}

/** Height in points of rows `from`…`to` (rows without a height: the default 15). */
export function rowsHeightPt(
  heights: Readonly<Record<number, number>>,
  from: number,
  to: number,
  hidden: ReadonlySet<number> = new Set()
): number {
  let h = 0;
  for (let r = from; r <= to; r++) h += hidden.has(r) ? 0 : (heights[r] ?? DEFAULT_ROW_HEIGHT);
  return h;
}

/** The largest whole percentage (at most 100) at which `widthPt` fits the page width. */
export function widthScale(widthPt: number, orientation: Orientation): number {
  return Math.min(100, Math.floor((printable(orientation).width * SAFETY * 100) / widthPt));
}

/** The largest whole percentage (at most 100) at which `heightPt` fits one page's height. */
export function heightScale(heightPt: number, orientation: Orientation): number {
  return Math.min(100, Math.floor((printable(orientation).height * SAFETY * 100) / heightPt));
}

export interface Pagination {
  /** Rows 1…lastRow are printed. */
  readonly lastRow: number;
  readonly heights: Readonly<Record<number, number>>;
  readonly hidden?: ReadonlySet<number>;
  /** Row ranges printed on one page when they fit on one (a table with its heading). */
  readonly keep: readonly { readonly top: number; readonly bottom: number }[];
  /** Rows that start a new page whatever comes before. */
  readonly breakBefore: readonly number[];
  /** Rows repeated at the top of every page after the first. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  readonly orientation: Orientation;
  /** Percent. */
  readonly scale: number;
}

/**
 * The first row of each page after the first: rows fill a page until the next one does not
 * fit; a break that would fall inside a kept range moves up to the range's first row (unless
 * the range starts the page already, and so cannot fit any page).
 */
export function pageBreaks(p: Pagination): number[] {
  const pageHeight = (printable(p.orientation).height * SAFETY * 100) / p.scale;
  const hidden = p.hidden ?? new Set<number>();
  const height = (r: number) => (hidden.has(r) ? 0 : (p.heights[r] ?? DEFAULT_ROW_HEIGHT));
  const titles = p.titleRows
    ? rowsHeightPt(p.heights, p.titleRows.first, p.titleRows.last, hidden)
    : 0;
  const forced = new Set(p.breakBefore);
  const breaks: number[] = [];
  let start = 1;
  let used = 0;
  const newPage = (at: number) => {
    breaks.push(at);
    start = at;
    used = p.titleRows && at > p.titleRows.last ? titles : 0;
  };
  for (let r = 1; r <= p.lastRow; r++) {
    if (forced.has(r) && r > start) newPage(r);
    const h = height(r);
    if (used + h > pageHeight && r > start) {
      const block = p.keep.find((k) => k.top <= r && r <= k.bottom && k.top > start);
      const at = block ? block.top : r;
      newPage(at);
      for (let x = at; x < r; x++) used += height(x);
    }
    used += h;
  }
  return breaks;
}

/** Literal text for a header or footer: "&" written as Excel's "&&". */
export function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** Header and footer codes: the page number, the page count and the sheet's name. */
export const PAGE_OF = "Side &P af &N";
export const SHEET_NAME = "&A";

/** A header or footer in 9-point type (each part that has text). */
export function smallPrint(parts: HeaderFooterPlan): HeaderFooterPlan {
  const out: { left?: string; center?: string; right?: string } = {};
  for (const k of ["left", "center", "right"] as const) {
    const t = parts[k];
    // A size code runs on into digits: text that starts with one keeps the default size.
    if (t) out[k] = /^\d/.test(t) ? t : `&9${t}`;
  }
  return out;
}
