/**
 * Compiles the method definitions' expressions (../project/expr.ts) into native Excel formulas in
 * invariant syntax, so the report's computed cells are the same arithmetic the engine ran.
 */
import type { Expr } from "../project/expr";
import { fieldFor } from "../project/expr";
import type { KommunedataKey } from "../project/inputs";

export interface FormulaRefs {
  /** A template field's cell (e.g. "Data!$E$17"); undefined when the return has no such field. */
  readonly field: (fieldId: string) => string | undefined;
  /** A Kommunedata cell for the municipality; undefined when absent. */
  readonly kommunedata: (key: KommunedataKey, year: number) => string | undefined;
}

/** Formula text for an expression in a year. Absent or unasked fields are 0 (as in the engine's sums). */
export function compileExpr(e: Expr, year: number, refs: FormulaRefs): string {
  if ("c" in e) return String(e.c);
  if ("f" in e) {
    if ((e.from !== undefined && year < e.from) || (e.to !== undefined && year > e.to)) return "0";
    return refs.field(fieldFor(e.f, year)) ?? "0";
  }
  if ("kd" in e) return refs.kommunedata(e.kd, year) ?? "0";
  if ("sum" in e) {
    const parts = e.sum.map((t) => compileExpr(t, year, refs)).filter((p) => p !== "0");
    return parts.length === 0 ? "0" : parts.length === 1 ? parts[0] : `(${parts.join("+")})`;
  }
  if ("mul" in e)
    return `(${compileExpr(e.mul[0], year, refs)}*${compileExpr(e.mul[1], year, refs)})`;
  if ("sub" in e)
    return `(${compileExpr(e.sub[0], year, refs)}-${compileExpr(e.sub[1], year, refs)})`;
  if ("pool" in e) {
    const parts: string[] = [];
    for (let y = e.from; y <= year; y++) {
      const p = compileExpr(e.pool, y, refs);
      if (p !== "0") parts.push(p);
    }
    return parts.length === 0 ? "0" : parts.length === 1 ? parts[0] : `(${parts.join("+")})`;
  }
  return compileExpr(e.orZero, year, refs);
}

/** Excel string literal. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
