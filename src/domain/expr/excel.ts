/**
 * Compiles a calculation tree to a native Excel formula (invariant syntax, no leading "="), with
 * the evaluator's semantics (evaluate.ts): tom is the empty text "", arithmetic with a tom
 * operand or a division by 0 gives "", aggregates skip what is not a number and give "" when no
 * number is left. Lists become ranges: a list of adjacent cells is used as it stands; anything
 * else is written into helper cells by the environment (`materialise`), one cell per element.
 */
import type { Node } from "./ast";
import type { ScalarType } from "./check";

/** A compiled scalar: `raw` is valid when none of `emptyIf` holds; `selfEmpty` when raw itself may be "". */
export interface Compiled {
  readonly raw: string;
  /** Excel conditions under which the value is tom (""). */
  readonly emptyIf: readonly string[];
  /** raw may itself be "" or a blank cell (a cell reference, or a function giving ""). */
  readonly selfEmpty: boolean;
  /** A plain cell reference (its own text is the reference). */
  readonly isRef: boolean;
  /** Always tom (a field that is not in the return, ikke spurgt). */
  readonly constEmpty?: boolean;
  readonly type: ScalarType;
}

export type CompiledValue = Compiled | readonly Compiled[];

export interface ExcelEnv {
  ref(node: Extract<Node, { k: "ref" }>): CompiledValue;
  name(node: Extract<Node, { k: "name" }>): CompiledValue;
  /** Writes each element's formula into a contiguous helper range; returns the range reference. */
  materialise(items: readonly Compiled[]): string;
  /** The range covering exactly these cell references in order, if they are adjacent. */
  rangeOf(refs: readonly string[]): string | undefined;
  /** The environment of the previous period (FORRIGE), where the workbook has one. */
  previous?(): ExcelEnv | undefined;
}

export const EMPTY: Compiled = {
  raw: '""',
  emptyIf: [],
  selfEmpty: true,
  isRef: false,
  constEmpty: true,
  type: "vilkaarlig",
};

/** A cell reference as a compiled value. */
export function cellRef(ref: string, type: ScalarType): Compiled {
  return { raw: ref, emptyIf: [], selfEmpty: true, isRef: true, type };
}

/** A constant as a compiled value. */
export function constant(v: number | string | boolean): Compiled {
  if (typeof v === "number")
    return { raw: numberLiteral(v), emptyIf: [], selfEmpty: false, isRef: false, type: "tal" };
  if (typeof v === "boolean")
    return {
      raw: v ? "TRUE" : "FALSE",
      emptyIf: [],
      selfEmpty: false,
      isRef: false,
      type: "sandhed",
    };
  return { raw: str(v), emptyIf: [], selfEmpty: v === "", isRef: false, type: "tekst" };
}

export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function numberLiteral(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(15)));
}

function isListC(v: CompiledValue): v is readonly Compiled[] {
  return Array.isArray(v);
}

