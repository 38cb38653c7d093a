/**
 * The aggregation workbook's *Data* sheet as the pane writes it, in the same layout as the CLI's
 * report (src/domain/report: title, note, header on row 3, one row per municipality × field with
 * Kommune, Felt, Skabelon, År, Værdi), plus the file each return came from. Merging is explicit:
 * a municipality's rows are replaced only when the user said so.
 */
import { SHEET } from "../domain/report";
import type { FieldValue, KommuneReturn } from "../domain/model";
import type { Table, TableValue } from "../excel/table";

export const DATA_SHEET = SHEET.data;
export const DATA_TITLE = "Data: de indsendte tal (én række pr. kommune og felt)";
export const DATA_NOTE =
  "Indsamlet i Byrdeberegner. Beregningerne på faktaarkene henviser til kolonne E.";
export const DATA_HEADER = ["Kommune", "Felt", "Skabelon", "År", "Værdi", "Fil"] as const;
/** Rows above the first data row (title, note, header). */
export const DATA_HEADER_ROW = 3;

export function returnRows(r: KommuneReturn): TableValue[][] {
  return Object.entries(r.values)
    .filter(([, v]) => v !== null && v !== "")
    .map(([id, v]) => {
      const parts = id.split(".");
      const year = parts.length === 4 ? Number(parts[3]) : null;
      return [
        r.kommune,
        id,
        parts[0],
        Number.isInteger(year) ? year : null,
        v as TableValue,
        r.file ?? "",
      ];
    });
}

/** The data rows of a Data sheet read with readTable (everything below its header row). */
function dataRows(table: Table | undefined): (readonly TableValue[])[] {
  if (!table) return [];
  const all = [table.header, ...table.rows];
  const at = all.findIndex((r) => r[0] === "Kommune" && r[1] === "Felt");
  return at < 0 ? [] : all.slice(at + 1);
}

/** True when the sheet is empty or laid out as a Data sheet. */
export function headerMatches(table: Table | undefined): boolean {
  if (!table) return true;
  const all = [table.header, ...table.rows];
  if (all.every((r) => r.every((v) => v === null || v === ""))) return true;
  return all.some((r) => r[0] === "Kommune" && r[1] === "Felt");
}

/** Municipalities in a Data table, with the file each came from. */
export function kommunerIn(table: Table | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of dataRows(table)) {
    const k = row[0];
    if (typeof k === "string" && k && !out.has(k)) out.set(k, String(row[5] ?? ""));
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
  const kept = dataRows(existing).filter((row) => !replace.has(String(row[0])));
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
    const [k, id, , , v, file] = row;
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
