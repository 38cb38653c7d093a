import {
  excelJsCellValue,
  isFormulaLike,
  officeJsCellValue,
  officeJsValues,
} from "../../src/domain/safeText";

describe("formula injection guard", () => {
  it.each(['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])(
    "takes %p for formula-like",
    (t) => {
      expect(isFormulaLike(t)).toBe(true);
    }
  );

  it.each(["Aarhus", "40 timer", " =not at start", "", "1,5"])("leaves %p alone", (t) => {
    expect(isFormulaLike(t)).toBe(false);
    expect(officeJsCellValue(t)).toBe(t);
  });

  it("prefixes formula-like text with Excel's quote prefix for office-js, and nothing else", () => {
    expect(officeJsCellValue('=cmd|" /C calc"!A0')).toBe('\'=cmd|" /C calc"!A0');
    expect(officeJsCellValue("-ingen kommentar")).toBe("'-ingen kommentar");
    expect(officeJsCellValue(-5)).toBe(-5);
    expect(officeJsCellValue(true)).toBe(true);
    expect(officeJsCellValue(null)).toBe("");
    expect(
      officeJsValues([
        ["=1+1", 2],
        ["@x", null],
      ])
    ).toEqual([
      ["'=1+1", 2],
      ["'@x", ""],
    ]);
  });

  it("never hands ExcelJS an object it could write as a formula", () => {
    expect(excelJsCellValue("=1+1")).toBe("=1+1");
    expect(excelJsCellValue({ formula: "1+1" })).toBe('{"formula":"1+1"}');
    expect(excelJsCellValue({ sharedFormula: "A1" })).toBe('{"sharedFormula":"A1"}');
    expect(excelJsCellValue(3)).toBe(3);
    expect(excelJsCellValue(undefined)).toBeNull();
  });
});
