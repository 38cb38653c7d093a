/**
 * The projection's inputs as the workbook holds them: the *Landstal*, *Kommunedata* and
 * *Indstillinger* sheets in the report's layout (src/domain/report), read back into the engine's
 * input shapes, and the *Data* sheet back into returns (validated again, so the projection sees
 * the same findings as at import). Text in number cells goes through the domain's number reader.
 */
import { CATALOGUE_VERSION, NEDSLAGSPUNKTER } from "../domain/catalogue";
import type { KommuneReturn, RawCell } from "../domain/model";
import { readNumberText } from "../domain/parse";
import type { KommunedataKey } from "../domain/project/definitions";
import {
  KOMMUNEDATA_LABELS,
  type Indstillinger,
  type Kommunedata,
  type Landstal,
} from "../domain/project/inputs";
import { validateReturn } from "../domain/validate";
import type { Table, TableValue } from "../excel/table";
import { valuesByKommune } from "./dataSheet";

function grid(table: Table | undefined): (readonly TableValue[])[] {
  return table ? [table.header, ...table.rows] : [];
}

/** A number from a cell: numbers as they are, Danish text through the domain's reader. */
function num(v: TableValue | undefined): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.trim() !== "") {
    const r = readNumberText(v);
    return "value" in r && typeof r.value === "number" ? r.value : undefined;
  }
  return undefined;
}

export function readLandstal(table: Table | undefined): Landstal {
  const rows = grid(table);
  const head = rows.findIndex((r) => r[0] === "Nøgle");
  const out: Record<string, number | Record<string, number>> = {};
  for (const r of head < 0 ? [] : rows.slice(head + 1)) {
    const key = typeof r[0] === "string" ? r[0].trim() : "";
    const value = num(r[3] ?? null);
    if (!key || value === undefined) continue;
    const year = num(r[2] ?? null);
    if (year === undefined) out[key] = value;
    else {
      const prev = out[key];
      out[key] = { ...(typeof prev === "object" ? prev : {}), [String(year)]: value };
    }
  }
  return out;
}

export function readKommunedata(table: Table | undefined): Kommunedata {
  const rows = grid(table);
  const head = rows.findIndex((r) => r[0] === "Kommune");
  if (head < 0) return {};
  const byLabel = new Map(
    Object.entries(KOMMUNEDATA_LABELS).map(([k, l]) => [l, k as KommunedataKey] as const)
  );
  const cols = rows[head].map((h) => {
    const m = /^(.*)\s(\d{4})$/.exec(String(h ?? ""));
    const key = m ? byLabel.get(m[1]) : undefined;
    return key && m ? { key, year: m[2] } : undefined;
  });
  const out: Record<string, Partial<Record<KommunedataKey, Record<string, number>>>> = {};
  for (const r of rows.slice(head + 1)) {
    const kommune = typeof r[0] === "string" ? r[0].trim() : "";
    if (!kommune) continue;
    const entry: Partial<Record<KommunedataKey, Record<string, number>>> = out[kommune] ?? {};
    cols.forEach((c, i) => {
      const v = num(r[i] ?? null);
      if (!c || v === undefined) return;
      entry[c.key] = { ...(entry[c.key] ?? {}), [c.year]: v };
    });
    out[kommune] = entry;
  }
  return out;
}

export function readIndstillinger(table: Table | undefined): Indstillinger {
  const rows = grid(table);
  const valueOf = (label: string) => num(rows.find((r) => r[0] === label)?.[1] ?? null);
  const head = rows.findIndex((r) => r[0] === "Nedslagspunkt");
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
  return {
    timer_pr_aarsvaerk: valueOf("Timer pr. effektivt årsværk"),
    spaend_pct: valueOf("Spænd omkring landstallet (%)"),
    loen_pr_aarsvaerk: valueOf("Lønomkostning pr. årsværk (kr.)"),
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
