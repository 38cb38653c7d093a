/**
 * The type checker of the calculation language: every reference and name resolves in its scope,
 * function arities fit, and the kinds of values fit together (no text in a sum, no list where one
 * value is needed, no two lists over different things combined). Messages are Danish and carry
 * the position in the expression's text.
 */
import type { Node, Span } from "./ast";
import { findFunction } from "./functions";

export type ScalarType = "tal" | "tekst" | "sandhed" | "vilkaarlig";

/** A value's kind; with `domain`, a list over that domain (e.g. "respondenterne"). */
export interface ExprType {
  readonly type: ScalarType;
  readonly domain?: string;
}

/** What references and names mean where an expression stands. A string is a Danish error. */
export interface CheckScope {
  ref(node: Extract<Node, { k: "ref" }>): ExprType | string;
  name(node: Extract<Node, { k: "name" }>): ExprType | string;
  /**
   * The scope inside FORRIGE(…) (the previous period), or a Danish reason why FORRIGE cannot
   * stand here (the pack has no periods, a rule, FORRIGE inside FORRIGE). Absent: not allowed.
   */
  previous?(): CheckScope | string;
}

export interface CheckError {
  readonly message: string;
  readonly span: Span;
}

export interface CheckResult {
  readonly type: ExprType;
  readonly errors: readonly CheckError[];
}

const TYPE_NAME: Record<ScalarType, string> = {
  tal: "et tal",
  tekst: "en tekst",
  sandhed: "sand/falsk",
  vilkaarlig: "en værdi",
};

const AGG_NUMERIC = new Set(["SUM", "MIN", "MAX", "AVERAGE", "MEDIAN"]);

class Checker {
  readonly errors: CheckError[] = [];
  constructor(private readonly scope: CheckScope) {}

  private err(message: string, span: Span): ExprType {
    this.errors.push({ message, span: { start: span.start, end: span.end } });
    return { type: "vilkaarlig" };
  }

  private unify(domains: readonly (string | undefined)[], span: Span): string | undefined {
    let d: string | undefined;
    for (const x of domains) {
      if (x === undefined) continue;
      if (d === undefined) d = x;
      else if (d !== x) {
        this.err(`en liste over ${d} kan ikke kombineres med en liste over ${x}`, span);
        return d;
      }
    }
    return d;
  }

  private want(t: ExprType, want: ScalarType, node: Node, what: string): void {
    if (t.type === "vilkaarlig" || want === "vilkaarlig" || t.type === want) return;
    this.err(`${what} skal være ${TYPE_NAME[want]}, men er ${TYPE_NAME[t.type]}`, node);
  }

  private scalar(t: ExprType, node: Node, what: string): void {
    if (t.domain !== undefined)
      this.err(
        `${what} skal være én værdi, men er en liste over ${t.domain} (brug fx SUM eller MIDDEL)`,
        node
      );
  }

  check(n: Node): ExprType {
    switch (n.k) {
      case "num":
        return { type: "tal" };
      case "str":
        return { type: "tekst" };
      case "bool":
        return { type: "sandhed" };
      case "ref":
      case "name": {
        const r = n.k === "ref" ? this.scope.ref(n) : this.scope.name(n);
        return typeof r === "string" ? this.err(r, n) : r;
      }
      case "neg": {
        const a = this.check(n.arg);
        this.want(a, "tal", n.arg, "det, der sættes minus foran,");
        return { type: "tal", domain: a.domain };
      }
      case "bin": {
        const l = this.check(n.left);
        const r = this.check(n.right);
        const domain = this.unify([l.domain, r.domain], n);
        if (n.op === "&") return { type: "tekst", domain };
        if ("+-*/".includes(n.op)) {
          this.want(l, "tal", n.left, `venstre side af »${n.op}«`);
          this.want(r, "tal", n.right, `højre side af »${n.op}«`);
          return { type: "tal", domain };
        }
        if (l.type !== "vilkaarlig" && r.type !== "vilkaarlig" && l.type !== r.type)
          this.err(`»${n.op}« sammenligner ${TYPE_NAME[l.type]} med ${TYPE_NAME[r.type]}`, n);
        return { type: "sandhed", domain };
      }
      case "call":
        return this.call(n);
    }
  }

  /**
   * FORRIGE(x): x checked in the previous period's scope. A list it gives is over the previous
   * period's respondents or records, so it does not combine with one over the current period's.
   */
  private previousPeriod(n: Extract<Node, { k: "call" }>): ExprType {
    if (n.args.length !== 1)
      return this.err(`FORRIGE skal have 1 argument, men har ${n.args.length}`, n);
    const inner = this.scope.previous?.() ?? "FORRIGE kan kun bruges i en pakke med »perioder«";
    if (typeof inner === "string") return this.err(inner, n);
    const c = new Checker(inner);
    const t = c.check(n.args[0]);
    this.errors.push(...c.errors);
    return t.domain === undefined ? t : { ...t, domain: `${t.domain} i forrige periode` };
  }

