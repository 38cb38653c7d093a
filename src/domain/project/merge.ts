/**
 * One municipality's returns merged into one (a municipality may send one workbook per template):
 * templates united, values by field id, findings kept; a value given twice differently is logged.
 */
import type { Finding, KommuneReturn } from "../model";
import { formatDanishNumber } from "../parse/number";
import { canonicalKommune } from "./inputs";
import type { LogEntry, MergedReturn } from "./result";

/** A value in a Danish message: numbers with a decimal comma. */
const shown = (v: unknown) => (typeof v === "number" ? formatDanishNumber(v) : String(v));

export function mergeReturns(
  returns: readonly KommuneReturn[],
  log: LogEntry[] = []
): MergedReturn[] {
  const by = new Map<
    string,
    {
      skabeloner: Set<string>;
      values: Record<string, KommuneReturn["values"][string]>;
      findings: Finding[];
    }
  >();
  for (const r of returns) {
    const kommune = canonicalKommune(r.kommune);
    let m = by.get(kommune);
    if (!m) {
      m = { skabeloner: new Set(), values: {}, findings: [] };
      by.set(kommune, m);
    }
    for (const s of r.skabeloner) m.skabeloner.add(s);
    const values = m.values;
    for (const id in r.values) {
      const v = r.values[id];
      if (v === null || v === undefined) {
        if (values[id] === undefined) values[id] = null;
        continue;
      }
      const dot = id.indexOf(".");
      const t = dot < 0 ? id : id.slice(0, dot);
      if (!m.skabeloner.has(t)) m.skabeloner.add(t);
      const prev = values[id];
      if (prev !== null && prev !== undefined && prev !== v) {
        log.push({
          kommune,
          kilde: "data",
          besked: `${id} findes i flere filer (${shown(prev)} og ${shown(v)}); den sidste (${shown(v)}) er brugt.`,
        });
      }
      values[id] = v;
    }
    m.findings.push(...r.findings);
  }
  return [...by.entries()].map(([kommune, m]) => ({ kommune, ...m }));
}
