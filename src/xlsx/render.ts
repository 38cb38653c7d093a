import { Workbook, type Style, type Worksheet } from "exceljs";
import { a1 } from "../domain/layout/a1";
import { STYLE_DEFS } from "../domain/layout/styles";
import type {
  CellPlan,
  SheetPlan,
  StyleDef,
  StyleName,
  ValidationPlan,
  WorkbookPlan,
} from "../domain/layout/types";
import { excelJsCellValue } from "../domain/safeText";
import { addCharts } from "./charts";
import { workbookBytes } from "./bytes";

const FONT_NAME = "Calibri";
const argb = (hex: string) => ({ argb: `FF${hex}` });

/** ExcelJS style for a style definition; every cell gets its own object (ExcelJS mutates them). */
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

function renderCell(ws: Worksheet, c: CellPlan): void {
  const cell = ws.getCell(c.row, c.col);
  cell.style = excelStyle(
    c.style ? STYLE_DEFS[c.style as StyleName] : undefined,
    c.numFmt,
    !c.input
  );
  if (c.formula !== undefined) {
    // A cached result only where the plan knows it for certain; the rest are calculated on load.
    cell.value =
      c.value !== undefined && c.value !== null
        ? { formula: c.formula, result: c.value }
        : { formula: c.formula };
  } else if (c.value !== undefined && c.value !== null) {
    // Plan text may come from returns (comments, names): written as text, never as a formula.
    cell.value = excelJsCellValue(c.value);
  }
  if (c.validation)
    cell.dataValidation = excelValidation(c.validation) as typeof cell.dataValidation;
  if (c.name) cell.name = c.name;
}

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
 * Excel tables over already written cells: ExcelJS's addTable stores the rows it is given into
 * the cells, so it gets back exactly what the cells hold (values, formulas, styles untouched).
 */
function renderTables(ws: Worksheet, sheet: SheetPlan): void {
  for (const t of sheet.tables ?? []) {
    const cols = Array.from({ length: t.right - t.left + 1 }, (_, i) => t.left + i);
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: a1(t.top, t.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as never, showRowStripes: true },
      columns: cols.map((c) => ({
        name: String(ws.getCell(t.top, c).value ?? ""),
        filterButton: true,
      })),
      rows: Array.from({ length: t.bottom - t.top }, (_, i) =>
        cols.map((c) => ws.getCell(t.top + 1 + i, c).value)
      ),
    });
  }
}

function renderSheet(wb: Workbook, sheet: SheetPlan): void {
  const ws = wb.addWorksheet(sheet.name, {
    ...(sheet.tabColor ? { properties: { tabColor: argb(sheet.tabColor) } } : {}),
    ...(sheet.freezeRows ? { views: [{ state: "frozen", ySplit: sheet.freezeRows }] } : {}),
  });
  for (const [col, width] of Object.entries(sheet.columnWidths))
    ws.getColumn(Number(col)).width = width;
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {}))
    ws.getRow(Number(row)).height = height;
  if (sheet.print) {
    ws.pageSetup = {
      paperSize: 9,
      orientation: sheet.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  }
  for (const c of sheet.cells) renderCell(ws, c);
  for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  renderConditionalFormats(ws, sheet);
  renderTables(ws, sheet);
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

/** Draws a layout plan into a new ExcelJS workbook. */
export function planToExcel(plan: WorkbookPlan): Workbook {
  const wb = new Workbook();
  wb.creator = "Byrdeberegner";
  if (plan.title) wb.title = plan.title;
  if (plan.fullCalcOnLoad) wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of plan.sheets) renderSheet(wb, sheet);
  return wb;
}

/** Renders a layout plan to .xlsx bytes (Node and browser). */
export async function renderWorkbook(plan: WorkbookPlan): Promise<Uint8Array> {
  // ExcelJS writes no charts: they are added to the file afterwards (./charts.ts).
  return addCharts(await workbookBytes(planToExcel(plan)), plan);
}
