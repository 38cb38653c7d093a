/**
 * The projection's view of the calculation language (../expr): a nedslagspunkt's burdens,
 * drivers and unit counts are pack expressions with `{år}` for the year being computed. This
 * module evaluates them on one municipality's values with the evaluator every pack uses, and
 * answers the questions the engine, the extras and the report ask of them (which fields a year
 * reads, which Kommunedata keys, the terms of a sum).
 */
import type { Node } from "../expr/ast";
import {
  evaluate as evaluateNode,
  isList,
  missing,
  NOT_ASKED,
  single,
  val,
  type EvalEnv,
  type Result,
} from "../expr/evaluate";
import type { FieldValue } from "../model";
import type { Pack } from "../pack/model";
import { classifyRef, expandRef, type RefTarget, type RefUniverse } from "../pack/refs";
import type { KommunedataKey } from "./definitions";

export type EvalResult =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "empty"; readonly missing: readonly string[] }
  | { readonly kind: "notAsked" };

export interface EvalContext {
  readonly values: Readonly<Record<string, FieldValue>>;
  /** A Kommunedata figure, with the return's own default applied; undefined when absent. */
  readonly kommunedata: (key: KommunedataKey, year: number) => number | undefined;
}

/** What the projection's expressions may refer to: the pack's templates and its Kommunedata table. */
export interface ProjectionScope {
  readonly universe: RefUniverse;
  readonly hasField: (id: string) => boolean;
  readonly kommunedataTable: string;
}

export function projectionScope(pack: Pack, kommunedataTable: string): ProjectionScope {
  return {
    universe: {
      templates: new Map(pack.templates.map((t) => [t.id, t])),
      inputs: new Map(pack.inputs.map((t) => [t.id, t])),
    },
    hasField: (id) => pack.fields.has(id),
    kommunedataTable,
  };
}

/** Label used in "mangler" reasons for a Kommunedata figure. */
export function kommunedataRef(key: KommunedataKey, year: number): string {
  return `Kommunedata »${key}« ${year}`;
}

const targets = new WeakMap<Node, RefTarget>();

function targetOf(node: Extract<Node, { k: "ref" }>, scope: ProjectionScope): RefTarget {
  let t = targets.get(node);
  if (!t) {
    const c = classifyRef(scope.universe, node.segments);
    if (typeof c === "string") throw new Error(`ukontrolleret reference: ${c}`);
    t = c;
    targets.set(node, t);
  }
  return t;
}

const spreads = (t: RefTarget) =>
  (t.kind === "grid" &&
    (t.row.kind === "wild" || t.column.kind === "wild" || t.column.kind === "range")) ||
  (t.kind === "list" && t.record.kind === "wild");

function fieldResult(v: FieldValue | undefined, id: string): Result {
  return typeof v === "number" && Number.isFinite(v) ? val(v) : missing(id);
}

/** Evaluates an expression for one municipality in one year. */
export function evaluate(
  e: Node,
  year: number,
  ctx: EvalContext,
  scope: ProjectionScope
): EvalResult {
  const vars = { år: year };
  const env: EvalEnv = {
    ref: (_segs, node) => {
      const t = targetOf(node as Extract<Node, { k: "ref" }>, scope);
      const results = expandRef(t, vars, scope.hasField).map((inst): Result => {
        if (inst.kind === "field")
          return inst.exists ? fieldResult(ctx.values[inst.id], inst.id) : NOT_ASKED;
        if (inst.kind === "calc") return NOT_ASKED; // the loader allows no calculation here
        const y = Number(inst.column);
        const v = ctx.kommunedata(inst.key, y);
        return v === undefined ? missing(kommunedataRef(inst.key, y)) : val(v);
      });
      return spreads(t) ? results : (results[0] ?? NOT_ASKED);
    },
    name: (name) => missing(name),
  };
  const v = evaluateNode(e, env);
  const r = isList(v) ? single(v) : v;
  if (r.k === "v") return { kind: "value", value: r.v as number };
  if (r.k === "tom") return { kind: "empty", missing: r.mangler.length ? r.mangler : r.grunde };
  return { kind: "notAsked" };
}

