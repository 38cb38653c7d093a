/**
 * The aggregation workbook's *Data* sheet as the pane writes it: one row per municipality ×
 * field (long format), so any number of returns and templates fit the same four columns.
 * Merging is explicit: rows of a municipality are replaced only when the user said so.
 */
import type { FieldValue, KommuneReturn } from "../domain/model";
import type { Table, TableValue } from "../excel/table";

export const DATA_SHEET = "Data";
export const DATA_HEADER = ["Kommune", "Felt", "Værdi", "Fil"] as const;

export function returnRows(r: KommuneReturn): TableValue[][] {
  return Object.entries(r.values)
    .filter(([, v]) => v !== null && v !== "")
    .map(([id, v]) => [r.kommune, id, v as TableValue, r.file ?? ""]);
}

/** Municipalities in a Data table, with the file each came from. */
export function kommunerIn(table: Table | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of table?.rows ?? []) {
    const k = row[0];
    if (typeof k === "string" && k && !out.has(k)) out.set(k, String(row[3] ?? ""));
  }
  return out;
}

/** True when the sheet's header is ours (or the sheet is empty). */
export function headerMatches(table: Table | undefined): boolean {
  if (!table || table.header.length === 0 || table.header.every((h) => h === "")) return true;
  return DATA_HEADER.every((h, i) => table.header[i] === h);
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
  const kept = (existing?.rows ?? []).filter((row) => !replace.has(String(row[0])));
  const added = incoming
    .filter((r) => !present.has(r.kommune) || replace.has(r.kommune))
    .flatMap(returnRows);
  return { header: [...DATA_HEADER], rows: [...kept, ...added] };
}

/** Reads the Data table back into values by municipality (what the projection takes). */
export function valuesByKommune(
  table: Table | undefined
): Map<string, { values: Record<string, FieldValue>; file: string }> {
  const out = new Map<string, { values: Record<string, FieldValue>; file: string }>();
  for (const row of table?.rows ?? []) {
    const [k, id, v, file] = row;
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
