import {
  afviger,
  aarsvaerkRange,
  asMatrix,
  CellError,
  fordeling,
  gnsPrEnhed,
  isCellError,
  opregn,
  opregnTotrin,
  spaendHoej,
  spaendLav,
  spaendTekst,
  stigning,
  timerRange,
} from "../../src/functions/core";

function errorOf(r: unknown): CellError {
  if (!isCellError(r)) throw new Error(`expected a CellError, got ${JSON.stringify(r)}`);
  return r;
}

describe("asMatrix", () => {
  it("wraps a lone value and a 1-D array as 2-D", () => {
    expect(asMatrix(5)).toEqual([[5]]);
    expect(asMatrix([1, 2])).toEqual([[1], [2]]);
    expect(asMatrix([[1, 2]])).toEqual([[1, 2]]);
  });
});

describe("ÅRSVÆRK", () => {
  it("divides hours by 1400 by default, keeping the range's shape", () => {
    expect(aarsvaerkRange([[2800], [700]])).toEqual([[2], [0.5]]);
    expect(aarsvaerkRange([[1400, 4200]])).toEqual([[1, 3]]);
  });

  it("uses the given hours per årsværk", () => {
    expect(aarsvaerkRange([[2800]], 1000)).toEqual([[2.8]]);
  });

  it("treats an omitted or empty timer_pr_årsværk as 1400", () => {
    expect(aarsvaerkRange([[1400]], null)).toEqual([[1]]);
    expect(aarsvaerkRange([[1400]], "")).toEqual([[1]]);
  });

  it("leaves empty cells empty", () => {
    expect(aarsvaerkRange([[2800], [null], [""], [undefined]])).toEqual([[2], [""], [""], [""]]);
  });

  it("gives #VALUE! in a text cell and #NUM! in a negative cell, computing the rest", () => {
    const r = aarsvaerkRange([[1400], ["ti"], [-14], [true]]) as unknown[][];
    expect(r[0][0]).toBe(1);
    expect(errorOf(r[1][0])).toEqual({
      error: "value",
      message: 'timer (celle 2) indeholder teksten "ti", hvor der skal stå et tal.',
    });
    expect(errorOf(r[2][0]).error).toBe("num");
    expect(errorOf(r[2][0]).message).toContain("timer (celle 3) er negativ (-14)");
    expect(errorOf(r[3][0]).error).toBe("value");
  });

  it("fails the whole call for 0 (#DIV/0!), negative (#NUM!) or text (#VALUE!) hours per årsværk", () => {
    expect(errorOf(aarsvaerkRange([[1]], 0)).error).toBe("div0");
    expect(errorOf(aarsvaerkRange([[1]], -1400)).error).toBe("num");
    expect(errorOf(aarsvaerkRange([[1]], "mange")).error).toBe("value");
  });

  it("handles an empty range", () => {
    expect(aarsvaerkRange([])).toEqual([]);
  });
});

describe("TIMER", () => {
  it("multiplies årsværk by 1400 by default, keeping the shape", () => {
    expect(timerRange([[1.5, 2]])).toEqual([[2100, 2800]]);
    expect(timerRange([[2]], 1600)).toEqual([[3200]]);
  });

  it("leaves empty cells empty and flags text and negative årsværk per cell", () => {
    const r = timerRange([[null], ["x"], [-1]]) as unknown[][];
    expect(r[0][0]).toBe("");
    expect(errorOf(r[1][0]).error).toBe("value");
    expect(errorOf(r[2][0]).error).toBe("num");
  });

  it("rejects 0 hours per årsværk as #DIV/0!", () => {
    expect(errorOf(timerRange([[1]], 0)).error).toBe("div0");
  });
});

describe("GNS.PR.ENHED", () => {
  it("averages the per-municipality ratios (not the ratio of sums)", () => {
    // 100/4 = 25 and 60/2 = 30 → 27.5 (ratio of sums would be 160/6 = 26.67).
    expect(gnsPrEnhed([[100], [60]], [[4], [2]])).toBe(27.5);
  });

  it("skips rows where either cell is empty, and rows with 0 units", () => {
    expect(gnsPrEnhed([[100], [60], [null], [50], [30]], [[4], [2], [5], [""], [0]])).toBe(27.5);
  });

  it("gives #DIV/0! when no row has both a burden and units above 0", () => {
    const e = errorOf(gnsPrEnhed([[null], [5]], [[3], [0]]));
    expect(e.error).toBe("div0");
    expect(e.message).toBe("Ingen kommuner med både byrde og enheder større end 0.");
  });

  it("gives #VALUE! for text and for ranges of different sizes, #NUM! for negative numbers", () => {
    expect(errorOf(gnsPrEnhed([[100], ["n/a"]], [[4], [2]])).message).toBe(
      'byrde (celle 2) indeholder teksten "n/a", hvor der skal stå et tal.'
    );
    expect(errorOf(gnsPrEnhed([[100], [60]], [[4]])).message).toBe(
      "byrde og enheder skal have lige mange celler (2 og 1)."
    );
    expect(errorOf(gnsPrEnhed([[100]], [[-4]])).error).toBe("num");
  });

  it("reads a row the same as a column", () => {
    expect(gnsPrEnhed([[100, 60]], [[4], [2]])).toBe(27.5);
  });
});

