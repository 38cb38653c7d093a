/**
 * The custom functions' range handling, free of office-js so that it can be tested in Node:
 * 2-D arrays in and out, empty cells, and failures as data ({@link CellError}). Every number
 * is computed by `src/domain`; this module only reads cells, checks them and calls it.
 * `functions.ts` registers these with Excel and turns a CellError into `CustomFunctions.Error`.
 *
 * Empty cells (Excel passes null, undefined or "") are handled per function, as the JSDoc of
 * each export says and the README's function table documents.
 */
import {
  aarsvaerk,
  DEFAULT_SPAEND_PCT,
  DEFAULT_TIMER_PR_AARSVAERK,
  spaend,
  timer,
} from "../domain/project/arithmetic";
import {
  estimateNationalCount,
  increase,
  meanOfRatios,
  projectPerUnit,
} from "../domain/project/primitives";
import { mean, outlierFlags, MODIFIED_Z_THRESHOLD } from "../domain/project/stats";
import { pctSumMessage, pctSumStatus } from "../domain/pctSum";
import {
  YDELSESNIVEAU_GRAENSER,
  ataHours,
  clockTime,
  convertedMinutes,
  deliveryRate,
  durationMinutes,
  hourlyPrice,
  serviceLevel,
  staffing,
  type Checked,
} from "../domain/supportTime";
import { parseCell } from "../domain/parse";
import { usersInYear, type Spell, type YearUsers } from "../domain/spells";
import {
  DEFAULT_MIN_MUNICIPALITIES,
  unitCost,
  unitCostPercentile,
  unweightedUnitCost,
  weightedUnitCost,
  type CostAndUsers,
} from "../domain/unitCost";

import type { Pack } from "../domain/pack/model";
import {
  belaegningsgrad,
  efterregulering as efterreguleringCalc,
  fastePriserAendring,
  ledsagelseModel2,
  ledsagelseSats1,
  ledsagelseSatser2,
  objektivFinansiering,
  packConstant,
  prisPrPlads as prisPrPladsCalc,
  takstudvikling as takstudviklingCalc,
  tilsynstakst as tilsynstakstCalc,
  type Calc,
} from "../domain/project/takster";

/** Excel error kinds the functions return: #VALUE!, #DIV/0!, #NUM!, #N/A ("kan ikke beregnes"). */
export type ErrorKind = "value" | "div0" | "num" | "na";

/** A failure as data. `message` is Danish. */
export interface CellError {
  readonly error: ErrorKind;
  readonly message: string;
}

export type Cell = number | string | boolean | CellError;
export type Matrix<T = Cell> = T[][];

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && "error" in v && "message" in v;
}

const valueError = (message: string): CellError => ({ error: "value", message });
const div0Error = (message: string): CellError => ({ error: "div0", message });
const numError = (message: string): CellError => ({ error: "num", message });
const naError = (message: string): CellError => ({ error: "na", message });

/** A cell Excel hands over as empty. */
export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Excel passes ranges as 2-D arrays; a lone value (or a 1-D array) is wrapped the same way. */
export function asMatrix(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [];
  return v.map((row) => (Array.isArray(row) ? row : [row]));
}

function flatten(v: unknown): unknown[] {
  const out: unknown[] = [];
  for (const row of asMatrix(v)) for (const c of row) out.push(c);
  return out;
}

function describe(v: unknown): string {
  if (typeof v === "string") return `teksten "${v}"`;
  if (typeof v === "boolean") return v ? "SAND" : "FALSK";
  return String(v);
}

/**
 * Where a value came from: a cell address ("Ark1!B7", from Excel's parameter addresses) or,
 * without one, its position in the range ("celle 3").
 */
type Origin = number | string | undefined;

/** `what`, plus the cell it came from when the value came from a range. */
function where(what: string, index?: Origin): string {
  if (index === undefined) return what;
  return typeof index === "string" ? `${what} (${index})` : `${what} (celle ${index + 1})`;
}

function columnLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The address of the cell at (`row`, `col`) (0-based) inside a range whose address Excel gave
 * (`@requiresParameterAddresses`), e.g. ("Ark1!B2:B9", 5, 0) → "Ark1!B7". Undefined when the
 * address cannot be read (then messages fall back to "celle n").
 */
export function cellInRange(
  address: string | undefined,
  row: number,
  col: number
): string | undefined {
  if (!address) return undefined;
  const bang = address.lastIndexOf("!");
  const sheet = bang >= 0 ? address.slice(0, bang + 1) : "";
  const m = /^\$?([A-Z]{1,3})\$?(\d+)/i.exec(address.slice(bang + 1));
  if (!m) return undefined;
  let left = 0;
  for (const ch of m[1].toUpperCase()) left = left * 26 + ch.charCodeAt(0) - 64;
  return `${sheet}${columnLetters(left + col)}${Number(m[2]) + row}`;
}

/** A number, null for an empty cell, or #VALUE! for text, TRUE/FALSE and anything else. */
export function readNumber(v: unknown, what: string, index?: Origin): number | null | CellError {
  if (isEmpty(v)) return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return valueError(`${where(what, index)} indeholder ${describe(v)}, hvor der skal stå et tal.`);
}

/** Like {@link readNumber}, and a negative number is #NUM!. */
function readNonNegative(v: unknown, what: string, index?: Origin): number | null | CellError {
  const n = readNumber(v, what, index);
  if (typeof n === "number" && n < 0)
    return numError(`${where(what, index)} er negativ (${n}); det giver ikke mening her.`);
  return n;
}

