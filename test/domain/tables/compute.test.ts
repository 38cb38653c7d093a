/**
 * Calculations and report tables of a pack that exists only as a test file: ugedage as
 * columns, a list block, new kinds, a division and percentiles. Every figure is computed by
 * hand in the comments.
 */
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { ugeskemaPack, ugeskemaReturns } from "../../helpers/ugeskema";

const result = () => computeTables({ pack: ugeskemaPack(), returns: ugeskemaReturns() });
type Json = Record<string, { kolonner: string[]; raekker: Record<string, unknown>[] }>;

describe("report table over respondents (teams)", () => {
  const t = (tablesJson(result()) as Json).teams;

  it("sums each team's week, divides, counts choices and decides a status", () => {
    // Nord: 4+5+0+2 = 11 besøg, 120+200+0+90 = 410 min, 410/11 min pr. besøg, 2 telefon.
    expect(t.raekker[0]).toEqual({
      id: "Team Nord",
      besog: 11,
      minutter: 410,
      min_pr_besog: 410 / 11,
      telefon: 2,
      status: "Normal",
    });
    // Syd: 15 besøg, 750 min, 50 > 45 → Lange besøg. Øst: 2 besøg, 100 min.
    expect(t.raekker[1]).toMatchObject({ id: "Team Syd", besog: 15, minutter: 750, min_pr_besog: 50, telefon: 0, status: "Lange besøg" });
    expect(t.raekker[2]).toMatchObject({ id: "Team Øst", besog: 2, minutter: 100, min_pr_besog: 50 });
  });

  it("has a total row: Σ besøg 28, Σ min 1260, ratio of sums 1260/28 = 45", () => {
    expect(t.raekker[3]).toEqual({ id: "i_alt", besog: 28, minutter: 1260, min_pr_besog: 45 });
  });
});

describe("report table over an axis (ugedage), lists over respondents", () => {
  const t = (tablesJson(result()) as Json).dage;
  const row = (id: string) => t.raekker.find((r) => r.id === id)!;

  it("mandag: 4+3+2 = 9 besøg; ratios 30, 50, 50 → median 50, P90 50", () => {
    expect(row("mandag")).toMatchObject({ besog: 9, median_min: 50, p90_min: 50 });
  });
  it("tirsdag: Øst empty is skipped: 40, 50 → median 45, P90 40 + 0,9 × 10 = 49", () => {
    expect(row("tirsdag").besog).toBe(8);
    expect(row("tirsdag").median_min).toBeCloseTo(45, 12);
    expect(row("tirsdag").p90_min).toBeCloseTo(49, 12);
  });
  it("onsdag: Nord's 0 / 0 cannot be computed and drops out: [50]", () => {
    expect(row("onsdag")).toMatchObject({ besog: 3, median_min: 50, p90_min: 50 });
  });
  it("torsdag: 45, 50 → median 47,5, P90 49,5", () => {
    expect(row("torsdag").median_min).toBeCloseTo(47.5, 12);
    expect(row("torsdag").p90_min).toBeCloseTo(49.5, 12);
  });
  it("writes a Danish sentence from the row's figures", () => {
    expect(row("mandag").tekst).toBe("Mandag: 9 besøg, median 50,0 minutter.");
  });
});

describe("calculations", () => {
  it("per respondent and in all, with a setting", () => {
    const r = result();
    const nord = r.calculations.respondent.get("min_pr_besog")!.get("Team Nord")!;
    expect(nord).toEqual({ k: "v", v: 410 / 11 });
    // Σ minutter over every team and day = 1260; ÷ 60 = 21 timer.
    expect(r.calculations.samlet.get("timer_i_alt")).toEqual({ k: "v", v: 21 });
  });

  it("a setting changed by the consultant is used (30 minutter pr. »time« → 42)", () => {
    const r = computeTables({ pack: ugeskemaPack(), returns: ugeskemaReturns(), settings: { min_pr_time: 30 } });
    expect(r.calculations.samlet.get("timer_i_alt")).toEqual({ k: "v", v: 42 });
  });

  it("a respondent not on the pack's list is left out, with a remark", () => {
    const returns = [...ugeskemaReturns(), { ...ugeskemaReturns()[0], kommune: "Team Gotham" }];
    const r = computeTables({ pack: ugeskemaPack(), returns });
    expect(r.respondents.map((x) => x.name)).toEqual(["Team Nord", "Team Syd", "Team Øst"]);
    expect(r.log.join("\n")).toContain("»Team Gotham« er ikke på pakkens liste over teams");
  });
});

describe("kan ikke beregnes", () => {
  it("is null in the JSON with the reason beside it", () => {
    const returns = ugeskemaReturns().map((r) =>
      r.kommune === "Team Øst" ? { ...r, values: { ...r.values, "uge.besog.antal.mandag": 0 } } : r
    );
    const t = (tablesJson(computeTables({ pack: ugeskemaPack(), returns })) as Json).teams;
    const oest = t.raekker.find((x) => x.id === "Team Øst")!;
    expect(oest.min_pr_besog).toBeNull();
    expect(oest.grunde).toEqual({ min_pr_besog: "division med 0", status: "division med 0" });
  });
});

describe("records grouped by a field, with a calculation per record", () => {
  it("groups text the way = compares it (regardless of case, as Excel's COUNTIF), named by the first value met", () => {
    const returns = ugeskemaReturns().map((r) =>
      r.kommune === "Team Øst"
        ? { ...r, values: { ...r.values, "uge.opgaver.1.minutter": 5, "uge.opgaver.1.type": "TELEFON" } }
        : r
    );
    const t = (tablesJson(computeTables({ pack: ugeskemaPack(), returns })) as Json).typer;
    expect(t.raekker.map((r) => r.id)).toEqual(["besog", "moede", "telefon"]);
    expect(t.raekker[2]).toMatchObject({ antal: 3, minutter_i_alt: 30 });
  });

  it("one row per type (sorted), counting and summing the group's records; timer per record = minutter / 60", () => {
    const t = (tablesJson(result()) as Json).typer;
    // Nord: telefon 15 and 10, møde 60; Syd: besøg 30.
    expect(t.raekker.map((r) => r.id)).toEqual(["besog", "moede", "telefon"]);
    expect(t.raekker[0]).toEqual({ id: "besog", antal: 1, minutter_i_alt: 30, timer_i_alt: 0.5 });
    expect(t.raekker[1]).toEqual({ id: "moede", antal: 1, minutter_i_alt: 60, timer_i_alt: 1 });
    expect(t.raekker[2].antal).toBe(2);
    expect(t.raekker[2].minutter_i_alt).toBe(25);
    expect(t.raekker[2].timer_i_alt).toBeCloseTo(25 / 60, 12);
  });
});