describe("OPREGN", () => {
  it("projects mean ratio × landstal / 1400", () => {
    // r̄ = 27.5 hours per unit; 2800 units nationally → 77 000 hours → 55 årsværk.
    expect(opregn([[100], [60]], [[4], [2]], 2800)).toBe(55);
  });

  it("uses timer_pr_årsværk = 1 for burdens already in årsværk", () => {
    // gdpr-style: 2/100 and 3/100 årsværk per employee → 0.025 × 40 000 = 1000 årsværk.
    expect(opregn([[2], [3]], [[100], [100]], 40000, 1)).toBeCloseTo(1000, 9);
  });

  it("leaves out municipalities where medtag is FALSE; an empty medtag cell counts as SAND", () => {
    expect(opregn([[100], [60]], [[4], [2]], 2800, null, [[true], [false]])).toBe(50);
    expect(opregn([[100], [60]], [[4], [2]], 2800, null, [[""], [true]])).toBe(55);
    expect(opregn([[100], [60]], [[4], [2]], 2800, null, [[1], [0]])).toBe(50);
  });

  it("gives #VALUE! for a medtag cell that is not SAND/FALSK and for a medtag range of another size", () => {
    expect(errorOf(opregn([[100], [60]], [[4], [2]], 2800, null, [["ja"], [true]])).message).toBe(
      'medtag (celle 1) indeholder teksten "ja"; brug SAND eller FALSK.'
    );
    expect(errorOf(opregn([[100], [60]], [[4], [2]], 2800, null, [[true]])).error).toBe("value");
  });

  it("gives #DIV/0! when every municipality is left out", () => {
    expect(errorOf(opregn([[100], [60]], [[4], [2]], 2800, null, [[false], [false]])).error).toBe(
      "div0"
    );
  });

  it("checks landstal and timer_pr_årsværk", () => {
    expect(errorOf(opregn([[100]], [[4]], null)).message).toBe("landstal mangler.");
    expect(errorOf(opregn([[100]], [[4]], -1)).error).toBe("num");
    expect(errorOf(opregn([[100]], [[4]], "mange")).error).toBe("value");
    expect(errorOf(opregn([[100]], [[4]], 10, 0)).error).toBe("div0");
    expect(errorOf(opregn([[100]], [[4]], 10, -5)).error).toBe("num");
  });
});

describe("OPREGN.TOTRIN", () => {
  it("multiplies the mean hours per unit by the two-stage national count", () => {
    // mean(10, 20) = 15 hours per tilsyn; Σ tilsyn / Σ dagtilbud = 10/100; × 1000 dagtilbud = 100 tilsyn;
    // 15 × 100 = 1500 hours → 1500/1400 årsværk; with 100 hours per årsværk: 15.
    expect(opregnTotrin([[10], [20], [""]], [[5], [3], [2]], [[50], [30], [20]], 1000)).toBeCloseTo(
      1500 / 1400,
      12
    );
    expect(
      opregnTotrin([[10], [20], [""]], [[5], [3], [2]], [[50], [30], [20]], 1000, 100)
    ).toBeCloseTo(15, 12);
  });

  it("estimates the count only from rows with both units and base", () => {
    // Row 2 has no base: Σ units 5 / Σ base 50 × 1000 = 100.
    expect(opregnTotrin([[14]], [[5], [3]], [[50], [null]], 1000, 14)).toBeCloseTo(100, 12);
  });

  it("gives #DIV/0! without per-unit burdens or when the base sums to 0", () => {
    expect(errorOf(opregnTotrin([[null]], [[5]], [[50]], 1000)).message).toBe(
      "Ingen kommuner med byrde pr. enhed."
    );
    expect(errorOf(opregnTotrin([[10]], [[5]], [[0]], 1000)).message).toBe(
      "Grundlaget summer til 0."
    );
    expect(errorOf(opregnTotrin([[10]], [[null]], [[5]], 1000)).message).toBe(
      "Ingen kommuner med både enheder og grundlag."
    );
  });

  it("gives #VALUE! for unequal enheder/grundlag, text or a missing landsgrundlag; #NUM! for negatives", () => {
    expect(errorOf(opregnTotrin([[10]], [[5], [1]], [[50]], 1000)).error).toBe("value");
    expect(errorOf(opregnTotrin([["ti"]], [[5]], [[50]], 1000)).error).toBe("value");
    expect(errorOf(opregnTotrin([[10]], [[5]], [[50]], null)).message).toBe(
      "landsgrundlag mangler."
    );
    expect(errorOf(opregnTotrin([[-10]], [[5]], [[50]], 1000)).error).toBe("num");
  });
});

