/**
 * The domain modules behind the KORA custom functions: users from spells (the synthetic worked
 * examples S-A2-1…6: year 2014, 365 days, inclusive counting) and unit-cost statistics, held
 * equal to the pack's own calculations on the generated 98-municipality example.
 */
import { dateToSerial } from "../../../src/domain/parse/cell";
import { daysInYear, usersInYear, type Spell } from "../../../src/domain/spells";
import {
  unitCost,
  unitCostPercentile,
  unitCostStatus,
  unweightedUnitCost,
  weightedUnitCost,
  type CostAndUsers,
} from "../../../src/domain/unitCost";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { koraEnhed, koraPack, koraSettings } from "../../helpers/kora";

const d = (day: number, month: number, year = 2014) => dateToSerial(year, month, day)!;
const spell = (person: string, start: number, end: number | null): Spell => ({
  person,
  start,
  end,
});

describe("users from spells (S-A2-1…6)", () => {
  it("S-A2-1: a whole year is one helårsbruger, one unique user and one user on 31.12", () => {
    const u = usersInYear([spell("a", d(1, 1), d(31, 12))], 2014, 365);
    expect(u).toMatchObject({ helaarsbrugere: 1, unikkeBrugere: 1, brugereUltimo: 1 });
  });

  it("S-A2-2: 1.1–2.7 is 183 days, 0,501 helårsbrugere, not a user on 31.12", () => {
    const u = usersInYear([spell("a", d(1, 1), d(2, 7))], 2014, 365);
    expect(u.helaarsbrugere).toBeCloseTo(183 / 365, 12);
    expect(u.helaarsbrugere).toBeCloseTo(0.501, 3);
    expect(u).toMatchObject({ unikkeBrugere: 1, brugereUltimo: 0 });
  });

  it("S-A2-3: overlapping spells of a person count once (184 days, 0,504, not 0,586)", () => {
    const u = usersInYear(
      [spell("a", d(1, 3), d(30, 6)), spell("a", d(1, 6), d(31, 8))],
      2014,
      365
    );
    expect(u.helaarsbrugere).toBeCloseTo(184 / 365, 12);
    expect(u.helaarsbrugere).toBeCloseTo(0.504, 3);
    expect(u).toMatchObject({ unikkeBrugere: 1, overlappende: 2 });
  });

  it("S-A2-4: a running spell from the year before is cut to the year", () => {
    const u = usersInYear([spell("a", d(1, 7, 2013), null)], 2014, 365);
    expect(u).toMatchObject({ helaarsbrugere: 1, unikkeBrugere: 1, brugereUltimo: 1 });
  });

  it("S-A2-5: a spell of 31.12 alone is 1/365 and a user on 31.12", () => {
    const u = usersInYear([spell("a", d(31, 12), d(31, 12))], 2014, 365);
    expect(u.helaarsbrugere).toBeCloseTo(1 / 365, 12);
    expect(u).toMatchObject({ unikkeBrugere: 1, brugereUltimo: 1 });
  });

  it("S-A2-6: one person in two delområder counts in each (counted one area at a time)", () => {
    const d2 = usersInYear([spell("a", d(1, 1), d(30, 6))], 2014, 365);
    const d5 = usersInYear([spell("a", d(1, 7), d(31, 12))], 2014, 365);
    expect([d2.unikkeBrugere, d5.unikkeBrugere]).toEqual([1, 1]);
    expect(d2.helaarsbrugere).toBeCloseTo(181 / 365, 12);
    expect(d5.helaarsbrugere).toBeCloseTo(184 / 365, 12);
  });

  it("spells outside the year are left out and counted; the default divisor is the year's days", () => {
    const u = usersInYear(
      [spell("a", d(1, 1, 2013), d(31, 12, 2013)), spell("b", d(1, 1, 2016), d(31, 12, 2016))],
      2016
    );
    expect(daysInYear(2016)).toBe(366);
    expect(daysInYear(2014)).toBe(365);
    expect(u).toMatchObject({
      helaarsbrugere: 1,
      unikkeBrugere: 1,
      brugereUltimo: 1,
      udenforAaret: 1,
    });
  });

  it("two persons with adjacent and nested spells: days add up per person", () => {
    const u = usersInYear(
      [
        spell("a", d(1, 1), d(31, 1)),
        spell("a", d(1, 2), d(28, 2)),
        spell("b", d(1, 1), d(31, 12)),
        spell("b", d(1, 5), d(31, 5)),
      ],
      2014,
      365
    );
    expect(u.helaarsbrugere).toBeCloseTo((59 + 365) / 365, 12);
    expect(u).toMatchObject({ unikkeBrugere: 2, brugereUltimo: 1, overlappende: 2 });
  });
});

