/**
 * The aggregation workbook's *Data* sheet as the pane writes it, in the same layout as the CLI's
 * report (src/domain/report: title, note, header on row 3, one row per municipality × field with
 * Kommune, Felt, Skabelon, År, Værdi), plus the file each return came from. Merging is explicit:
 * a municipality's rows are replaced only when the user said so.
 */
import { DATA_COLUMNS, HEADER_ROW, SHEET, TABLE } from "../domain/report";
import { defaultPack } from "../domain/pakker";
import { TABLE_STYLE } from "../domain/report/sheet";
import type { FieldValue, KommuneReturn } from "../domain/model";
import { rowsByColumn, type Table, type TableValue, type WriteTableOptions } from "../excel/table";

export const DATA_SHEET = SHEET.data;
/** The Excel table on the Data sheet (the report's name, so both read the same way). */
export const DATA_TABLE = TABLE.data;
export const DATA_TITLE = "Data: de indsendte tal";
export const DATA_NOTE =
  "Én række pr. kommune og felt, indsamlet i Byrdeberegner. Faktaarkenes formler henviser til kolonnen »Værdi«.";
export const DATA_HEADER = [...DATA_COLUMNS, "Fil"] as const;
/** Rows above the first data row (title, note, header). */
export const DATA_HEADER_ROW = HEADER_ROW;
/** How Indsaml writes the Data sheet: frozen header, an Excel table from the header row down. */
export const DATA_WRITE: WriteTableOptions = {
  freezeRows: DATA_HEADER_ROW,
  listObject: { name: DATA_TABLE, headerRow: DATA_HEADER_ROW, style: TABLE_STYLE },
};

/** The columns the pane reads the Data table by. */
const KEY = { kommune: "Kommune", felt: "Felt", vaerdi: "Værdi", fil: "Fil" } as const;

export function returnRows(r: KommuneReturn): TableValue[][] {
  return Object.entries(r.values)
    .filter(([, v]) => v !== null && v !== "")
    .map(([id, v]) => {
      const parts = id.split(".");
      const year = parts.length === 4 ? Number(parts[3]) : null;
      // In DATA_HEADER's order: Kommune, Felt, Etiket, Skabelon, År, Værdi, Fil.
      return [
        r.kommune,
        id,
        defaultPack().fields.get(id)?.label ?? "",
        parts[0],
        Number.isInteger(year) ? year : null,
        v as TableValue,
        r.file ?? "",
      ];
    });
}

/** The data rows of a Data sheet by column name (the Excel table, or the sheet below its header row). */
function dataRows(table: Table | undefined): Record<string, TableValue>[] {
  return rowsByColumn(table, [KEY.kommune, KEY.felt, KEY.vaerdi]);
}

/** A data row back in the header's column order. */
function asRow(rec: Record<string, TableValue>): TableValue[] {
  return DATA_HEADER.map((h) => rec[h] ?? null);
}

/** True when the sheet is empty or laid out as a Data sheet. */
export function headerMatches(table: Table | undefined): boolean {
  if (!table) return true;
  const all = [table.header, ...table.rows];
  if (all.every((r) => r.every((v) => v === null || v === ""))) return true;
  return all.some((r) => r.includes(KEY.kommune) && r.includes(KEY.felt) && r.includes(KEY.vaerdi));
}

/** Municipalities in a Data table, with the file each came from. */
export function kommunerIn(table: Table | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of dataRows(table)) {
    const k = row[KEY.kommune];
    if (typeof k === "string" && k && !out.has(k)) out.set(k, String(row[KEY.fil] ?? ""));
  }
  return out;
}

/**
 * Existing rows, minus the municipalities in `replace`, plus the incoming returns (a municipality
 * already present and not in `replace` is kept as it was, and its incoming return skipped).
 */
export function mergeData(
  existing: Table | undefined,
  incoming: readonly KommuneReturn[],
  replace: ReadonlySet<string>
): Table {
  const present = kommunerIn(existing);
  const kept = dataRows(existing)
    .filter((row) => !replace.has(String(row[KEY.kommune])))
    .map(asRow);
  const added = incoming
    .filter((r) => !present.has(r.kommune) || replace.has(r.kommune))
    .flatMap(returnRows);
  return { header: [DATA_TITLE], rows: [[DATA_NOTE], [...DATA_HEADER], ...kept, ...added] };
}

/** Values by municipality, as the projection reads them back. */
export function valuesByKommune(
  table: Table | undefined
): Map<string, { values: Record<string, FieldValue>; file: string }> {
  const out = new Map<string, { values: Record<string, FieldValue>; file: string }>();
  for (const row of dataRows(table)) {
    const k = row[KEY.kommune];
    const id = row[KEY.felt];
    const v = row[KEY.vaerdi];
    const file = row[KEY.fil];
    if (typeof k !== "string" || typeof id !== "string" || !k) continue;
    let entry = out.get(k);
    if (!entry) {
      entry = { values: {}, file: String(file ?? "") };
      out.set(k, entry);
    }
    entry.values[id] =
      v === null || v === undefined || v === "" ? null : typeof v === "boolean" ? String(v) : v;
  }
  return out;
}
