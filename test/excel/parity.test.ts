/**
 * Renderer parity: one layout plan drawn by both renderers, the .xlsx file (src/xlsx, ExcelJS,
 * written to bytes and read back) and the open workbook (src/excel, office-js, on
 * office-addin-mock objects), compared property by property: values and formulas, number
 * formats, fonts, fills, borders, alignment, locking, data validation, merges, column widths,
 * row heights, frozen rows, tab colours, protection, conditional formats, print setup, Excel
 * tables and defined names. On the full kl2024 template set and on the report.
 */
import { materializedWorkbook } from "../../src/domain/layout/rows";
import type { Worksheet } from "exceljs";
import { Workbook } from "../../src/xlsx/excelWorkbook";
import JSZip from "jszip";
import { a1 } from "../../src/domain/layout/a1";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import type { SheetPlan, WorkbookPlan } from "../../src/domain/layout/types";
import { isFormulaLike } from "../../src/domain/safeText";
import { POINTS_PER_CHAR, renderWorkbookPlan } from "../../src/excel/render";
import { renderWorkbook } from "../../src/xlsx/render";
import { exampleReport } from "../domain/project/examples";
import { createMockWorkbook, type CellState, type MockWorkbook } from "./mockWorkbook";

/** One cell as both renderers should draw it. */
interface CellView {
  value: unknown;
  formula?: string;
  numFmt: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  size: number;
  color?: string;
  fill?: string;
  wrap: boolean;
  hAlign?: string;
  vAlign?: string;
  indent: number;
  border?: string;
  locked: boolean;
  validation?: ValidationView;
}

