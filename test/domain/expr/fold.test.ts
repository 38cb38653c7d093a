/**
 * The native-formula compiler folds what it knows at compile time: an IF whose branches are
 * both tom, an IF, NOT, AND or OR decided by a constant, a comparison of two numbers. A pack's
 * expression is written once for every respondent and record, so such formulas came by the
 * ten thousand (rammeaftale_li's helper sheets: 39 000 formulas, now 11 000). The random-
 * expression LibreOffice test (test/xlsx/expr-libreoffice.test.ts) holds the folded formulas to
 * the JavaScript results.
 */
import {
  type ExcelEnv,
  cellRef,
  cellFormula,
  compileToExcel,
} from "../../../src/domain/expr/excel";
import { parseExpr } from "../../../src/domain/expr/parse";

/** Field `x` is cell A1 (a number that may be empty); helper lists are never needed here. */
const env: ExcelEnv = {
  ref: () => cellRef("A1", "tal"),
  name: () => cellRef("A1", "tal"),
  materialise: () => {
    throw new Error("ingen hjælpeceller her");
  },
  rangeOf: () => undefined,
};

function formula(source: string): string {
  const p = parseExpr(source);
  if (!p.ok) throw new Error(p.error.message);
  return cellFormula(compileToExcel(p.node, env));
}

describe("folding in the native formulas", () => {
  it("an IF whose branches are both tom is tom", () => {
    expect(formula("HVIS(x > 1; TOM(); TOM())")).toBe('""');
    expect(formula("HVIS(IKKE(x = 2); TOM())")).toBe('""');
  });

  it("a constant condition picks its branch; a tom condition still makes the result tom", () => {
    expect(formula("HVIS(SAND; 1; 2)")).toBe("1");
    expect(formula("HVIS(FALSK; 1; 2)")).toBe("2");
    expect(formula("HVIS(SAND; x; 2)")).toBe('IF(A1="","",A1)');
    expect(formula("HVIS(OG(x > 1; FALSK); 1; 2)")).toBe('IF(A1="","",2)');
  });

  it("NOT, AND and OR decided by a constant, and comparisons of two numbers", () => {
    expect(formula("IKKE(SAND)")).toBe("FALSE");
    expect(formula("OG(SAND; FALSK)")).toBe("FALSE");
    expect(formula("ELLER(FALSK; SAND)")).toBe("TRUE");
    expect(formula("OG(x > 1; FALSK)")).toBe('IF(A1="","",FALSE)');
    expect(formula("ELLER(x > 1; FALSK)")).toBe('IF(A1="","",OR(A1>1,FALSE))');
    expect(formula("1 < 2")).toBe("TRUE");
    expect(formula("3 <= 2")).toBe("FALSE");
  });

  it("leaves what it cannot know", () => {
    expect(formula("HVIS(x > 1; 1; 2)")).toBe('IF(A1="","",IF(A1>1,1,2))');
  });
});
