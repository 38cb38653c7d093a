/**
 * Renders a WorkbookPlan (the layout model shared with the .xlsx renderer) into the open
 * workbook: sheets, values, formulas, styles, merges, number formats, data validation,
 * conditional formats, column widths, row heights, print setup, Excel tables, charts, defined
 * names, frozen rows, tab colours and protection: everything the layout model holds, as the .xlsx
 * renderer draws it (test/excel/parity.test.ts compares the two property by property).
 *
 * Sync budget: 1 sync to check (sheet and name clashes, protection), 1 sync to write (more
 * only when the payload passes Excel on the web's 5 MB request limit), and 1 sync to roll back
 * if Excel refuses part of the write. Never a sync per sheet, cell or name.
 */
import { MARGINS } from "../domain/layout/page";
import { STYLE_DEFS } from "../domain/layout/styles";
import { materializedWorkbook } from "../domain/layout/rows";
import type {
  CellPlan,
  ConditionalFormatPlan,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../domain/layout/types";
import { cellAddress, compressCells, joinAddresses, quoteSheet, rangeAddress } from "./a1";
import { addPlannedChart } from "./charts";
import { groupSteps, runBatches, type Step } from "./batch";
import { ExcelAdapterError, errors, fromExcelError, isValidSheetName } from "./errors";
import { DEFAULT_PAYLOAD_LIMIT, payloadSize, planGrid } from "./grid";
import { STYLE_FORMATS, applyFormat } from "./styles";

export interface RenderOptions {
  /**
   * Sheets the plan may overwrite (report sheets written again). They are cleared and
   * rewritten in place, so formulas elsewhere that point at them keep working.
   */
  readonly replace?: readonly string[];
  /**
   * Sheets the plan may delete and add again (a chart sheet): only for sheets no formula
   * elsewhere points at.
   */
  readonly recreate?: readonly string[];
  /** Sheet to show when done (default: the plan's first sheet). */
  readonly activate?: string;
  /** Bytes per request (default 4 MB, under Excel on the web's 5 MB limit). */
  readonly payloadLimit?: number;
  /** Extra writes queued in the same batch, after the sheets are written (e.g. a chart). */
  readonly afterWrite?: (sheets: ReadonlyMap<string, Excel.Worksheet>) => void;
}

export interface RenderResult {
  readonly added: readonly string[];
  readonly replaced: readonly string[];
  readonly names: number;
  /** context.sync() calls this operation made. */
  readonly syncs: number;
}

/** Points per character of column width (Calibri 11). */
export const POINTS_PER_CHAR = 6;

/** office-js page orientation for the layout's. */
const ORIENTATION = { portrait: "Portrait", landscape: "Landscape" } as const;

/** Queues a conditional format: the plan's formula (relative to the range's top-left cell). */
function addConditionalFormat(
  ws: Excel.Worksheet,
  cf: ConditionalFormatPlan,
  priority: number
): void {
  const style = STYLE_DEFS[cf.style];
  const format = ws
    .getRange(rangeAddress(cf.top, cf.left, cf.bottom, cf.right))
    .conditionalFormats.add("Custom");
  format.priority = priority;
  format.custom.rule.formula = `=${cf.formula.replace(/^=/, "")}`;
  if (style.fontColor) format.custom.format.font.color = `#${style.fontColor}`;
  if (style.bold) format.custom.format.font.bold = true;
  if (style.fill) format.custom.format.fill.color = `#${style.fill}`;
}

const OPERATORS = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

/** A layout validation → office-js data validation rule. */
export function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  const operator = OPERATORS[v.operator ?? "greaterThanOrEqual"];
  const basic = (): Excel.BasicDataValidation => ({
    formula1: v.formulae[0] ?? 0,
    ...(v.formulae.length > 1 ? { formula2: v.formulae[1] } : {}),
    operator,
  });
  switch (v.type) {
    case "decimal":
      return { decimal: basic() };
    case "whole":
      return { wholeNumber: basic() };
    case "textLength":
      return { textLength: basic() };
    case "list":
      return { list: { inCellDropDown: true, source: v.formulae.map(String).join(",") } };
    case "custom":
      return { custom: { formula: `=${String(v.formulae[0] ?? "TRUE").replace(/^=/, "")}` } };
    case "date":
      return { date: basic() as Excel.DateTimeDataValidation };
  }
}

interface Group {
  readonly cells: { row: number; col: number }[];
}

function groupBy<K>(
  cells: readonly CellPlan[],
  key: (c: CellPlan) => K | undefined
): Map<K, Group> {
  const out = new Map<K, Group>();
  for (const c of cells) {
    const k = key(c);
    if (k === undefined) continue;
    const g = out.get(k);
    if (g) g.cells.push({ row: c.row, col: c.col });
    else out.set(k, { cells: [{ row: c.row, col: c.col }] });
  }
  return out;
}

