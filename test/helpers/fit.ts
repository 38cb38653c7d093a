/**
 * Opens a rendered workbook (ExcelJS) and lists every cell whose text does not fit: a wrapped
 * text taller than its row (or merged rows) or breaking a word in the middle, an unwrapped text wider than its column or merged
 * range (unless it runs over empty cells to its right, inside the printed columns), a number
 * that would show as ### in its column; and every number with decimals that has no number
 * format. Measured with the same functions the builders use (src/domain/layout/measure.ts),
 * which test/xlsx/measure-libreoffice.test.ts holds against LibreOffice.
 */
import type { Cell, Workbook, Worksheet } from "exceljs";
import { a1 } from "../../src/domain/layout/a1";
import {
  DEFAULT_ROW_HEIGHT,
  fitsOnOneLine,
  lineCount,
  linesHeight,
  spanChars,
  widestWord,
  wordsFit,
  type FontSpec,
} from "../../src/domain/layout/measure";
import { DEFAULT_COLUMN_WIDTH } from "../../src/domain/layout/page";

export interface Defect {
  readonly sheet: string;
  readonly cell: string;
  readonly problem: string;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: Worksheet): Merge[] {
  const out: Merge[] = [];
  for (const ref of (ws.model as unknown as { merges: string[] }).merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    out.push({ top: Number(m[2]), left: col(m[1]), bottom: Number(m[4]), right: col(m[3]) });
  }
  return out;
}

/** What the cell shows: its value, or a formula's cached result. */
function shown(cell: Cell): unknown {
  const v = cell.value as unknown;
  if (v && typeof v === "object") {
    if ("formula" in (v as object) || "sharedFormula" in (v as object))
      return (v as { result?: unknown }).result;
    if ("richText" in (v as object))
      return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
    if ("text" in (v as object)) return (v as { text: string }).text;
  }
  return v;
}

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/**
 * A number as a Danish Excel or LibreOffice shows it with the formats the workbooks use;
 * undefined for a format this helper does not know (reported as a defect, so it learns).
 */
export function displayed(value: number, numFmt: string): string | undefined {
  const fmt = numFmt.split(";")[0];
  if (fmt === "General") {
    const s = String(Math.round(value * 1e9) / 1e9);
    return s.length > 11 ? value.toExponential(5) : s.replace(".", ",");
  }
  if (fmt === "@") return String(value);
  if (/^(dd-mm-yyyy|hh:mm)$/.test(fmt)) return fmt;
  const m = /^(#,##)?(0)(?:\.(0*)(#*))?( ?%)?$/.exec(fmt);
  if (!m) return undefined;
  const pct = m[5] !== undefined;
  const v = Math.abs(pct ? value * 100 : value);
  const min = m[3]?.length ?? 0;
  const max = min + (m[4]?.length ?? 0);
  let text = v.toFixed(max);
  if (max > min) text = text.replace(new RegExp(`0{1,${max - min}}$`), "");
  let [int, frac] = text.split(".");
  if (m[1]) int = int.replace(GROUP, ".");
  const body = frac ? `${int},${frac}` : max > 0 && min === 0 ? `${int},` : int;
  return `${value < 0 ? "-" : ""}${body}${pct ? m[5] : ""}`;
}

/** Every defect of one workbook (hidden rows and sheets are not looked at). */
export function fitDefects(wb: Workbook): Defect[] {
  const out: Defect[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === "hidden") continue;
    const merges = mergesOf(ws);
    const width = (c: number) => ws.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH;
    const height = (r: number) => (ws.getRow(r).hidden ? 0 : (ws.getRow(r).height ?? DEFAULT_ROW_HEIGHT));
    let lastCol = 1;
    ws.eachRow((row) => row.eachCell((c) => (lastCol = Math.max(lastCol, Number(c.col)))));
    const empty = (r: number, c: number) => {
      const v = shown(ws.getCell(r, c));
      return v === null || v === undefined || v === "";
    };
    ws.eachRow((row, r) => {
      if (row.hidden) return;
      row.eachCell((cell, c) => {
        const at = { sheet: ws.name, cell: a1(r, c) };
        const m = merges.find((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
        if (m && (m.top !== r || m.left !== c)) return;
        const value = shown(cell);
        const font: FontSpec = { size: cell.font?.size ?? 11, ...(cell.font?.bold ? { bold: true } : {}) };
        const al = cell.alignment ?? {};
        const indent = al.indent ?? 0;
        const spanWidth = m
          ? spanChars(Array.from({ length: m.right - m.left + 1 }, (_, i) => width(m.left + i)))
          : width(c);
        const spanHeight = m
          ? Array.from({ length: m.bottom - m.top + 1 }, (_, i) => height(m.top + i)).reduce((a, b) => a + b, 0)
          : height(r);
        const numFmt = cell.numFmt ?? "General";
        if (typeof value === "number") {
          if (!Number.isInteger(value) && numFmt === "General")
            out.push({ ...at, problem: `decimaltal uden talformat (${value})` });
          const text = displayed(value, numFmt);
          if (text === undefined) out.push({ ...at, problem: `ukendt talformat ${numFmt}` });
          else if (!fitsOnOneLine(text, spanWidth, font, indent))
            out.push({ ...at, problem: `tallet »${text}« er bredere end kolonnen (${spanWidth})` });
          if (linesHeight(1, font) > spanHeight + 0.01)
            out.push({ ...at, problem: `rækken (${spanHeight} pt) er lavere end tallets skrift` });
          return;
        }
        if (typeof value !== "string" || value === "") return;
        if (al.wrapText) {
          if (!wordsFit(value, spanWidth, font, indent))
            out.push({ ...at, problem: `ordet »${widestWord(value, font)}« deles, cellen er for smal (${spanWidth})` });
          const need = linesHeight(lineCount(value, spanWidth, font, indent), font);
          if (need > spanHeight + 0.01)
            out.push({ ...at, problem: `teksten kræver ${need} pt, rækken har ${spanHeight}: »${value.slice(0, 40)}«` });
          return;
        }
        if (linesHeight(1, font) > spanHeight + 0.01)
          out.push({ ...at, problem: `rækken (${spanHeight} pt) er lavere end skriften: »${value.slice(0, 40)}«` });
        if (fitsOnOneLine(value, spanWidth, font, indent)) return;
        // Unwrapped text may run over empty cells to its right, inside the printed columns.
        const left = !al.horizontal || al.horizontal === "left" || String(al.horizontal) === "general";
        if (!m && left) {
          const widths = [width(c)];
          for (let k = c + 1; k <= lastCol && empty(r, k) && !merges.some((x) => r >= x.top && r <= x.bottom && k >= x.left && k <= x.right); k++) {
            widths.push(width(k));
            if (fitsOnOneLine(value, spanChars(widths), font, indent)) return;
          }
        }
        out.push({ ...at, problem: `teksten er bredere end cellen (${spanWidth}): »${value.slice(0, 40)}«` });
      });
    });
  }
  return out;
}

/** Unlocked input cells for decimals (data validation "decimal") without a number format. */
export function unformattedInputs(wb: Workbook): Defect[] {
  const out: Defect[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const dv = cell.dataValidation as { type?: string } | undefined;
        if (cell.protection?.locked === false && dv?.type === "decimal" && (cell.numFmt ?? "General") === "General")
          out.push({ sheet: ws.name, cell: a1(r, c), problem: "indtastningscelle til decimaltal uden talformat" });
      })
    );
  return out;
}
