/**
 * Danish number text, both ways: `formatDanishNumber` writes `1.400,5`; `readNumberText` reads
 * what municipalities actually type (`37,4`, `1.400`, `ca. 40`, `25 %`, `ved ikke`) and says
 * how it read it, so the cell parser can report every reinterpretation.
 */

/** Text that means "no figure" (the cell is read as empty, with an info). Compared lower case. */
export const EMPTY_MARKERS: readonly string[] = [
  "-",
  "--",
  "–",
  "—",
  "n/a",
  "na",
  "n.a.",
  "i/a",
  "ved ikke",
  "vides ikke",
  "ukendt",
  "ikke oplyst",
  "ikke relevant",
  "?",
  "??",
  "???",
];

/** Prefixes that make a figure an estimate: read the number, warn. */
const APPROX_PREFIX = /^(?:ca\.?|cirka|omkring|omtrent|ungefær|approx\.?|~|≈|±)\s*/i;

/** Unit words a number may carry after it: read the number, warn. */
const UNIT_SUFFIX =
  /\s*(?:timer|time|t\.?|årsværk|aarsværk|aarsvaerk|åv\.?|kr\.?|kroner|dkk|,-|stk\.?|sager|sag|tilsyn|skoler|besøg|styk)$/i;

/** How a text was read as a number. */
export type NumberFormatRead =
  /** Only digits (and at most a sign): nothing to reinterpret. */
  | "plain"
  /** Danish separators: decimal comma and/or thousands dots or spaces. */
  | "dansk"
  /** A decimal point or English thousands commas: readable, but ambiguous in a Danish survey. */
  | "engelsk"
  /**
   * `1,400` or `12,500`: read the Danish way (1,4), but the same text is English for 1400;
   * only the municipality knows which it meant.
   */
  | "tvetydig";

export type TextNumber =
  | { readonly kind: "blank" }
  | { readonly kind: "emptyMarker" }
  /** An ISO date (`2023-04-01`, with or without a time): never a number, never its year. */
  | { readonly kind: "date"; readonly iso: string }
  | {
      readonly kind: "number";
      readonly value: number;
      readonly format: NumberFormatRead;
      /** "ca.", "~" and the like were removed. */
      readonly approx: boolean;
      /** A unit word was removed (the word as written). */
      readonly unit?: string;
      /** A trailing % was removed. */
      readonly percent: boolean;
      /** For "tvetydig": the value the same text has in English (`1,400` → 1400). */
      readonly alternative?: number;
    }
  | { readonly kind: "invalid" };

const DANISH_THOUSANDS_DOT = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const DANISH_THOUSANDS_SPACE = /^[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?$/;
const DANISH_DECIMAL = /^(?:\d+)?,\d+$/;
/** One to three digits, a comma and exactly three digits: a Danish decimal or English thousands. */
const AMBIGUOUS_COMMA = /^[1-9]\d{0,2},\d{3}$/;
const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const PLAIN_INTEGER = /^\d+$/;
const ENGLISH_DECIMAL = /^\d*\.\d+$/;
const ENGLISH_THOUSANDS = /^[1-9]\d{0,2}(?:,\d{3})+\.\d+$/;

function normaliseSpaces(text: string): string {
  // NBSP, narrow NBSP, thin space and tabs count as ordinary spaces.
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, " ").trim();
}

