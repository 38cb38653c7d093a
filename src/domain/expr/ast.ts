/**
 * The calculation language of survey packs: an Excel-like text form ("SUM(a.b.{række}.2023) /
 * antal") parsed into this tree. One tree serves every use: the type checker (check.ts), the
 * JavaScript evaluator (evaluate.ts) and the compiler to native Excel formulas (excel.ts).
 */

/** Where a node stands in its source text (0-based, end exclusive), for located messages. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One part of a dotted reference such as `kkr.behov.{række}.2024` or `t.b.*.x` or `t.b.r.2020:{år}`. */
export type Segment =
  | { readonly kind: "id"; readonly text: string }
  /** A placeholder replaced by a variable's value, e.g. `{år}` or `{række}`. */
  | { readonly kind: "var"; readonly name: string }
  /** Every key at this position (a list). */
  | { readonly kind: "wild" }
  /** Every column key from `from` to `to` inclusive (a list), e.g. `2020:{år}`. */
  | { readonly kind: "range"; readonly from: Segment; readonly to: Segment };

export type BinaryOp = "+" | "-" | "*" | "/" | "&" | "=" | "<>" | "<" | "<=" | ">" | ">=";

export type Node =
  | ({ readonly k: "num"; readonly value: number } & Span)
  | ({ readonly k: "str"; readonly value: string } & Span)
  | ({ readonly k: "bool"; readonly value: boolean } & Span)
  /** A dotted reference: a template field, an input table's figure (first part decides). */
  | ({ readonly k: "ref"; readonly segments: readonly Segment[] } & Span)
  /** A bare name: a setting, a calculation, a table column, a record field or a variable. */
  | ({ readonly k: "name"; readonly name: string } & Span)
  | ({ readonly k: "neg"; readonly arg: Node } & Span)
  | ({ readonly k: "bin"; readonly op: BinaryOp; readonly left: Node; readonly right: Node } & Span)
  /** A function call; `fn` is the canonical (English, upper-case) name. */
  | ({ readonly k: "call"; readonly fn: string; readonly args: readonly Node[] } & Span);

/** The text of a segment as written. */
export function segmentText(s: Segment): string {
  switch (s.kind) {
    case "id":
      return s.text;
    case "var":
      return `{${s.name}}`;
    case "wild":
      return "*";
    case "range":
      return `${segmentText(s.from)}:${segmentText(s.to)}`;
  }
}

/** A reference written back as text, e.g. `kkr.behov.{række}.2024`. */
export function refText(segments: readonly Segment[]): string {
  return segments.map(segmentText).join(".");
}

/** Every node of a tree, depth first (the node itself first). */
export function* walk(n: Node): Generator<Node> {
  yield n;
  switch (n.k) {
    case "neg":
      yield* walk(n.arg);
      break;
    case "bin":
      yield* walk(n.left);
      yield* walk(n.right);
      break;
    case "call":
      for (const a of n.args) yield* walk(a);
      break;
    default:
      break;
  }
}
