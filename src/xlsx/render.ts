import type { Row, Style, Worksheet } from "exceljs";
import { Workbook } from "./excelWorkbook";
import { a1 } from "../domain/layout/a1";
import { STYLE_DEFS } from "../domain/layout/styles";
import type {
  CellPlan,
  MergePlan,
  SheetPlan,
  TablePlan,
  StreamedRow,
  StyleDef,
  StyleName,
  ValidationPlan,
  WorkbookPlan,
} from "../domain/layout/types";
import { excelJsCellValue, isFormulaLike } from "../domain/safeText";
import { addCharts } from "./charts";
import { workbookBytes } from "./bytes";
import { pageSetupOf, sheetOptions } from "./print";

export { sheetOptions };

const FONT_NAME = "Calibri";
const argb = (hex: string) => ({ argb: `FF${hex}` });

/** ExcelJS style for a style definition. */
function excelStyle(
  def: StyleDef | undefined,
  numFmt: string | undefined,
  locked: boolean
): Partial<Style> {
  const d = def ?? {};
  const style: Partial<Style> = {
    font: {
      name: FONT_NAME,
      size: d.fontSize ?? 11,
      ...(d.bold ? { bold: true } : {}),
      ...(d.italic ? { italic: true } : {}),
      ...(d.underline ? { underline: true } : {}),
      ...(d.fontColor ? { color: argb(d.fontColor) } : {}),
    },
    alignment: {
      ...(d.wrap ? { wrapText: true } : {}),
      ...(d.hAlign ? { horizontal: d.hAlign } : {}),
      ...(d.vAlign ? { vertical: d.vAlign } : {}),
      ...(d.indent ? { indent: d.indent } : {}),
    },
    protection: { locked },
  };
  if (d.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: argb(d.fill) };
  if (d.border) {
    const side = { style: "thin" as const, color: argb(d.border) };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  const fmt = numFmt ?? d.numFmt;
  if (fmt) style.numFmt = fmt;
  return style;
}

/**
 * One ExcelJS style object per style name, number format and lock state, shared by every cell
 * that has them. ExcelJS remembers the style id of a style object it has seen (a WeakMap), so a
 * shared object is translated once per workbook instead of once per cell. The objects are never
 * changed after they are handed out (ExcelJS only reads them when writing), and a cache belongs
 * to one workbook.
 */
export class StyleCache {
  private readonly styles = new Map<string, Partial<Style>>();
  private readonly quotedCopies = new WeakMap<Partial<Style>, Partial<Style>>();
  private readonly quotedStyles = new WeakSet<Partial<Style>>();

  /**
   * The style for a text cell that starts like a formula: a copy of `style` that a writer
   * gives Excel's quote prefix (ExcelJS has no such attribute: the streaming writer adds it
   * to the copy's cell format, the in-memory writer's package is patched, ./quotePrefix.ts).
   */
  quoted(style: Partial<Style>): Partial<Style> {
    let q = this.quotedCopies.get(style);
    if (!q) {
      q = { ...style };
      this.quotedCopies.set(style, q);
      this.quotedStyles.add(q);
    }
    return q;
  }

  /** Whether a style object was handed out by `quoted`. */
  isQuoted(style: unknown): boolean {
    return typeof style === "object" && style !== null && this.quotedStyles.has(style);
  }

  get(style: StyleName | undefined, numFmt: string | undefined, locked: boolean): Partial<Style> {
    const key = `${style ?? ""}\u0000${numFmt ?? ""}\u0000${locked ? 1 : 0}`;
    let s = this.styles.get(key);
    if (!s) {
      s = excelStyle(style ? STYLE_DEFS[style] : undefined, numFmt, locked);
      this.styles.set(key, s);
    }
    return s;
  }

  /** How many distinct style objects were handed out (tests). */
  get size(): number {
    return this.styles.size;
  }
}

/** ExcelJS's style manager (StylesXform), as far as the quote prefix needs its internals. */
export interface ExcelJsStyleManager {
  addStyleModel(model: unknown, cellType?: unknown): number;
  model: { styles: unknown[] };
  index: { style: Record<string, number> };
}

/**
 * Gives the cells whose style came from `cells.quoted` Excel's quote prefix: ExcelJS keeps each
 * cell format as its `<xf>` text (deduplicated by that text), so such a cell gets the id of its
 * format's copy with `quotePrefix="1"`, added at first use. Both writers hook their own style
 * manager, so they number the formats alike (test/xlsx/stream.test.ts).
 */
export function addQuotePrefixes(manager: ExcelJsStyleManager, cells: StyleCache): void {
  const addStyleModel = manager.addStyleModel.bind(manager);
  manager.addStyleModel = (model, cellType) => {
    const id = addStyleModel(model, cellType);
    const xf = manager.model.styles[id];
    if (!cells.isQuoted(model) || typeof xf !== "string" || !xf.startsWith("<xf")) return id;
    const prefixed = /\bquotePrefix=/.test(xf) ? xf : xf.replace(/^<xf\b/, '<xf quotePrefix="1"');
    let at = manager.index.style[prefixed];
    if (at === undefined) {
      at = manager.index.style[prefixed] = manager.model.styles.length;
      manager.model.styles.push(prefixed);
    }
    return at;
  };
}

/**
 * The in-memory writer makes its style manager while writing (`model.styles = new
 * StylesXform(true)` on the model `wb.model` hands it) and uses it at once; this workbook's
 * model hooks the manager as it is set, with addQuotePrefixes.
 */
function quotePrefixesWhenWritten(wb: Workbook, cells: StyleCache): void {
  const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(wb), "model")?.get;
  if (!getter) return; // another ExcelJS: the package is still patched (./quotePrefix.ts)
  Object.defineProperty(wb, "model", {
    configurable: true,
    get() {
      const model = getter.call(wb) as Record<string, unknown>;
      let manager: unknown = model.styles;
      Object.defineProperty(model, "styles", {
        configurable: true,
        enumerable: true,
        get: () => manager,
        set: (value: unknown) => {
          const m = value as Partial<ExcelJsStyleManager> | undefined;
          if (m && typeof m.addStyleModel === "function" && m.model && m.index)
            addQuotePrefixes(m as ExcelJsStyleManager, cells);
          manager = value;
        },
      });
      return model;
    },
    set(value: unknown) {
      Object.defineProperty(wb, "model", { configurable: true, writable: true, value });
      (
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(wb), "model")?.set as
          ((v: unknown) => void) | undefined
      )?.call(wb, value);
    },
  });
}

