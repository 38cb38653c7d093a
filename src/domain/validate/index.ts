/**
 * validateReturn: a raw return (as a reader found it) → parsed values and every finding.
 * Order: reader remarks, meta, each field (parse, kind), then per template the pct blocks,
 * the catalogue's consistency rules, plausibility and completeness.
 */
import { CATALOGUE_VERSION, TEMPLATES, fieldsOf } from "../catalogue";
import { COMPLETENESS, RULES, type CompletenessNeed, type RuleDef } from "../catalogue/rules";
import type { TemplateDef } from "../catalogue/types";
import { makeFinding } from "../findings";
import type { FieldValue, Finding, KommuneReturn, RawReturn } from "../model";
import { parseCell } from "../parse/cell";
import { checkCompleteness, checkKind, checkPctBlocks, checkPlausibility } from "./checks";
import type { TemplateContext } from "./context";
import { resolveMeta } from "./meta";
import { evaluateRule } from "./rules";

export { GENERIC_RULES } from "./checks";
export { META_RULES, resolveMeta, splitTemplateIds } from "./meta";
export { evaluateRule, ruleRefs } from "./rules";
export type { ResolvedMeta } from "./meta";

/** What validation runs against; the default is the product's catalogue. Tests pass their own. */
export interface ValidationCatalogue {
  readonly templates: readonly TemplateDef[];
  readonly rules: Readonly<Record<string, readonly RuleDef[]>>;
  readonly completeness: Readonly<Record<string, readonly CompletenessNeed[]>>;
  readonly version: number;
}

export const DEFAULT_VALIDATION_CATALOGUE: ValidationCatalogue = {
  templates: TEMPLATES,
  rules: RULES,
  completeness: COMPLETENESS,
  version: CATALOGUE_VERSION,
};

export const FELTER_MANGLER = "felter_mangler";

export function validateReturn(
  raw: RawReturn,
  catalogue: ValidationCatalogue = DEFAULT_VALIDATION_CATALOGUE
): KommuneReturn {
  const findings: Finding[] = [...(raw.findings ?? [])];
  const meta = resolveMeta(raw, catalogue.templates, catalogue.version);
  findings.push(...meta.findings);

  const cells = raw.cells ?? {};
  const values: Record<string, FieldValue> = {};
  for (const t of meta.templates) {
    const missing: string[] = [];
    for (const f of fieldsOf(t)) {
      const rawCell = cells[f.id];
      if (!rawCell) {
        values[f.id] = null;
        missing.push(f.id);
        continue;
      }
      const parsed = parseCell(rawCell, f.kind, f.id);
      values[f.id] = parsed.value;
      findings.push(...parsed.findings, ...checkKind(f, parsed.value, rawCell));
    }
    if (missing.length > 0) {
      const shown = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ", …" : "");
      findings.push(
        makeFinding({
          rule: FELTER_MANGLER,
          severity: "advarsel",
          text: `${missing.length} af skabelonen ${t.shortName}s ${fieldsOf(t).length} felter blev ikke fundet i projektmappen og læses som tomme: ${shown}.`,
          field: missing[0],
        })
      );
    }
    const ctx: TemplateContext = { template: t, values, cells };
    findings.push(...checkPctBlocks(ctx));
    for (const rule of catalogue.rules[t.id] ?? []) findings.push(...evaluateRule(ctx, rule));
    findings.push(...checkPlausibility(ctx));
    findings.push(...checkCompleteness(ctx, catalogue.completeness[t.id] ?? []));
  }

  const withFile =
    raw.file === undefined
      ? findings
      : findings.map((f) => (f.file === undefined ? { ...f, file: raw.file } : f));
  const out: { -readonly [K in keyof KommuneReturn]: KommuneReturn[K] } = {
    kommune: meta.kommune,
    skabeloner: meta.templates.map((t) => t.id),
    version: meta.version,
    values,
    findings: withFile,
  };
  if (raw.file !== undefined) out.file = raw.file;
  return out;
}