describe("SPÆND, SPÆND.LAV, SPÆND.HØJ", () => {
  it("prints the report's ±10 % span, rounding half away from zero", () => {
    // 0.9 × 84 = 75.6 → 76; 1.1 × 84 = 92.4 → 92 (normering, the report's "76-92").
    expect(spaendTekst(84)).toBe("76-92 (84)");
    expect(spaendLav(84)).toBe(76);
    expect(spaendHoej(84)).toBe(92);
    // 0.9 × 145 = 130.5 → 131; 1.1 × 145 = 159.5 → 160 (gdpr, "131-160").
    expect(spaendTekst(145)).toBe("131-160 (145)");
  });

  it("takes another percentage", () => {
    // 0.8 × 84 = 67.2 → 67; 1.2 × 84 = 100.8 → 101.
    expect(spaendTekst(84, 20)).toBe("67-101 (84)");
    expect(spaendLav(84, 20)).toBe(67);
    expect(spaendHoej(84, 20)).toBe(101);
    expect(spaendTekst(84, null)).toBe("76-92 (84)");
  });

  it("gives #NUM! for a percentage below 0 or from 100, #VALUE! for text or an empty værdi", () => {
    expect(errorOf(spaendTekst(84, -1)).error).toBe("num");
    expect(errorOf(spaendHoej(84, 100)).error).toBe("num");
    expect(errorOf(spaendLav("84 ÅV")).error).toBe("value");
    expect(errorOf(spaendTekst(null)).message).toBe("værdi mangler.");
  });
});

describe("AFVIGER", () => {
  it("flags values with |modified z| above 3.5, in the input's shape", () => {
    // median 12, |deviations| 2,1,0,1,88 → MAD 1; z(100) = 0.6745 × 88 = 59.4; z(10) = 1.35.
    expect(afviger([[10], [11], [12], [13], [100]])).toEqual([
      [false],
      [false],
      [false],
      [false],
      [true],
    ]);
    expect(afviger([[10, 11, 12, 13, 100]])).toEqual([[false, false, false, false, true]]);
  });

  it("uses the given grænse", () => {
    // z(10) = 0.6745 × (10 − 12) / 1 = −1.349 → above a grænse of 1.
    expect(afviger([[10], [11], [12], [13], [100]], 1)).toEqual([
      [true],
      [false],
      [false],
      [false],
      [true],
    ]);
  });

  it("leaves empty cells out of the statistics and gives them FALSE", () => {
    expect(afviger([[10], [null], [11], [12], [""], [13], [100]])).toEqual([
      [false],
      [false],
      [false],
      [false],
      [false],
      [false],
      [true],
    ]);
  });

  it("gives FALSE everywhere for fewer than 4 values or MAD = 0", () => {
    expect(afviger([[1], [2], [1000]])).toEqual([[false], [false], [false]]);
    expect(afviger([[5], [5], [5], [900]])).toEqual([[false], [false], [false], [false]]);
  });

  it("gives #VALUE! for text and #NUM! for grænse ≤ 0", () => {
    expect(errorOf(afviger([[1], ["x"]])).error).toBe("value");
    expect(errorOf(afviger([[1]], 0)).error).toBe("num");
  });
});

describe("FORDELING", () => {
  it("says OK for a block summing to 100 within ± 1, and for an all-empty block", () => {
    expect(fordeling([[50], [30], [20]])).toBe("OK");
    expect(fordeling([[50], [null], [49.5]])).toBe("OK");
    expect(fordeling([[null], [""]])).toBe("OK");
  });

  it("says what a deviating block sums to", () => {
    expect(fordeling([[25], [25], [45]])).toBe("Procenterne summer til 95 %, ikke 100 % (± 1).");
    expect(fordeling([[60], [42.5]])).toBe("Procenterne summer til 102,5 %, ikke 100 % (± 1).");
  });

  it("reads percent-formatted cells (0,25 for 25 %)", () => {
    expect(fordeling([[0.25], [0.75]])).toBe("OK");
    expect(fordeling([[0.5], [0.3]])).toBe("Procenterne summer til 80 %, ikke 100 % (± 1).");
  });

  it("gives #VALUE! for text and #NUM! for a negative share", () => {
    expect(errorOf(fordeling([[50], ["halvdelen"]])).error).toBe("value");
    expect(errorOf(fordeling([[110], [-10]])).error).toBe("num");
  });
});

describe("STIGNING", () => {
  it("subtracts basis from slut", () => {
    expect(stigning(73, 131)).toBe(58);
    expect(stigning(202, 347)).toBe(145);
  });

  it("counts an empty basis as 0 (new nedslagspunkt) and rejects an empty slut", () => {
    expect(stigning(null, 41)).toBe(41);
    expect(errorOf(stigning(10, "")).message).toBe("slut mangler.");
    expect(errorOf(stigning("mange", 3)).error).toBe("value");
  });
});