function* refs(e: Node): Generator<Extract<Node, { k: "ref" }>> {
  switch (e.k) {
    case "ref":
      yield e;
      break;
    case "neg":
      yield* refs(e.arg);
      break;
    case "bin":
      yield* refs(e.left);
      yield* refs(e.right);
      break;
    case "call":
      for (const a of e.args) yield* refs(a);
      break;
    default:
      break;
  }
}

/** Every template field id the expression reads in a year (for matching validation findings). */
export function fieldsRead(e: Node, year: number, scope: ProjectionScope): string[] {
  const out: string[] = [];
  for (const r of refs(e)) {
    const t = targetOf(r, scope);
    if (t.kind === "input") continue;
    for (const inst of expandRef(t, { år: year }, scope.hasField))
      if (inst.kind === "field" && inst.exists) out.push(inst.id);
  }
  return out;
}

/** Kommunedata keys the expression reads. */
export function kommunedataRead(e: Node, scope: ProjectionScope): KommunedataKey[] {
  const out: KommunedataKey[] = [];
  for (const r of refs(e)) {
    const t = targetOf(r, scope);
    if (
      t.kind === "input" &&
      t.table.id === scope.kommunedataTable &&
      t.key.every((k) => k.kind === "id")
    )
      out.push(t.key.map((k) => (k as { text: string }).text).join("."));
  }
  return out;
}

/** The terms of a top-level SUM (a single term otherwise): used for breakdowns by block. */
export function topLevelTerms(e: Node): readonly Node[] {
  return e.k === "call" && e.fn === "SUM" ? e.args : [e];
}

/** The template and block of the first field an expression reads (names the block a term belongs to). */
export function firstBlock(
  e: Node,
  scope: ProjectionScope
): { template: string; block: string } | undefined {
  for (const r of refs(e)) {
    const t = targetOf(r, scope);
    if (t.kind === "grid" || t.kind === "list")
      return { template: t.template.id, block: t.block.id };
  }
  return undefined;
}

/** The reference targets an expression reads (the report compiles them to cells). */
export function refTarget(node: Extract<Node, { k: "ref" }>, scope: ProjectionScope): RefTarget {
  return targetOf(node, scope);
}

/**
 * The fields an expression reads in a year that are asked but empty and are counted as 0 by a
 * sum around them: every empty field, except one multiplied by a factor that is 0, one read
 * through N() (empty means 0 by definition) and pooled years (`2020:{år}`, where a year without
 * figures is 0 by definition). Kommunedata figures are the consultant's and are not counted.
 */
export function emptyFieldsRead(
  e: Node,
  year: number,
  ctx: EvalContext,
  scope: ProjectionScope
): string[] {
  switch (e.k) {
    case "ref": {
      const t = targetOf(e, scope);
      if (t.kind === "input" || spreads(t)) return [];
      const out: string[] = [];
      for (const inst of expandRef(t, { år: year }, scope.hasField)) {
        if (inst.kind !== "field" || !inst.exists) continue;
        const v = ctx.values[inst.id];
        if (!(typeof v === "number" && Number.isFinite(v))) out.push(inst.id);
      }
      return out;
    }
    case "neg":
      return emptyFieldsRead(e.arg, year, ctx, scope);
    case "bin": {
      if (e.op === "*") {
        const zero = (x: Node) => {
          const r = evaluate(x, year, ctx, scope);
          return r.kind === "value" && r.value === 0;
        };
        if (zero(e.left) || zero(e.right)) return [];
      }
      return [
        ...emptyFieldsRead(e.left, year, ctx, scope),
        ...emptyFieldsRead(e.right, year, ctx, scope),
      ];
    }
    case "call":
      if (e.fn === "N") return [];
      return e.args.flatMap((a) => emptyFieldsRead(a, year, ctx, scope));
    default:
      return [];
  }
}
