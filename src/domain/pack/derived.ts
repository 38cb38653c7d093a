/**
 * Derived rows (table blocks) and derived columns (list blocks): cells a template computes from
 * its own fields with a live native formula, e.g. a time slot's converted minutes or a day's
 * total. The pack gives one expression per derived row or column; this module compiles it to the
 * formula of one cell, given where each field of the sheet sits, and lists which derived cells
 * depend on which (the loader refuses cycles). The engine evaluates the same trees (env.ts).
 */
import { walk } from "../expr/ast";
import {
  EMPTY,
  cellFormula,
  cellRef,
  compileToExcel,
  constant,
  type Compiled,
  type ExcelEnv,
} from "../expr/excel";
import type { FieldDef, TemplateDef } from "../catalogue/types";
import { recordFieldId } from "../fieldId";
import { KINDS } from "../kinds";
import { classifyRef, expandRef, targetType, type RefUniverse } from "./refs";

/** Whether a reference's target spans a list within one respondent (a wildcard or a range). */
function spreads(t: Exclude<ReturnType<typeof classifyRef>, string>): boolean {
  return (
    (t.kind === "grid" &&
      (t.row.kind === "wild" || t.column.kind === "wild" || t.column.kind === "range")) ||
    (t.kind === "list" && t.record.kind === "wild")
  );
}

function universeOf(t: TemplateDef): RefUniverse {
  return { templates: new Map([[t.id, t]]), inputs: new Map() };
}

/** "$C$10" → column and row. */
function parseCell(ref: string): { col: string; row: number } | undefined {
  const m = /^\$([A-Z]+)\$(\d+)$/.exec(ref);
  return m ? { col: m[1], row: Number(m[2]) } : undefined;
}

/**
 * The native formula (invariant syntax, no "=") of one derived cell `f` of template `t`, where
 * `cellOf(id)` is the sheet cell ("$C$10") of each field (input or derived) of the template, or
 * undefined where the template has none. A list that is not a run of cells is passed as a union
 * of cells; a computed list (one formula per element) cannot stand in a template and comes back
 * as a Danish problem.
 */
export function compileDerived(
  t: TemplateDef,
  f: FieldDef,
  cellOf: (id: string) => string | undefined
): { readonly formula: string } | { readonly problem: string } {
  if (!f.derived) return { problem: `»${f.id}« er ikke et afledt felt` };
  const universe = universeOf(t);
  const vars: Record<string, string> = f.column !== undefined ? { kolonne: String(f.column) } : {};
  const block =
    f.record !== undefined
      ? t.blocks.find((b) => b.id === f.block && b.type === "liste")
      : undefined;
  const recordKinds = new Map(
    block?.type === "liste" ? block.fields.map((x) => [x.id, x.kind] as const) : []
  );
  let problem: string | undefined;
  const cell = (id: string, type: Compiled["type"]): Compiled => {
    const at = cellOf(id);
    return at ? cellRef(at, type) : EMPTY;
  };
  const env: ExcelEnv = {
    ref: (node) => {
      const target = classifyRef(universe, node.segments);
      if (typeof target === "string" || target.kind === "input") {
        problem ??= typeof target === "string" ? target : "inddata findes ikke i en skabelon";
        return EMPTY;
      }
      const type = targetType(target);
      const cells = expandRef(target, vars, (id) => cellOf(id) !== undefined).map((i) =>
        i.kind === "field" && i.exists ? cell(i.id, type) : EMPTY
      );
      return spreads(target) ? cells : (cells[0] ?? EMPTY);
    },
    name: (node) => {
      const kind = recordKinds.get(node.name);
      if (kind && f.record !== undefined)
        return cell(recordFieldId(t.id, f.block!, f.record, node.name), KINDS[kind].exprType);
      const v = vars[node.name];
      if (v !== undefined) return constant(v);
      problem ??= `navnet »${node.name}« findes ikke i skabelonen`;
      return EMPTY;
    },
    materialise: (items) => {
      if (items.length > 0 && items.every((x) => x.isRef))
        return `(${items.map((x) => x.raw).join(",")})`;
      problem ??=
        "udtrykket regner element for element på en liste, og det kan en skabelons formel ikke; regn hvert element i en afledt kolonne og saml dem her";
      return '""';
    },
    rangeOf: (refs) => {
      const parts = refs.map(parseCell);
      if (parts.length === 0 || parts.some((p) => !p)) return undefined;
      const first = parts[0]!;
      const run = parts.every((p, i) => p!.col === first.col && p!.row === first.row + i);
      return run
        ? `$${first.col}$${first.row}:$${first.col}$${first.row + parts.length - 1}`
        : undefined;
    },
  };
  const compiled = compileToExcel(f.derived.expr, env);
  if (problem) return { problem };
  if (Array.isArray(compiled)) return { problem: "udtrykket giver en liste, ikke én værdi" };
  return { formula: cellFormula(compiled) };
}

/**
 * Which derived rows and columns each derived row or column reads, by key (`blok.række` for a
 * table block's row, `blok.*.felt` for a list block's column), for the loader's cycle check.
 */
export function derivedDependencies(t: TemplateDef): Map<string, Set<string>> {
  const universe = universeOf(t);
  const out = new Map<string, Set<string>>();
  const derivedRows = new Map<string, string[]>();
  for (const b of t.blocks)
    if (b.type === "tabel")
      derivedRows.set(
        b.id,
        b.rows.filter((r) => r.derived).map((r) => r.id)
      );
  const reads = (expr: NonNullable<FieldDef["derived"]>["expr"], block?: string) => {
    const s = new Set<string>();
    const bl = block ? t.blocks.find((x) => x.id === block) : undefined;
    for (const n of walk(expr)) {
      if (
        n.k === "name" &&
        bl?.type === "liste" &&
        bl.fields.some((x) => x.id === n.name && x.derived)
      )
        s.add(`${bl.id}.*.${n.name}`);
      if (n.k !== "ref") continue;
      const target = classifyRef(universe, n.segments);
      if (typeof target === "string") continue;
      if (target.kind === "grid") {
        const rows = derivedRows.get(target.block.id) ?? [];
        for (const r of rows)
          if (target.row.kind !== "id" || target.row.text === r) s.add(`${target.block.id}.${r}`);
      } else if (target.kind === "list") {
        if (target.block.fields.some((x) => x.id === target.field && x.derived))
          s.add(`${target.block.id}.*.${target.field}`);
      }
    }
    return s;
  };
  for (const b of t.blocks) {
    if (b.type === "liste") {
      for (const f of b.fields)
        if (f.derived) out.set(`${b.id}.*.${f.id}`, reads(f.derived.expr, b.id));
    } else {
      for (const r of b.rows) if (r.derived) out.set(`${b.id}.${r.id}`, reads(r.derived.expr));
    }
  }
  return out;
}