interface ValidationView {
  type: string;
  operator?: string;
  formulae: string[];
  allowBlank: boolean;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

interface SheetView {
  merges: string[];
  widths: Record<string, number>;
  heights: Record<string, number>;
  frozenRows: number;
  tabColor?: string;
  protected: boolean;
  conditionalFormats: { ref: string; formula: string; color?: string; bold: boolean; fill?: string }[];
  print?: PrintView;
  tables: { name: string; ref: string; style?: string; columns: string[] }[];
  /** First rows of the pages after the first (manual breaks). */
  breaks: number[];
  hiddenRows: number[];
  gridlines: boolean;
  hidden: boolean;
}

interface PrintView {
  orientation: string;
  paper: string;
  /** A fixed scale, or fit to pages wide × tall. */
  scale?: number;
  fitWide?: number;
  fitTall?: number;
  /** Left, right, top, bottom, header, footer in points. */
  margins: number[];
  area?: string;
  titleRows?: string;
  header: { left?: string; center?: string; right?: string };
  footer: { left?: string; center?: string; right?: string };
}

/** "&Lx&Cy&Rz" → its three parts. */
function hfParts(code: string | null | undefined): { left?: string; center?: string; right?: string } {
  const out: { left?: string; center?: string; right?: string } = {};
  if (!code) return out;
  const re = /&([LCR])/g;
  const marks: { k: string; at: number }[] = [];
  for (let m = re.exec(code); m; m = re.exec(code)) if (code[m.index - 1] !== "&") marks.push({ k: m[1], at: m.index });
  marks.forEach((m, i) => {
    const text = code.slice(m.at + 2, i + 1 < marks.length ? marks[i + 1].at : code.length);
    if (text) out[m.k === "L" ? "left" : m.k === "C" ? "center" : "right"] = text;
  });
  return out;
}

const plainRange = (a: string | undefined) => (a ? a.replace(/\$/g, "").replace(/^.*!/, "") : undefined);

const upper = (hex: string | undefined) => (hex ? hex.replace(/^#|^FF(?=[0-9A-F]{6}$)/i, "").toUpperCase() : undefined);
const OPERATOR: Record<string, string> = {
  Between: "between",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};
const H: Record<string, string> = { Left: "left", Center: "center", Right: "right" };
const V: Record<string, string> = { Top: "top", Center: "middle", Bottom: "bottom" };

// ----------------------------------------------------------------------------------- ExcelJS side
function excelCell(ws: Worksheet, row: number, col: number): CellView {
  const cell = ws.getCell(row, col);
  const s = cell.style ?? {};
  const fill = s.fill && s.fill.type === "pattern" ? upper(s.fill.fgColor?.argb) : undefined;
  const dv = cell.dataValidation as
    | (ValidationView & { formulae: unknown[]; type: string; allowBlank?: boolean })
    | undefined;
  const v = cell.value as unknown;
  const formula =
    v && typeof v === "object" && "formula" in (v as object)
      ? String((v as { formula: string }).formula)
      : undefined;
  return {
    // An empty text and no value are the same empty cell.
    value: formula !== undefined || v === "" ? undefined : (v ?? undefined),
    ...(formula !== undefined ? { formula } : {}),
    numFmt: s.numFmt ?? "General",
    bold: s.font?.bold === true,
    italic: s.font?.italic === true,
    underline: Boolean(s.font?.underline),
    size: s.font?.size ?? 11,
    color: upper(s.font?.color?.argb),
    fill,
    wrap: s.alignment?.wrapText === true,
    hAlign: s.alignment?.horizontal,
    vAlign: s.alignment?.vertical,
    indent: s.alignment?.indent ?? 0,
    border: s.border?.top?.style ? upper(s.border.top.color?.argb) : undefined,
    locked: s.protection?.locked !== false,
    validation:
      dv && dv.type
        ? {
            type: dv.type,
            operator: dv.type === "list" ? undefined : (dv.operator ?? undefined),
            formulae:
              dv.type === "list"
                ? String(dv.formulae[0]).replace(/^"|"$/g, "").split(",")
                : dv.formulae.map(String),
            allowBlank: dv.allowBlank === true,
            promptTitle: dv.promptTitle,
            prompt: dv.prompt,
            errorTitle: dv.errorTitle,
            error: dv.error,
          }
        : undefined,
  };
}

function excelSheet(ws: Worksheet, plan: SheetPlan): SheetView {
  const model = ws.model as unknown as { merges: string[] };
  const widths: Record<string, number> = {};
  // ExcelJS leaves out a column of width 9, its default (Excel shows about 8,4): read as 9.
  for (const col of Object.keys(plan.columnWidths))
    widths[col] = Math.round((ws.getColumn(Number(col)).width ?? 9) * POINTS_PER_CHAR);
  const heights: Record<string, number> = {};
  for (const row of Object.keys(plan.rowHeights ?? {}))
    heights[row] = ws.getRow(Number(row)).height ?? 0;
  const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number; showGridLines?: boolean } | undefined;
  const setup = ws.pageSetup;
  const m = setup.margins;
  const cfs = (
    ws as unknown as {
      conditionalFormattings: {
        ref: string;
        rules: { priority: number; formulae: string[]; style: { font?: { bold?: boolean; color?: { argb: string } }; fill?: { bgColor?: { argb: string } } } }[];
      }[];
    }
  ).conditionalFormattings
    .flatMap((c) => c.rules.map((r) => ({ ref: c.ref, r })))
    .sort((a, b) => a.r.priority - b.r.priority)
    .map(({ ref, r }) => ({
      ref: ref.replace(/^([A-Z]+\d+):\1$/, "$1"),
      formula: r.formulae[0],
      color: upper(r.style.font?.color?.argb),
      bold: r.style.font?.bold === true,
      fill: upper(r.style.fill?.bgColor?.argb),
    }));
  const tables = Object.values(
    (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref: string; style?: { theme?: string }; columns: { name: string }[]; rows?: unknown[] } }> }).tables
  ).map(({ table }) => ({
    name: table.name,
    ref: table.tableRef ?? table.ref,
    style: table.style?.theme,
    columns: table.columns.map((c) => c.name),
  }));
  return {
    merges: [...model.merges].sort(),
    widths,
    heights,
    frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
    tabColor: upper(ws.properties.tabColor?.argb),
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    conditionalFormats: cfs,
    print: setup.orientation
      ? {
          orientation: setup.orientation,
          paper: setup.paperSize === 9 ? "A4" : String(setup.paperSize),
          ...(setup.fitToPage
            ? { fitWide: Number(setup.fitToWidth), fitTall: Number(setup.fitToHeight) }
            : { scale: Number(setup.scale) }),
          margins: m ? [m.left, m.right, m.top, m.bottom, m.header, m.footer].map((x) => Math.round(x * 72 * 100) / 100) : [],
          ...(setup.printArea ? { area: plainRange(setup.printArea) } : {}),
          ...(setup.printTitlesRow ? { titleRows: plainRange(setup.printTitlesRow) } : {}),
          header: hfParts(ws.headerFooter?.oddHeader),
          footer: hfParts(ws.headerFooter?.oddFooter),
        }
      : undefined,
    tables,
    breaks: [],
    hiddenRows: (plan.hiddenRows ?? []).filter((r) => ws.getRow(r).hidden),
    gridlines: view?.showGridLines !== false,
    hidden: ws.state === "hidden",
  };
}

