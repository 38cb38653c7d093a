/**
 * Parses the calculation language's Excel-like text into the tree of ast.ts.
 *
 * - Numbers: `12`, `0,9` or `0.9` (a comma is never an argument separator).
 * - Text: `"Dækket"` (a quote inside is written twice, as in Excel).
 * - Arguments are separated by `;`, as in Danish Excel: `HVIS(a > 0; "ja"; "nej")`.
 * - Operators: `+ - * /`, `&` (joins text), `= <> < <= > >=`; parentheses.
 * - Functions by their Danish or English Excel name, any case: `SUM`, `MIDDEL`, `FRAKTIL`…
 * - A dotted reference names a template field or an input table's figure:
 *   `kkr.behov.{række}.2024`, `t.b.*.2023` (every row), `t.b.r.2020:{år}` (columns 2020 to år).
 * - A bare name is a setting, a calculation, a table column, a record field or a variable.
 * - `SAND`/`FALSK` (or `TRUE`/`FALSE`) are the truth values.
 * - `TOM("grund")` is tom ("kan ikke beregnes") with that reason, e.g. `HVIS(n >= 10; x; TOM("for få"))`.
 * - `FORRIGE(x)` is x for the previous period, in a pack whose returns carry a period (`perioder`):
 *   the returns, calculations and records of the year before; settings and input tables as they are.
 */
import type { BinaryOp, Node, Segment, Span } from "./ast";
import { findFunction } from "./functions";

export interface ParseError {
  readonly message: string;
  readonly span: Span;
}

export type ParseResult =
  { readonly ok: true; readonly node: Node } | { readonly ok: false; readonly error: ParseError };

type Token =
  | ({ readonly t: "num"; readonly value: number } & Span)
  | ({ readonly t: "str"; readonly value: string } & Span)
  | ({ readonly t: "path"; readonly segments: readonly Segment[]; readonly raw: string } & Span)
  | ({ readonly t: "op"; readonly op: string } & Span)
  | ({ readonly t: "end" } & Span);

class SyntaxError_ extends Error {
  constructor(
    message: string,
    readonly span: Span
  ) {
    super(message);
  }
}

const WORD = /[\p{L}\p{N}_]/u;
const WORD_START = /[\p{L}_]/u;

