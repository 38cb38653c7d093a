/**
 * The KORA custom functions (ENHEDSUDGIFT, UVÆGTET, VÆGTET, PERCENTIL, HELÅRSBRUGERE,
 * UNIKKE.BRUGERE, BRUGERE.ULTIMO) as Excel calls them: ranges as 2-D arrays, dates as serial
 * numbers or text, "kan ikke beregnes" as #N/A with its Danish reason, never 0.
 */
class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: FakeError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    notAvailable: "#N/A",
  },
};

const f =
  require("../../src/functions/functions") as typeof import("../../src/functions/functions");
import { dateToSerial } from "../../src/domain/parse/cell";

function thrown(fn: () => unknown): FakeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FakeError) return e;
    throw e;
  }
  throw new Error("expected an Excel error");
}

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const d = (day: number, month: number, year = 2014) => dateToSerial(year, month, day)!;

describe("BYRDE.ENHEDSUDGIFT", () => {
  it("divides expenditure by users (Tab. 3.5: d5 503.339 kr. per helårsbruger)", () => {
    expect(f.enhedsudgiftFn(503339 * 6227.5, 6227.5)).toBeCloseTo(503339, 6);
  });

  it("is #N/A with the reason when one side is missing or 0, never 0", () => {
    const e = thrown(() => f.enhedsudgiftFn(1000, null));
    expect([e.code, e.message]).toEqual(["#N/A", "Kan ikke beregnes: kun udgifter."]);
    expect(thrown(() => f.enhedsudgiftFn(0, 3)).message).toBe("Kan ikke beregnes: kun brugere.");
    expect(thrown(() => f.enhedsudgiftFn("", "")).message).toBe(
      "Kan ikke beregnes: hverken udgifter eller brugere."
    );
  });

  it("text is #VALUE!, negative users #NUM!", () => {
    const e = thrown(() => f.enhedsudgiftFn("mange", 3));
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      'udgift indeholder teksten "mange", hvor der skal stå et tal.',
    ]);
    expect(thrown(() => f.enhedsudgiftFn(100, -1)).code).toBe("#NUM!");
  });
});

describe("BYRDE.UVÆGTET, BYRDE.VÆGTET and BYRDE.PERCENTIL", () => {
  // 100/1, 300/2 included; 50 with 0 users and 3 users without expenditure are not.
  const udgifter = col(100, 300, 50, null);
  const brugere = col(1, 2, 0, 3);

  it("the unweighted mean is over the included municipalities only", () => {
    expect(f.uvaegtetFn(udgifter, brugere)).toBe(125);
  });

  it("the weighted mean is over all municipalities by default, or the included ones", () => {
    expect(f.vaegtetFn(udgifter, brugere)).toBe(450 / 6);
    expect(f.vaegtetFn(udgifter, brugere, false)).toBe(450 / 6);
    expect(f.vaegtetFn(udgifter, brugere, true)).toBeCloseTo(400 / 3, 12);
    expect(thrown(() => f.vaegtetFn(udgifter, brugere, "ja")).code).toBe("#VALUE!");
  });

  it("the percentile is PERCENTILE.INC of the unit costs, #N/A below min_n", () => {
    expect(f.percentilFn(udgifter, brugere, 0.5, 2)).toBe(125);
    expect(f.percentilFn(udgifter, brugere, 0.1, 1)).toBeCloseTo(100 + 0.1 * 50, 12);
    const few = thrown(() => f.percentilFn(udgifter, brugere, 0.1));
    expect([few.code, few.message]).toEqual([
      "#N/A",
      "For få kommuner: 2 kommuner indgår, percentiler vises fra 10.",
    ]);
    expect(thrown(() => f.percentilFn(udgifter, brugere, 1.5)).code).toBe("#NUM!");
  });

  it("ranges of unequal size and no included municipality are errors with Danish text", () => {
    const e = thrown(() => f.uvaegtetFn(col(1, 2), col(1)));
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      "udgifter og brugere skal have lige mange celler (2 og 1).",
    ]);
    expect(thrown(() => f.uvaegtetFn(col(0), col(0))).message).toBe(
      "Ingen kommuner med både udgifter og brugere over 0."
    );
  });
});

describe("BYRDE.HELÅRSBRUGERE, BYRDE.UNIKKE.BRUGERE and BYRDE.BRUGERE.ULTIMO", () => {
  // S-A2-3 (person a, overlapping spells), S-A2-4 (person b, running since 2013), an empty row,
  // and person c with a spell in text form ending before the year.
  const personer = col("a", "a", "b", "", "c");
  const start = col(d(1, 3), "2014-06-01", d(1, 7, 2013), "", "01-01-2013");
  const slut = col(d(30, 6), d(31, 8), "", "", "31-12-2013");

  it("count the spells' users of the year, overlaps once, running spells to 31.12", () => {
    // One number, as a one-cell range (so that errors can name the cell).
    const [[helaar]] = f.helaarsbrugereFn(personer, start, slut, 2014, 365);
    expect(helaar).toBeCloseTo((184 + 365) / 365, 12);
    expect(f.unikkeBrugereFn(personer, start, slut, 2014)).toEqual([[2]]);
    expect(f.brugereUltimoFn(personer, start, slut, 2014)).toEqual([[1]]);
  });

  it("divide by the year's days unless dage is given (2016 has 366)", () => {
    expect(f.helaarsbrugereFn(col("a"), col(d(1, 1, 2016)), col(d(31, 12, 2016)), 2016)).toEqual([
      [1],
    ]);
  });

  it("name the cell of a bad spell when Excel gives the addresses", () => {
    const inv = { parameterAddresses: ["Forløb!A2:A3", "Forløb!C2:C3", "Forløb!D2:D3"] };
    const e = thrown(() =>
      f.helaarsbrugereFn(
        col("a", "b"),
        col(d(1, 3), d(1, 5)),
        col("", d(1, 4)),
        2014,
        undefined,
        inv as never
      )
    );
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      "slut (Forløb!D3) ligger før startdatoen; tjek datoerne.",
    ]);
    const noStart = thrown(() => f.unikkeBrugereFn(col("a"), col(""), col(d(1, 4)), 2014));
    expect(noStart.message).toBe("start (celle 1) mangler forløbets startdato.");
    const noPerson = thrown(() => f.brugereUltimoFn(col(""), col(d(1, 3)), col(""), 2014));
    expect(noPerson.message).toBe("personer (celle 1) mangler personens nøgle.");
    const badDate = thrown(() => f.unikkeBrugereFn(col("a"), col("i går"), col(""), 2014));
    expect(badDate.code).toBe("#VALUE!");
    expect(badDate.message).toContain("start (celle 1)");
    expect(thrown(() => f.unikkeBrugereFn(col("a"), col(d(1, 3)), col(""), 14.5)).code).toBe(
      "#NUM!"
    );
  });
});
