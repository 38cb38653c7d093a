/**
 * Compiles a nedslagspunkt's expressions (pack expressions, ../project/expr.ts) into native Excel
 * formulas in invariant syntax for the projection's fact sheets, so their computed cells are the
 * same arithmetic the engine ran. The fact sheets only write formulas for municipalities whose
 * figures the engine used, so a field that is absent or not asked reads as 0 here, as in the
 * engine's sums. (Report tables of other packs use ../expr/excel.ts, which keeps empties apart.)
 */
import type { Node } from "../expr/ast";
import { expandRef } from "../pack/refs";
import type { KommunedataKey } from "../project/definitions";
import { refTarget, type ProjectionScope } from "../project/expr";

export interface FormulaRefs {
  /** A template field's cell (e.g. "Data!$E$17"); undefined when the return has no such field. */
  readonly field: (fieldId: string) => string | undefined;
  /** A Kommunedata cell for the municipality; undefined when absent. */
  readonly kommunedata: (key: KommunedataKey, year: number) => string | undefined;
}

const join = (parts: readonly string[], op: string): string => {
  const kept = parts.filter((p) => p !== "0");
  return kept.length === 0 ? "0" : kept.length === 1 ? kept[0] : `(${kept.join(op)})`;
};

/** Formula text for an expression in a year. Absent or unasked fields are 0 (as in the engine's sums). */
export function compileExpr(
  e: Node,
  year: number,
  refs: FormulaRefs,
  scope: ProjectionScope
): string {
  const c = (x: Node) => compileExpr(x, year, refs, scope);
  switch (e.k) {
    case "num":
      return String(e.value);
    case "ref": {
      const t = refTarget(e, scope);
      const parts = expandRef(t, { år: year }, scope.hasField).map((inst) =>
        inst.kind === "field"
          ? inst.exists
            ? (refs.field(inst.id) ?? "0")
            : "0"
          : inst.kind === "input"
            ? (refs.kommunedata(inst.key, Number(inst.column)) ?? "0")
            : "0"
      );
      return join(parts, "+");
    }
    case "neg":
      return `(-${c(e.arg)})`;
    case "bin":
      if (e.op === "+") return join([c(e.left), c(e.right)], "+");
      return `(${c(e.left)}${e.op}${c(e.right)})`;
    case "call":
      if (e.fn === "SUM") return join(e.args.map(c), "+");
      if (e.fn === "N") return c(e.args[0]);
      throw new Error(`${e.fn} kan ikke bruges i en opregnings udtryk`);
    default:
      throw new Error(`${e.k} kan ikke bruges i en opregnings udtryk`);
  }
}

/** Excel string literal. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