/** ExcelJS data validation for a validation plan. */
export function excelValidation(v: ValidationPlan) {
  const formulae = v.type === "list" ? [`"${v.formulae.join(",")}"`] : [...v.formulae];
  return {
    type: v.type,
    ...(v.operator ? { operator: v.operator } : {}),
    allowBlank: v.allowBlank,
    formulae,
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: v.errorTitle,
    error: v.error,
  };
}

/**
 * Writes one planned cell. A cell that a merge from an earlier row already covers keeps the
 * merge's value and style (as Excel shows it); its validation and name are still written.
 */
function renderCell(row: Row, c: CellPlan, styles: StyleCache, covered: boolean): void {
  const cell = row.getCell(c.col);
  if (!covered) {
    cell.style = styles.get(c.style, c.numFmt, !c.input);
    if (c.formula !== undefined) {
      // A cached result only where the plan knows it for certain; the rest are calculated on load.
      cell.value =
        c.value !== undefined && c.value !== null
          ? { formula: c.formula, result: c.value }
          : { formula: c.formula };
    } else if (c.value !== undefined && c.value !== null) {
      // Plan text may come from returns (comments, names): written as text, never as a formula.
      cell.value = excelJsCellValue(c.value);
      if (typeof cell.value === "string" && isFormulaLike(cell.value))
        cell.style = styles.quoted(cell.style);
    }
  }
  if (c.validation)
    cell.dataValidation = excelValidation(c.validation) as typeof cell.dataValidation;
  // addName, not the `name` setter: the setter first removes the cell's names by scanning every
  // name in the workbook, which makes naming n cells cost n².
  if (c.name) cell.addName(c.name);
}

