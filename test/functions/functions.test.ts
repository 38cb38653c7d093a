/**
 * functions.ts against a stand-in for office-js' CustomFunctions global: failures become
 * CustomFunctions.Error with the right code, messages only where Excel can show one.
 */
class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  notAvailable: "#N/A",
};
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: FakeError,
  ErrorCode,
};

const f =
  require("../../src/functions/functions") as typeof import("../../src/functions/functions");

function thrown(fn: () => unknown): FakeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FakeError) return e;
    throw e;
  }
  throw new Error("expected an Excel error");
}

describe("custom functions as Excel sees them", () => {
  it("return values computed by the domain", () => {
    expect(f.aarsvaerkFn([[2800], [""]])).toEqual([[2], [""]]);
    expect(f.timerFn([[1]], 1500)).toEqual([[1500]]);
    expect(f.gnsPrEnhedFn([[100], [60]], [[4], [2]])).toBe(27.5);
    expect(f.opregnFn([[100], [60]], [[4], [2]], 2800)).toBe(55);
    expect(f.opregnTotrinFn([[14]], [[5]], [[50]], 1000, 14)).toBeCloseTo(100, 12);
    expect(f.spaendFn(84)).toBe("76-92 (84)");
    expect(f.spaendLavFn(84)).toBe(76);
    expect(f.spaendHoejFn(84)).toBe(92);
    expect(f.afvigerFn([[10], [11], [12], [13], [100]])).toEqual([
      [false],
      [false],
      [false],
      [false],
      [true],
    ]);
    expect(f.fordelingFn([[25], [25], [45]])).toBe(
      "Procenterne summer til 95 %, ikke 100 % (± 1)."
    );
    expect(f.stigningFn(73, 131)).toBe(58);
  });

  it("throw #VALUE! with the Danish message for text where a number belongs", () => {
    const e = thrown(() => f.gnsPrEnhedFn([["mange"]], [[1]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('byrde (celle 1) indeholder teksten "mange", hvor der skal stå et tal.');
  });

  it("throw #DIV/0! for division by zero and #NUM! for negative hours (Excel allows no message there)", () => {
    const d = thrown(() => f.aarsvaerkFn([[1400]], 0));
    expect(d.code).toBe("#DIV/0!");
    expect(d.message).toBeUndefined();
    expect(thrown(() => f.gnsPrEnhedFn([[null]], [[1]])).code).toBe("#DIV/0!");
    expect(thrown(() => f.opregnFn([[-1]], [[1]], 10)).code).toBe("#NUM!");
  });

  it("put errors for single cells into the spilled array", () => {
    const r = f.aarsvaerkFn([[1400], ["x"], [-7]]);
    expect(r[0][0]).toBe(1);
    expect(r[1][0]).toBeInstanceOf(FakeError);
    expect((r[1][0] as FakeError).code).toBe("#VALUE!");
    expect((r[1][0] as FakeError).message).toContain("celle 2");
    expect((r[2][0] as FakeError).code).toBe("#NUM!");
  });
});

describe("the rate functions, which load rammeaftale_li on their first call", () => {
  it("resolve to the pack's figures, and reject with the Excel error", async () => {
    await expect(f.tilsynstakstFn(50, "tilsyn", 2019)).resolves.toBe(150210);
    await expect(f.ledsagelse1Fn(10, "dag", 2018)).resolves.toBe(4220);
    // The pack's own self-risk (5 %) when none is given.
    await expect(f.efterreguleringFn(-1000, 10000)).resolves.toBe(-500);
    const e = await f.tilsynstakstFn(10, "tilsyn", 2020).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FakeError);
    expect((e as FakeError).code).toBe("#VALUE!");
    expect((e as FakeError).message).toContain("2018, 2019");
  });
});