/** Reads a number written by a person, Danish conventions first. Never throws. */
export function readNumberText(input: string): TextNumber {
  let s = normaliseSpaces(String(input));
  if (s === "") return { kind: "blank" };
  if (EMPTY_MARKERS.includes(s.toLowerCase())) return { kind: "emptyMarker" };
  const date = ISO_DATE.exec(s);
  if (date) return { kind: "date", iso: date[1] };

  let approx = false;
  const approxMatch = APPROX_PREFIX.exec(s);
  if (approxMatch) {
    approx = true;
    s = s.slice(approxMatch[0].length);
  }

  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }

  let unit: string | undefined;
  if (!percent) {
    const unitMatch = UNIT_SUFFIX.exec(s);
    if (unitMatch && unitMatch.index > 0) {
      unit = unitMatch[0].trim();
      s = s.slice(0, unitMatch.index).trimEnd();
    }
  }

  let sign = 1;
  if (/^[-−+]/.test(s)) {
    if (s[0] !== "+") sign = -1;
    s = s.slice(1).trimStart();
  }
  if (s === "") return { kind: "invalid" };

  let digits: string;
  let format: NumberFormatRead;
  if (PLAIN_INTEGER.test(s)) {
    digits = s;
    format = "plain";
  } else if (
    DANISH_THOUSANDS_DOT.test(s) ||
    DANISH_THOUSANDS_SPACE.test(s) ||
    DANISH_DECIMAL.test(s)
  ) {
    digits = s.replace(/[. ]/g, "").replace(",", ".");
    format = AMBIGUOUS_COMMA.test(s) ? "tvetydig" : "dansk";
  } else if (ENGLISH_DECIMAL.test(s) || ENGLISH_THOUSANDS.test(s)) {
    digits = s.replace(/,/g, "");
    format = "engelsk";
  } else {
    return { kind: "invalid" };
  }
  if (digits.startsWith(".")) digits = `0${digits}`;
  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) return { kind: "invalid" };
  const value = sign < 0 ? -magnitude : magnitude;
  const alternative = format === "tvetydig" ? sign * Number(s.replace(",", "")) : undefined;
  return {
    kind: "number",
    value,
    format,
    approx,
    ...(unit !== undefined ? { unit } : {}),
    percent,
    ...(alternative !== undefined ? { alternative } : {}),
  };
}

/** Expands a JavaScript number string in exponent form ("1.5e+21") to plain digits. */
function plainDigits(abs: number): string {
  const s = String(abs);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const mantissa = m[1] + (m[2] ?? "");
  const exp = Number(m[3]);
  if (exp >= 0) {
    const intLen = 1 + exp;
    return mantissa.length <= intLen
      ? mantissa + "0".repeat(intLen - mantissa.length)
      : `${mantissa.slice(0, intLen)}.${mantissa.slice(intLen)}`;
  }
  return `0.${"0".repeat(-exp - 1)}${mantissa}`;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * Writes a number the Danish way: thousands dots, decimal comma (`1.400,5`, `-0,25`).
 * Without `decimals`, every significant digit is kept, so `readNumberText` reads back the
 * same number. Non-finite numbers are written as Danish words.
 */
export function formatDanishNumber(value: number, decimals?: number): string {
  if (Number.isNaN(value)) return "ikke et tal";
  if (!Number.isFinite(value)) return value > 0 ? "uendelig" : "minus uendelig";
  let negative = value < 0 || Object.is(value, -0);
  const abs = Math.abs(value);
  let text: string;
  if (decimals !== undefined && decimals >= 0 && decimals <= 20 && abs < 1e21) {
    text = abs.toFixed(Math.floor(decimals));
    // Rounded for display: no "-0".
    if (Number(text) === 0) negative = false;
  } else {
    text = plainDigits(abs);
  }
  const [intPart, fracPart] = text.split(".");
  const body = groupThousands(intPart) + (fracPart ? `,${fracPart}` : "");
  return negative ? `-${body}` : body;
}

/** A count with its noun in the right number: `countText(1, "felt", "felter")` → "1 felt". */
export function countText(n: number, one: string, many: string): string {
  return `${formatDanishNumber(n)} ${n === 1 ? one : many}`;
}

/** A number from a sheet cell: numbers as they are, Danish text through `readNumberText`, else undefined. */
export function numberInCell(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.trim() !== "") {
    const r = readNumberText(v);
    return "value" in r && typeof r.value === "number" ? r.value : undefined;
  }
  return undefined;
}