/** Draws and commits row `r` of a sheet's row stream (all rows before it are committed). */
export type StreamedRowDrawer = (
  ws: Worksheet,
  r: number,
  planned: StreamedRow,
  styles: StyleCache
) => void;

/** A streamed row drawn through ExcelJS's cells, as every planned row is. */
export const drawStreamedRow: StreamedRowDrawer = (ws, r, planned, styles) => {
  const row = ws.getRow(r);
  for (const c of planned.cells) renderCell(row, c, styles, false);
  if (planned.height !== undefined) row.height = planned.height;
  row.commit();
};

/** Differential style (dxf) for a conditional format: font colour, bold and fill only. */
function conditionalStyle(def: StyleDef): Partial<Style> {
  return {
    font: {
      ...(def.bold ? { bold: true } : {}),
      ...(def.fontColor ? { color: argb(def.fontColor) } : {}),
    },
    ...(def.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: argb(def.fill) } } : {}),
  };
}

function renderConditionalFormats(ws: Worksheet, sheet: SheetPlan): void {
  (sheet.conditionalFormats ?? []).forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: `${a1(cf.top, cf.left)}:${a1(cf.bottom, cf.right)}`,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: conditionalStyle(STYLE_DEFS[cf.style]),
        },
      ],
    });
  });
}

/**
 * What ExcelJS's addTable is given for a table plan (both writers): the header names are the
 * header cells' text in the plan.
 */
export function tableDefinition(sheet: SheetPlan, t: TablePlan) {
  const header = new Map<number, CellPlan>();
  for (const c of sheet.cells) if (c.row === t.top) header.set(c.col, c);
  const cols = Array.from({ length: t.right - t.left + 1 }, (_, i) => t.left + i);
  return {
    name: t.name,
    displayName: t.name,
    ref: a1(t.top, t.left),
    headerRow: true,
    totalsRow: false,
    style: { theme: t.style, showRowStripes: true },
    columns: cols.map((c) => ({ name: String(header.get(c)?.value ?? ""), filterButton: true })),
  };
}

/**
 * Excel tables over already written cells (the in-memory writer; the streaming writer writes
 * its tables itself): ExcelJS's addTable stores the rows it is given into the cells, so it gets
 * back exactly what the cells hold (values, formulas, styles untouched).
 */
function renderTables(ws: Worksheet, sheet: SheetPlan): void {
  for (const t of sheet.tables ?? []) {
    const cols = Array.from({ length: t.right - t.left + 1 }, (_, i) => t.left + i);
    ws.addTable({
      ...tableDefinition(sheet, t),
      style: { theme: t.style as never, showRowStripes: true },
      rows: Array.from({ length: t.bottom - t.top }, (_, i) =>
        cols.map((c) => ws.getCell(t.top + 1 + i, c).value)
      ),
    });
  }
}

/** `xs` sorted by `order`: the array itself when it already is (plans usually are). */
function inOrder<T>(xs: readonly T[], order: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < xs.length; i++) if (order(xs[i - 1], xs[i]) > 0) return [...xs].sort(order);
  return xs;
}

/**
 * Draws a sheet plan into an ExcelJS worksheet, row by row in ascending order, committing each
 * row once it is complete, and yields after each row (so a streaming caller can let the zip
 * catch up). The in-memory `Worksheet` and the streaming writer's worksheet share this API; for
 * the in-memory one `commit()` does nothing, the streaming one writes the row out and forgets
 * it. Merges are applied once their top row's cells are written (a merge copies its top-left
 * cell's style to the cells it covers, as ExcelJS does). Hidden rows and manual page breaks are
 * set on their rows before the rows are committed. A row stream's rows follow the planned rows,
 * each made, drawn and committed in turn, so a streaming writer never holds them all.
 */
