/**
 * Reading and writing input fields by their defined names (field ids and meta.*), and
 * selecting a cell. Each operation is a fixed number of syncs, whatever the number of fields:
 * read = 2 (names, then all their ranges at once), write = 2 (names, then all writes),
 * select = 1.
 */
import type { CellLocation, RawCell, RawReturn } from "../domain/model";
import { META_FIELDS } from "../domain/fieldId";
import { quoteSheet, splitAddress } from "./a1";
import { errors, fromExcelError } from "./errors";
import { looksLikeFormula } from "./grid";

export type CellValue = string | number | boolean | null;

export interface ReadResult {
  /** By defined name (field id or meta.*), with location and number format. */
  readonly cells: Record<string, RawCell>;
  readonly syncs: number;
}

/**
 * Reads every defined name in `ids` (all workbook names when omitted) with its value, number
 * format and location.
 */
export async function readNamedCells(
  context: Excel.RequestContext,
  ids?: readonly string[]
): Promise<ReadResult> {
  const names = context.workbook.names;
  names.load("items/name,items/type");
  await context.sync();
  const wanted = ids ? new Set(ids.map((i) => i.toLowerCase())) : undefined;
  const ranges = names.items
    .filter((n) => n.type === "Range" && (!wanted || wanted.has(n.name.toLowerCase())))
    .map((n) => {
      const range = n.getRange();
      range.load("values,numberFormat,address");
      return { name: n.name, range };
    });
  await context.sync();
  const cells: Record<string, RawCell> = {};
  for (const { name, range } of ranges) {
    const location = splitAddress(range.address.split(":")[0]);
    cells[name] = {
      value: range.values[0]?.[0] === "" ? null : (range.values[0]?.[0] ?? null),
      numFmt: String(range.numberFormat[0]?.[0] ?? "General"),
      location,
    };
  }
  return { cells, syncs: 2 };
}

/** Reads the open workbook as a RawReturn (the shape the validation and projection code take). */
export async function readWorkbookReturn(
  context: Excel.RequestContext,
  ids?: readonly string[]
): Promise<{ raw: RawReturn; syncs: number }> {
  const wanted = ids ? [...ids, ...Object.values(META_FIELDS)] : undefined;
  const { cells, syncs } = await readNamedCells(context, wanted);
  const meta = (id: string) => cells[id]?.value;
  const fieldCells: Record<string, RawCell> = {};
  for (const [id, c] of Object.entries(cells)) if (!id.startsWith("meta.")) fieldCells[id] = c;
  const version = Number(meta(META_FIELDS.version));
  const text = (v: unknown) => (v === null || v === undefined || v === "" ? undefined : String(v));
  return {
    raw: {
      meta: {
        skabelon: text(meta(META_FIELDS.skabelon)),
        version: Number.isFinite(version) && version > 0 ? version : undefined,
        kommune: text(meta(META_FIELDS.kommune)),
        pakke: text(meta(META_FIELDS.pakke)),
      },
      cells: fieldCells,
      locatedBy: "navne",
      findings: [],
    },
    syncs,
  };
}

/**
 * Writes values into named cells. Text that Excel would take as a formula (= + - @) is written
 * with the text format, as text. Unknown names → typed error, nothing written.
 */
export async function writeNamedCells(
  context: Excel.RequestContext,
  values: Readonly<Record<string, CellValue>>
): Promise<{ syncs: number; written: number }> {
  const names = context.workbook.names;
  names.load("items/name,items/type");
  await context.sync();
  const known = new Map(names.items.map((n) => [n.name.toLowerCase(), n] as const));
  const missing = Object.keys(values).filter((id) => !known.has(id.toLowerCase()));
  if (missing.length > 0) throw errors.notFound(`Navnet »${missing[0]}«`);
  for (const [id, v] of Object.entries(values)) {
    const range = (known.get(id.toLowerCase()) as Excel.NamedItem).getRange();
    if (typeof v === "string" && (looksLikeFormula(v) || /^\s*-?[\d.,]+\s*$/.test(v))) {
      range.numberFormat = [["@"]];
    }
    range.values = [[v === null ? "" : v]];
  }
  try {
    await context.sync();
  } catch (e) {
    throw fromExcelError(e);
  }
  return { syncs: 2, written: Object.keys(values).length };
}

/** Activates the sheet and selects the cell (e.g. from a finding's location). One sync. */
export async function selectCell(
  context: Excel.RequestContext,
  location: CellLocation
): Promise<{ syncs: number }> {
  const ws = context.workbook.worksheets.getItem(location.sheet);
  ws.activate();
  ws.getRange(location.cell).select();
  try {
    await context.sync();
  } catch (e) {
    throw fromExcelError(e, location.sheet);
  }
  return { syncs: 1 };
}

/** Selects the cell behind a defined name (a field id). One sync. */
export async function selectName(
  context: Excel.RequestContext,
  id: string
): Promise<{ syncs: number }> {
  const range = context.workbook.names.getItem(id).getRange();
  range.worksheet.activate();
  range.select();
  try {
    await context.sync();
  } catch (e) {
    throw fromExcelError(e);
  }
  return { syncs: 1 };
}

/** "'UKN Data'!C7" for messages and formulas. */
export function formatLocation(location: CellLocation): string {
  return `${quoteSheet(location.sheet)}!${location.cell}`;
}

export interface WorkbookInfo {
  /** Sheet names in tab order. */
  readonly sheets: readonly string[];
  /** meta.kommune, when the workbook has it. */
  readonly kommune?: string;
  /** Template ids from meta.skabelon. */
  readonly skabeloner: readonly string[];
  readonly version?: number;
  /** meta.pakke: the pack the templates were made from (absent in workbooks made before packs). */
  readonly pakke?: string;
}

/** Which sheets and templates the open workbook holds. Two syncs. */
export async function readWorkbookInfo(
  context: Excel.RequestContext
): Promise<WorkbookInfo & { syncs: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/type");
  await context.sync();
  const metaIds = new Set(Object.values(META_FIELDS).map((m) => m.toLowerCase()));
  const metas = names.items
    .filter((n) => n.type === "Range" && metaIds.has(n.name.toLowerCase()))
    .map((n) => {
      const range = n.getRange();
      range.load("values");
      return { name: n.name.toLowerCase(), range };
    });
  await context.sync();
  const value = (id: string) => {
    const v = metas.find((m) => m.name === id)?.range.values[0]?.[0];
    return v === undefined || v === null || v === "" ? undefined : v;
  };
  const skabelon = value(META_FIELDS.skabelon);
  const version = Number(value(META_FIELDS.version));
  return {
    sheets: worksheets.items.map((w) => w.name),
    kommune:
      value(META_FIELDS.kommune) === undefined ? undefined : String(value(META_FIELDS.kommune)),
    skabeloner:
      skabelon === undefined
        ? []
        : String(skabelon)
            .split(/[,;\s]+/)
            .filter(Boolean),
    version: Number.isFinite(version) && version > 0 ? version : undefined,
    ...(value(META_FIELDS.pakke) !== undefined ? { pakke: String(value(META_FIELDS.pakke)) } : {}),
    syncs: 2,
  };
}
