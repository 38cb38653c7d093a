/**
 * The generic evaluator's rule kinds, on a small made-up template, so each kind is proved
 * independently of any real template's data.
 */
import type { TemplateDef } from "../../../src/domain/catalogue";
import type { RuleDef } from "../../../src/domain/catalogue/rules";
import type { Finding } from "../../../src/domain/model";
import { validateReturn, type ValidationCatalogue } from "../../../src/domain/validate";
import { rawReturn } from "../../helpers/rawReturn";

const demo: TemplateDef = {
  id: "demo",
  name: "Demo",
  shortName: "Demo",
  area: "Test",
  nedslagspunkt: "demo",
  vejledning: [],
  proces: { steps: [], sporbarhed: "" },
  blocks: [
    {
      id: "tid",
      title: "Tid",
      section: "tid",
      years: [2020, 2021],
      rows: [
        { id: "timer_a", label: "Timer A", kind: "timer" },
        { id: "timer_b", label: "Timer B", kind: "timer" },
      ],
    },
    {
      id: "vol",
      title: "Volumen",
      section: "volumen",
      years: [2020, 2021],
      rows: [
        { id: "a", label: "A", kind: "antal" },
        { id: "b", label: "B", kind: "antal" },
        { id: "c", label: "C", kind: "antal" },
        { id: "total", label: "I alt", kind: "antal" },
        { id: "udvalgt", label: "Udvalgt", kind: "x" },
      ],
    },
  ],
  texts: [],
};
// Locations (see test/helpers/rawReturn.ts): tid rows 2–3, vol rows 6–10; 2020 = C, 2021 = D.

const op = (name: string, ...add: string[]) => ({ name, add });

function run(rule: RuleDef, values: Record<string, unknown>): string[] {
  const catalogue: ValidationCatalogue = {
    templates: [demo],
    rules: { demo: [rule] },
    completeness: {},
    version: 1,
  };
  const full: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) full[`demo.${k}`] = v;
  return validateReturn(rawReturn([demo], full, { version: 1 }), catalogue).findings.map(
    (f: Finding) => `${f.rule}|${f.severity}|${f.location?.cell}|${f.field}`
  );
}

describe("rule kind sumEquals", () => {
  const rule: RuleDef = {
    kind: "sumEquals",
    id: "sum",
    severity: "fejl",
    message: "A + B = I alt",
    terms: op("a+b", "vol.a", "vol.b"),
    total: op("i alt", "vol.total"),
  };
  it("passes 3 + 4 = 7 and fails 3 + 4 ≠ 8 at the total's cell, per year", () => {
    expect(run(rule, { "vol.a.2020": 3, "vol.b.2020": 4, "vol.total.2020": 7 })).toEqual([]);
    expect(run(rule, { "vol.a.2021": 3, "vol.b.2021": 4, "vol.total.2021": 8 })).toEqual([
      "sum|fejl|D9|demo.vol.total.2021",
    ]);
  });
  it("is silent while a term or the total is empty", () => {
    expect(run(rule, { "vol.a.2020": 3, "vol.total.2020": 8 })).toEqual([]);
    expect(run(rule, { "vol.a.2020": 3, "vol.b.2020": 4 })).toEqual([]);
  });
  it("allows the given tolerance", () => {
    const tolerant = { ...rule, tolerance: 1 } as RuleDef;
    expect(run(tolerant, { "vol.a.2020": 3, "vol.b.2020": 4, "vol.total.2020": 8 })).toEqual([]);
    expect(run(tolerant, { "vol.a.2020": 3, "vol.b.2020": 4, "vol.total.2020": 9 })).toEqual([
      "sum|fejl|C9|demo.vol.total.2020",
    ]);
  });
  it("restricts to the rule's years", () => {
    const only2020 = { ...rule, years: [2020] } as RuleDef;
    expect(run(only2020, { "vol.a.2021": 3, "vol.b.2021": 4, "vol.total.2021": 8 })).toEqual([]);
  });
});