/** A required scalar: empty is #VALUE! ("mangler"). */
function requireNonNegative(v: unknown, what: string): number | CellError {
  const n = readNonNegative(v, what);
  return n === null ? valueError(`${what} mangler.`) : n;
}

/** Optional `timer_pr_årsværk`: empty means 1400; 0 is #DIV/0!, negative #NUM!. */
export function readTimerPrAarsvaerk(v: unknown): number | CellError {
  const n = readNumber(v, "timer_pr_årsværk");
  if (n === null) return DEFAULT_TIMER_PR_AARSVAERK;
  if (isCellError(n)) return n;
  if (n === 0) return div0Error("timer_pr_årsværk er 0; der kan ikke divideres med 0.");
  if (n < 0) return numError(`timer_pr_årsværk er negativ (${n}).`);
  return n;
}

/** One cell of {@link mapCells}: `f` of a number, "" for an empty cell, or the cell's error. */
function mapCell(v: unknown, what: string, origin: Origin, f: (n: number) => number): Cell {
  const n = readNonNegative(v, what, origin);
  return n === null ? "" : isCellError(n) ? n : f(n);
}

/**
 * Maps every cell of a range through `f`, keeping its shape; empty cells stay empty ("").
 * With the range's `address`, a bad cell's message names it ("timer (Ark1!B7) …").
 */
function mapCells(
  range: unknown,
  what: string,
  f: (n: number) => number,
  address?: string
): Matrix {
  const rows = asMatrix(range);
  const out: Matrix = new Array(rows.length);
  let index = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1) {
      // A column (the common case): each row as an array literal holding one number, which V8
      // stores unboxed and allocates where it lasts, so a 100 000-row column makes little
      // garbage. Any other cell goes through readNonNegative.
      const v = row[0];
      out[r] =
        typeof v === "number" && v >= 0 && v < Infinity
          ? [f(v)]
          : [mapCell(v, what, cellInRange(address, r, 0) ?? index, f)];
      index++;
      continue;
    }
    const outRow: Cell[] = new Array(row.length);
    for (let c = 0; c < row.length; c++, index++) {
      const v = row[c];
      outRow[c] =
        typeof v === "number" && v >= 0 && v < Infinity
          ? f(v)
          : mapCell(v, what, cellInRange(address, r, c) ?? index, f);
    }
    out[r] = outRow;
  }
  return out;
}

/**
 * BYRDE.ÅRSVÆRK: hours → årsværk, cell by cell, same shape as the input. Empty cells give empty
 * cells; text gives #VALUE! in that cell; negative hours #NUM! in that cell.
 */
export function aarsvaerkRange(
  timerRange: unknown,
  timerPrAarsvaerk?: unknown,
  address?: string
): Matrix | CellError {
  const h = readTimerPrAarsvaerk(timerPrAarsvaerk);
  if (isCellError(h)) return h;
  return mapCells(timerRange, "timer", (n) => aarsvaerk(n, h), address);
}

/** BYRDE.TIMER: årsværk → hours, cell by cell; empty, text and negative cells as ÅRSVÆRK. */
export function timerRange(
  aarsvaerkRange: unknown,
  timerPrAarsvaerk?: unknown,
  address?: string
): Matrix | CellError {
  const h = readTimerPrAarsvaerk(timerPrAarsvaerk);
  if (isCellError(h)) return h;
  return mapCells(aarsvaerkRange, "årsværk", (n) => timer(n, h), address);
}

/** Reads a column of burdens or drivers: null for empty; the first bad cell fails the whole call. */
function readColumn(range: unknown, what: string): (number | null)[] | CellError {
  const cells = flatten(range);
  const out: (number | null)[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const n = readNonNegative(cells[i], what, i);
    if (isCellError(n)) return n;
    out[i] = n;
  }
  return out;
}

function sameSize(a: readonly unknown[], b: readonly unknown[], what: string): CellError | null {
  return a.length === b.length
    ? null
    : valueError(`${what} skal have lige mange celler (${a.length} og ${b.length}).`);
}

/** Reads the optional `medtag` column: TRUE/1 or empty includes, FALSE/0 excludes. */
function readMedtag(range: unknown, n: number): boolean[] | CellError {
  if (range === null || range === undefined) return new Array<boolean>(n).fill(true);
  const cells = flatten(range);
  const size = sameSize(cells, new Array(n), "byrde og medtag");
  if (size) return size;
  const out: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = cells[i];
    if (isEmpty(v) || v === true || v === 1) out[i] = true;
    else if (v === false || v === 0) out[i] = false;
    else
      return valueError(`${where("medtag", i)} indeholder ${describe(v)}; brug SAND eller FALSK.`);
  }
  return out;
}

