/**
 * Small helpers for building findings: one place that decides how a cell is named in a
 * message (`UKN Data!C7`) and how an original value is quoted.
 */
import type { CellLocation, Finding, Severity } from "./model";
import { formatDanishNumber } from "./parse/number";

/** `UKN Data!C7`, the way messages name a cell (the spec's form, without Excel's quotes). */
export function cellRef(location: CellLocation | undefined): string | undefined {
  return location ? `${location.sheet}!${location.cell}` : undefined;
}

/** Quotes a value as the user typed it, for messages: «ca. 40». */
export function quote(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "string") text = value;
  else if (typeof value === "number") text = formatDanishNumber(value);
  else if (typeof value === "boolean") text = value ? "SAND" : "FALSK";
  else if (value instanceof Date)
    text = isNaN(value.getTime()) ? "ugyldig dato" : value.toISOString().slice(0, 10);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  if (text.length > 60) text = `${text.slice(0, 57)}…`;
  return `«${text}»`;
}

export interface FindingInput {
  readonly rule: string;
  readonly severity: Severity;
  /** The message without the location; the location prefix is added here. */
  readonly text: string;
  readonly field?: string;
  readonly location?: CellLocation;
  readonly original?: unknown;
  readonly file?: string;
}

/** Builds a finding whose message starts with the cell it concerns, e.g. `UKN Data!C7: …`. */
export function makeFinding(input: FindingInput): Finding {
  const ref = cellRef(input.location);
  const message = ref ? `${ref}: ${input.text}` : input.text;
  const f: { -readonly [K in keyof Finding]: Finding[K] } = {
    rule: input.rule,
    severity: input.severity,
    message,
  };
  if (input.field !== undefined) f.field = input.field;
  if (input.location !== undefined) f.location = input.location;
  if (input.original !== undefined) f.original = input.original;
  if (input.file !== undefined) f.file = input.file;
  return f;
}

/** Severity order for sorting and summaries: fejl first. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { fejl: 0, advarsel: 1, info: 2 };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { fejl: 0, advarsel: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