describe("unit costs", () => {
  it("a unit cost needs both expenditure and users above 0; otherwise the reason", () => {
    expect(unitCost(503339 * 10, 10)).toEqual({ ok: true, value: 503339 });
    expect(unitCostStatus(0, 4)).toBe("kun brugere");
    expect(unitCostStatus(1000, null)).toBe("kun udgifter");
    expect(unitCostStatus(null, null)).toBe("hverken udgifter eller brugere");
    expect(unitCost(-5, 4)).toEqual({ ok: false, reason: "kan ikke beregnes: kun brugere" });
  });

  it("weighted over all or the included; percentiles withheld below n_min", () => {
    const rows: CostAndUsers[] = [
      { udgift: 100, brugere: 1 },
      { udgift: 300, brugere: 2 },
      { udgift: 50, brugere: 0 },
      { udgift: null, brugere: 3 },
    ];
    expect(weightedUnitCost(rows, false)).toEqual({ ok: true, value: 450 / 6 });
    expect(weightedUnitCost(rows, true)).toEqual({ ok: true, value: 400 / 3 });
    expect(unweightedUnitCost(rows)).toEqual({ ok: true, value: 125 });
    expect(unitCostPercentile(rows, 0.5, 2)).toEqual({ ok: true, value: 125 });
    const few = unitCostPercentile(rows, 0.1);
    expect(few.ok).toBe(false);
    if (!few.ok)
      expect(few.reason).toBe("for få kommuner: 2 kommuner indgår, percentiler vises fra 10");
    expect(unweightedUnitCost([{ udgift: 0, brugere: 0 }]).ok).toBe(false);
  });

  it("equal the pack's own calculations on the 98-municipality example (every delområde, every statistic)", () => {
    const pack = koraPack();
    const enhed = koraEnhed();
    const settings = koraSettings();
    const json = tablesJson(
      computeTables({ pack, returns: [], inputs: { enhed }, settings })
    ) as Record<string, { raekker: Record<string, unknown>[] }>;
    const year = String(settings.aar);
    const nMin = Number(settings.n_min);
    const onlyIncluded = settings.vaegtet_grundlag === "inkluderede";
    const byMunicipality = enhed as Record<string, Record<string, Record<string, number> | number>>;
    const cell = (m: Record<string, Record<string, number> | number>, key: string) => {
      const v = m[key];
      const x = typeof v === "number" ? v : v?.[year];
      return typeof x === "number" ? x : null;
    };
    for (const row of json.enhedsudgifter.raekker) {
      const area = String(row.id);
      const users = area === "saerlig_dagtilbud" ? "indskrevne" : "helaarsbrugere";
      const rows: CostAndUsers[] = Object.values(byMunicipality).map((m) => ({
        udgift: cell(m, `${area}.udgift`),
        brugere: cell(m, `${area}.${users}`),
      }));
      expect(rows).toHaveLength(98);
      const want = (c: { ok: boolean; value?: number }) => (c.ok ? c.value : null);
      expect(row.uvaegtet).toBeCloseTo(want(unweightedUnitCost(rows) as never) as number, 6);
      expect(row.vaegtet).toBeCloseTo(
        want(weightedUnitCost(rows, onlyIncluded) as never) as number,
        6
      );
      for (const [col, p] of [
        ["p10", 0.1],
        ["p90", 0.9],
      ] as const) {
        const c = unitCostPercentile(rows, p, nMin);
        if (c.ok) expect(row[col]).toBeCloseTo(c.value, 6);
        else expect(row[col]).toBeNull();
      }
      expect(row.kun_brugere).toBe(
        rows.filter((r) => unitCostStatus(r.udgift, r.brugere) === "kun brugere").length
      );
      expect(row.kun_udgifter).toBe(
        rows.filter((r) => unitCostStatus(r.udgift, r.brugere) === "kun udgifter").length
      );
    }
  });
});