/** The mean of ratios as a number or a #DIV/0! (no municipality with both burden and units > 0). */
function meanRatio(
  byrde: readonly (number | null)[],
  enheder: readonly (number | null)[]
): number | CellError {
  const r = meanOfRatios(byrde.map((b, i) => ({ burden: b, driver: enheder[i] })));
  return r.ok ? r.value.mean : div0Error(capitalise(r.reason) + ".");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function readPairs(
  byrde: unknown,
  enheder: unknown
): { b: (number | null)[]; d: (number | null)[] } | CellError {
  const b = readColumn(byrde, "byrde");
  if (isCellError(b)) return b;
  const d = readColumn(enheder, "enheder");
  if (isCellError(d)) return d;
  return sameSize(b, d, "byrde og enheder") ?? { b, d };
}

/**
 * BYRDE.GNS.PR.ENHED: the mean over municipalities of byrde/enheder. Rows where either cell is
 * empty, or enheder is 0, are skipped. No usable row: #DIV/0!. Text: #VALUE!. Negative: #NUM!.
 */
export function gnsPrEnhed(byrde: unknown, enheder: unknown): number | CellError {
  const p = readPairs(byrde, enheder);
  if (isCellError(p)) return p;
  return meanRatio(p.b, p.d);
}

/**
 * BYRDE.OPREGN: per-unit projection to national årsværk, mean(byrde/enheder) × landstal /
 * timer_pr_årsværk. Rows are skipped as in GNS.PR.ENHED, and where `medtag` is FALSE (an empty
 * medtag cell counts as SAND).
 */
export function opregn(
  byrde: unknown,
  enheder: unknown,
  landstal: unknown,
  timerPrAarsvaerk?: unknown,
  medtag?: unknown
): number | CellError {
  const p = readPairs(byrde, enheder);
  if (isCellError(p)) return p;
  const include = readMedtag(medtag, p.b.length);
  if (isCellError(include)) return include;
  const D = requireNonNegative(landstal, "landstal");
  if (isCellError(D)) return D;
  const h = readTimerPrAarsvaerk(timerPrAarsvaerk);
  if (isCellError(h)) return h;
  const r = meanRatio(
    p.b.map((b, i) => (include[i] ? b : null)),
    p.d
  );
  if (isCellError(r)) return r;
  return fromComputed(projectPerUnit(r, D, h));
}

function fromComputed(
  c: { ok: true; value: number } | { ok: false; reason: string }
): number | CellError {
  return c.ok ? c.value : valueError(capitalise(c.reason) + ".");
}

/**
 * BYRDE.OPREGN.TOTRIN: two-stage projection. The national number of units is estimated as
 * Σ enheder / Σ grundlag × landsgrundlag (rows with both enheder and grundlag), and multiplied
 * by the mean of byrde_pr_enhed (non-empty cells) / timer_pr_årsværk. E.g. tilsyn: hours per
 * tilsyn, tilsyn and dagtilbud per municipality, dagtilbud nationally.
 */
export function opregnTotrin(
  byrdePrEnhed: unknown,
  enheder: unknown,
  grundlag: unknown,
  landsgrundlag: unknown,
  timerPrAarsvaerk?: unknown
): number | CellError {
  const b = readColumn(byrdePrEnhed, "byrde_pr_enhed");
  if (isCellError(b)) return b;
  const u = readColumn(enheder, "enheder");
  if (isCellError(u)) return u;
  const g = readColumn(grundlag, "grundlag");
  if (isCellError(g)) return g;
  const size = sameSize(u, g, "enheder og grundlag");
  if (size) return size;
  const L = requireNonNegative(landsgrundlag, "landsgrundlag");
  if (isCellError(L)) return L;
  const h = readTimerPrAarsvaerk(timerPrAarsvaerk);
  if (isCellError(h)) return h;
  const perUnit = b.filter((x): x is number => x !== null);
  if (perUnit.length === 0) return div0Error("Ingen kommuner med byrde pr. enhed.");
  const count = estimateNationalCount(u, g, L);
  if (!count.ok) return div0Error(capitalise(count.reason) + ".");
  return fromComputed(projectPerUnit(mean(perUnit), count.value, h));
}

/** `procent` for SPÆND: empty means 10; negative or 100 and above is #NUM!. */
function readProcent(v: unknown): number | CellError {
  const n = readNumber(v, "procent");
  if (n === null) return DEFAULT_SPAEND_PCT;
  if (isCellError(n)) return n;
  if (n < 0 || n >= 100) return numError(`procent skal ligge fra 0 til under 100 (fik ${n}).`);
  return n;
}

function spaendOf(vaerdi: unknown, procent: unknown): ReturnType<typeof spaend> | CellError {
  const v = readNumber(vaerdi, "værdi");
  if (v === null) return valueError("værdi mangler.");
  if (isCellError(v)) return v;
  const p = readProcent(procent);
  if (isCellError(p)) return p;
  return spaend(v, p);
}

/** BYRDE.SPÆND: the report's span as text, e.g. 84 → "76-92 (84)". Empty værdi: #VALUE!. */
export function spaendTekst(vaerdi: unknown, procent?: unknown): string | CellError {
  const s = spaendOf(vaerdi, procent);
  return isCellError(s) ? s : s.tekst;
}

/** BYRDE.SPÆND.LAV: the span's lower end, round(værdi × (1 − procent/100)). */
export function spaendLav(vaerdi: unknown, procent?: unknown): number | CellError {
  const s = spaendOf(vaerdi, procent);
  return isCellError(s) ? s : s.lav;
}

/** BYRDE.SPÆND.HØJ: the span's upper end, round(værdi × (1 + procent/100)). */
export function spaendHoej(vaerdi: unknown, procent?: unknown): number | CellError {
  const s = spaendOf(vaerdi, procent);
  return isCellError(s) ? s : s.hoej;
}

/**
 * BYRDE.AFVIGER: TRUE where |modified z| > grænse (default 3.5), same shape as the input.
 * Empty cells are left out of the statistics and get FALSE. Fewer than 4 values or MAD = 0:
 * FALSE everywhere. Text: #VALUE!; grænse ≤ 0: #NUM!.
 */
export function afviger(
  vaerdier: unknown,
  graense?: unknown,
  address?: string
): Matrix<boolean> | CellError {
  let threshold = MODIFIED_Z_THRESHOLD;
  const g = readNumber(graense, "grænse");
  if (isCellError(g)) return g;
  if (g !== null) {
    if (g <= 0) return numError(`grænse skal være større end 0 (fik ${g}).`);
    threshold = g;
  }
  const rows = asMatrix(vaerdier);
  const values: number[] = [];
  let index = 0;
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const v = rows[r][c];
      index++;
      if (typeof v === "number" && Number.isFinite(v)) {
        values.push(v);
        continue;
      }
      const n = readNumber(v, "værdier", cellInRange(address, r, c) ?? index - 1);
      if (isCellError(n)) return n;
      if (n !== null) values.push(n);
    }
  }
  const flags = outlierFlags(values, threshold);
  let k = 0;
  return rows.map((row) => row.map((v) => (isEmpty(v) ? false : flags[k++])));
}

