/**
 * Evaluates a calculation tree in JavaScript, with the same results as the native Excel formulas
 * excel.ts compiles from it (a LibreOffice recalculation test holds the two equal).
 *
 * Empty values: a field left empty, a missing figure or a division by 0 is *tom* ("kan ikke
 * beregnes") and carries its reasons. Arithmetic with a tom operand is tom; SUM, SUMIF, MIN, MAX,
 * AVERAGE, MEDIAN and PERCENTILE skip tom values (and text) and are tom only when no number is
 * left; COUNT never is. `N(x)` reads tom as 0. A reference to a field the template does not ask
 * for (e.g. a year before a row existed) is *ikke spurgt*: skipped like tom, and a calculation
 * of only such values is itself ikke spurgt (the projection uses this to leave out an area).
 */
import { quantileSorted } from "simple-statistics";
import { formatDanishNumber } from "../parse/number";
import type { Node, Segment } from "./ast";

export type Scalar = number | string | boolean;

export type Result =
  | { readonly k: "v"; readonly v: Scalar }
  /** Empty: `mangler` names the missing fields or figures, `grunde` other reasons (division by 0…). */
  | { readonly k: "tom"; readonly mangler: readonly string[]; readonly grunde: readonly string[] }
  | { readonly k: "ikke_spurgt" };

/** A value or a list of values (a field over every respondent, every row of a block…). */
export type Value = Result | readonly Result[];

export const NOT_ASKED: Result = { k: "ikke_spurgt" };
export const val = (v: Scalar): Result => ({ k: "v", v });
export const tom = (...grunde: string[]): Result => ({ k: "tom", mangler: [], grunde });
/** Empty because these fields or figures are missing. */
export const missing = (...mangler: string[]): Result => ({ k: "tom", mangler, grunde: [] });

export function isList(v: Value): v is readonly Result[] {
  return Array.isArray(v);
}

/** What a reference or a name denotes in the current context. */
export interface EvalEnv {
  ref(segments: readonly Segment[], node: Node): Value;
  name(name: string, node: Node): Value;
  /** The environment of the previous period (FORRIGE), where the data have one. */
  previous?(): EvalEnv | undefined;
}

/** Rounds half away from zero, like Excel's ROUND (guarding binary representation error). */
export function roundExcel(value: number, digits: number): number {
  const f = Math.pow(10, digits);
  const scaled = Math.abs(value) * f;
  const rounded = Math.round(scaled + 1e-9 * Math.max(1, scaled));
  return (Math.sign(value) * rounded) / f || 0;
}

/** A number as Excel's General format writes it in Danish (15 significant digits, decimal comma). */
export function generalText(n: number): string {
  if (!Number.isFinite(n)) return formatDanishNumber(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(15));
  return formatDanishNumber(p).replace(/\./g, "");
}

/**
 * Year, month and day of an Excel serial date (1900 date system, as Excel counts: serial 1 is
 * 1 January 1900 and 60 the 29 February 1900 Excel believes in); undefined for a negative serial.
 */
