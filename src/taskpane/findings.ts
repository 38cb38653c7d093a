/** Small helpers for showing findings: Danish severity words, counts, "UKN Data!C7". */
import type { Finding, Severity } from "../domain/model";

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  fejl: "Fejl",
  advarsel: "Advarsel",
  info: "Info",
};

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { fejl: 0, advarsel: 1, info: 2 };

export function where(f: Finding): string {
  return f.location ? `${f.location.sheet}!${f.location.cell}` : "";
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { fejl: 0, advarsel: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export function summary(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  if (findings.length === 0) return "Ingen bemærkninger.";
  const parts = [
    c.fejl ? `${c.fejl} fejl` : "",
    c.advarsel ? `${c.advarsel} advarsel${c.advarsel === 1 ? "" : "er"}` : "",
    c.info ? `${c.info} info` : "",
  ].filter(Boolean);
  return parts.join(", ") + ".";
}

/** Findings by field id (a finding without a field is listed under ""). */
export function byField(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = f.field ?? "";
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  }
  return out;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * A finding's message for people filling in a form: without the leading cell ("UKN Data!C7: ")
 * and cell ranges in brackets (" (C10:C15)"), with a capital first letter. The cell stays
 * available from `where(f)` as secondary information.
 */
export function plainMessage(f: Finding): string {
  let m = f.message;
  const at = where(f);
  if (at && m.startsWith(`${at}: `)) m = m.slice(at.length + 2);
  m = m.replace(/ \([A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?\)/g, "");
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/** Findings grouped by sheet, in the order the sheets first appear; "" for findings without a cell. */
export function bySheet(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = f.location?.sheet ?? "";
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  }
  return out;
}
