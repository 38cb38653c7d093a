/**
 * The generic evaluator's rule kinds, on a small made-up pack, so each kind is proved
 * independently of any real template's data. Rules are written as a pack file writes them.
 */
import type { Finding } from "../../../src/domain/model";
import { loadPack } from "../../../src/domain/pack/load";
import type { Pack } from "../../../src/domain/pack/model";
import { validateReturn } from "../../../src/domain/validate";
import { rawReturn } from "../../helpers/rawReturn";

type PackRule = Record<string, unknown>;

function demoPack(rules: readonly PackRule[]): Pack {
  const r = loadPack({
    id: "demo",
    navn: "Demo",
    version: 2026010101,
    skabeloner: [
      {
        id: "demo",
        navn: "Demo",
        kortnavn: "Demo",
        blokke: [
          {
            type: "tabel",
            id: "tid",
            titel: "Tid",
            afsnit: "tid",
            aar: [2020, 2021],
            raekker: [
              { id: "timer_a", etiket: "Timer A", type: "timer" },
              { id: "timer_b", etiket: "Timer B", type: "timer" },
            ],
          },
          {
            type: "tabel",
            id: "vol",
            titel: "Volumen",
            afsnit: "volumen",
            aar: [2020, 2021],
            raekker: [
              { id: "a", etiket: "A", type: "antal" },
              { id: "b", etiket: "B", type: "antal" },
              { id: "c", etiket: "C", type: "antal" },
              { id: "total", etiket: "I alt", type: "antal" },
              { id: "udvalgt", etiket: "Udvalgt", type: "x" },
            ],
          },
          {
            type: "liste",
            id: "poster",
            titel: "Poster",
            maks: 3,
            felter: [
              { id: "nr", etiket: "Nr.", type: "antal" },
              { id: "lav", etiket: "Lav", type: "decimal" },
              { id: "hoej", etiket: "Høj", type: "decimal" },
            ],
          },
        ],
        regler: rules,
      },
    ],
  });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return r.pack;
}
// Locations (see test/helpers/rawReturn.ts): tid rows 2–3, vol rows 6–10; 2020 = C, 2021 = D.

const op = (navn: string, ...plus: string[]) => ({ navn, plus });

function run(rule: PackRule, values: Record<string, unknown>): string[] {
  const pack = demoPack([rule]);
  const full: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) full[`demo.${k}`] = v;
  return validateReturn(rawReturn([pack.templates[0]], full, { version: 2026010101 }), pack).findings.map(
    (f: Finding) => `${f.rule}|${f.severity}|${f.location?.cell}|${f.field}`
  );
}

describe("rule kind sumEquals", () => {
  const rule: PackRule = {
    type: "sum_lig",
    id: "sum",
    alvor: "fejl",
    besked: "A + B = I alt",
    led: op("a+b", "vol.a", "vol.b"),
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
    const tolerant = { ...rule, tolerance: 1 };
    expect(run(tolerant, { "vol.a.2020": 3, "vol.b.2020": 4, "vol.total.2020": 8 })).toEqual([]);
    expect(run(tolerant, { "vol.a.2020": 3, "vol.b.2020": 4, "vol.total.2020": 9 })).toEqual([
      "sum|fejl|C9|demo.vol.total.2020",
    ]);
  });
  it("restricts to the rule's years", () => {
    const only2020 = { ...rule, kolonner: [2020] };
    expect(run(only2020, { "vol.a.2021": 3, "vol.b.2021": 4, "vol.total.2021": 8 })).toEqual([]);
  });
});