export function dateOfSerial(serial: number): { y: number; m: number; d: number } | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const n = Math.floor(serial);
  if (n === 0) return { y: 1900, m: 1, d: 0 };
  if (n === 60) return { y: 1900, m: 2, d: 29 };
  const date = new Date(Date.UTC(1899, 11, n < 60 ? 31 : 30) + n * 86400000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function textOf(r: Result): string {
  if (r.k !== "v") return "";
  if (typeof r.v === "number") return generalText(r.v);
  if (typeof r.v === "boolean") return r.v ? "SAND" : "FALSK";
  return r.v;
}

/** The union of the empty values' reasons (missing first, in order, without repeats). */
function emptyOf(rs: readonly Result[]): Result {
  const m: string[] = [];
  const g: string[] = [];
  for (const r of rs) {
    if (r.k !== "tom") continue;
    for (const x of r.mangler) if (!m.includes(x)) m.push(x);
    for (const x of r.grunde) if (!g.includes(x)) g.push(x);
  }
  return { k: "tom", mangler: m, grunde: g };
}

/** A reason in words: "mangler a, b" and any other reasons. */
export function reasonText(r: Result): string {
  if (r.k === "ikke_spurgt") return "spørges ikke";
  if (r.k !== "tom") return "";
  // A long list (every record of a list block) names the first few and counts the rest.
  const m = r.mangler;
  const missing =
    m.length > 6 ? `${m.slice(0, 3).join(", ")} og ${m.length - 3} andre` : m.join(", ");
  const parts = [...(m.length ? [`mangler ${missing}`] : []), ...r.grunde];
  return parts.join("; ") || "tom";
}

/** Applies `f` value by value; lists are taken element by element (a scalar goes with each). */
function lift(args: readonly Value[], f: (...xs: Result[]) => Result): Value {
  const len = args.reduce<number>((n, a) => (isList(a) ? Math.max(n, a.length) : n), -1);
  if (len < 0) return f(...(args as Result[]));
  const out: Result[] = [];
  for (let i = 0; i < len; i++) out.push(f(...args.map((a) => (isList(a) ? (a[i] ?? tom()) : a))));
  return out;
}

function flatten(args: readonly Value[]): Result[] {
  const out: Result[] = [];
  for (const a of args) {
    if (isList(a)) out.push(...a);
    else out.push(a);
  }
  return out;
}

function numbersOf(items: readonly Result[]): number[] {
  const out: number[] = [];
  for (const r of items) if (r.k === "v" && typeof r.v === "number") out.push(r.v);
  return out;
}

/** tom (with the reasons), or ikke spurgt when every item was ikke spurgt. */
function noNumbers(items: readonly Result[]): Result {
  if (items.length > 0 && items.every((r) => r.k === "ikke_spurgt")) return NOT_ASKED;
  return emptyOf(items);
}

function arith(op: string, a: Result, b: Result): Result {
  if (a.k === "ikke_spurgt" || b.k === "ikke_spurgt") return NOT_ASKED;
  if (a.k === "tom" || b.k === "tom") return emptyOf([a, b]);
  const x = a.v as number;
  const y = b.v as number;
  switch (op) {
    case "+":
      return val(x + y);
    case "-":
      return val(x - y);
    case "*":
      return val(x * y);
    default:
      return y === 0 ? tom("division med 0") : val(x / y);
  }
}

/** Excel compares text without regard to case. */
function same(a: Scalar, b: Scalar): boolean {
  if (typeof a === "string" && typeof b === "string")
    return a.toLocaleLowerCase("da") === b.toLocaleLowerCase("da");
  return a === b;
}

function compare(op: string, a: Result, b: Result): Result {
  const empty = (r: Result) => r.k !== "v" || r.v === "";
  if (op === "=" || op === "<>") {
    const eq =
      empty(a) || empty(b)
        ? empty(a) && empty(b)
        : same((a as { v: Scalar }).v, (b as { v: Scalar }).v);
    return val(op === "=" ? eq : !eq);
  }
  if (a.k !== "v" || b.k !== "v") return emptyOf([a, b]);
  const x = a.v;
  const y = b.v;
  let c: number;
  if (typeof x === "string" && typeof y === "string")
    c = x.localeCompare(y, "da", { sensitivity: "accent" });
  else c = (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
  switch (op) {
    case "<":
      return val(c < 0);
    case "<=":
      return val(c <= 0);
    case ">":
      return val(c > 0);
    default:
      return val(c >= 0);
  }
}

function aggregate(fn: string, args: readonly Value[]): Result {
  if (fn === "COUNTIF") {
    const items = isList(args[0]) ? args[0] : [args[0]];
    const crit = args[1] as Result;
    if (crit.k !== "v") return tom("TÆL.HVIS mangler den værdi, der tælles");
    let n = 0;
    for (const r of items) if (r.k === "v" && r.v !== "" && same(r.v, crit.v)) n++;
    return val(n);
  }
  if (fn === "SUMIF") {
    const items = isList(args[0]) ? args[0] : [args[0]];
    const sums = isList(args[2]) ? args[2] : [args[2]];
    const crit = args[1] as Result;
    if (crit.k !== "v") return tom("SUM.HVIS mangler den værdi, der summeres efter");
    const picked: Result[] = [];
    items.forEach((r, i) => {
      if (r.k === "v" && r.v !== "" && same(r.v, crit.v)) picked.push(sums[i] ?? tom());
    });
    const xs = numbersOf(picked);
    if (xs.length === 0) return noNumbers(picked);
    let s = 0;
    for (const x of xs) s += x;
    return val(s);
  }
  if (fn === "PERCENTILE") {
    const items = isList(args[0]) ? args[0] : [args[0]];
    const p = args[1] as Result;
    if (p.k !== "v" || typeof p.v !== "number") return tom("percentilen mangler p");
    if (p.v < 0 || p.v > 1)
      return tom(`percentilen p skal ligge mellem 0 og 1 (er ${generalText(p.v)})`);
    const xs = numbersOf(items).sort((x, y) => x - y);
    return xs.length === 0 ? noNumbers(items) : val(quantileSorted(xs, p.v));
  }
  const items = flatten(args);
  const xs = numbersOf(items);
  if (fn === "COUNT") return val(xs.length);
  if (xs.length === 0) return noNumbers(items);
  switch (fn) {
    case "SUM": {
      let s = 0;
      for (const x of xs) s += x;
      return val(s);
    }
    case "MIN":
      return val(Math.min(...xs));
    case "MAX":
      return val(Math.max(...xs));
    case "AVERAGE": {
      let s = 0;
      for (const x of xs) s += x;
      return val(s / xs.length);
    }
    case "MEDIAN": {
      const sorted = [...xs].sort((x, y) => x - y);
      return val(quantileSorted(sorted, 0.5));
    }
    default:
      throw new Error(`ukendt samlefunktion ${fn}`);
  }
}

function truth(r: Result): Result {
  if (r.k !== "v") return r;
  if (typeof r.v === "boolean") return r;
  if (typeof r.v === "number") return val(r.v !== 0);
  return tom(`»${r.v}« er hverken sand eller falsk`);
}

function scalarCall(fn: string, xs: Result[]): Result {
  switch (fn) {
    case "IF": {
      const c = truth(xs[0]);
      if (c.k !== "v") return c;
      return c.v ? xs[1] : (xs[2] ?? tom());
    }
    case "AND":
    case "OR": {
      const ts = xs.map(truth);
      const bad = ts.find((t) => t.k !== "v");
      if (bad) return emptyOf(ts);
      const bs = ts.map((t) => (t as { v: boolean }).v);
      return val(fn === "AND" ? bs.every(Boolean) : bs.some(Boolean));
    }
    case "NOT": {
      const t = truth(xs[0]);
      return t.k === "v" ? val(!t.v) : t;
    }
    case "N": {
      const x = xs[0];
      if (x.k !== "v") return val(0);
      if (typeof x.v === "number") return x;
      if (typeof x.v === "boolean") return val(x.v ? 1 : 0);
      return val(0);
    }
    case "ISBLANK":
      return val(xs[0].k !== "v" || xs[0].v === "");
    case "EMPTY": {
      const x = xs[0];
      if (x.k === "v") return x.v === "" ? tom() : tom(textOf(x));
      return x;
    }
    case "ROUND":
    case "FIXED": {
      const [x, d] = xs;
      if (x.k !== "v" || d.k !== "v") return emptyOf([x, d]);
      const digits = Math.trunc(d.v as number);
      const r = roundExcel(x.v as number, digits);
      return fn === "ROUND" ? val(r) : val(formatDanishNumber(r, Math.max(0, digits)));
    }
    case "ABS": {
      const x = xs[0];
      return x.k === "v" ? val(Math.abs(x.v as number)) : x;
    }
    case "MOD": {
      const [x, d] = xs;
      if (x.k !== "v" || d.k !== "v") return emptyOf([x, d]);
      const a = x.v as number;
      const b = d.v as number;
      return b === 0 ? tom("division med 0") : val(a - b * Math.floor(a / b));
    }
    case "LEN":
      return val(textOf(xs[0]).length);
    case "LEFT":
    case "RIGHT": {
      const [x, n] = xs;
      const count = n === undefined ? 1 : n.k === "v" ? Math.trunc(n.v as number) : undefined;
      if (count === undefined) return emptyOf([n]);
      if (count < 0) return tom(`antal tegn i ${fn === "LEFT" ? "VENSTRE" : "HØJRE"} er negativt`);
      if (x.k !== "v") return x;
      const s = textOf(x);
      return val(fn === "LEFT" ? s.slice(0, count) : count === 0 ? "" : s.slice(-count));
    }
    case "MID": {
      const [x, st, n] = xs;
      if (st.k !== "v" || n.k !== "v") return emptyOf([st, n]);
      const start = Math.trunc(st.v as number);
      const count = Math.trunc(n.v as number);
      if (start < 1 || count < 0)
        return tom("start eller antal tegn i MIDT er uden for tekstens tegn");
      if (x.k !== "v") return x;
      return val(textOf(x).slice(start - 1, start - 1 + count));
    }
    case "FIND": {
      const [f, w, st] = xs;
      if (st && st.k !== "v") return st;
      const start = st ? Math.trunc((st as { v: number }).v) : 1;
      const within = textOf(w);
      if (textOf(f) === "") return tom("FIND mangler den tekst, der søges efter");
      if (start < 1 || start > within.length + 1) return tom("start i FIND er uden for teksten");
      const i = within.indexOf(textOf(f), start - 1);
      return i < 0 ? tom(`»${textOf(f)}« findes ikke i teksten`) : val(i + 1);
    }
    case "VALUE": {
      const x = xs[0];
      if (x.k !== "v") return x;
      if (typeof x.v === "number") return x;
      const s = typeof x.v === "string" ? x.v.trim() : "";
      return /^[+-]?\d+(,\d+)?$/.test(s)
        ? val(Number(s.replace(",", ".")))
        : tom(`${typeof x.v === "string" ? `»${x.v}«` : "værdien"} er ikke et tal`);
    }
    case "YEAR":
    case "MONTH":
    case "DAY": {
      const x = xs[0];
      if (x.k !== "v") return x;
      const d = dateOfSerial(x.v as number);
      if (!d) return tom("en dato kan ikke være negativ");
      return val(fn === "YEAR" ? d.y : fn === "MONTH" ? d.m : d.d);
    }
    default:
      throw new Error(`ukendt funktion ${fn}`);
  }
}

/** Evaluates a tree (checked beforehand) in an environment. Never throws on user data. */
export function evaluate(n: Node, env: EvalEnv): Value {
  switch (n.k) {
    case "num":
      return val(n.value);
    case "str":
      return val(n.value);
    case "bool":
      return val(n.value);
    case "ref":
      return env.ref(n.segments, n);
    case "name":
      return env.name(n.name, n);
    case "neg":
      return lift([evaluate(n.arg, env)], (a) => (a.k === "v" ? val(-(a.v as number)) : a));
    case "bin": {
      const l = evaluate(n.left, env);
      const r = evaluate(n.right, env);
      switch (n.op) {
        case "+":
        case "-":
        case "*":
        case "/":
          return lift([l, r], (a, b) => arith(n.op, a, b));
        case "&":
          return lift([l, r], (a, b) => val(textOf(a) + textOf(b)));
        default:
          return lift([l, r], (a, b) => compare(n.op, a, b));
      }
    }
    case "call": {
      if (n.fn === "PREVIOUS") {
        const before = env.previous?.();
        return before ? evaluate(n.args[0], before) : tom("der er ingen forrige periode");
      }
      const args = n.args.map((a) => evaluate(a, env));
      if (
        n.fn === "SUM" ||
        n.fn === "MIN" ||
        n.fn === "MAX" ||
        n.fn === "AVERAGE" ||
        n.fn === "MEDIAN" ||
        n.fn === "COUNT" ||
        n.fn === "COUNTIF" ||
        n.fn === "SUMIF" ||
        n.fn === "PERCENTILE"
      )
        return aggregate(n.fn, args);
      return lift(args, (...xs) => scalarCall(n.fn, xs));
    }
  }
}

/** A single result from a value (a list is not a single value). */
export function single(v: Value): Result {
  return isList(v) ? tom("en liste, hvor der forventes én værdi") : v;
}

/** The plain JavaScript value of a result: the value, or null for tom and ikke spurgt. */
export function plain(r: Result): Scalar | null {
  return r.k === "v" ? r.v : null;
}