describe("rule kind lessOrEqualChain", () => {
  const rule: RuleDef = {
    kind: "lessOrEqualChain",
    id: "kaede",
    severity: "fejl",
    message: "A + B ≤ C ≤ I alt",
    chain: [op("a+b", "vol.a", "vol.b"), op("c", "vol.c"), op("i alt", "vol.total")],
  };
  it("passes 2 + 3 ≤ 5 ≤ 5", () => {
    expect(
      run(rule, { "vol.a.2020": 2, "vol.b.2020": 3, "vol.c.2020": 5, "vol.total.2020": 5 })
    ).toEqual([]);
  });
  it("fails each broken link at its left side: 2 + 4 > 5, and 5 > 4", () => {
    expect(
      run(rule, { "vol.a.2020": 2, "vol.b.2020": 4, "vol.c.2020": 5, "vol.total.2020": 5 })
    ).toEqual(["kaede|fejl|C6|demo.vol.a.2020"]);
    expect(
      run(rule, { "vol.a.2020": 2, "vol.b.2020": 3, "vol.c.2020": 5, "vol.total.2020": 4 })
    ).toEqual(["kaede|fejl|C8|demo.vol.c.2020"]);
  });
  it("a partly filled left sum that already exceeds the right side fails (B empty, A = 6 > C = 5)", () => {
    expect(run(rule, { "vol.a.2021": 6, "vol.c.2021": 5 })).toEqual([
      "kaede|fejl|D6|demo.vol.a.2021",
    ]);
    expect(run(rule, { "vol.b.2021": 4, "vol.c.2021": 5 })).toEqual([]);
  });
  it("an empty right side is not checked", () => {
    expect(run(rule, { "vol.a.2021": 6, "vol.b.2021": 1 })).toEqual([]);
  });
});

describe("rule kind tickIffPositive", () => {
  const rule: RuleDef = {
    kind: "tickIffPositive",
    id: "kryds",
    severity: "fejl",
    message: "Udvalgt ⇔ A > 0",
    tick: "vol.udvalgt",
    count: op("a", "vol.a"),
  };
  it("passes ticked with 3, and unticked with 0 or empty", () => {
    expect(run(rule, { "vol.udvalgt.2020": "x", "vol.a.2020": 3, "vol.a.2021": 0 })).toEqual([]);
  });
  it("fails ticked with 0, ticked with nothing, and unticked with 3, at the tick cell", () => {
    expect(run(rule, { "vol.udvalgt.2020": "X", "vol.a.2020": 0 })).toEqual([
      "kryds|fejl|C10|demo.vol.udvalgt.2020",
    ]);
    expect(run(rule, { "vol.udvalgt.2021": "x" })).toEqual([
      "kryds|fejl|D10|demo.vol.udvalgt.2021",
    ]);
    expect(run(rule, { "vol.a.2021": 3 })).toEqual(["kryds|fejl|D10|demo.vol.udvalgt.2021"]);
  });
});

describe("rule kind requiresVolume", () => {
  const rule: RuleDef = {
    kind: "requiresVolume",
    id: "tv",
    severity: "advarsel",
    message: "Timer og volumen hører sammen",
    hours: op("timer", "tid.timer_a", "tid.timer_b"),
    volume: { name: "c − a", add: ["vol.c"], sub: ["vol.a"] },
  };
  it("passes hours with a positive volume (c − a = 5 − 2 = 3), and nothing at all", () => {
    expect(run(rule, { "tid.timer_a.2020": 10, "vol.c.2020": 5, "vol.a.2020": 2 })).toEqual([]);
    expect(run(rule, {})).toEqual([]);
  });
  it("hours without volume (empty, or c − a = 0) → advarsel at the first filled hours cell", () => {
    expect(run(rule, { "tid.timer_b.2020": 10 })).toEqual(["tv|advarsel|C3|demo.tid.timer_b.2020"]);
    expect(run(rule, { "tid.timer_a.2021": 10, "vol.c.2021": 4, "vol.a.2021": 4 })).toEqual([
      "tv|advarsel|D2|demo.tid.timer_a.2021",
    ]);
  });
  it("volume without hours → advarsel at the first hours cell", () => {
    expect(run(rule, { "vol.c.2021": 4, "vol.a.2021": 1 })).toEqual([
      "tv|advarsel|D2|demo.tid.timer_a.2021",
    ]);
  });
  it("a partly filled volume with a subtraction is not guessed at", () => {
    expect(run(rule, { "tid.timer_a.2021": 10, "vol.a.2021": 1 })).toEqual([]);
  });
  it("0 hours with no volume is fine", () => {
    expect(run(rule, { "tid.timer_a.2021": 0 })).toEqual([]);
  });
});
