import { TEMPLATES, fieldsOf } from "../../../src/domain/catalogue";
import { defaultPack } from "../../../src/domain/pakker";
import { missingForProjection } from "../../../src/domain/project";
import { ruleRefs } from "../../../src/domain/validate";
import { commonColumns, unknownRefs } from "../../../src/domain/validate/context";

describe("kl2024's rules (pack data)", () => {
  it("name only real fields of their template, and every rule applies to some year", () => {
    for (const t of TEMPLATES) {
      for (const rule of t.rules) {
        expect({ rule: rule.id, unknown: unknownRefs(t, ruleRefs(rule)) }).toEqual({
          rule: rule.id,
          unknown: [],
        });
        expect({
          rule: rule.id,
          years: commonColumns(t, ruleRefs(rule), rule.columns).length > 0,
        }).toEqual({ rule: rule.id, years: true });
      }
    }
  });

  it("have unique rule ids that do not clash with plausibility ids", () => {
    const ids = [
      ...TEMPLATES.flatMap((t) => t.rules.map((r) => r.id)),
      ...TEMPLATES.flatMap((t) => (t.plausibility ?? []).map((p) => p.id)),
    ];
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("completeness, derived from what the projection reads", () => {
  const pack = defaultPack();

  it("asks an empty return of every template that feeds a nedslagspunkt for fields it has, in the years computed", () => {
    for (const t of TEMPLATES) {
      const empty = Object.fromEntries(fieldsOf(t).map((f) => [f.id, null]));
      const missing = missingForProjection(pack, empty, t.id).excluded;
      const own = new Set(fieldsOf(t).map((f) => f.id));
      for (const ids of missing.values()) for (const id of ids) expect(own.has(id)).toBe(true);
      // Barometre is optional (only municipalities Ankestyrelsen selected take part).
      if (t.id === "barometre") expect(missing.size).toBe(0);
      else expect(missing.size).toBeGreaterThan(0);
    }
  });

  it("names UKN's volumes and hours per case in 2022 (its final year; a new task has no baseline)", () => {
    const t = TEMPLATES.find((x) => x.id === "ukn")!;
    const empty = Object.fromEntries(fieldsOf(t).map((f) => [f.id, null]));
    const missing = missingForProjection(pack, empty, "ukn").excluded;
    expect([...missing.keys()]).toEqual([2022]);
    expect([...missing.get(2022)!].sort()).toEqual(
      [
        "ukn.genindbringelse.timer_pr_sag.2022",
        "ukn.hovedsager.timer_pr_sag.2022",
        "ukn.volumen.genindbringelsessager.2022",
        "ukn.volumen.hovedsager.2022",
      ].sort()
    );
  });

  it("asks nothing of a return whose figures are complete", () => {
    const values: Record<string, number> = {};
    for (const y of [2022]) {
      values[`ukn.volumen.hovedsager.${y}`] = 10;
      values[`ukn.volumen.genindbringelsessager.${y}`] = 2;
      values[`ukn.hovedsager.timer_pr_sag.${y}`] = 40;
      values[`ukn.genindbringelse.timer_pr_sag.${y}`] = 20;
    }
    const gaps = missingForProjection(pack, values, "ukn");
    expect(gaps.excluded.size + gaps.countedAsZero.size).toBe(0);
  });

  it("names a sum's empty term as counted as 0 (normering: the dagtilbud hours), and not a term multiplied by 0", () => {
    const normering = missingForProjection(pack, { "normering.forvaltning.timer_i_alt.2023": 300 }, "normering");
    expect(normering.excluded.size).toBe(0);
    expect(normering.countedAsZero.get(2023)).toEqual(["normering.dagtilbud.timer_i_alt.2023"]);
    const ukn = missingForProjection(
      pack,
      {
        "ukn.volumen.hovedsager.2022": 10,
        "ukn.volumen.genindbringelsessager.2022": 0,
        "ukn.hovedsager.timer_pr_sag.2022": 40,
      },
      "ukn"
    );
    expect(ukn.excluded.size + ukn.countedAsZero.size).toBe(0);
  });
});