/** Parentheses around a raw formula unless it is atomic. */
function paren(raw: string): string {
  return /^[A-Za-z0-9_.$!:'"]+$/.test(raw) || (/^[A-Z.]+\(.*\)$/.test(raw) && balanced(raw))
    ? raw
    : `(${raw})`;
}

/** Whether the outermost parentheses of "F(...)" enclose the rest. */
function balanced(raw: string): boolean {
  let depth = 0;
  let inStr = false;
  const open = raw.indexOf("(");
  for (let i = open; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') inStr = !inStr;
    if (inStr) continue;
    if (c === "(") depth++;
    if (c === ")") {
      depth--;
      if (depth === 0 && i !== raw.length - 1) return false;
    }
  }
  return true;
}

/** The conditions under which a compiled value is tom, including its own "" (deduplicated). */
function conditions(c: Compiled): string[] {
  const out = [...c.emptyIf];
  if (c.selfEmpty && !c.constEmpty) out.push(`${paren(c.raw)}=""`);
  return out;
}

/**
 * "Any of these holds", as a formula that never errors: Excel's OR evaluates every argument, so
 * a guard such as `B1/C1=0` after `C1=0` would turn the whole test into #DIV/0!. Nested IFs stop
 * at the first condition that holds.
 */
function or(conds: readonly string[]): string {
  const uniq = [...new Set(conds)];
  return uniq.reduceRight((rest, c) => (rest === "" ? c : `IF(${c},TRUE,${rest})`), "");
}

/** `IF(cond,then,otherwise)`, or the branch itself when the condition is a constant. */
function ifConst(cond: string, then: string, otherwise: string): string {
  if (cond === "TRUE") return then;
  if (cond === "FALSE") return otherwise;
  return `IF(${cond},${then},${otherwise})`;
}

/** `NOT(x)`, or the constant when x is one. */
function notOf(x: string): string {
  if (x === "TRUE") return "FALSE";
  if (x === "FALSE") return "TRUE";
  return `NOT(${x})`;
}

/** `IF(any condition, then, otherwise)`, checking the conditions one at a time. */
function ifAny(conds: readonly string[], then: string, otherwise: string): string {
  const uniq = [...new Set(conds)];
  return uniq.reduceRight((rest, c) => `IF(${c},${then},${rest})`, otherwise);
}

/** The self-contained formula of a compiled value (tom as ""). */
export function formulaOf(c: Compiled): string {
  if (c.constEmpty) return '""';
  if (c.emptyIf.length === 0) return c.raw;
  return ifAny(c.emptyIf, '""', c.raw);
}

/** A compiled value whose formula is self-contained (used inside functions and text). */
function whole(c: Compiled, type: ScalarType = c.type): Compiled {
  if (c.emptyIf.length === 0) return c;
  return {
    raw: formulaOf(c),
    emptyIf: [],
    selfEmpty: true,
    isRef: false,
    type,
  };
}

function liftC(args: readonly CompiledValue[], f: (...xs: Compiled[]) => Compiled): CompiledValue {
  const len = args.reduce<number>((n, a) => (isListC(a) ? Math.max(n, a.length) : n), -1);
  if (len < 0) return f(...(args as Compiled[]));
  const out: Compiled[] = [];
  for (let i = 0; i < len; i++) out.push(f(...args.map((a) => (isListC(a) ? (a[i] ?? EMPTY) : a))));
  return out;
}

function arith(op: string, a: Compiled, b: Compiled): Compiled {
  if (a.constEmpty || b.constEmpty) return EMPTY;
  const emptyIf = [...conditions(a), ...conditions(b)];
  const raw = `${paren(a.raw)}${op}${paren(b.raw)}`;
  if (op === "/") {
    if (!(b.raw !== "0" && /^[0-9.]+$/.test(b.raw))) emptyIf.push(`${paren(b.raw)}=0`);
  }
  return { raw, emptyIf, selfEmpty: false, isRef: false, type: "tal" };
}

/** The number a compiled value always is (a numeric literal), if it is one. */
function numberConstant(c: Compiled): number | undefined {
  return c.type === "tal" && c.emptyIf.length === 0 && !c.selfEmpty && /^-?[0-9.]+$/.test(c.raw)
    ? Number(c.raw)
    : undefined;
}

function compare(op: string, a: Compiled, b: Compiled): Compiled {
  const ea = a.constEmpty ? "TRUE" : conditions(a).length ? or(conditions(a)) : null;
  const eb = b.constEmpty ? "TRUE" : conditions(b).length ? or(conditions(b)) : null;
  const raw = `${paren(formulaOf(a))}${op}${paren(formulaOf(b))}`;
  if (op === "=" || op === "<>") {
    if (ea === null && eb === null)
      return {
        raw: `${paren(a.raw)}${op}${paren(b.raw)}`,
        emptyIf: [],
        selfEmpty: false,
        isRef: false,
        type: "sandhed",
      };
    const bothText = a.type === "tekst" && b.type === "tekst";
    if (bothText) return { raw, emptyIf: [], selfEmpty: false, isRef: false, type: "sandhed" };
    // A blank cell equals 0 and FALSE in Excel; here tom equals only tom.
    const eq = ifConst(
      ea ?? "FALSE",
      eb ?? "FALSE",
      ifConst(eb ?? "FALSE", "FALSE", `${paren(a.raw)}=${paren(b.raw)}`)
    );
    return {
      raw: op === "=" ? eq : notOf(eq),
      emptyIf: [],
      selfEmpty: false,
      isRef: false,
      type: "sandhed",
    };
  }
  if (a.constEmpty || b.constEmpty) return { ...EMPTY, type: "sandhed" };
  const na = numberConstant(a);
  const nb = numberConstant(b);
  if (na !== undefined && nb !== undefined)
    return constant(
      op === "<" ? na < nb : op === ">" ? na > nb : op === "<=" ? na <= nb : na >= nb
    );
  return {
    raw: `${paren(a.raw)}${op}${paren(b.raw)}`,
    emptyIf: [...conditions(a), ...conditions(b)],
    selfEmpty: false,
    isRef: false,
    type: "sandhed",
  };
}

const AGGREGATES = new Set([
  "SUM",
  "MIN",
  "MAX",
  "AVERAGE",
  "MEDIAN",
  "COUNT",
  "COUNTIF",
  "SUMIF",
  "PERCENTILE",
]);

/** Compiles a tree (checked beforehand) in an environment. */
export function compileToExcel(n: Node, env: ExcelEnv): CompiledValue {
  const c = (x: Node) => compileToExcel(x, env);
  switch (n.k) {
    case "num":
    case "str":
    case "bool":
      return constant(n.value);
    case "ref":
      return env.ref(n);
    case "name":
      return env.name(n);
    case "neg":
      return liftC([c(n.arg)], (a) =>
        a.constEmpty
          ? EMPTY
          : {
              ...a,
              raw: `-${paren(a.raw)}`,
              emptyIf: conditions(a),
              selfEmpty: false,
              isRef: false,
            }
      );
    case "bin": {
      const l = c(n.left);
      const r = c(n.right);
      if ("+-*/".includes(n.op)) return liftC([l, r], (a, b) => arith(n.op, a, b));
      if (n.op === "&")
        return liftC([l, r], (a, b) => ({
          raw: `${paren(formulaOf(a))}&${paren(formulaOf(b))}`,
          emptyIf: [],
          selfEmpty: false,
          isRef: false,
          type: "tekst",
        }));
      return liftC([l, r], (a, b) => compare(n.op, a, b));
    }
    case "call": {
      if (n.fn === "PREVIOUS") {
        const before = env.previous?.();
        return before ? compileToExcel(n.args[0], before) : EMPTY;
      }
      const args = n.args.map(c);
      if (AGGREGATES.has(n.fn)) return aggregate(n.fn, args, env);
      return liftC(args, (...xs) => scalarCall(n.fn, xs));
    }
  }
}

/** An argument as a range or a single reference/constant usable inside an Excel aggregate. */
function rangeArg(v: CompiledValue, env: ExcelEnv): string {
  const items = isListC(v) ? v : [v];
  if (items.length === 0) return env.materialise([EMPTY]);
  if (items.length === 1 && !isListC(v)) {
    const x = items[0];
    if (
      x.isRef ||
      (x.type === "tal" && !x.selfEmpty && x.emptyIf.length === 0 && /^-?[0-9.]+$/.test(x.raw))
    )
      return x.raw;
    return env.materialise([x]);
  }
  if (items.every((x) => x.isRef)) {
    const range = env.rangeOf(items.map((x) => x.raw));
    if (range) return range;
  }
  return env.materialise(items);
}

function aggregate(fn: string, args: readonly CompiledValue[], env: ExcelEnv): Compiled {
  const mk = (raw: string, selfEmpty: boolean): Compiled => ({
    raw,
    emptyIf: [],
    selfEmpty,
    isRef: false,
    type: "tal",
  });
  if (fn === "COUNTIF") {
    const range = rangeArg(args[0], env);
    const crit = args[1] as Compiled;
    if (crit.constEmpty) return EMPTY;
    const f = `SUMPRODUCT((${range}<>"")*(${range}=${paren(formulaOf(crit))}))`;
    const ce = conditions(crit);
    return ce.length ? mk(ifAny(ce, '""', f), true) : mk(f, false);
  }
  if (fn === "SUMIF") {
    const crit = args[1] as Compiled;
    if (crit.constEmpty) return EMPTY;
    const range = rangeArg(args[0], env);
    const sums = rangeArg(args[2], env);
    // SUMPRODUCT, not SUMIF: = compares as the language does (text regardless of case, no
    // wildcards or operators in the criterion), and text in the sum list counts as nothing.
    const hit = `(${range}<>"")*(${range}=${paren(formulaOf(crit))})*ISNUMBER(${sums})`;
    const f = `IF(SUMPRODUCT(${hit})=0,"",SUMPRODUCT(${hit},${sums}))`;
    const ce = conditions(crit);
    return mk(ce.length ? ifAny(ce, '""', f) : f, true);
  }
  if (fn === "PERCENTILE") {
    const range = rangeArg(args[0], env);
    const p = args[1] as Compiled;
    if (p.constEmpty) return EMPTY;
    const conds = [...conditions(p), `${paren(p.raw)}<0`, `${paren(p.raw)}>1`, `COUNT(${range})=0`];
    return mk(ifAny(conds, '""', `PERCENTILE(${range},${p.raw})`), true);
  }
  // An argument that is always empty (a field the template does not ask for, a respondent
  // without a return) adds nothing to SUM, MIN, … or COUNT: leave it out rather than give it a cell.
  const live = args
    .map((a) => (isListC(a) ? a.filter((x) => !x.constEmpty) : a))
    .filter((a) => (isListC(a) ? a.length > 0 : !a.constEmpty));
  if (live.length === 0) return fn === "COUNT" ? constant(0) : EMPTY;
  const ranges = live.map((a) => rangeArg(a, env)).join(",");
  if (fn === "COUNT") return mk(`COUNT(${ranges})`, false);
  return mk(`IF(COUNT(${ranges})=0,"",${fn}(${ranges}))`, true);
}

function scalarCall(fn: string, xs: Compiled[]): Compiled {
  const mk = (
    raw: string,
    type: ScalarType,
    emptyIf: string[] = [],
    selfEmpty = false
  ): Compiled => ({
    raw,
    emptyIf,
    selfEmpty,
    isRef: false,
    type,
  });
  switch (fn) {
    case "IF": {
      const [cond, a, b] = xs;
      if (cond.constEmpty) return EMPTY;
      const ce = conditions(cond);
      // Folded where the outcome is known (a pack's expressions, written once for every
      // respondent and record, give many such IFs): both branches tom, or a constant condition.
      if (a.constEmpty && (!b || b.constEmpty)) return EMPTY;
      if (cond.raw === "TRUE" || cond.raw === "FALSE") {
        const x = cond.raw === "TRUE" ? a : b;
        if (!x || x.constEmpty) return EMPTY;
        return ce.length === 0 ? x : mk(guardedRef(x), x.type, ce, true);
      }
      // A branch that is a plain reference would give 0 for an empty cell: keep it empty.
      const fa = guardedRef(a);
      const fb = b ? guardedRef(b) : '""';
      const inner = `IF(${cond.raw},${fa},${fb})`;
      const type = a.type === "vilkaarlig" && b ? b.type : a.type;
      return mk(
        inner,
        type,
        ce,
        a.selfEmpty || a.emptyIf.length > 0 || !b || b.selfEmpty || b.emptyIf.length > 0
      );
    }
    case "AND":
    case "OR":
    case "NOT": {
      if (xs.some((x) => x.constEmpty)) return { ...EMPTY, type: "sandhed" };
      const conds = xs.flatMap(conditions);
      // A constant argument that decides the outcome: NOT of a constant, AND with FALSE, OR with TRUE.
      const decides = fn === "NOT" ? ["TRUE", "FALSE"] : [fn === "AND" ? "FALSE" : "TRUE"];
      const decider = xs.find((x) => decides.includes(x.raw));
      if (decider) {
        const decided = fn === "NOT" ? notOf(decider.raw) : decider.raw;
        return conds.length ? mk(decided, "sandhed", conds) : constant(decided === "TRUE");
      }
      return mk(`${fn}(${xs.map((x) => x.raw).join(",")})`, "sandhed", conds);
    }
    case "N":
      return xs[0].constEmpty ? constant(0) : mk(`N(${formulaOf(xs[0])})`, "tal");
    case "EMPTY":
      return EMPTY;
    case "ISBLANK": {
      const x = xs[0];
      if (x.constEmpty) return constant(true);
      const conds = conditions(x);
      return conds.length ? mk(or(conds), "sandhed") : constant(false);
    }
    case "ROUND":
    case "FIXED": {
      const [x, d] = xs;
      if (x.constEmpty || d.constEmpty) return EMPTY;
      return mk(`${fn}(${x.raw},${d.raw})`, fn === "ROUND" ? "tal" : "tekst", [
        ...conditions(x),
        ...conditions(d),
      ]);
    }
    case "ABS": {
      const x = xs[0];
      if (x.constEmpty) return EMPTY;
      return mk(`ABS(${x.raw})`, "tal", conditions(x));
    }
    case "MOD": {
      const [x, d] = xs;
      if (x.constEmpty || d.constEmpty) return EMPTY;
      return mk(`MOD(${x.raw},${d.raw})`, "tal", [
        ...conditions(x),
        ...conditions(d),
        `${paren(d.raw)}=0`,
      ]);
    }
    case "LEN":
      return xs[0].constEmpty ? constant(0) : mk(`LEN(${formulaOf(xs[0])})`, "tal");
    case "LEFT":
    case "RIGHT": {
      const [x, n] = xs;
      if (x.constEmpty || n?.constEmpty) return { ...EMPTY, type: "tekst" };
      const args = n ? `${formulaOf(x)},${n.raw}` : formulaOf(x);
      return mk(`${fn}(${args})`, "tekst", n ? [...conditions(n), `${paren(n.raw)}<0`] : [], true);
    }
    case "MID": {
      const [x, st, n] = xs;
      if (x.constEmpty || st.constEmpty || n.constEmpty) return { ...EMPTY, type: "tekst" };
      return mk(
        `MID(${formulaOf(x)},${st.raw},${n.raw})`,
        "tekst",
        [...conditions(st), ...conditions(n), `${paren(st.raw)}<1`, `${paren(n.raw)}<0`],
        true
      );
    }
    case "FIND": {
      const [f, w, st] = xs;
      if (st?.constEmpty) return EMPTY;
      const args = [formulaOf(f), formulaOf(w), ...(st ? [st.raw] : [])].join(",");
      // FIND gives #VALUE! when the text is not found; the language's value is then tom. An
      // empty search text is tom too (Excel would answer the start, LibreOffice an error).
      if (f.constEmpty) return EMPTY;
      return mk(
        `IFERROR(FIND(${args}),"")`,
        "tal",
        [...conditions(f), ...(st ? conditions(st) : [])],
        true
      );
    }
    case "VALUE": {
      const x = xs[0];
      if (x.constEmpty) return EMPTY;
      // VALUE of an empty cell is 0 in Excel and LibreOffice; in the language it is tom.
      return mk(`IFERROR(VALUE(${formulaOf(x)}),"")`, "tal", conditions(x), true);
    }
    case "YEAR":
    case "MONTH":
    case "DAY": {
      const x = xs[0];
      if (x.constEmpty) return EMPTY;
      return mk(`${fn}(${x.raw})`, "tal", [...conditions(x), `${paren(x.raw)}<0`]);
    }
    default:
      throw new Error(`ukendt funktion ${fn}`);
  }
}

/** A value's formula where a plain reference must not turn an empty cell into 0. */
function guardedRef(v: Compiled): string {
  return v.isRef && v.emptyIf.length === 0 ? `IF(${v.raw}="","",${v.raw})` : formulaOf(v);
}

/**
 * The formula of a scalar compiled value for a cell of its own. A reference to another cell is
 * guarded: `=A1` would show 0 for an empty A1, where the language's value is empty.
 */
export function cellFormula(v: CompiledValue): string {
  if (isListC(v)) throw new Error("en liste kan ikke skrives i én celle");
  return guardedRef(v);
}

export { whole as selfContained };
