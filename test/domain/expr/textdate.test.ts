/**
 * The language's text, date and remainder functions in JavaScript (the LibreOffice test holds the
 * native formulas equal to these): what each gives, and when it is tom.
 */
import { evaluate, type EvalEnv, type Result } from "../../../src/domain/expr/evaluate";
import { parseExpr } from "../../../src/domain/expr/parse";

const env: EvalEnv = {
  ref: () => ({ k: "tom", mangler: ["felt"], grunde: [] }),
  name: (n) => (n === "tom" ? { k: "tom", mangler: [n], grunde: [] } : { k: "v", v: n }),
};

function run(src: string): Result {
  const p = parseExpr(src);
  if (!p.ok) throw new Error(p.error.message);
  return evaluate(p.node, env) as Result;
}
const v = (src: string) => {
  const r = run(src);
  return r.k === "v" ? r.v : null;
};

describe("REST", () => {
  it("is Excel's MOD: the sign of the divisor, a slot past midnight wraps", () => {
    expect(v("REST(7; 3)")).toBe(1);
    expect(v("REST(-1; 3)")).toBe(2);
    expect(v("REST(1; -3)")).toBe(-2);
    // 23:00–07:00: (7/24 − 23/24) mod 1 × 1440 = 480 minutes.
    expect(v("REST(7/24 - 23/24; 1) * 1440")).toBeCloseTo(480, 9);
  });
  it("is tom for a division by 0 or an empty operand", () => {
    expect(run("REST(5; 0)")).toMatchObject({ k: "tom", grunde: ["division med 0"] });
    expect(run("REST(tom; 2)").k).toBe("tom");
  });
});

describe("text functions", () => {
  it("split a staffing ratio written 1:4", () => {
    expect(v('VÆRDI(VENSTRE("1:4"; FIND(":"; "1:4") - 1))')).toBe(1);
    expect(v('VÆRDI(MIDT("12:30"; FIND(":"; "12:30") + 1; 5))')).toBe(30);
    expect(v('HØJRE("1:4")')).toBe("4");
    expect(v('VENSTRE("abc"; 0)')).toBe("");
    expect(v('LÆNGDE("ABCD")')).toBe(4);
    expect(v("LÆNGDE(tom)")).toBe(0);
  });
  it("FIND is case-sensitive and tom when the text is not there (or nothing is sought)", () => {
    expect(v('FIND("e"; "telefon")')).toBe(2);
    expect(v('FIND("e"; "telefon"; 3)')).toBe(4);
    expect(run('FIND("E"; "telefon")').k).toBe("tom");
    expect(run('FIND(""; "telefon")').k).toBe("tom");
    expect(run('FIND("e"; "telefon"; 9)').k).toBe("tom");
  });
  it("VÆRDI reads whole numbers and decimal commas, nothing else", () => {
    expect(v('VÆRDI(" 12 ")')).toBe(12);
    expect(v('VÆRDI("2,5")')).toBe(2.5);
    expect(v('VÆRDI("-3")')).toBe(-3);
    expect(run('VÆRDI("x")').k).toBe("tom");
    expect(run('VÆRDI("")').k).toBe("tom");
    expect(run("VÆRDI(tom)").k).toBe("tom");
  });
});

describe("date functions", () => {
  it("read an Excel serial date", () => {
    // 45337 = 15 February 2024.
    expect([v("ÅR(45337)"), v("MÅNED(45337)"), v("DAG(45337)")]).toEqual([2024, 2, 15]);
    expect([v("ÅR(61)"), v("MÅNED(61)"), v("DAG(61)")]).toEqual([1900, 3, 1]);
    expect([v("ÅR(1)"), v("MÅNED(1)"), v("DAG(1)")]).toEqual([1900, 1, 1]);
    expect(run("ÅR(-1)").k).toBe("tom");
  });
  it("build an ISO date as text", () => {
    expect(
      v('ÅR(45337) & "-" & HØJRE("0" & MÅNED(45337); 2) & "-" & HØJRE("0" & DAG(45337); 2)')
    ).toBe("2024-02-15");
  });
});
