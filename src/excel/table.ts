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
  /** Read from an Excel table ("tabel") or from the sheet's used range ("omraade"). */
  readonly source?: "tabel" | "omraade";
}

/** Values as read from Excel: "" is an empty cell. */
function cleanRow(r: readonly unknown[]): TableValue[] {
  return r.map((v) => (v === "" ? null : (v as TableValue)));
}

/** A used range's values as a table re-based on A1 (columns keep their positions). */
function tableOf(used: Excel.Range): Table {
  const pad = (row: readonly TableValue[]) => [
    ...new Array<TableValue>(used.columnIndex).fill(null),
    ...row,
  ];
  const values = [
    ...Array.from({ length: used.rowIndex }, () => [] as TableValue[]),
    ...used.values.map((r) => pad(cleanRow(r))),
  ];
  const [header = [], ...rows] = values;
  return { header: header.map((h) => (h === null ? "" : String(h))), rows, source: "omraade" };
}

/** An Excel table's range: its header row gives the column names, the rest are its rows. */
function listObjectOf(range: Excel.Range): Table {
  const [header = [], ...rows] = range.values.map(cleanRow);
  return { header: header.map((h) => (h === null ? "" : String(h))), rows, source: "tabel" };
}

/**
 * Where to read each sheet from: the sheet's Excel table of that name when it has one, else
 * the sheet's used range (a sheet typed by hand, or written before tables).
 */
export interface TableSource {
  readonly sheet: string;
  /** The Excel table (ListObject) to read, e.g. "Data_tabel". */
  readonly table?: string;
}

/**
 * Reads several sheets' tables at once (missing sheets give undefined). Two syncs however many
 * sheets: find the sheets and tables, then load all their ranges together.
 */
export async function readTables(
  context: Excel.RequestContext,
  sources: readonly (string | TableSource)[]
): Promise<{ tables: Record<string, Table | undefined>; syncs: number }> {
  const wanted = sources.map((s) => (typeof s === "string" ? { sheet: s } : s));
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const listObjects = context.workbook.tables;
  listObjects.load("items/name,items/worksheet/name");
  await context.sync();
  const found = wanted.map(({ sheet, table }) => {
    const ws = worksheets.items.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
    if (!ws) return { name: sheet, range: undefined, listObject: false };
    const lo = table
      ? listObjects.items.find(
          (t) =>
            t.name.toLowerCase() === table.toLowerCase() &&
            t.worksheet.name.toLowerCase() === sheet.toLowerCase()
        )
      : undefined;
    if (lo) {
      const range = lo.getRange();
      range.load("values");
      return { name: sheet, range, listObject: true };
    }
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { name: sheet, range: used, listObject: false };
  });
  await context.sync();
  const tables: Record<string, Table | undefined> = {};
  for (const { name, range, listObject } of found) {
    if (!range) tables[name] = undefined;
    else if (listObject) tables[name] = listObjectOf(range);
    else if (range.isNullObject) tables[name] = { header: [], rows: [] };
    else tables[name] = tableOf(range);
  }
  return { tables, syncs: 2 };
}

/** Reads the table on `sheet` (its Excel table `table` when it has one); undefined when the sheet does not exist. */
export async function readTable(
  context: Excel.RequestContext,
  sheet: string,
  table?: string
): Promise<{ table?: Table; syncs: number }> {
  const { tables, syncs } = await readTables(context, [{ sheet, table }]);
  return { table: tables[sheet], syncs };
}

/**
 * The rows of a table as records by column name: the header is the first row (of the table's
 * header and rows) that holds every name in `required`. Empty when no row does.
 */
export function rowsByColumn(
  table: Table | undefined,
  required: readonly string[]
): Record<string, TableValue>[] {
  if (!table) return [];
  const all: (readonly TableValue[])[] = [table.header, ...table.rows];
  const at = all.findIndex((r) => required.every((n) => r.some((v) => v === n)));
  if (at < 0) return [];
  const names = all[at].map((v) => (v === null ? "" : String(v)));
  return all.slice(at + 1).map((r) => {
    const rec: Record<string, TableValue> = {};
    names.forEach((n, i) => {
      if (n) rec[n] = r[i] ?? null;
    });
    return rec;
  });
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
  /**
   * Make the rows from `headerRow` (1-based, the column names) to the last an Excel table with
   * this name and style, replacing the sheet's earlier table of that name.
   */
  readonly listObject?: {
    readonly name: string;
    readonly headerRow: number;
    readonly style: string;
  };
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
  const listObjects = context.workbook.tables;
  listObjects.load("items/name,items/worksheet/name");
  await context.sync();
  const found = worksheets.items.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
  const lo = options.listObject;
  const stale = listObjects.items.filter(
    (t) =>
      t.worksheet.name.toLowerCase() === sheet.toLowerCase() ||
      (lo !== undefined && t.name.toLowerCase() === lo.name.toLowerCase())
  );
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
        for (const t of stale) t.delete();
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
  if (lo) {
    // Tables need a data row: an empty one when there is no data yet.
    const last = Math.max(grid.length, lo.headerRow + 1);
    steps.push({
      size: 256,
      run: () => {
        const t = (ws as Excel.Worksheet).tables.add(
          rangeAddress(lo.headerRow, 1, last, width),
          true
        );
        t.name = lo.name;
        t.style = lo.style;
        t.showBandedRows = true;
        t.showFilterButton = true;
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
