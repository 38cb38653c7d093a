/**
 * validateReturn: a raw return (as a reader found it) → parsed values and every finding, by the
 * pack it was made with. Order: reader remarks, meta, each field (parse, kind), then per template
 * the pct blocks, the pack's rules, plausibility and completeness (what the calculation needs).
 */
import { fieldsOfTemplate, recordFieldId } from "../fieldId";
import { makeFinding } from "../findings";
import type { FieldValue, Finding, KommuneReturn, RawReturn } from "../model";
import type { ColumnKey, FieldDef } from "../catalogue/types";
import type { DataContext } from "../pack/env";
import type { Pack } from "../pack/model";
import { defaultPack } from "../pakker";
import { parseCell } from "../parse/cell";
import { missingForProjection } from "../project/completeness";
import { checkCompleteness, checkKind, checkPctBlocks, checkPlausibility } from "./checks";
import type { TemplateContext } from "./context";
import { resolveMeta } from "./meta";
import { evaluateRule } from "./rules";
import { withoutCpr } from "./cpr";

export { GENERIC_RULES } from "./checks";
export { CPR_RULE, containsCpr, withoutCpr } from "./cpr";
export { META_RULES, resolveMeta, splitTemplateIds } from "./meta";
export { evaluateRule, ruleRefs, filledRecords } from "./rules";
export type { ResolvedMeta } from "./meta";

export const FELTER_MANGLER = "felter_mangler";

/** The settings' defaults, for rules that name a setting. */
function settingsOf(pack: Pack) {
  const m = new Map(pack.settings.map((s) => [s.id, s.default] as const));
  return (id: string) => m.get(id);
}

export function validateReturn(given: RawReturn, pack: Pack = defaultPack()): KommuneReturn {
  // A CPR-like value is dropped before anything else sees it.
  const clean = withoutCpr(given, pack);
  const raw = clean.raw;
  const findings: Finding[] = [...(raw.findings ?? []), ...clean.findings];
  const meta = resolveMeta(raw, pack);
  findings.push(...meta.findings);

  const cells = raw.cells ?? {};
  const values: Record<string, FieldValue> = {};
  const data: DataContext = {
    pack,
    respondents: [],
    inputs: {},
    setting: settingsOf(pack),
  };
  // Templates with something typed in them. One left untouched while another of the workbook's
  // templates is filled in is not checked against its rules; an empty return still is.
  const typed = (id: string) => {
    const v = cells[id]?.value;
    return v !== null && v !== undefined && String(v).trim() !== "";
  };
  const touched = new Set(
    meta.templates.filter((t) => fieldsOfTemplate(t).some((f) => typed(f.id))).map((t) => t.id)
  );
  for (const t of meta.templates) {
    const missing: string[] = [];
    const fields = fieldsOfTemplate(t);
    const listFields = fields.filter((f) => f.record !== undefined);
    for (const f of fields) {
      const rawCell = cells[f.id];
      if (!rawCell) {
        values[f.id] = null;
        // A list block's records are all optional: a missing record is an empty one.
        if (f.record === undefined) missing.push(f.id);
        continue;
      }
      const parsed = parseCell(rawCell, f.kind, f.id, f.choices);
      values[f.id] = parsed.value;
      findings.push(...parsed.findings, ...checkKind(f, parsed.value, rawCell));
    }
    if (missing.length > 0) {
      const asked = fields.length - listFields.length;
      const shown = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ", …" : "");
      findings.push(
        makeFinding({
          rule: FELTER_MANGLER,
          severity: "advarsel",
          text: `${missing.length} af skabelonen ${t.shortName}s ${asked} felter blev ikke fundet i projektmappen og læses som tomme: ${shown}.`,
          field: missing[0],
        })
      );
    }
    const ctx: TemplateContext = { template: t, values, cells };
    findings.push(...checkPctBlocks(ctx));
    if (touched.has(t.id) || touched.size === 0)
      for (const rule of t.rules) findings.push(...evaluateRule(ctx, rule, data));
    findings.push(...checkPlausibility(ctx));
    const gaps = missingForProjection(pack, values, t.id);
    const defs = (m: ReadonlyMap<number, readonly string[]>) =>
      new Map<ColumnKey, FieldDef[]>(
        [...m].map(([y, ids]) => [y, ids.map((id) => pack.fields.get(id)!).filter(Boolean)])
      );
    findings.push(...checkCompleteness(ctx, defs(gaps.excluded), defs(gaps.countedAsZero)));
  }

  const withFile =
    raw.file === undefined
      ? findings
      : findings.map((f) => (f.file === undefined ? { ...f, file: raw.file } : f));
  const out: { -readonly [K in keyof KommuneReturn]: KommuneReturn[K] } = {
    kommune: meta.kommune,
    pakke: pack.id,
    skabeloner: meta.templates.map((t) => t.id),
    version: meta.version,
    values,
    findings: withFile,
  };
  if (raw.file !== undefined) out.file = raw.file;
  return out;
}

export { recordFieldId };