// ------------------------------------------------------------------------------ office-js side
function mockCell(c: CellState | undefined): CellView {
  const f = c?.format ?? {};
  const rule = c?.validation?.rule as Record<string, Record<string, unknown>> | undefined;
  let validation: ValidationView | undefined;
  if (rule) {
    const [kind, r] = Object.entries(rule)[0];
    const type = { decimal: "decimal", wholeNumber: "whole", textLength: "textLength", list: "list", custom: "custom" }[kind] as string;
    const prompt = c?.validation?.prompt as { title: string; message: string };
    const alert = c?.validation?.errorAlert as { title: string; message: string };
    validation = {
      type,
      operator: type === "list" ? undefined : OPERATOR[r.operator as string],
      formulae:
        type === "list"
          ? String(r.source).split(",")
          : [r.formula1, r.formula2].filter((x) => x !== undefined).map(String),
      allowBlank: c?.validation?.ignoreBlanks === true,
      promptTitle: prompt.title,
      prompt: prompt.message,
      errorTitle: alert.title,
      error: alert.message,
    };
  }
  return {
    value: c?.formula !== undefined ? undefined : c?.value,
    ...(c?.formula !== undefined ? { formula: c.formula } : {}),
    numFmt: c?.numberFormat ?? "General",
    bold: f["font.bold"] === true,
    italic: f["font.italic"] === true,
    underline: f["font.underline"] === "Single",
    size: (f["font.size"] as number | undefined) ?? 11,
    color: upper(f["font.color"] as string | undefined),
    fill: upper(f["fill.color"] as string | undefined),
    wrap: f.wrapText === true,
    hAlign: H[f.horizontalAlignment as string],
    vAlign: V[f.verticalAlignment as string],
    indent: (f.indentLevel as number | undefined) ?? 0,
    border: f["borders.EdgeTop.style"] ? upper(f["borders.EdgeTop.color"] as string) : undefined,
    locked: c?.locked !== false,
    validation,
  };
}