  private call(n: Extract<Node, { k: "call" }>): ExprType {
    const def = findFunction(n.fn)!;
    if (def.kind === "period") return this.previousPeriod(n);
    if (n.args.length < def.minArgs || n.args.length > def.maxArgs) {
      const range =
        def.minArgs === def.maxArgs
          ? `${def.minArgs}`
          : def.maxArgs === Number.POSITIVE_INFINITY
            ? `mindst ${def.minArgs}`
            : `${def.minArgs}–${def.maxArgs}`;
      this.err(
        `${n.fn} skal have ${range} ${def.maxArgs === 1 && def.minArgs === 1 ? "argument" : "argumenter"}, men har ${n.args.length}`,
        n
      );
    }
    const args = n.args.map((a) => this.check(a));
    const arg = (i: number) => args[i] ?? { type: "vilkaarlig" as const };
    if (def.kind === "aggregate") {
      if (AGG_NUMERIC.has(n.fn))
        args.forEach((a, i) => this.want(a, "tal", n.args[i], `argumentet til ${n.fn}`));
      if (n.fn === "PERCENTILE") {
        this.want(arg(0), "tal", n.args[0] ?? n, "listen til FRAKTIL");
        this.want(arg(1), "tal", n.args[1] ?? n, "p i FRAKTIL");
        this.scalar(arg(1), n.args[1] ?? n, "p i FRAKTIL");
      }
      if (n.fn === "COUNTIF") this.scalar(arg(1), n.args[1] ?? n, "værdien i TÆL.HVIS");
      if (n.fn === "SUMIF") {
        this.scalar(arg(1), n.args[1] ?? n, "værdien i SUM.HVIS");
        this.want(arg(2), "tal", n.args[2] ?? n, "sumlisten i SUM.HVIS");
        // The list and the sum list are taken position by position: they must span the same thing.
        this.unify([arg(0).domain, arg(2).domain], n);
        if ((arg(0).domain === undefined) !== (arg(2).domain === undefined))
          this.err(
            "listen og sumlisten i SUM.HVIS skal begge være lister (eller begge én værdi)",
            n
          );
      }
      return { type: "tal" };
    }
    const domain = this.unify(
      args.map((a) => a.domain),
      n
    );
    switch (n.fn) {
      case "IF": {
        this.want(arg(0), "sandhed", n.args[0], "betingelsen i HVIS");
        const a = arg(1);
        const b = args[2];
        if (b && a.type !== "vilkaarlig" && b.type !== "vilkaarlig" && a.type !== b.type)
          this.err(
            `HVIS giver ${TYPE_NAME[a.type]}, når betingelsen er sand, men ${TYPE_NAME[b.type]}, når den er falsk`,
            n
          );
        return { type: a.type === "vilkaarlig" && b ? b.type : a.type, domain };
      }
      case "AND":
      case "OR":
      case "NOT":
        args.forEach((a, i) => this.want(a, "sandhed", n.args[i], `argumentet til ${n.fn}`));
        return { type: "sandhed", domain };
      case "ROUND":
      case "FIXED":
        this.want(arg(0), "tal", n.args[0], `tallet i ${n.fn}`);
        this.want(arg(1), "tal", n.args[1] ?? n, `antal decimaler i ${n.fn}`);
        this.scalar(arg(1), n.args[1] ?? n, `antal decimaler i ${n.fn}`);
        return { type: n.fn === "ROUND" ? "tal" : "tekst", domain };
      case "ABS":
        this.want(arg(0), "tal", n.args[0], "argumentet til ABS");
        return { type: "tal", domain };
      case "N":
        return { type: "tal", domain };
      case "ISBLANK":
        return { type: "sandhed", domain };
      case "MOD":
        this.want(arg(0), "tal", n.args[0], "tallet i REST");
        this.want(arg(1), "tal", n.args[1] ?? n, "divisoren i REST");
        return { type: "tal", domain };
      case "LEN":
        return { type: "tal", domain };
      case "LEFT":
      case "RIGHT":
        if (n.args[1]) this.want(arg(1), "tal", n.args[1], `antal tegn i ${n.fn}`);
        return { type: "tekst", domain };
      case "MID":
        this.want(arg(1), "tal", n.args[1] ?? n, "start i MIDT");
        this.want(arg(2), "tal", n.args[2] ?? n, "antal tegn i MIDT");
        return { type: "tekst", domain };
      case "FIND":
        if (n.args[2]) this.want(arg(2), "tal", n.args[2], "start i FIND");
        return { type: "tal", domain };
      case "VALUE":
        return { type: "tal", domain };
      case "YEAR":
      case "MONTH":
      case "DAY":
        this.want(arg(0), "tal", n.args[0] ?? n, `datoen i ${n.fn}`);
        return { type: "tal", domain };
      case "EMPTY":
        return { type: "vilkaarlig", domain };
      default:
        return this.err(`funktionen ${n.fn} kan ikke bruges her`, n);
    }
  }
}

/** Checks an expression in a scope; `expect` (when given) is the kind the result must have. */
export function checkExpr(
  node: Node,
  scope: CheckScope,
  expect?: { readonly type?: ScalarType; readonly list?: boolean }
): CheckResult {
  const c = new Checker(scope);
  const t = c.check(node);
  if (
    expect?.type &&
    t.type !== "vilkaarlig" &&
    expect.type !== "vilkaarlig" &&
    t.type !== expect.type
  )
    c.errors.push({
      message: `udtrykket skal give ${TYPE_NAME[expect.type]}, men giver ${TYPE_NAME[t.type]}`,
      span: { start: node.start, end: node.end },
    });
  if (expect?.list === false && t.domain !== undefined)
    c.errors.push({
      message: `udtrykket skal give én værdi, men giver en liste over ${t.domain} (brug fx SUM eller MIDDEL)`,
      span: { start: node.start, end: node.end },
    });
  return { type: t, errors: c.errors };
}