/**
 * Queues everything one sheet needs (except names and protection) as steps; `sheetNamed` finds
 * the sheets a chart's ranges are on.
 */
function sheetSteps(
  ws: () => Excel.Worksheet,
  plan: SheetPlan,
  limit: number,
  sheetNamed: (name: string) => Excel.Worksheet
): Step[] {
  const steps: Step[] = [];
  const grid = planGrid(plan.cells);
  if (grid.rows > 0 && grid.cols > 0) {
    // Formats first (the "@" text format must be in place before values arrive), in row bands.
    const bandsOf = (rows: readonly (readonly unknown[])[]) => {
      const out: { start: number; end: number; size: number }[] = [];
      let start = 0;
      let size = 0;
      for (let i = 0; i < rows.length; i++) {
        const s = payloadSize([rows[i]]);
        if (i > start && size + s > limit / 2) {
          out.push({ start, end: i, size });
          start = i;
          size = 0;
        }
        size += s;
      }
      out.push({ start, end: rows.length, size });
      return out;
    };
    for (const band of bandsOf(grid.numberFormats)) {
      steps.push({
        size: band.size,
        run: () => {
          ws().getRange(rangeAddress(band.start + 1, 1, band.end, grid.cols)).numberFormat =
            grid.numberFormats.slice(band.start, band.end) as string[][];
        },
      });
    }
    for (const band of bandsOf(grid.formulas)) {
      steps.push({
        size: band.size,
        run: () => {
          ws().getRange(rangeAddress(band.start + 1, 1, band.end, grid.cols)).formulas =
            grid.formulas.slice(band.start, band.end) as unknown as string[][];
        },
      });
    }
    for (const t of grid.texts) {
      steps.push({
        size: t.text.length * 2 + 64,
        run: () => {
          ws().getRange(cellAddress(t.row, t.col)).values = [[t.text]];
        },
      });
    }
  }
  const small = (run: () => void): Step => ({ size: 256, run });
  for (const [style, g] of groupBy(plan.cells, (c) => c.style)) {
    const f = STYLE_FORMATS[style];
    for (const addresses of joinAddresses(compressCells(g.cells))) {
      steps.push(small(() => applyFormat(ws().getRanges(addresses).format, f, true)));
    }
  }
  const inputs = plan.cells.filter((c) => c.input).map((c) => ({ row: c.row, col: c.col }));
  for (const addresses of joinAddresses(compressCells(inputs))) {
    steps.push(
      small(() => {
        ws().getRanges(addresses).format.protection.locked = false;
      })
    );
  }
  for (const [key, g] of groupBy(plan.cells, (c) =>
    c.validation ? JSON.stringify(c.validation) : undefined
  )) {
    const v = JSON.parse(key) as ValidationPlan;
    for (const addresses of joinAddresses(compressCells(g.cells))) {
      steps.push(
        small(() => {
          const dv = ws().getRanges(addresses).dataValidation;
          dv.ignoreBlanks = v.allowBlank;
          dv.rule = validationRule(v);
          dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
          dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
        })
      );
    }
  }
  for (const m of plan.merges) {
    steps.push(
      small(() =>
        ws()
          .getRange(rangeAddress(m.top, m.left, m.bottom, m.right))
          .merge(false)
      )
    );
  }
  for (const [col, width] of Object.entries(plan.columnWidths)) {
    steps.push(
      small(() => {
        const letter = cellAddress(1, Number(col)).replace(/\d+$/, "");
        ws().getRange(`${letter}:${letter}`).format.columnWidth = Math.round(
          width * POINTS_PER_CHAR
        );
      })
    );
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    steps.push(
      small(() => {
        ws().getRange(`${row}:${row}`).format.rowHeight = height;
      })
    );
  }
  (plan.conditionalFormats ?? []).forEach((cf, i) =>
    steps.push(small(() => addConditionalFormat(ws(), cf, i)))
  );
  if (plan.print) {
    const print = plan.print;
    const orientation = ORIENTATION[print.orientation];
    const fit = print.scale === undefined ? (print.fit ?? { wide: 1, tall: 0 }) : undefined;
    steps.push(
      small(() => {
        // A4 with the layout's margins; a fixed scale, or fitted to pages (as the .xlsx renderer).
        const page = ws().pageLayout;
        page.paperSize = "A4";
        page.orientation = orientation;
        page.leftMargin = MARGINS.left * 72;
        page.rightMargin = MARGINS.right * 72;
        page.topMargin = MARGINS.top * 72;
        page.bottomMargin = MARGINS.bottom * 72;
        page.headerMargin = MARGINS.header * 72;
        page.footerMargin = MARGINS.footer * 72;
        page.zoom = fit
          ? { horizontalFitToPages: fit.wide, verticalFitToPages: fit.tall }
          : { scale: print.scale };
        if (print.area)
          page.setPrintArea(
            rangeAddress(print.area.top, print.area.left, print.area.bottom, print.area.right)
          );
        if (print.titleRows)
          page.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
        const hf = page.headersFooters.defaultForAllPages;
        if (print.header?.left) hf.leftHeader = print.header.left;
        if (print.header?.center) hf.centerHeader = print.header.center;
        if (print.header?.right) hf.rightHeader = print.header.right;
        if (print.footer?.left) hf.leftFooter = print.footer.left;
        if (print.footer?.center) hf.centerFooter = print.footer.center;
        if (print.footer?.right) hf.rightFooter = print.footer.right;
      })
    );
  }
  for (const r of plan.rowBreaks ?? []) {
    steps.push(
      small(() => {
        // A break before the range's top-left cell: the row starts a new page.
        ws().horizontalPageBreaks.add(`A${r}`);
      })
    );
  }
  if (plan.hiddenRows?.length) {
    const rows = [...plan.hiddenRows];
    steps.push(
      small(() => {
        for (const r of rows) ws().getRange(`${r}:${r}`).rowHidden = true;
      })
    );
  }
  if (plan.gridlines === false) {
    steps.push(
      small(() => {
        ws().showGridlines = false;
      })
    );
  }
  if (plan.hidden) {
    steps.push(
      small(() => {
        ws().visibility = "Hidden";
      })
    );
  }
  for (const t of plan.tables ?? []) {
    steps.push(
      small(() => {
        const table = ws().tables.add(rangeAddress(t.top, t.left, t.bottom, t.right), true);
        table.name = t.name;
        table.style = t.style;
        table.showBandedRows = true;
        table.showFilterButton = true;
      })
    );
  }
  for (const c of plan.charts ?? []) steps.push(small(() => addPlannedChart(ws(), c, sheetNamed)));
  if (plan.freezeRows) {
    const n = plan.freezeRows;
    steps.push(small(() => ws().freezePanes.freezeRows(n)));
  }
  if (plan.tabColor) {
    const color = plan.tabColor.startsWith("#") ? plan.tabColor : `#${plan.tabColor.slice(-6)}`;
    steps.push(
      small(() => {
        ws().tabColor = color;
      })
    );
  }
  return steps;
}