function mockSheet(wb: MockWorkbook, plan: SheetPlan): SheetView {
  const s = wb.sheet(plan.name);
  const widths: Record<string, number> = {};
  const heights: Record<string, number> = {};
  for (const [key, v] of Object.entries(s.columnWidths)) {
    const row = /^rad (\d+):\1$/.exec(key);
    if (row) heights[row[1]] = v;
    else {
      const col = /^([A-Z]+):\1$/.exec(key)![1];
      let n = 0;
      for (const ch of col) n = n * 26 + ch.charCodeAt(0) - 64;
      widths[String(n)] = v;
    }
  }
  const page = s.pageLayout as {
    orientation?: string;
    paperSize?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    leftMargin?: number;
    rightMargin?: number;
    topMargin?: number;
    bottomMargin?: number;
    headerMargin?: number;
    footerMargin?: number;
    printArea?: string;
    printTitleRows?: string;
  };
  const hf = s.headerFooter ?? {};
  return {
    merges: [...s.merges].sort(),
    widths,
    heights,
    frozenRows: s.frozenRows,
    tabColor: upper(s.tabColor),
    protected: s.protected,
    conditionalFormats: [...s.conditionalFormats]
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
      .map((c) => ({
        ref: c.address,
        formula: (c.formula ?? "").replace(/^=/, ""),
        color: upper(c.fontColor),
        bold: c.bold === true,
        fill: upper(c.fill),
      })),
    print: page.orientation
      ? {
          orientation: page.orientation.toLowerCase(),
          paper: String(page.paperSize),
          ...(page.zoom?.scale !== undefined
            ? { scale: page.zoom.scale }
            : { fitWide: page.zoom?.horizontalFitToPages ?? NaN, fitTall: page.zoom?.verticalFitToPages ?? NaN }),
          margins: [page.leftMargin, page.rightMargin, page.topMargin, page.bottomMargin, page.headerMargin, page.footerMargin].map(
            (x) => Math.round((x ?? NaN) * 100) / 100
          ),
          ...(page.printArea ? { area: plainRange(page.printArea) } : {}),
          ...(page.printTitleRows ? { titleRows: plainRange(page.printTitleRows) } : {}),
          header: {
            ...(hf.leftHeader ? { left: hf.leftHeader } : {}),
            ...(hf.centerHeader ? { center: hf.centerHeader } : {}),
            ...(hf.rightHeader ? { right: hf.rightHeader } : {}),
          },
          footer: {
            ...(hf.leftFooter ? { left: hf.leftFooter } : {}),
            ...(hf.centerFooter ? { center: hf.centerFooter } : {}),
            ...(hf.rightFooter ? { right: hf.rightFooter } : {}),
          },
        }
      : undefined,
    tables: wb.state.tables
      .filter((t) => t.sheet === plan.name)
      .map((t) => ({
        name: t.name,
        ref: t.address,
        style: t.style,
        columns: (() => {
          const [from, to] = t.address.split(":");
          const top = Number(/\d+/.exec(from)![0]);
          const cells = plan.cells.filter((c) => c.row === top);
          const left = cells.length ? Math.min(...cells.map((c) => c.col)) : 1;
          const width = (() => {
            let n = 0;
            for (const ch of /^[A-Z]+/.exec(to)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
            return n;
          })();
          return Array.from({ length: width - left + 1 }, (_, i) =>
            String(wb.cell(plan.name, a1(top, left + i))?.value ?? "")
          );
        })(),
      })),
    breaks: [...(s.pageBreaks ?? [])].sort((a, b) => a - b),
    hiddenRows: [...(s.hiddenRows ?? [])].sort((a, b) => a - b),
    gridlines: s.showGridlines !== false,
    hidden: s.visibility === "Hidden",
  };
}

// -------------------------------------------------------------------------------------- compare
async function bothRenderers(plan: WorkbookPlan) {
  const file = new Workbook();
  const bytes = await renderWorkbook(plan);
  await file.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  // ExcelJS writes manual page breaks but does not read them back: taken from the sheets' XML.
  const zip = await JSZip.loadAsync(bytes);
  const fileBreaks = new Map<string, number[]>();
  for (const [i, sheet] of plan.sheets.entries()) {
    const xml = (await zip.file(`xl/worksheets/sheet${i + 1}.xml`)?.async("string")) ?? "";
    const rows = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/s.exec(xml)?.[1] ?? "";
    fileBreaks.set(sheet.name, [...rows.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1));
  }
  const live = createMockWorkbook({ sheets: [] });
  await renderWorkbookPlan(live.context, plan);
  return { file, live, fileBreaks };
}

/** Every difference between the two renderings, as readable lines (empty when they agree). */
function differences(
  plan: WorkbookPlan,
  file: Workbook,
  live: MockWorkbook,
  fileBreaks: ReadonlyMap<string, number[]> = new Map()
): string[] {
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    const ws = file.getWorksheet(sheet.name);
    if (!ws) {
      out.push(`${sheet.name}: missing in the .xlsx file`);
      continue;
    }
    const a = { ...excelSheet(ws, sheet), breaks: fileBreaks.get(sheet.name) ?? [] };
    const b = mockSheet(live, sheet);
    for (const key of Object.keys(a) as (keyof SheetView)[]) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
        out.push(`${sheet.name} ${key}: xlsx ${JSON.stringify(a[key])} ≠ office-js ${JSON.stringify(b[key])}`);
    }
    for (const c of sheet.cells) {
      const at = a1(c.row, c.col);
      const x = excelCell(ws, c.row, c.col);
      const y = mockCell(live.cell(sheet.name, at));
      // Deliberate: office-js needs the text format "@" to keep formula-like text from turning
      // into a formula; in the file the cell's type already says text.
      if (typeof c.value === "string" && isFormulaLike(c.value.trimStart()) && y.numFmt === "@")
        y.numFmt = x.numFmt;
      // A cell a merge covers shows the merge's first cell: ExcelJS reads that cell's value and
      // number format there, office-js keeps its own (nothing); only its formatting counts.
      const covered = sheet.merges.some(
        (m) => c.row >= m.top && c.row <= m.bottom && c.col >= m.left && c.col <= m.right && !(c.row === m.top && c.col === m.left)
      );
      if (covered) {
        for (const k of ["value", "formula", "numFmt"] as const) delete (x as Partial<CellView>)[k], delete (y as Partial<CellView>)[k];
      }
      for (const key of Object.keys(x) as (keyof CellView)[]) {
        if (JSON.stringify(x[key]) !== JSON.stringify(y[key]))
          out.push(`${sheet.name}!${at} ${key}: xlsx ${JSON.stringify(x[key])} ≠ office-js ${JSON.stringify(y[key])}`);
      }
    }
  }
  const fileNames = new Map(
    (file.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name, n.ranges[0].replace(/'/g, "")])
  );
  const liveNames = new Map([...live.state.names].map(([n, r]) => [n, r.replace(/^=/, "").replace(/'/g, "")]));
  if (JSON.stringify([...fileNames].sort()) !== JSON.stringify([...liveNames].sort()))
    out.push(`defined names differ: ${fileNames.size} in the file, ${liveNames.size} in the workbook`);
  return out;
}

describe("the two renderers draw the same workbook", () => {
  test("the full kl2024 template set (every template), property by property", async () => {
    const plan = buildTemplateWorkbook("Aarhus", [], { kontakt: { navn: "Navn Navnesen" }, frist: "7. februar 2025" });
    const { file, live, fileBreaks } = await bothRenderers(plan);
    expect(differences(plan, file, live, fileBreaks)).toEqual([]);
    // The comparison is not vacuous: the things the office-js renderer used to drop are there.
    const data = plan.sheets.find((s) => s.name === "UKN Data")!;
    expect(data.conditionalFormats?.length).toBeGreaterThan(0);
    expect(live.sheet("UKN Data").conditionalFormats.length).toBe(data.conditionalFormats!.length);
    expect(live.sheet("UKN Data").pageLayout.paperSize).toBe("A4");
    // Header, footer, hidden rows and gridlines are drawn and compared.
    expect(live.sheet("Forside").hiddenRows?.length).toBeGreaterThan(0);
    expect(live.sheet("UKN Data").headerFooter?.rightFooter).toContain("&P");
    expect(live.sheet("UKN Data").showGridlines).toBe(false);
  }, 120000);

  test("the report (Overblik, fact sheets, input sheets with their Excel tables, log)", async () => {
    const plan = exampleReport();
    const { file, live, fileBreaks } = await bothRenderers(plan);
    // The Data sheet's rows are streamed by the file writer and made at once for office-js.
    expect(plan.sheets.find((s) => s.name === "Data")?.rowStream?.count).toBeGreaterThan(100);
    expect(differences(materializedWorkbook(plan), file, live, fileBreaks)).toEqual([]);
    expect(live.state.tables.map((t) => t.name).sort()).toEqual(["Data_tabel", "Kommunedata_tabel", "Landstal_tabel"]);
    // Fixed scales, page breaks, print areas and repeated rows are drawn and compared.
    expect(plan.sheets.some((s) => (s.rowBreaks ?? []).length > 0)).toBe(true);
    expect(live.sheet("UKN").pageBreaks?.length).toBeGreaterThan(0);
    expect(live.sheet("Data").pageLayout.printArea).toBeDefined();
    expect(live.sheet("Data").pageLayout.printTitleRows).toBeDefined();
  }, 120000);

  test("the comparison finds a difference when one renderer drops something", async () => {
    const plan = buildTemplateWorkbook("Aarhus", ["ukn"]);
    const { file, live } = await bothRenderers(plan);
    live.sheet("UKN Data").conditionalFormats.pop();
    live.sheet("UKN Data").pageLayout.orientation = "Portrait";
    const cell = [...live.sheet("UKN Data").cells.values()].find((c) => c.locked === false)!;
    cell.locked = true;
    const diff = differences(plan, file, live);
    expect(diff.some((d) => d.startsWith("UKN Data conditionalFormats"))).toBe(true);
    expect(diff.some((d) => / locked: /.test(d))).toBe(true);
  }, 60000);
});
