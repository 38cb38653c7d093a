/**
 * Whole-table reads and writes on one sheet (the aggregation workbook's *Data* sheet, Landstal,
 * Kommunedata …). A table is a header row and data rows starting at A1.
 *
 * Sync budget: read = 2 (find the sheet, then its used range); write = 2 (check the sheet and
 * its protection, then clear and write the whole table in one 2-D write) plus one more per
 * 4 MB of payload beyond the first. The number of rows or returns never adds a sync.
 */
import { rangeAddress } from "./a1";
import { groupSteps, runBatches, type Step } from "./batch";
import { errors, fromExcelError, isValidSheetName } from "./errors";
import { DEFAULT_PAYLOAD_LIMIT, looksLikeFormula, payloadSize, rowBands } from "./grid";

export type TableValue = string | number | boolean | null;

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly TableValue[])[];
}

/** A used range's values as a table re-based on A1 (columns keep their positions). */
function tableOf(used: Excel.Range): Table {
  const pad = (row: readonly TableValue[]) => [
    ...new Array<TableValue>(used.columnIndex).fill(null),
    ...row,
  ];
  const values = [
    ...Array.from({ length: used.rowIndex }, () => [] as TableValue[]),
    ...used.values.map((r) => pad(r.map((v) => (v === "" ? null : (v as TableValue))))),
  ];
  const [header = [], ...rows] = values;
  return { header: header.map((h) => (h === null ? "" : String(h))), rows };
}

/** Reads the table on `sheet`; undefined when the sheet does not exist. */
export async function readTable(
  context: Excel.RequestContext,
  sheet: string
): Promise<{ table?: Table; syncs: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const ws = worksheets.items.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (!ws) return { table: undefined, syncs: 1 };
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  await context.sync();
  if (used.isNullObject) return { table: { header: [], rows: [] }, syncs: 2 };
  return { table: tableOf(used), syncs: 2 };
}

/** A value safe to write through `range.values`: formula-like text is kept as text. */
function cellFormat(v: TableValue): string | null {
  return typeof v === "string" && (looksLikeFormula(v) || /^\s*-?[\d.,]+\s*$/.test(v)) ? "@" : null;
}

export interface WriteTableOptions {
  /** Create the sheet when it is missing (default true). */
  readonly create?: boolean;
  /** Number formats per column, e.g. { 3: "0.0" } (0-based column). */
  readonly columnFormats?: Readonly<Record<number, string>>;
  readonly payloadLimit?: number;
  /** Rows to freeze at the top (e.g. title, note and header). */
  readonly freezeRows?: number;
}

/**
 * Replaces the table on `sheet` with `table` (the caller decides what to keep: this writes
 * exactly what it is given). Text that looks like a formula is written as text.
 */
export async function writeTable(
  context: Excel.RequestContext,
  sheet: string,
  table: Table,
  options: WriteTableOptions = {}
): Promise<{ syncs: number; rows: number }> {
  if (!isValidSheetName(sheet)) throw errors.invalidSheetName(sheet);
  const limit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const wbProtection = context.workbook.protection;
  wbProtection.load("protected");
  await context.sync();
  const found = worksheets.items.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (found && found.protection.protected) throw errors.sheetProtected(found.name);
  if (!found && options.create === false) throw errors.notFound(`Arket »${sheet}«`);
  if (!found && wbProtection.protected) throw errors.workbookProtected();

  const width = Math.max(table.header.length, ...table.rows.map((r) => r.length), 1);
  const grid: TableValue[][] = [table.header, ...table.rows].map((r) => {
    const row = [...r];
    while (row.length < width) row.push(null);
    return row.map((v) => (v === null || v === undefined ? "" : v));
  });
  const formats: (string | null)[][] = grid.map((r, i) =>
    r.map((v, k) => cellFormat(v) ?? (i > 0 ? (options.columnFormats?.[k] ?? null) : null))
  );
  const hasFormats = formats.some((r) => r.some((f) => f !== null));
  let ws: Excel.Worksheet | undefined = found;
  const steps: Step[] = [
    {
      size: 256,
      run: () => {
        context.application.suspendApiCalculationUntilNextSync();
        ws = found ?? worksheets.add(sheet);
        if (found) found.getRange().clear("Contents");
        if (options.freezeRows) ws.freezePanes.freezeRows(options.freezeRows);
        ws.getRange(rangeAddress(1, 1, 1, width)).format.font.bold = true;
      },
    },
  ];
  for (const band of rowBands(grid, limit / 2)) {
    const slice = grid.slice(band.start, band.end);
    const fmt = formats.slice(band.start, band.end);
    steps.push({
      size: payloadSize(slice) + (hasFormats ? payloadSize(fmt) : 0),
      run: () => {
        const range = (ws as Excel.Worksheet).getRange(
          rangeAddress(band.start + 1, 1, band.end, width)
        );
        if (hasFormats) range.numberFormat = fmt as string[][];
        range.values = slice as (string | number | boolean)[][];
      },
    });
  }
  try {
    const syncs = await runBatches(context, groupSteps(steps, limit));
    return { syncs: 1 + syncs, rows: table.rows.length };
  } catch (e) {
    throw fromExcelError(e, sheet);
  }
}

/**
 * Reads several sheets' tables at once (missing sheets give undefined). Two syncs however many
 * sheets: find them, then load all their used ranges together.
 */
export async function readTables(
  context: Excel.RequestContext,
  sheets: readonly string[]
): Promise<{ tables: Record<string, Table | undefined>; syncs: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const found = sheets.map((name) => {
    const ws = worksheets.items.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (!ws) return { name, used: undefined };
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { name, used };
  });
  await context.sync();
  const tables: Record<string, Table | undefined> = {};
  for (const { name, used } of found) {
    if (!used) {
      tables[name] = undefined;
      continue;
    }
    if (used.isNullObject) {
      tables[name] = { header: [], rows: [] };
      continue;
    }
    tables[name] = tableOf(used);
  }
  return { tables, syncs: 2 };
}