describe("rule kind lessOrEqualChain", () => {
  const rule: PackRule = {
    type: "kaede",
    id: "kaede",
    alvor: "fejl",
    besked: "A + B ≤ C ≤ I alt",
    kaede: [op("a+b", "vol.a", "vol.b"), op("c", "vol.c"), op("i alt", "vol.total")],
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
  const rule: PackRule = {
    type: "x_naar_positiv",
    id: "kryds",
    alvor: "fejl",
    besked: "Udvalgt ⇔ A > 0",
    x: "vol.udvalgt",
    antal: op("a", "vol.a"),
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
  const rule: PackRule = {
    type: "kraever_volumen",
    id: "tv",
    alvor: "advarsel",
    besked: "Timer og volumen hører sammen",
    timer: op("timer", "tid.timer_a", "tid.timer_b"),
    volumen: { navn: "c − a", plus: ["vol.c"], minus: ["vol.a"] },
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

describe("rule kind betingelse (an expression that must hold)", () => {
  it("once per return: C ≤ A + B in 2020, with the values it read in the message", () => {
    const rule: PackRule = {
      type: "betingelse",
      id: "c_max",
      alvor: "fejl",
      besked: "C kan ikke være større end A + B",
      udtryk: "demo.vol.c.2020 <= demo.vol.a.2020 + demo.vol.b.2020",
      felt: "demo.vol.c.2020",
    };
    expect(run(rule, { "vol.a.2020": 1, "vol.b.2020": 2, "vol.c.2020": 3 })).toEqual([]);
    expect(run(rule, { "vol.a.2020": 1, "vol.b.2020": 2, "vol.c.2020": 4 })).toEqual([
      "c_max|fejl|C8|demo.vol.c.2020",
    ]);
    // An empty operand makes the condition tom: no finding.
    expect(run(rule, { "vol.a.2020": 1, "vol.c.2020": 4 })).toEqual([]);
  });

  it("for each filled record of a list block: lav ≤ høj, at the record's own cell", () => {
    const rule: PackRule = {
      type: "betingelse",
      id: "lav_hoej",
      alvor: "fejl",
      besked: "Lav må ikke være større end høj",
      udtryk: "lav <= hoej",
      felt: "lav",
      poster: "demo.poster",
    };
    const pack = demoPack([rule]);
    const raw = rawReturn(
      [pack.templates[0]],
      {
        "demo.poster.1.lav": 1,
        "demo.poster.1.hoej": 2,
        "demo.poster.2.lav": 5,
        "demo.poster.2.hoej": 2,
      },
      { version: 2026010101 }
    );
    const f = validateReturn(raw, pack).findings.filter((x) => x.rule === "lav_hoej");
    expect(f.map((x) => x.field)).toEqual(["demo.poster.2.lav"]);
    expect(f[0].message).toContain("post 2");
    expect(f[0].message).toContain("lav = 5");
  });
});

describe("rule kind betingelse for each row of a table block (raekker, {række})", () => {
  const rule: PackRule = {
    type: "betingelse",
    id: "begge_aar",
    alvor: "advarsel",
    besked: "Skriv begge år eller ingen",
    udtryk: "TÆL(demo.vol.{række}.*) <> 1",
    felt: "demo.vol.{række}.2021",
    raekker: "demo.vol",
  };

  it("checks every row with its own id, at the row's own cell, naming the row", () => {
    const pack = demoPack([rule]);
    const raw = rawReturn(
      [pack.templates[0]],
      { "demo.vol.a.2020": 1, "demo.vol.a.2021": 2, "demo.vol.b.2020": 5, "demo.vol.total.2021": 7 },
      { version: 2026010101 }
    );
    const f = validateReturn(raw, pack).findings.filter((x) => x.rule === "begge_aar");
    expect(f.map((x) => `${x.field}|${x.location?.cell}`)).toEqual([
      "demo.vol.b.2021|D7",
      "demo.vol.total.2021|D9",
    ]);
    expect(f[0].message).toBe(
      "Demo Data!D7: Skriv begge år eller ingen; «B» (»B« 2020 (C7) = 5, »B« 2021 (D7) = tom)."
    );
  });

  it("a field pattern that some rows do not have, or a list block, is a located pack problem", () => {
    const bad = loadPack({
      ...demoPack([]).source,
      skabeloner: [
        {
          ...demoPack([]).source.skabeloner[0],
          regler: [
            { ...rule, felt: "demo.tid.{række}.2021" },
            { ...rule, id: "liste", raekker: "demo.poster" },
          ],
        },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "skabeloner[0].regler[0].felt: »demo.tid.{række}.2021« er ikke et felt i skabelonen »demo« for rækkerne »a«, »b«, »c«, »total«, »udvalgt« (skriv det fulde felt-id med {række}, fx »demo.vol.{række}.2020«)",
      "skabeloner[0].regler[1].raekker: »demo.poster« er ikke en tabelblok »skabelon.blok« i skabelonen »demo«",
    ]);
  });
});

describe("rule kind entydig", () => {
  it("a record field may not repeat among the filled records", () => {
    const pack = demoPack([
      { type: "entydig", id: "nr_entydig", alvor: "fejl", besked: "Nr. skal være entydigt", poster: "demo.poster", felt: "nr" },
    ]);
    const raw = rawReturn(
      [pack.templates[0]],
      { "demo.poster.1.nr": 7, "demo.poster.2.nr": 8, "demo.poster.3.nr": 7 },
      { version: 2026010101 }
    );
    const f = validateReturn(raw, pack).findings.filter((x) => x.rule === "nr_entydig");
    expect(f.map((x) => x.field)).toEqual(["demo.poster.3.nr"]);
    expect(f[0].message).toContain("post 1 og i post 3");
  });
});