/** Every defined name a plan creates: name → "'Sheet'!C7". */
export function planNames(plan: WorkbookPlan): Map<string, { sheet: string; cell: string }> {
  const out = new Map<string, { sheet: string; cell: string }>();
  for (const s of plan.sheets) {
    for (const c of s.cells)
      if (c.name) out.set(c.name, { sheet: s.name, cell: cellAddress(c.row, c.col) });
  }
  return out;
}

export async function renderWorkbookPlan(
  context: Excel.RequestContext,
  given: WorkbookPlan,
  options: RenderOptions = {}
): Promise<RenderResult> {
  // office-js takes each sheet as ranges of values and formats: streamed rows are made here.
  const plan = materializedWorkbook(given);
  const limit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
  const bad = plan.sheets.find((s) => !isValidSheetName(s.name));
  if (bad) throw errors.invalidSheetName(bad.name);
  const replaceable = new Set((options.replace ?? []).map((n) => n.toLowerCase()));
  const names = planNames(plan);
  let syncs = 0;

  // 1. Check: existing sheets (and their protection), existing names, workbook protection.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const definedNames = context.workbook.names;
  definedNames.load("items/name");
  const wbProtection = context.workbook.protection;
  wbProtection.load("protected");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();
  syncs++;

  // A replaceable sheet with charts is deleted and added again: clearing cells leaves charts.
  const recreate = new Set(
    [
      ...(options.recreate ?? []),
      ...plan.sheets
        .filter((s) => s.charts?.length && replaceable.has(s.name.toLowerCase()))
        .map((s) => s.name),
    ].map((n) => n.toLowerCase())
  );
  const existing = new Map(worksheets.items.map((w) => [w.name.toLowerCase(), w] as const));
  const clashes = plan.sheets.filter(
    (s) =>
      existing.has(s.name.toLowerCase()) &&
      !replaceable.has(s.name.toLowerCase()) &&
      !recreate.has(s.name.toLowerCase())
  );
  if (clashes.length > 0) throw errors.sheetExists(clashes.map((s) => s.name));
  const toReplace = plan.sheets
    .filter((s) => replaceable.has(s.name.toLowerCase()) && !recreate.has(s.name.toLowerCase()))
    .map((s) => ({ name: s.name, ws: existing.get(s.name.toLowerCase()) }))
    .filter((c): c is { name: string; ws: Excel.Worksheet } => c.ws !== undefined);
  const toDelete = plan.sheets
    .map((s) => existing.get(s.name.toLowerCase()))
    .filter((w): w is Excel.Worksheet => w !== undefined && recreate.has(w.name.toLowerCase()));
  // Sheets we replace may be protected (our own templates are, without a password): the write
  // batch unprotects them first. A password-protected sheet makes Excel refuse that step, and the
  // rollback leaves the workbook as it was.
  const protectedSheet = [...toReplace.map((c) => c.ws), ...toDelete].find(
    (w) => w.protection.protected
  )?.name;
  const replacedSet = new Set(toReplace.map((c) => c.name.toLowerCase()));
  const toAdd = plan.sheets.filter((s) => !replacedSet.has(s.name.toLowerCase()));
  if ((toAdd.length > 0 || toDelete.length > 0) && wbProtection.protected)
    throw errors.workbookProtected();
  const existingNames = new Set(definedNames.items.map((n) => n.name.toLowerCase()));
  // Names may be redefined only when they point into a sheet that is being replaced.
  const nameClashes = [...names].filter(
    ([n, at]) => existingNames.has(n.toLowerCase()) && !replacedSet.has(at.sheet.toLowerCase())
  );
  if (nameClashes.length > 0) throw errors.nameExists(nameClashes.map(([n]) => n));
  // Tables on sheets being replaced go (the plan draws them again); any other table with a
  // planned table's name is a clash, like a defined name.
  const staleTables = tables.items.filter((t) => replacedSet.has(t.worksheet.name.toLowerCase()));
  const planned = new Set(
    plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name.toLowerCase()))
  );
  const tableClashes = tables.items.filter(
    (t) => planned.has(t.name.toLowerCase()) && !replacedSet.has(t.worksheet.name.toLowerCase())
  );
  if (tableClashes.length > 0) throw errors.nameExists(tableClashes.map((t) => t.name));

  // 2. Write: add all sheets first so formulas can refer to any of them, then content.
  const sheetsByName = new Map<string, Excel.Worksheet>();
  const addedNames: string[] = [];
  const steps: Step[] = [];
  steps.push({
    size: 256,
    run: () => {
      context.application.suspendApiCalculationUntilNextSync();
      for (const w of toDelete) {
        w.protection.unprotect();
        w.delete();
      }
      for (const s of toAdd) sheetsByName.set(s.name, worksheets.add(s.name));
      for (const c of toReplace) {
        c.ws.protection.unprotect();
        for (const t of staleTables) {
          if (t.worksheet.name.toLowerCase() === c.name.toLowerCase()) t.delete();
        }
        const all = c.ws.getRange();
        all.unmerge();
        all.dataValidation.clear();
        all.conditionalFormats.clearAll();
        all.clear("All");
        sheetsByName.set(c.name, c.ws);
      }
      for (const [n, at] of names) {
        if (existingNames.has(n.toLowerCase()) && replacedSet.has(at.sheet.toLowerCase())) {
          definedNames.getItem(n).delete();
        }
      }
    },
  });
  for (const s of plan.sheets) {
    steps.push(
      ...sheetSteps(
        () => sheetsByName.get(s.name) as Excel.Worksheet,
        s,
        limit,
        (name) => sheetsByName.get(name) ?? worksheets.getItem(name)
      )
    );
  }
  steps.push({
    size: names.size * 96,
    run: () => {
      for (const [n, at] of names) {
        definedNames.add(n, `=${quoteSheet(at.sheet)}!$${at.cell.replace(/(\d+)$/, "$$$1")}`);
        addedNames.push(n);
      }
      for (const s of plan.sheets) {
        if (s.protect) {
          (sheetsByName.get(s.name) as Excel.Worksheet).protection.protect({
            allowFormatColumns: true,
            allowFormatRows: true,
            allowAutoFilter: true,
          });
        }
      }
      options.afterWrite?.(sheetsByName);
      const show = options.activate ?? plan.sheets[0]?.name;
      if (show) sheetsByName.get(show)?.activate();
    },
  });

  try {
    syncs += await runBatches(context, groupSteps(steps, limit));
  } catch (e) {
    const err = fromExcelError(e, protectedSheet);
    // 3. Roll back what this operation added. Sheets were added first and in order, names
    // last: the ones that exist form a prefix, so deleting in order removes all of them.
    try {
      for (const s of toAdd) {
        if (sheetsByName.has(s.name)) worksheets.getItem(s.name).delete();
      }
      for (const n of addedNames) definedNames.getItem(n).delete();
      await context.sync();
    } catch {
      // The first missing item ends the rollback batch; everything before it is removed.
    }
    syncs++;
    if (err instanceof ExcelAdapterError) throw err;
    throw err;
  }
  return {
    added: toAdd.map((s) => s.name),
    replaced: toReplace.map((c) => c.name),
    names: names.size,
    syncs,
  };
}
