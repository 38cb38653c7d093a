/**
 * Personal identity numbers (CPR) never enter a return: a cell whose text looks like one
 * (DDMMÅÅ-XXXX or ten digits in a row with a valid day and month, anywhere in the text; in a text
 * field also a 9–10-digit number, a CPR with its leading zero lost) is read as empty, with one
 * located finding that does not repeat the value. The value is gone before parsing, rules,
 * messages, logs and reports see the return.
 */
import { makeFinding } from "../findings";
import { KINDS } from "../kinds";
import type { Finding, RawCell, RawReturn } from "../model";
import type { Pack } from "../pack/model";

export const CPR_RULE = "cpr_nummer";

const CPR = /(?<!\d)(\d{2})(\d{2})\d{2}[-\s]?\d{4}(?!\d)/g;

/** Whether a text holds something shaped like a CPR number (a real day and month first). */
export function containsCpr(text: string): boolean {
  for (const m of text.matchAll(CPR)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return true;
  }
  return false;
}

/** The texts a raw cell value holds (rich text, a formula's result). */
function textsOf(v: unknown, depth = 0): string[] {
  if (typeof v === "string") return [v];
  if (!v || typeof v !== "object" || depth > 2) return [];
  const o = v as Record<string, unknown>;
  const out: string[] = [];
  if (Array.isArray(o.richText))
    out.push(o.richText.map((r) => String((r as { text?: unknown })?.text ?? "")).join(""));
  if ("result" in o) out.push(...textsOf(o.result, depth + 1));
  if (typeof o.text === "string") out.push(o.text);
  return out;
}

function looksLikeCpr(v: unknown, textField: boolean): boolean {
  if (textsOf(v).some(containsCpr)) return true;
  if (textField && typeof v === "number" && Number.isInteger(v) && v >= 1e8 && v < 1e10)
    return containsCpr(String(v).padStart(10, "0"));
  return false;
}

const MESSAGE =
  "cellen ser ud til at indeholde et CPR-nummer; det er ikke læst ind og gemmes ikke. Skriv borgerens initialer eller et pseudonym i stedet.";

/** The return with every CPR-like cell (and respondent name) emptied, and a finding for each. */
export function withoutCpr(
  raw: RawReturn,
  pack: Pack
): { readonly raw: RawReturn; readonly findings: readonly Finding[] } {
  const findings: Finding[] = [];
  let cells: Record<string, RawCell> | undefined;
  for (const [id, c] of Object.entries(raw.cells ?? {})) {
    const f = pack.fields.get(id);
    const textField = !!f && ["tekst", "valg"].includes(KINDS[f.kind].family);
    if (!looksLikeCpr(c?.value, textField)) continue;
    cells ??= { ...raw.cells };
    cells[id] = { ...c, value: null };
    findings.push(
      makeFinding({
        rule: CPR_RULE,
        severity: "fejl",
        text: MESSAGE,
        field: id,
        location: c.location,
      })
    );
  }
  const kommune = raw.meta?.kommune;
  const metaCpr = typeof kommune === "string" && containsCpr(kommune);
  if (metaCpr)
    findings.push(
      makeFinding({ rule: CPR_RULE, severity: "fejl", text: MESSAGE, field: "meta.kommune" })
    );
  if (!cells && !metaCpr) return { raw, findings };
  return {
    raw: {
      ...raw,
      ...(cells ? { cells } : {}),
      ...(metaCpr ? { meta: { ...raw.meta, kommune: "" } } : {}),
    },
    findings,
  };
}