/**
 * BYRDE.FORDELING: "OK" when a block's pct cells sum to 100 (± 1) or are all empty, otherwise
 * a Danish message with the sum. Empty cells are skipped. If every filled cell lies in 0–1, they
 * are read as percent-formatted cells (25 % is stored as 0,25) and multiplied by 100.
 * Text: #VALUE!; a negative share: #NUM!.
 */
export function fordeling(procenter: unknown): string | CellError {
  const cells = readColumn(procenter, "procenter");
  if (isCellError(cells)) return cells;
  const filled = cells.filter((x): x is number => x !== null);
  // Every share ≤ 1 cannot be whole percentages summing to 100: read as percent-formatted cells.
  const fractions = filled.length > 0 && filled.every((x) => x <= 1);
  const status = pctSumStatus(fractions ? filled.map((x) => x * 100) : filled);
  return status.status === "afviger" ? pctSumMessage(status.sum) : "OK";
}

/** BYRDE.STIGNING: slut − basis. An empty basis counts as 0 (a new nedslagspunkt); empty slut: #VALUE!. */
export function stigning(basis: unknown, slut: unknown): number | CellError {
  const b = readNumber(basis, "basis");
  if (isCellError(b)) return b;
  const s = readNumber(slut, "slut");
  if (isCellError(s)) return s;
  if (s === null) return valueError("slut mangler.");
  return increase(b ?? 0, s);
}

// ------------------------------------------------------------------------------ support time

/** A domain result as a value or the Excel error its reason calls for. */
function fromChecked<T>(r: Checked<T>): T | CellError {
  if (r.ok) return r.value;
  return r.kind === "num"
    ? numError(r.message)
    : r.kind === "div0"
      ? div0Error(r.message)
      : valueError(r.message);
}

/** A clock time argument: Excel's time (a fraction of a day) or "tt:mm" text. */
function readClock(v: unknown, what: string): number | CellError {
  return fromChecked(clockTime(v, what));
}

/** BYRDE.VARIGHED: minutes from start to slut, past midnight when slut is earlier; empty when either is empty. */
export function varighed(start: unknown, slut: unknown): number | string | CellError {
  if (isEmpty(start) || isEmpty(slut)) return "";
  const a = readClock(start, "start");
  if (isCellError(a)) return a;
  const b = readClock(slut, "slut");
  if (isCellError(b)) return b;
  return fromChecked(durationMinutes(a, b));
}

/** BYRDE.OMREGNET: minutter × personale ÷ borgere (personale 1 if left out); empty minutter stays empty. */
export function omregnet(
  minutter: unknown,
  borgere: unknown,
  personale?: unknown
): number | string | CellError {
  const m = readNumber(minutter, "minutter");
  if (isCellError(m)) return m;
  if (m === null) return "";
  const c = readNumber(borgere, "borgere");
  if (isCellError(c)) return c;
  if (c === null) return valueError("borgere mangler.");
  const p = readNumber(personale, "personale");
  if (isCellError(p)) return p;
  return fromChecked(convertedMinutes(m, c, p ?? 1));
}

/** BYRDE.GRUPPETID: a slot's minutes for one citizen, from start, slut and a staffing such as "1:4". */
export function gruppetid(
  start: unknown,
  slut: unknown,
  normering: unknown
): number | string | CellError {
  if (isEmpty(start) || isEmpty(slut) || isEmpty(normering)) return "";
  const n = fromChecked(staffing(normering));
  if (isCellError(n)) return n;
  const d = varighed(start, slut);
  if (isCellError(d) || typeof d === "string") return d;
  return fromChecked(convertedMinutes(d, n.citizens, n.staff));
}

/** BYRDE.TIMEPRIS: løn × (1 + tillæg) ÷ (fremmødetimer × ata_pct / 100). */
export function timepris(
  loen: unknown,
  fremmoedetimer: unknown,
  ataPct: unknown,
  overheadPct?: unknown
): number | CellError {
  const w = readNumber(loen, "løn_pr_årsværk");
  if (isCellError(w)) return w;
  const h = readNumber(fremmoedetimer, "fremmødetimer");
  if (isCellError(h)) return h;
  const a = readNumber(ataPct, "ata_pct");
  if (isCellError(a)) return a;
  const o = readNumber(overheadPct, "tillæg_pct");
  if (isCellError(o)) return o;
  if (w === null || h === null || a === null)
    return valueError(
      `${w === null ? "løn_pr_årsværk" : h === null ? "fremmødetimer" : "ata_pct"} mangler.`
    );
  return fromChecked(hourlyPrice(w, h, a, o ?? 0));
}

