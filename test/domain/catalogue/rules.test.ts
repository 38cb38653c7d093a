import { TEMPLATES, getTemplate } from "../../../src/domain/catalogue";
import { COMPLETENESS, RULES } from "../../../src/domain/catalogue/rules";
import { ruleRefs } from "../../../src/domain/validate";
import { commonYears, unknownRefs, yearsOfRef } from "../../../src/domain/validate/context";

describe("catalogue rules data", () => {
  it("names only real fields of each template in the catalogue, and every rule applies to some year", () => {
    for (const [templateId, rules] of Object.entries(RULES)) {
      const t = getTemplate(templateId);
      if (!t) continue; // template not in the catalogue (yet): the evaluator skips it
      for (const rule of rules) {
        expect({ rule: rule.id, unknown: unknownRefs(t, ruleRefs(rule)) }).toEqual({
          rule: rule.id,
          unknown: [],
        });
        expect({
          rule: rule.id,
          years: commonYears(t, ruleRefs(rule), rule.years).length > 0,
        }).toEqual({ rule: rule.id, years: true });
      }
    }
  });

  it("has unique rule ids that do not clash with plausibility ids", () => {
    const ids = [
      ...Object.values(RULES)
        .flat()
        .map((r) => r.id),
      ...TEMPLATES.flatMap((t) => (t.plausibility ?? []).map((p) => p.id)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("completeness needs name real fields in years those fields have", () => {
    for (const [templateId, needs] of Object.entries(COMPLETENESS)) {
      const t = getTemplate(templateId);
      if (!t) continue;
      for (const need of needs) {
        expect(unknownRefs(t, need.fields)).toEqual([]);
        for (const ref of need.fields)
          for (const y of need.years)
            expect({ ref, y, ok: yearsOfRef(t, ref).includes(y) }).toEqual({ ref, y, ok: true });
      }
    }
  });

  it("covers every template in the catalogue with a completeness entry", () => {
    for (const t of TEMPLATES) expect(Object.keys(COMPLETENESS)).toContain(t.id);
  });
});
