/**
 * Text that fits: how wide a text is in Calibri (the workbooks' font), how many lines it wraps
 * into in a column or merged range, and how tall a row must be to show it. Excel and LibreOffice
 * do not fit rows to wrapped text in merged cells (and LibreOffice does not fit any row when it
 * opens an .xlsx file), so every sheet builder sets the heights it needs from here; the
 * acceptance tests check the rendered workbooks with the same functions, and
 * test/xlsx/measure-libreoffice.test.ts holds the line counts against LibreOffice's own wrapping.
 *
 * Units: column widths in Excel's characters (the width of a digit of Calibri 11), text widths
 * in pixels at 96 dpi, heights in points.
 */
import { BOLD_EM, MEASURED_CHARS, REGULAR_EM } from "./fontMetrics";
import { STYLE_DEFS } from "./styles";
import type { StyleName } from "./types";

export interface FontSpec {
  /** Points. */
  readonly size: number;
  readonly bold?: boolean;
}

/** Calibri 11, the workbooks' default font. */
export const DEFAULT_FONT: FontSpec = { size: 11 };

/** Excel's default row height for Calibri 11 (points). */
export const DEFAULT_ROW_HEIGHT = 15;

/** Pixels of a digit of Calibri 11 as Excel rounds it at 96 dpi: the unit of column widths. */
const DIGIT_PX = 7;
/** Pixels Excel keeps free inside a cell (left and right padding). */
const CELL_PADDING_PX = 5;
const PX_PER_PT = 96 / 72;
/** Line pitch of wrapped text, in em: Excel's spacing for Calibri, a little more than LibreOffice's. */
const LINE_EM = 1.25;
/** Points above and below the text of a row. */
const ROW_PADDING_PT = 2;
/** Width of a character the table does not hold (a wide one, so estimates err on the safe side). */
const UNKNOWN_EM = 0.6;

const INDEX = new Map<string, number>([...MEASURED_CHARS].map((ch, i) => [ch, i]));

/** Width in em of one character; combining marks take no room. */
function charEm(ch: string, bold: boolean): number {
  const i = INDEX.get(ch);
  if (i !== undefined) return (bold ? BOLD_EM : REGULAR_EM)[i];
  if (ch === "\u00a0") return REGULAR_EM[0];
  if (/\p{M}/u.test(ch)) return 0;
  return UNKNOWN_EM;
}

/** Width in pixels (96 dpi) of a single line of text. */
export function textWidthPx(text: string, font: FontSpec = DEFAULT_FONT): number {
  let em = 0;
  for (const ch of text) em += charEm(ch, font.bold === true);
  return em * font.size * PX_PER_PT;
}

/**
 * How a program turns a column width into pixels. Excel (the default) rounds Calibri 11's digit
 * to 7 px; LibreOffice uses the font's own digit (7,43 px), so its columns are about 6 % wider
 * and it wraps a little later: a row sized for Excel is never too low in LibreOffice.
 */
export interface Geometry {
  readonly digitPx: number;
  readonly paddingPx: number;
}
export const EXCEL: Geometry = { digitPx: DIGIT_PX, paddingPx: CELL_PADDING_PX };
export const LIBREOFFICE: Geometry = { digitPx: 0.5068 * 11 * PX_PER_PT, paddingPx: 4 };

/** Pixels a column `widthChars` wide is drawn in (Excel: as it converts `<col width>`). */
export function columnPx(widthChars: number, g: Geometry = EXCEL): number {
  return Math.trunc(((256 * widthChars + Math.trunc(128 / g.digitPx)) / 256) * g.digitPx);
}

/** Pixels available to text in a column or merged range `widthChars` wide (its padding left out). */
export function textAreaPx(widthChars: number, indent = 0, g: Geometry = EXCEL): number {
  // An indent level is three digits wide.
  return columnPx(widthChars, g) - g.paddingPx - indent * 3 * g.digitPx;
}

/** Width in Excel characters of several adjacent columns (a merged range): their pixels added up. */
export function spanChars(widths: readonly number[]): number {
  const px = widths.reduce((a, w) => a + columnPx(w), 0);
  return (px - Math.trunc(128 / DIGIT_PX) / 256) / DIGIT_PX;
}