/** The sum of a range's numbers (empty cells skipped; text is #VALUE!). */
function sumOf(range: unknown, what: string): number | CellError {
  const cells = readColumn(range, what);
  if (isCellError(cells)) return cells;
  let s = 0;
  for (const x of cells) if (x !== null) s += x;
  return s;
}

/** BYRDE.ATATIMER: årsnorm − fravær − øvrige (fravær and øvrige may be ranges, summed). */
export function atatimer(
  aarsnorm: unknown,
  fravaer: unknown,
  oevrige: unknown
): number | CellError {
  const n = readNumber(aarsnorm, "årsnorm");
  if (isCellError(n)) return n;
  if (n === null) return valueError("årsnorm mangler.");
  const f = sumOf(fravaer, "fravær");
  if (isCellError(f)) return f;
  const o = sumOf(oevrige, "øvrige");
  if (isCellError(o)) return o;
  return fromChecked(ataHours(n, f, o));
}

/** BYRDE.YDELSESNIVEAU: 0 (under level 1), 1, 2 or 3 for support hours a week; empty stays empty. */
export function ydelsesniveau(
  timerPrUge: unknown,
  graenser?: unknown
): number | string | CellError {
  const t = readNumber(timerPrUge, "timer_pr_uge");
  if (isCellError(t)) return t;
  if (t === null) return "";
  let bounds = YDELSESNIVEAU_GRAENSER;
  if (!isEmpty(graenser) && !(Array.isArray(graenser) && flatten(graenser).every(isEmpty))) {
    const g = readColumn(graenser, "grænser");
    if (isCellError(g)) return g;
    const xs = g.filter((x): x is number => x !== null);
    if (xs.length !== 3) return valueError("grænser skal være tre tal, fx 0,75; 2,5; 4.");
    bounds = [xs[0], xs[1], xs[2]];
  }
  return fromChecked(serviceLevel(t, bounds));
}

/** BYRDE.LEVERINGSGRAD: leveret ÷ visiteret × 100 (%); empty leveret stays empty. */
export function leveringsgrad(leveret: unknown, visiteret: unknown): number | string | CellError {
  const l = readNumber(leveret, "leveret");
  if (isCellError(l)) return l;
  if (l === null) return "";
  const v = readNumber(visiteret, "visiteret");
  if (isCellError(v)) return v;
  if (v === null) return valueError("visiteret mangler.");
  return fromChecked(deliveryRate(l, v));
}

// ------------------------------------------------------------------ unit costs (KORA)

/** Reads a column of numbers that may be negative (net expenditure): null for empty. */
function readSigned(range: unknown, what: string): (number | null)[] | CellError {
  const cells = flatten(range);
  const out: (number | null)[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const n = readNumber(cells[i], what, i);
    if (isCellError(n)) return n;
    out[i] = n;
  }
  return out;
}

/** udgifter (may be negative) and brugere (≥ 0), paired by position. */
function readCostsAndUsers(udgifter: unknown, brugere: unknown): CostAndUsers[] | CellError {
  const u = readSigned(udgifter, "udgifter");
  if (isCellError(u)) return u;
  const b = readColumn(brugere, "brugere");
  if (isCellError(b)) return b;
  const size = sameSize(u, b, "udgifter og brugere");
  if (size) return size;
  return u.map((x, i) => ({ udgift: x, brugere: b[i] }));
}

/** A computed value, or #N/A carrying the Danish reason ("kan ikke beregnes: kun brugere"). */
function orNotAvailable(c: { ok: true; value: number } | { ok: false; reason: string }) {
  return c.ok ? c.value : naError(capitalise(c.reason) + ".");
}

/**
 * BYRDE.ENHEDSUDGIFT: udgift / brugere. Empty counts as 0. Not both above 0: #N/A with the
 * reason (kun brugere, kun udgifter, hverken udgifter eller brugere). Text: #VALUE!; negative
 * brugere: #NUM!.
 */
export function enhedsudgift(udgift: unknown, brugere: unknown): number | CellError {
  const u = readNumber(udgift, "udgift");
  if (isCellError(u)) return u;
  const b = readNonNegative(brugere, "brugere");
  if (isCellError(b)) return b;
  return orNotAvailable(unitCost(u, b));
}

/** BYRDE.UVÆGTET: the mean of udgift/brugere over the municipalities with both above 0. */
export function uvaegtet(udgifter: unknown, brugere: unknown): number | CellError {
  const rows = readCostsAndUsers(udgifter, brugere);
  return isCellError(rows) ? rows : orNotAvailable(unweightedUnitCost(rows));
}

/** `kun_inkluderede`: empty or FALSK means every municipality, SAND only those with both above 0. */
function readFlag(v: unknown, what: string): boolean | CellError {
  if (isEmpty(v) || v === false || v === 0) return false;
  if (v === true || v === 1) return true;
  return valueError(`${what} indeholder ${describe(v)}; brug SAND eller FALSK.`);
}

/**
 * BYRDE.VÆGTET: Σ udgifter / Σ brugere, over every municipality (default) or, with
 * kun_inkluderede = SAND, over those with both above 0. No users: #N/A.
 */
export function vaegtet(
  udgifter: unknown,
  brugere: unknown,
  kunInkluderede?: unknown
): number | CellError {
  const rows = readCostsAndUsers(udgifter, brugere);
  if (isCellError(rows)) return rows;
  const only = readFlag(kunInkluderede, "kun_inkluderede");
  return isCellError(only) ? only : orNotAvailable(weightedUnitCost(rows, only));
}

