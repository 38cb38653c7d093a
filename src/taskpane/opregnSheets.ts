/**
 * The projection's inputs as the workbook holds them: the *Landstal*, *Kommunedata* and
 * *Indstillinger* sheets in the report's layout (src/domain/report), read back into the engine's
 * input shapes, and the *Data* sheet back into returns (validated again, so the projection sees
 * the same findings as at import). Text in number cells goes through the domain's number reader.
 */
import { CATALOGUE_VERSION, NEDSLAGSPUNKTER } from "../domain/catalogue";
import type { KommuneReturn, RawCell } from "../domain/model";
import { numberInCell } from "../domain/parse/number";
import type { KommunedataKey } from "../domain/project/definitions";
import {
  KOMMUNEDATA_LABELS,
  type Indstillinger,
  type Kommunedata,
  type Landstal,
} from "../domain/project/inputs";
import { validateReturn } from "../domain/validate";
import {
  INDSTILLINGER_COLUMNS,
  INDSTILLINGER_ROWS,
  KOMMUNEDATA_FIRST_COLUMN,
  LANDSTAL_COLUMNS,
  SHEET,
  TABLE,
} from "../domain/report";
import { rowsByColumn, type Table, type TableSource, type TableValue } from "../excel/table";
import { valuesByKommune } from "./dataSheet";

/** Where Opregn reads its inputs: the Excel tables by name, Indstillinger as a sheet. */
export const INPUT_SOURCES: readonly TableSource[] = [
  { sheet: SHEET.data, table: TABLE.data },
  { sheet: SHEET.landstal, table: TABLE.landstal },
  { sheet: SHEET.kommunedata, table: TABLE.kommunedata },
  { sheet: SHEET.indstillinger },
];

function grid(table: Table | undefined): (readonly TableValue[])[] {
  return table ? [table.header, ...table.rows] : [];
}

const num = numberInCell;

export function readLandstal(table: Table | undefined): Landstal {
  const [NOEGLE, , AAR, VAERDI] = LANDSTAL_COLUMNS;
  const out: Record<string, number | Record<string, number>> = {};
  for (const r of rowsByColumn(table, [NOEGLE, AAR, VAERDI])) {
    const key = typeof r[NOEGLE] === "string" ? r[NOEGLE].trim() : "";
    const value = num(r[VAERDI]);
    if (!key || value === undefined) continue;
    const year = num(r[AAR]);
    if (year === undefined) out[key] = value;
    else {
      const prev = out[key];
      out[key] = { ...(typeof prev === "object" ? prev : {}), [String(year)]: value };
    }
  }
  return out;
}

/** Kommunedata's columns are "<label> <year>", e.g. "Indbyggere 2023". */
function kommunedataColumn(name: string): { key: KommunedataKey; year: string } | undefined {
  const m = /^(.*)\s(\d{4})$/.exec(name);
  const key = m
    ? (Object.entries(KOMMUNEDATA_LABELS).find(([, l]) => l === m[1])?.[0] as
        KommunedataKey | undefined)
    : undefined;
  return key && m ? { key, year: m[2] } : undefined;
}

export function readKommunedata(table: Table | undefined): Kommunedata {
  const out: Record<string, Partial<Record<KommunedataKey, Record<string, number>>>> = {};
  for (const r of rowsByColumn(table, [KOMMUNEDATA_FIRST_COLUMN])) {
    const name = r[KOMMUNEDATA_FIRST_COLUMN];
    const kommune = typeof name === "string" ? name.trim() : "";
    if (!kommune) continue;
    const entry: Partial<Record<KommunedataKey, Record<string, number>>> = out[kommune] ?? {};
    for (const [column, value] of Object.entries(r)) {
      const c = kommunedataColumn(column);
      const v = num(value);
      if (!c || v === undefined) continue;
      entry[c.key] = { ...(entry[c.key] ?? {}), [c.year]: v };
    }
    out[kommune] = entry;
  }
  return out;
}

export function readIndstillinger(table: Table | undefined): Indstillinger {
  const rows = grid(table);
  const valueOf = (label: string) => num(rows.find((r) => r[0] === label)?.[1] ?? null);
  const head = rows.findIndex((r) => r[0] === INDSTILLINGER_COLUMNS[0]);
  const perioder: Record<string, { basis?: number; slut?: number }> = {};
  const udelad: Record<string, string[]> = {};
  const medtag: Record<string, string[]> = {};
  const list = (v: TableValue | undefined) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  for (const r of head < 0 ? [] : rows.slice(head + 1)) {
    const m = NEDSLAGSPUNKTER.find((x) => x.name === r[0]);
    if (!m) continue;
    const basis = num(r[1] ?? null);
    const slut = num(r[2] ?? null);
    if (basis !== undefined || slut !== undefined) perioder[m.id] = { basis, slut };
    if (list(r[3]).length) udelad[m.id] = list(r[3]);
    if (list(r[4]).length) medtag[m.id] = list(r[4]);
  }
  // The settings' labels come from the report's schema, which also writes them.
  const setting = (key: (typeof INDSTILLINGER_ROWS)[number]["key"]) =>
    valueOf(INDSTILLINGER_ROWS.find((r) => r.key === key)!.label);
  return {
    timer_pr_aarsvaerk: setting("timer_pr_aarsvaerk"),
    spaend_pct: setting("spaend_pct"),
    loen_pr_aarsvaerk: setting("loen_pr_aarsvaerk"),
    perioder,
    udelad,
    medtag,
  };
}

/** The Data sheet's rows back into validated returns, one per municipality. */
export function returnsFromData(table: Table | undefined): KommuneReturn[] {
  return [...valuesByKommune(table)].map(([kommune, { values, file }]) => {
    const cells: Record<string, RawCell> = {};
    for (const [id, v] of Object.entries(values)) cells[id] = { value: v };
    const skabeloner = [...new Set(Object.keys(values).map((id) => id.split(".")[0]))];
    return validateReturn({
      file: file || undefined,
      meta: { kommune, skabelon: skabeloner.join(","), version: CATALOGUE_VERSION },
      cells,
      locatedBy: "navne",
      findings: [],
    });
  });
}