function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const fail = (message: string, start: number, end = start + 1): never => {
    throw new SyntaxError_(message, { start, end });
  };

  /** One segment at `i`: a word, `{var}` or `*`; returns it and moves `i`. */
  const segment = (): Segment => {
    const start = i;
    if (text[i] === "*") {
      i++;
      return { kind: "wild" };
    }
    if (text[i] === "{") {
      const close = text.indexOf("}", i);
      if (close < 0) fail("»{« mangler sin »}«", start);
      const name = text.slice(i + 1, close).trim();
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name))
        fail(`»{${name}}« er ikke et gyldigt variabelnavn`, start, close + 1);
      i = close + 1;
      return { kind: "var", name };
    }
    while (i < text.length && WORD.test(text[i])) i++;
    if (i === start) fail("her mangler en del af en reference", start);
    return { kind: "id", text: text.slice(start, i) };
  };

  /** A segment, optionally a column range `a:b`. */
  const rangedSegment = (): Segment => {
    const first = segment();
    if (text[i] === ":" && i + 1 < text.length && /[\p{L}\p{N}_{]/u.test(text[i + 1])) {
      i++;
      const to = segment();
      return { kind: "range", from: first, to };
    }
    return first;
  };

  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9]/.test(text[i])) i++;
      if ((text[i] === "," || text[i] === ".") && /[0-9]/.test(text[i + 1] ?? "")) {
        i++;
        while (i < text.length && /[0-9]/.test(text[i])) i++;
      }
      if (i < text.length && WORD_START.test(text[i]))
        fail(`»${text.slice(start, i + 1)}« er hverken et tal eller et navn`, start, i + 1);
      out.push({ t: "num", value: Number(text.slice(start, i).replace(",", ".")), start, end: i });
      continue;
    }
    if (c === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) fail("teksten mangler sit afsluttende anførselstegn", start, i);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      out.push({ t: "str", value, start, end: i });
      continue;
    }
    if (WORD_START.test(c)) {
      const segments: Segment[] = [rangedSegment()];
      while (text[i] === "." && i + 1 < text.length && /[\p{L}\p{N}_{*]/u.test(text[i + 1])) {
        i++;
        segments.push(rangedSegment());
      }
      out.push({ t: "path", segments, raw: text.slice(start, i), start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ t: "op", op: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if ("+-*/&=<>();".includes(c)) {
      out.push({ t: "op", op: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === ",")
      fail("argumenter adskilles med semikolon (;), ikke komma; decimaltal skrives fx 0,9", start);
    fail(`tegnet »${c}« kan ikke bruges her`, start);
  }
  out.push({ t: "end", start: text.length, end: text.length });
  return out;
}

const COMPARISON = new Set(["=", "<>", "<", "<=", ">", ">="]);
const BOOL_NAMES: Readonly<Record<string, boolean>> = {
  SAND: true,
  TRUE: true,
  FALSK: false,
  FALSE: false,
};

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.op === op;
  }
  private expectOp(op: string, what: string): Token {
    const t = this.peek();
    if (t.t !== "op" || t.op !== op) {
      throw new SyntaxError_(`her forventes ${what}`, { start: t.start, end: t.end });
    }
    return this.next();
  }

  parse(): Node {
    const n = this.comparison();
    const t = this.peek();
    if (t.t !== "end") {
      throw new SyntaxError_(
        t.t === "op" && t.op === ")"
          ? "der er en »)« for meget"
          : "udtrykket fortsætter, hvor det burde slutte (mangler der en operator?)",
        { start: t.start, end: t.end }
      );
    }
    return n;
  }

  private comparison(): Node {
    let left = this.concat();
    while (this.peek().t === "op" && COMPARISON.has((this.peek() as { op: string }).op)) {
      const op = (this.next() as { op: string }).op as BinaryOp;
      const right = this.concat();
      left = { k: "bin", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private concat(): Node {
    let left = this.additive();
    while (this.isOp("&")) {
      this.next();
      const right = this.additive();
      left = { k: "bin", op: "&", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private additive(): Node {
    let left = this.term();
    while (this.isOp("+") || this.isOp("-")) {
      const op = (this.next() as { op: string }).op as BinaryOp;
      const right = this.term();
      left = { k: "bin", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private term(): Node {
    let left = this.unary();
    while (this.isOp("*") || this.isOp("/")) {
      const op = (this.next() as { op: string }).op as BinaryOp;
      const right = this.unary();
      left = { k: "bin", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): Node {
    if (this.isOp("-")) {
      const t = this.next();
      const arg = this.unary();
      return { k: "neg", arg, start: t.start, end: arg.end };
    }
    if (this.isOp("+")) {
      this.next();
      return this.unary();
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.next();
    switch (t.t) {
      case "num":
        return { k: "num", value: t.value, start: t.start, end: t.end };
      case "str":
        return { k: "str", value: t.value, start: t.start, end: t.end };
      case "op":
        if (t.op === "(") {
          const inner = this.comparison();
          const close = this.expectOp(")", "en »)«");
          return { ...inner, start: t.start, end: close.end };
        }
        throw new SyntaxError_(
          t.op === ")" ? "her mangler en værdi før »)«" : `her mangler en værdi før »${t.op}«`,
          { start: t.start, end: t.end }
        );
      case "end":
        throw new SyntaxError_("udtrykket slutter for tidligt", { start: t.start, end: t.end });
      case "path":
        return this.pathOrCall(t);
    }
  }

  private pathOrCall(t: Extract<Token, { t: "path" }>): Node {
    if (this.isOp("(")) {
      const fn = findFunction(t.raw);
      if (!fn) {
        throw new SyntaxError_(`funktionen »${t.raw}« findes ikke`, {
          start: t.start,
          end: t.end,
        });
      }
      this.next();
      const args: Node[] = [];
      if (!this.isOp(")")) {
        for (;;) {
          args.push(this.comparison());
          if (this.isOp(";")) {
            this.next();
            continue;
          }
          break;
        }
      }
      const close = this.expectOp(")", "»;« eller »)« efter et argument");
      return { k: "call", fn: fn.name, args, start: t.start, end: close.end };
    }
    if (t.segments.length === 1 && t.segments[0].kind === "id") {
      const name = t.segments[0].text;
      const b = BOOL_NAMES[name.toUpperCase()];
      if (b !== undefined) return { k: "bool", value: b, start: t.start, end: t.end };
      return { k: "name", name, start: t.start, end: t.end };
    }
    if (t.segments.length === 1) {
      throw new SyntaxError_(`»${t.raw}« er ikke en gyldig reference`, {
        start: t.start,
        end: t.end,
      });
    }
    return { k: "ref", segments: t.segments, start: t.start, end: t.end };
  }
}

/** Parses one expression. Never throws: a syntax error comes back with its position. */
export function parseExpr(text: string): ParseResult {
  try {
    return { ok: true, node: new Parser(lex(text)).parse() };
  } catch (e) {
    if (e instanceof SyntaxError_)
      return { ok: false, error: { message: e.message, span: e.span } };
    throw e;
  }
}