/**
 * BYRDE.PERCENTIL: the p-th percentile (PERCENTILE.INC) of the unit costs of the municipalities
 * with both above 0; #N/A below min_n of them (default 10). p outside 0–1, min_n below 1: #NUM!.
 */
export function percentil(
  udgifter: unknown,
  brugere: unknown,
  p: unknown,
  minN?: unknown
): number | CellError {
  const rows = readCostsAndUsers(udgifter, brugere);
  if (isCellError(rows)) return rows;
  const q = readNumber(p, "p");
  if (isCellError(q)) return q;
  if (q === null) return valueError("p mangler.");
  if (q < 0 || q > 1) return numError(`p skal ligge fra 0 til 1 (fik ${q}).`);
  const m = readNumber(minN, "min_n");
  if (isCellError(m)) return m;
  if (m !== null && m < 1) return numError(`min_n skal være mindst 1 (fik ${m}).`);
  return orNotAvailable(unitCostPercentile(rows, q, m ?? DEFAULT_MIN_MUNICIPALITIES));
}

// ------------------------------------------------------------------ users from spells (KORA)

/** A date: a date cell (serial number) or a date written as text (15-02-2024, 2024-02-15). */
function readDate(v: unknown, what: string, index?: Origin): number | null | CellError {
  if (isEmpty(v)) return null;
  if (typeof v !== "number" && typeof v !== "string")
    return valueError(
      `${where(what, index)} indeholder ${describe(v)}, hvor der skal stå en dato.`
    );
  const parsed = parseCell({ value: v }, "dato");
  const bad = parsed.findings.find((f) => f.severity === "fejl");
  if (bad || typeof parsed.value !== "number")
    return valueError(`${where(what, index)}: ${bad?.message ?? "kan ikke læses som en dato."}`);
  return parsed.value;
}

/** A required year (whole number 1900–9999). */
function readSpellYear(v: unknown): number | CellError {
  const n = readNumber(v, "år");
  if (isCellError(n)) return n;
  if (n === null) return valueError("år mangler.");
  if (!Number.isInteger(n) || n < 1900 || n > 9999)
    return numError(`år skal være et helt årstal (fik ${n}).`);
  return n;
}

/**
 * Reads the spells: personer, start and slut paired by position. A row with all three empty is
 * skipped; a spell needs its person and start date; an empty slut is a running spell; slut
 * before start is #VALUE! naming the cell.
 */
function readSpells(
  personer: unknown,
  start: unknown,
  slut: unknown,
  addresses: readonly (string | undefined)[] = []
): Spell[] | CellError {
  const p = flatten(personer);
  const s = flatten(start);
  const e = flatten(slut);
  const size = sameSize(p, s, "personer og start") ?? sameSize(p, e, "personer og slut");
  if (size) return size;
  const cols = asMatrix(personer)[0]?.length || 1;
  const at = (k: number, i: number): Origin =>
    cellInRange(addresses[k], Math.floor(i / cols), i % cols) ?? i;
  const spells: Spell[] = [];
  for (let i = 0; i < p.length; i++) {
    if (isEmpty(p[i]) && isEmpty(s[i]) && isEmpty(e[i])) continue;
    if (isEmpty(p[i])) return valueError(`${where("personer", at(0, i))} mangler personens nøgle.`);
    const a = readDate(s[i], "start", at(1, i));
    if (isCellError(a)) return a;
    if (a === null) return valueError(`${where("start", at(1, i))} mangler forløbets startdato.`);
    const b = readDate(e[i], "slut", at(2, i));
    if (isCellError(b)) return b;
    if (b !== null && b < a)
      return valueError(`${where("slut", at(2, i))} ligger før startdatoen; tjek datoerne.`);
    spells.push({ person: String(p[i]).trim(), start: a, end: b });
  }
  return spells;
}

function usersOf(
  personer: unknown,
  start: unknown,
  slut: unknown,
  aar: unknown,
  dage: unknown,
  addresses?: readonly (string | undefined)[]
): YearUsers | CellError {
  const spells = readSpells(personer, start, slut, addresses);
  if (isCellError(spells)) return spells;
  const y = readSpellYear(aar);
  if (isCellError(y)) return y;
  const d = readNumber(dage, "dage");
  if (isCellError(d)) return d;
  if (d !== null && !(d >= 1 && d <= 366))
    return numError(`dage skal ligge fra 1 til 366 (fik ${d}).`);
  return usersInYear(spells, y, d ?? undefined);
}

/**
 * BYRDE.HELÅRSBRUGERE: Σ over persons of the days of `år` their spells cover / dage (default
 * the days of the year, 365 or 366). Overlapping spells of a person count once; days inclusive.
 */
export function helaarsbrugere(
  personer: unknown,
  start: unknown,
  slut: unknown,
  aar: unknown,
  dage?: unknown,
  addresses?: readonly (string | undefined)[]
): number | CellError {
  const u = usersOf(personer, start, slut, aar, dage, addresses);
  return isCellError(u) ? u : u.helaarsbrugere;
}

/** BYRDE.UNIKKE.BRUGERE: persons with at least one day in `år`. */
export function unikkeBrugere(
  personer: unknown,
  start: unknown,
  slut: unknown,
  aar: unknown,
  addresses?: readonly (string | undefined)[]
): number | CellError {
  const u = usersOf(personer, start, slut, aar, undefined, addresses);
  return isCellError(u) ? u : u.unikkeBrugere;
}

