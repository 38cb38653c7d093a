/**
 * The aggregation workbook's *Data* sheet as the pane writes it, in the same layout as the
 * report's Data sheet (one schema for both: `dataColumns(pack)` in src/domain/tables/report.ts,
 * kl2024's the report's DATA_COLUMNS): title, note, header on row 3, one row per respondent ×
 * field with respondent, Felt, Etiket (the field's label), Skabelon, År (or Kolonne), Værdi,
 * plus the file each return came from. Merging is explicit: a respondent's rows are replaced
 * only when the user said so.
 */
import type { FieldValue, KommuneReturn } from "../domain/model";
import type { Pack } from "../domain/pack/model";
import { DATA_COLUMNS, HEADER_ROW, SHEET, TABLE } from "../domain/report";
import { defaultPack } from "../domain/pakker";
import { TABLE_STYLE } from "../domain/report/sheet";
import { dataColumns } from "../domain/tables/report";
import { rowsByColumn, type Table, type TableValue, type WriteTableOptions } from "../excel/table";

export const DATA_SHEET = SHEET.data;
/** The Excel table on the Data sheet (the report's name, so both read the same way). */
export const DATA_TABLE = TABLE.data;
/** Rows above the first data row (title, note, header). */
export const DATA_HEADER_ROW = HEADER_ROW;
/** How Indsaml writes the Data sheet: frozen header, an Excel table from the header row down. */
export const DATA_WRITE: WriteTableOptions = {
  freezeRows: DATA_HEADER_ROW,
  listObject: { name: DATA_TABLE, headerRow: DATA_HEADER_ROW, style: TABLE_STYLE },
};

/** The Data sheet of one pack: its columns, a field's label and its column (year, key or record no.). */
export interface DataLayout {
  /** Respondent, Felt, Etiket, Skabelon, År/Kolonne, Værdi, Fil. */
  readonly header: readonly string[];
  readonly title: string;
  readonly note: string;
  readonly label: (id: string) => string;
  readonly column: (id: string) => TableValue;
}

/** kl2024's year from a field id `<t>.<b>.<r>.<year>`. */
function yearOf(id: string): TableValue {
  const parts = id.split(".");
  const year = parts.length === 4 ? Number(parts[3]) : null;
  return Number.isInteger(year) ? year : null;
}

const NOTE = "Indsamlet i Byrdeberegner. Beregningerne i rapporten henviser til kolonnen »Værdi«.";

/** kl2024's Data sheet (the layout before packs). */
export const KL2024_DATA: DataLayout = {
  header: [...DATA_COLUMNS, "Fil"],
  title: "Data: de indsendte tal",
  note: `Én række pr. kommune og felt. ${NOTE}`,
  label: (id) => defaultPack().fields.get(id)?.label ?? "",
  column: yearOf,
};

export function dataLayout(pack: Pack): DataLayout {
  return {
    header: [...dataColumns(pack), "Fil"],
    title: "Data: de indsendte tal",
    note: `Én række pr. ${pack.respondents.singular} og felt. ${NOTE}`,
    label: (id) => pack.fields.get(id)?.label ?? "",
    column: (id) => {
      const f = pack.fields.get(id);
      return f?.column ?? f?.record ?? yearOf(id);
    },
  };
}

/** The header's columns by role: the respondent first, then Felt; Værdi and Fil last. */
function keys(layout: DataLayout) {
  const h = layout.header;
  return { who: h[0], felt: h[1], vaerdi: h[h.length - 2], fil: h[h.length - 1] };
}

export function returnRows(r: KommuneReturn, layout: DataLayout = KL2024_DATA): TableValue[][] {
  return Object.entries(r.values)
    .filter(([, v]) => v !== null && v !== "")
    .map(([id, v]) => [
      r.kommune,
      id,
      layout.label(id),
      id.split(".")[0],
      layout.column(id),
      v as TableValue,
      r.file ?? "",
    ]);
}

/** The data rows of a Data sheet by column name (the Excel table, or the sheet below its header row). */
function dataRows(table: Table | undefined, layout: DataLayout): Record<string, TableValue>[] {
  const k = keys(layout);
  return rowsByColumn(table, [k.who, k.felt, k.vaerdi]);
}

/** A data row back in the header's column order. */
function asRow(rec: Record<string, TableValue>, layout: DataLayout): TableValue[] {
  return layout.header.map((h) => rec[h] ?? null);
}

/** True when the sheet is empty or laid out as this pack's Data sheet. */
export function headerMatches(table: Table | undefined, layout: DataLayout = KL2024_DATA): boolean {
  if (!table) return true;
  const k = keys(layout);
  const all = [table.header, ...table.rows];
  if (all.every((r) => r.every((v) => v === null || v === ""))) return true;
  return all.some((r) => r.includes(k.who) && r.includes(k.felt) && r.includes(k.vaerdi));
}

/** Respondents in a Data table, with the file each came from. */
export function kommunerIn(
  table: Table | undefined,
  layout: DataLayout = KL2024_DATA
): Map<string, string> {
  const k = keys(layout);
  const out = new Map<string, string>();
  for (const row of dataRows(table, layout)) {
    const who = row[k.who];
    if (typeof who === "string" && who && !out.has(who)) out.set(who, String(row[k.fil] ?? ""));
  }
  return out;
}

/**
 * Existing rows, minus the respondents in `replace`, plus the incoming returns (a respondent
 * already present and not in `replace` is kept as it was, and its incoming return skipped).
 */
export function mergeData(
  existing: Table | undefined,
  incoming: readonly KommuneReturn[],
  replace: ReadonlySet<string>,
  layout: DataLayout = KL2024_DATA
): Table {
  const k = keys(layout);
  const present = kommunerIn(existing, layout);
  const kept = dataRows(existing, layout)
    .filter((row) => !replace.has(String(row[k.who])))
    .map((row) => asRow(row, layout));
  const added = incoming
    .filter((r) => !present.has(r.kommune) || replace.has(r.kommune))
    .flatMap((r) => returnRows(r, layout));
  return { header: [layout.title], rows: [[layout.note], [...layout.header], ...kept, ...added] };
}

/** Values by respondent, as the calculations read them back. */
export function valuesByKommune(
  table: Table | undefined,
  layout: DataLayout = KL2024_DATA
): Map<string, { values: Record<string, FieldValue>; file: string }> {
  const k = keys(layout);
  const out = new Map<string, { values: Record<string, FieldValue>; file: string }>();
  for (const row of dataRows(table, layout)) {
    const who = row[k.who];
    const id = row[k.felt];
    const v = row[k.vaerdi];
    const file = row[k.fil];
    if (typeof who !== "string" || typeof id !== "string" || !who) continue;
    let entry = out.get(who);
    if (!entry) {
      entry = { values: {}, file: String(file ?? "") };
      out.set(who, entry);
    }
    entry.values[id] =
      v === null || v === undefined || v === "" ? null : typeof v === "boolean" ? String(v) : v;
  }
  return out;
}