/**
 * The lines a text wraps into in `availablePx`: each paragraph (split at "\n") is filled word by
 * word; a word longer than a line is broken where it no longer fits, as Excel and LibreOffice do.
 */
export function wrapLines(
  text: string,
  availablePx: number,
  font: FontSpec = DEFAULT_FONT
): string[] {
  const lines: string[] = [];
  const space = textWidthPx(" ", font);
  for (const para of text.split("\n")) {
    let line = "";
    let width = 0;
    for (const word of para.split(" ")) {
      const w = textWidthPx(word, font);
      if (line !== "" && width + space + w <= availablePx) {
        line += ` ${word}`;
        width += space + w;
        continue;
      }
      if (line !== "") lines.push(line);
      line = "";
      width = 0;
      if (w <= availablePx) {
        line = word;
        width = w;
        continue;
      }
      // A word wider than the line: broken into pieces that fit.
      let piece = "";
      let pw = 0;
      for (const ch of word) {
        const cw = textWidthPx(ch, font);
        if (piece !== "" && pw + cw > availablePx) {
          lines.push(piece);
          piece = "";
          pw = 0;
        }
        piece += ch;
        pw += cw;
      }
      line = piece;
      width = pw;
    }
    lines.push(line);
  }
  return lines;
}

/** The widest word of `text` (words split at spaces and line breaks). */
export function widestWord(text: string, font: FontSpec = DEFAULT_FONT): string {
  let widest = "";
  let px = 0;
  for (const word of text.split(/[ \n]/)) {
    const w = textWidthPx(word, font);
    if (w > px) [widest, px] = [word, w];
  }
  return widest;
}

/**
 * Whether every word of a wrapped text fits a line of its column or merged range, so that no
 * word is broken in the middle ("forhåndsgodkend-elser").
 */
export function wordsFit(
  text: string,
  widthChars: number,
  font: FontSpec = DEFAULT_FONT,
  indent = 0,
  g: Geometry = EXCEL
): boolean {
  return textWidthPx(widestWord(text, font), font) <= textAreaPx(widthChars, indent, g);
}

/** Number of lines `text` takes in a column or merged range `widthChars` wide. */
export function lineCount(
  text: string,
  widthChars: number,
  font: FontSpec = DEFAULT_FONT,
  indent = 0,
  g: Geometry = EXCEL
): number {
  const available = Math.max(1, textAreaPx(widthChars, indent, g));
  if (!text.includes("\n") && textWidthPx(text, font) <= available) return 1;
  return wrapLines(text, available, font).length;
}

/** Height in points of `lines` lines of text in `font` (one line of Calibri 11: Excel's 15). */
export function linesHeight(lines: number, font: FontSpec = DEFAULT_FONT): number {
  // One line of up to 11 points: Excel's default row.
  if (lines <= 1 && font.size <= 11) return DEFAULT_ROW_HEIGHT;
  const h = lines * font.size * LINE_EM + ROW_PADDING_PT;
  // Quarter points, as Excel stores row heights.
  return Math.ceil(h * 4) / 4;
}

/** Height in points a row needs to show `text` wrapped in `widthChars`. */
export function textHeight(
  text: string,
  widthChars: number,
  font: FontSpec = DEFAULT_FONT,
  indent = 0
): number {
  return linesHeight(lineCount(text, widthChars, font, indent), font);
}

/** The font of a named style (Calibri; size and weight from the style). */
export function fontOf(style: StyleName | undefined): FontSpec {
  const d = style ? STYLE_DEFS[style] : undefined;
  return { size: d?.fontSize ?? DEFAULT_FONT.size, ...(d?.bold ? { bold: true } : {}) };
}

/** Whether a single (unwrapped) line of text fits a column or range `widthChars` wide. */
export function fitsOnOneLine(
  text: string,
  widthChars: number,
  font: FontSpec = DEFAULT_FONT,
  indent = 0
): boolean {
  return textWidthPx(text, font) <= textAreaPx(widthChars, indent);
}

/** The narrowest column width (characters) that shows `text` on one line. */
export function widthFor(text: string, font: FontSpec = DEFAULT_FONT, indent = 0): number {
  const px = textWidthPx(text, font) + CELL_PADDING_PX + indent * 3 * DIGIT_PX;
  return Math.ceil((px / DIGIT_PX) * 4) / 4;
}