/** BYRDE.BRUGERE.ULTIMO: persons with a spell covering 31.12 of `år` (an empty slut does). */
export function brugereUltimo(
  personer: unknown,
  start: unknown,
  slut: unknown,
  aar: unknown,
  addresses?: readonly (string | undefined)[]
): number | CellError {
  const u = usersOf(personer, start, slut, aar, undefined, addresses);
  return isCellError(u) ? u : u.brugereUltimo;
}

// ---- The rammeaftale area's tariff and financing calculators (src/domain/project/takster.ts).
// Their constants are the built-in pack rammeaftale_li's own figures, read by (name, year).

/** A required number argument: empty is #VALUE! ("mangler"), text #VALUE!. */
function requireNumber(v: unknown, what: string): number | CellError {
  const n = readNumber(v, what);
  return n === null ? valueError(`${what} mangler.`) : n;
}

/** An optional year: empty is undefined (the latest year the pack has), otherwise a whole number. */
function readYear(v: unknown): number | undefined | CellError {
  const n = readNumber(v, "år");
  if (n === null || isCellError(n)) return n ?? undefined;
  return Number.isInteger(n) ? n : valueError(`år skal være et helt tal (ikke ${n}).`);
}

const fromCalc = (c: Calc, error: (m: string) => CellError = valueError): number | CellError =>
  c.ok ? c.value : error(`Kan ikke beregnes: ${c.reason}.`);

/**
 * BYRDE.TILSYNSTAKST: Socialtilsyn Midt's tariff for an offer with `pladser` places, task
 * ("tilsyn", "skærpet", "ny", "ændring") and year. A year the pack has no tariff for: #VALUE!.
 */
export function tilsynstakst(
  pack: Pack,
  pladser: unknown,
  opgave: unknown,
  aar: unknown
): number | CellError {
  const p = requireNumber(pladser, "pladser");
  if (isCellError(p)) return p;
  if (p < 1) return numError(`pladser skal være mindst 1 (ikke ${p}).`);
  if (isEmpty(opgave)) return valueError("opgave mangler.");
  if (typeof opgave !== "string")
    return valueError(`opgave skal være tekst, fx "tilsyn" (ikke ${describe(opgave)}).`);
  const y = requireNumber(aar, "år");
  if (isCellError(y)) return y;
  return fromCalc(tilsynstakstCalc(pack, p, opgave, y));
}

/** BYRDE.FASTEPRISER: nu / (før × pl_faktor) − 1 (a fraction). 0 before or as factor: #DIV/0!. */
export function fastepriser(nu: unknown, foer: unknown, plFaktor: unknown): number | CellError {
  const n = requireNumber(nu, "beløb_nu");
  if (isCellError(n)) return n;
  const f = requireNumber(foer, "beløb_før");
  if (isCellError(f)) return f;
  const p = requireNumber(plFaktor, "pl_faktor");
  if (isCellError(p)) return p;
  return fromCalc(fastePriserAendring(n, f, p), div0Error);
}

/** BYRDE.PRISPRPLADS: regnskab (1.000 kr.) × 1.000 / belægning, kr. per place per year. Belægning 0: #DIV/0!. */
export function prisPrPlads(regnskabTkr: unknown, belaegning: unknown): number | CellError {
  const r = requireNumber(regnskabTkr, "regnskab_tkr");
  if (isCellError(r)) return r;
  const b = readNonNegative(belaegning, "belægning");
  if (isCellError(b)) return b;
  if (b === null) return valueError("belægning mangler.");
  return fromCalc(prisPrPladsCalc(r, b), div0Error);
}

/** BYRDE.TAKSTUDVIKLING: pris_nu / pris_før − 1 (a fraction). Empty or 0 pris_nu: #N/A »udgået«. */
export function takstudvikling(prisFoer: unknown, prisNu: unknown): number | CellError {
  const f = requireNumber(prisFoer, "pris_før");
  if (isCellError(f)) return f;
  const n = readNumber(prisNu, "pris_nu");
  if (isCellError(n)) return n;
  if (n === null || n === 0) return naError("Udgået: ingen pris i året (belægning 0).");
  return fromCalc(takstudviklingCalc(f, n), div0Error);
}

/**
 * BYRDE.BELÆGNINGSPCT: Σ forbrug / Σ normering (a fraction; format the cell as %) over the rows
 * where both are filled in. Ranges of different sizes or text: #VALUE!; no normering: #DIV/0!.
 */
export function belaegningsPct(forbrug: unknown, normering: unknown): number | CellError {
  const f = readColumn(forbrug, "forbrug");
  if (isCellError(f)) return f;
  const n = readColumn(normering, "normering");
  if (isCellError(n)) return n;
  const size = sameSize(f, n, "forbrug og normering");
  if (size) return size;
  const pairs: [number, number][] = [];
  for (let i = 0; i < f.length; i++) {
    const a = f[i];
    const b = n[i];
    if (a !== null && b !== null) pairs.push([a, b]);
  }
  return fromCalc(belaegningsgrad(pairs), div0Error);
}

/** BYRDE.OBJFIN: the rate per inhabitant × inhabitants. */
export function objfin(sats: unknown, indbyggere: unknown): number | CellError {
  const s = readNonNegative(sats, "sats");
  if (isCellError(s)) return s;
  if (s === null) return valueError("sats mangler.");
  const i = readNonNegative(indbyggere, "indbyggere");
  if (isCellError(i)) return i;
  if (i === null) return valueError("indbyggere mangler.");
  return objektivFinansiering(s, i);
}