export function* sheetRows(
  ws: Worksheet,
  sheet: SheetPlan,
  styles: StyleCache,
  drawStreamed: StreamedRowDrawer = drawStreamedRow
): Generator<void> {
  for (const [col, width] of Object.entries(sheet.columnWidths))
    ws.getColumn(Number(col)).width = width;
  if (sheet.print) {
    // The same object for both writers (the streaming one would otherwise add its defaults).
    ws.pageSetup = pageSetupOf(sheet.print) as Worksheet["pageSetup"];
  }
  const cells = inOrder(sheet.cells, (a, b) => a.row - b.row || a.col - b.col);
  const merges = inOrder(sheet.merges, (a, b) => a.top - b.top || a.left - b.left);
  const heights = sheet.rowHeights ?? {};
  const hidden = new Set(sheet.hiddenRows ?? []);
  // ExcelJS puts a manual break below a row: below the row before each page's first row.
  const breakBelow = new Set((sheet.rowBreaks ?? []).filter((r) => r > 1).map((r) => r - 1));
  const extra = [
    ...merges.map((m) => m.top),
    ...Object.keys(heights).map(Number),
    ...hidden,
    ...breakBelow,
  ];
  const rows = inOrder([...new Set([...cells.map((c) => c.row), ...extra])], (x, y) => x - y);

  let ci = 0;
  let mi = 0;
  let open: MergePlan[] = [];
  for (const r of rows) {
    if (open.length > 0) open = open.filter((m) => m.bottom >= r);
    const row = ws.getRow(r);
    for (; ci < cells.length && cells[ci].row === r; ci++) {
      const c = cells[ci];
      const covered =
        open.length > 0 &&
        open.some(
          (m) => c.col >= m.left && c.col <= m.right && !(c.row === m.top && c.col === m.left)
        );
      renderCell(row, c, styles, covered);
    }
    if (heights[r] !== undefined) row.height = heights[r];
    if (hidden.has(r)) row.hidden = true;
    if (breakBelow.has(r)) row.addPageBreak();
    for (; mi < merges.length && merges[mi].top === r; mi++) {
      const m = merges[mi];
      ws.mergeCells(m.top, m.left, m.bottom, m.right);
      open.push(m);
    }
    row.commit();
    yield;
  }
  // The streamed rows (the Data sheet's), one at a time: plain rows, so no merges or breaks.
  const stream = sheet.rowStream;
  if (stream) {
    if (rows.length > 0 && rows[rows.length - 1] >= stream.first)
      throw new Error(
        `Arket »${sheet.name}«: rækkerne, der skrives løbende, skal komme efter arkets øvrige rækker.`
      );
    let r = stream.first;
    for (const planned of stream.rows()) {
      drawStreamed(ws, r, planned, styles);
      yield;
      r++;
    }
  }
  renderConditionalFormats(ws, sheet);
  if (sheet.protect) {
    // No password: the protection guards the layout, not secrets.
    (ws as Worksheet & { sheetProtection: Record<string, boolean> }).sheetProtection = {
      sheet: true,
      formatColumns: true,
      formatRows: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
    };
  }
}

/** `sheetRows` run to the end. */
export function renderSheet(ws: Worksheet, sheet: SheetPlan, styles: StyleCache): void {
  for (const _ of sheetRows(ws, sheet, styles));
}

/** Workbook properties both writers set: creator, title, recalculation on load. */
export const WORKBOOK_CREATOR = "Byrdeberegner";

/** Draws a layout plan into a new ExcelJS workbook (in memory). */
export function planToExcel(plan: WorkbookPlan): Workbook {
  const wb = new Workbook();
  wb.creator = WORKBOOK_CREATOR;
  if (plan.title) wb.title = plan.title;
  if (plan.fullCalcOnLoad) wb.calcProperties = { fullCalcOnLoad: true };
  const styles = new StyleCache();
  quotePrefixesWhenWritten(wb, styles);
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheetOptions(sheet));
    renderSheet(ws, sheet, styles);
    renderTables(ws, sheet);
  }
  return wb;
}

/** Renders a layout plan to .xlsx bytes (Node and browser), in memory. */
export async function renderWorkbook(plan: WorkbookPlan): Promise<Uint8Array> {
  // ExcelJS writes no charts: they are added to the file afterwards (./charts.ts).
  return addCharts(await workbookBytes(planToExcel(plan)), plan);
}