/**
 * BYRDE.EFTERREGULERING: sign(resultat) × max(0, |resultat| − selvrisiko × grundlag). The self-risk
 * defaults to the pack's setting (5 %); it is a fraction (0,05) as Excel writes 5 %.
 */
export function efterregulering(
  pack: Pack,
  resultat: unknown,
  grundlag: unknown,
  selvrisiko?: unknown
): number | CellError {
  const r = requireNumber(resultat, "resultat");
  if (isCellError(r)) return r;
  const g = readNonNegative(grundlag, "grundlag");
  if (isCellError(g)) return g;
  if (g === null) return valueError("grundlag mangler.");
  let risk = readNonNegative(selvrisiko, "selvrisiko");
  if (isCellError(risk)) return risk;
  if (risk === null) {
    const setting = pack.settings.find((s) => s.id === "selvrisiko_pct");
    risk = Number(setting?.default ?? 5) / 100;
  }
  if (risk > 1) return numError(`selvrisiko skal være en brøk som 0,05 eller 5 % (ikke ${risk}).`);
  return efterreguleringCalc(r, g, risk);
}

/** Model 1's rates by name ("dag", "nat", "ledsager") in the pack's table `ledsagelse`. */
const SATSER_1: Readonly<Record<string, string>> = {
  dag: "model1_dag",
  nat: "model1_nat",
  ledsager: "model1_ledsager",
};

/**
 * BYRDE.LEDSAGELSE1: timer × the hourly rate with administration, rounded to whole kroner. `sats`
 * is kr. per hour or the pack's rate by name ("dag", "nat", "ledsager"); the administration
 * percentage (and a named rate) are the pack's for `år` (empty: the latest year it has).
 */
export function ledsagelse1(
  pack: Pack,
  timer: unknown,
  sats: unknown,
  aar?: unknown
): number | CellError {
  const t = readNonNegative(timer, "timer");
  if (isCellError(t)) return t;
  if (t === null) return valueError("timer mangler.");
  const y = readYear(aar);
  if (isCellError(y)) return y;
  let rate: number;
  if (typeof sats === "string" && !isEmpty(sats)) {
    const key = SATSER_1[sats.trim().toLowerCase()];
    if (!key)
      return valueError(
        `sats skal være kr. pr. time eller "dag", "nat" eller "ledsager" (ikke "${sats}").`
      );
    const c = packConstant(pack, "ledsagelse", key, y);
    if (!c.ok) return valueError(`Kan ikke beregnes: ${c.reason}.`);
    rate = c.value;
  } else {
    const s = readNonNegative(sats, "sats");
    if (isCellError(s)) return s;
    if (s === null) return valueError("sats mangler.");
    rate = s;
  }
  const admin = packConstant(pack, "ledsagelse", "model1_admin_pct", y);
  if (!admin.ok) return valueError(`Kan ikke beregnes: ${admin.reason}.`);
  return t * ledsagelseSats1(rate, admin.value);
}

/**
 * BYRDE.LEDSAGELSE2: the resident's own payment for a trip under the colony agreement (model 2):
 * wage + colony supplement + allowances + overhead − saved substitute cost. Rates are the pack's
 * for `år`; `overhead` in kr. replaces the computed one (the seed's 753,02).
 */
export function ledsagelse2(
  pack: Pack,
  timerKoloni: unknown,
  doegnPaabegyndt: unknown,
  doegnDagpenge: unknown,
  timerDagpenge: unknown,
  medarbejdere: unknown,
  besparelsePrTime?: unknown,
  aar?: unknown,
  overhead?: unknown
): number | CellError {
  const read: Record<string, number | null> = {};
  const args: [string, unknown][] = [
    ["timer_koloni", timerKoloni],
    ["påbegyndte_døgn", doegnPaabegyndt],
    ["hele_døgn", doegnDagpenge],
    ["resttimer", timerDagpenge],
    ["medarbejdere", medarbejdere],
    ["besparelse_pr_time", besparelsePrTime],
    ["overhead", overhead],
  ];
  for (const [name, v] of args) {
    const n = readNonNegative(v, name);
    if (isCellError(n)) return n;
    read[name] = n;
  }
  if (read.timer_koloni === null || read.timer_koloni === 0)
    return valueError("timer_koloni mangler; model 2 kræver timer efter koloniaftalen.");
  if (read.medarbejdere === null || read.medarbejdere < 1)
    return valueError("medarbejdere mangler (mindst 1).");
  const y = readYear(aar);
  if (isCellError(y)) return y;
  const satser = ledsagelseSatser2(pack, y);
  if (!satser.ok) return valueError(`Kan ikke beregnes: ${satser.reason}.`);
  const r = ledsagelseModel2(
    {
      timerKoloni: read.timer_koloni,
      doegnPaabegyndt: read["påbegyndte_døgn"] ?? 0,
      doegnDagpenge: read["hele_døgn"] ?? 0,
      timerDagpenge: read.resttimer ?? 0,
      medarbejdere: read.medarbejdere,
      besparelsePrTime: read.besparelse_pr_time ?? 0,
      overheadKr: read.overhead ?? undefined,
    },
    satser.value
  );
  return r.ok ? r.value.egenbetaling : valueError(`Kan ikke beregnes: ${r.reason}.`);
}
