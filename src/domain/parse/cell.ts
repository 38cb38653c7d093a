/**
 * Lenient, reported parsing of one returned cell. Municipalities type `37,4`, `1.400`,
 * `ca. 40`, `25 %`, `ved ikke` or `X`; the parser reads what it safely can and reports every
 * reinterpretation as a finding, and refuses the rest with a fejl quoting the original.
 * Never a silent 0; never throws.
 */
import type { ChoiceDef } from "../catalogue/types";
import { makeFinding, quote } from "../findings";
import { KINDS, type FieldKind } from "../kinds";
import type { FieldValue, Finding, RawCell, Severity } from "../model";
import { formatDanishNumber, readNumberText } from "./number";

export interface ParsedCell {
  readonly value: FieldValue;
  readonly findings: Finding[];
}

/** Rule ids the parser reports (see the rules table in docs/validering.md). */
export const PARSE_RULES = {
  talFortolket: "tal_fortolket",
  talEngelskFormat: "tal_engelsk_format",
  talTvetydigt: "tal_tvetydigt",
  talOmtrentligt: "tal_omtrentligt",
  talMedEnhed: "tal_med_enhed",
  pctTegn: "pct_tegn",
  pctSomBroek: "pct_som_broek",
  tomMarkering: "tom_markering",
  ugyldigtTal: "ugyldigt_tal",
  krydsFortolket: "kryds_fortolket",
  ugyldigtKryds: "ugyldigt_kryds",
  ugyldigTekst: "ugyldig_tekst",
  ugyldigDato: "ugyldig_dato",
  ugyldigtKlokkeslaet: "ugyldigt_klokkeslaet",
  ugyldigtValg: "ugyldigt_valg",
  valgFortolket: "valg_fortolket",
} as const;

const noun = (kind: FieldKind) => KINDS[kind].noun;

type Unwrapped =
  | { readonly ok: true; readonly value: string | number | boolean | Date | null }
  | { readonly ok: false; readonly why: string };

/** ExcelJS and office-js hand over rich text, formula results, hyperlinks and error values. */
function unwrap(value: unknown, depth = 0): Unwrapped {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return { ok: true, value };
  if (value instanceof Date) return { ok: true, value };
  if (typeof value === "object" && depth < 3) {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const text = o.richText
        .map((r) =>
          r && typeof r === "object" && typeof (r as { text?: unknown }).text === "string"
            ? (r as { text: string }).text
            : ""
        )
        .join("");
      return { ok: true, value: text };
    }
    if (typeof o.error === "string")
      return { ok: false, why: `cellen viser fejlværdien ${o.error}` };
    if ("formula" in o || "sharedFormula" in o) {
      if ("result" in o) return unwrap(o.result, depth + 1);
      return { ok: false, why: "cellen indeholder en formel uden beregnet resultat" };
    }
    if ("result" in o) return unwrap(o.result, depth + 1);
    if (typeof o.text === "string") return { ok: true, value: o.text };
  }
  return { ok: false, why: "cellens indhold kan ikke læses som en værdi" };
}

function isPercentFormat(numFmt: string | undefined): boolean {
  // A % outside quotes and escapes, as in "0%" or "0,0 %".
  return !!numFmt && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ""));
}

/** A date or time format such as "d-m-yyyy" or "[$-406]d. mmmm yyyy" (tokens outside quotes and brackets). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Excel's serial day number as an ISO date (1900 date system). */
function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** Cleans float noise from ×100 (0.07 × 100 = 7.000000000000001). */
function times100(v: number): number {
  return Number((v * 100).toPrecision(15));
}

/**
 * Parses one cell for a field of the given kind. `field` (the global field id) is only used to
 * label the findings.
 */
export function parseCell(
  raw: RawCell,
  kind: FieldKind,
  field?: string,
  choices?: readonly ChoiceDef[]
): ParsedCell {
  const findings: Finding[] = [];
  const original = raw?.value;
  const location = raw?.location;
  const add = (rule: string, severity: Severity, text: string) =>
    findings.push(makeFinding({ rule, severity, text, field, location, original }));

  try {
    const u = unwrap(original);
    if (!u.ok) {
      if (kind === "tekst") add(PARSE_RULES.ugyldigTekst, "fejl", `${u.why}; skriv teksten igen.`);
      else if (kind === "x")
        add(PARSE_RULES.ugyldigtKryds, "fejl", `${u.why}; skriv x eller lad feltet stå tomt.`);
      else add(PARSE_RULES.ugyldigtTal, "fejl", `${u.why}; skriv ${noun(kind)} som et tal.`);
      return { value: null, findings };
    }
    const v = u.value;
    switch (KINDS[kind].family) {
      case "tekst":
        return { value: parseText(v), findings };
      case "x":
        return { value: parseTick(v, add), findings };
      case "dato":
        return { value: parseDate(v, add), findings };
      case "klokkeslaet":
        return { value: parseClock(v, add), findings };
      case "valg":
        return { value: parseChoice(v, choices ?? [], add), findings };
      default:
        return { value: parseNumber(v, kind, raw?.numFmt, add), findings };
    }
  } catch {
    // Defensive: user data must never crash the reader.
    add(PARSE_RULES.ugyldigtTal, "fejl", `${quote(original)} kan ikke læses.`);
    return { value: null, findings };
  }
}

function parseText(v: string | number | boolean | Date | null): FieldValue {
  if (v === null) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === "boolean") return v ? "SAND" : "FALSK";
  return formatDanishNumber(v);
}

type Add = (rule: string, severity: Severity, text: string) => void;

const TICK_YES = ["ja", "j", "yes", "✓", "✔", "✗", "✘", "1"];
const TICK_NO = ["nej", "n", "no", "0"];

function parseTick(v: string | number | boolean | Date | null, add: Add): FieldValue {
  if (v === null) return null;
  const ticked = (): FieldValue => {
    add(
      PARSE_RULES.krydsFortolket,
      "advarsel",
      `${quote(v)} læst som x (året er udvalgt); skriv x.`
    );
    return "x";
  };
  const notTicked = (): FieldValue => {
    add(PARSE_RULES.tomMarkering, "info", `${quote(v)} læst som tomt (året er ikke udvalgt).`);
    return null;
  };
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    if (s === "") return null;
    if (s === "x") return "x";
    if (TICK_YES.includes(s)) return ticked();
    if (TICK_NO.includes(s) || readNumberText(s).kind === "emptyMarker") return notTicked();
  } else if (v === true || v === 1) {
    return ticked();
  } else if (v === false || v === 0) {
    return notTicked();
  }
  add(
    PARSE_RULES.ugyldigtKryds,
    "fejl",
    `${quote(v)} er ikke et x; skriv x, hvis året er udvalgt, ellers lad feltet stå tomt.`
  );
  return null;
}

function parseNumber(
  v: string | number | boolean | Date | null,
  kind: FieldKind,
  numFmt: string | undefined,
  add: Add
): FieldValue {
  if (v === null) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) {
      add(
        PARSE_RULES.ugyldigtTal,
        "fejl",
        `${quote(v)} er ikke et endeligt tal; skriv ${noun(kind)} som et tal.`
      );
      return null;
    }
    if (isDateFormat(numFmt)) {
      add(
        PARSE_RULES.ugyldigtTal,
        "fejl",
        `cellen er formateret som dato og viser ${quote(serialToIso(v))}, ikke et tal (Excel gør fx «1.4» til 1. april); formatér cellen som tal, og skriv tallet igen.`
      );
      return null;
    }
    if (KINDS[kind].percent && isPercentFormat(numFmt)) {
      const pct = times100(v);
      if (pct !== v) {
        add(
          PARSE_RULES.pctSomBroek,
          "info",
          `${formatDanishNumber(v)} i en procentformateret celle læst som ${formatDanishNumber(pct)} %.`
        );
      }
      return pct;
    }
    return v;
  }
  if (typeof v === "boolean") {
    add(
      PARSE_RULES.ugyldigtTal,
      "fejl",
      `${quote(v)} er ikke et tal; skriv ${noun(kind)} som et tal.`
    );
    return null;
  }
  if (v instanceof Date) {
    add(
      PARSE_RULES.ugyldigtTal,
      "fejl",
      `cellen indeholder datoen ${quote(v)}, ikke et tal (Excel gør fx «1.4» til 1. april); formatér cellen som tal, og skriv tallet igen.`
    );
    return null;
  }

  const r = readNumberText(v);
  switch (r.kind) {
    case "blank":
      return null;
    case "emptyMarker":
      add(PARSE_RULES.tomMarkering, "info", `${quote(v)} læst som tomt (intet tal).`);
      return null;
    case "date":
      add(
        PARSE_RULES.ugyldigtTal,
        "fejl",
        `cellen indeholder datoen ${quote(r.iso)}, ikke et tal; skriv ${noun(kind)} som et tal.`
      );
      return null;
    case "invalid":
      add(
        PARSE_RULES.ugyldigtTal,
        "fejl",
        `${quote(v)} kan ikke læses som ${noun(kind)}; skriv ét tal, fx 37,4.`
      );
      return null;
    case "number": {
      if (r.percent && !KINDS[kind].percent) {
        add(
          PARSE_RULES.ugyldigtTal,
          "fejl",
          `${quote(v)} er en procentsats, men feltet skal indeholde ${noun(kind)}.`
        );
        return null;
      }
      const shown = formatDanishNumber(r.value);
      if (r.approx)
        add(
          PARSE_RULES.talOmtrentligt,
          "advarsel",
          `${quote(v)} læst som ${shown} (omtrentligt tal).`
        );
      if (r.unit !== undefined)
        add(
          PARSE_RULES.talMedEnhed,
          "advarsel",
          `${quote(v)} læst som ${shown} (enheden »${r.unit}« er fjernet).`
        );
      if (r.percent) add(PARSE_RULES.pctTegn, "info", `${quote(v)} læst som ${shown} %.`);
      if (r.format === "tvetydig")
        add(
          PARSE_RULES.talTvetydigt,
          "advarsel",
          `${quote(v)} læst som ${shown} (komma som decimaltegn), men på engelsk betyder det ${formatDanishNumber(r.alternative ?? r.value)}; tjek tallet, og skriv det uden tusindtalsadskiller.`
        );
      else if (r.format === "engelsk")
        add(
          PARSE_RULES.talEngelskFormat,
          "advarsel",
          `${quote(v)} læst som ${shown} (punktum opfattet som decimaltegn); skriv decimaler med komma.`
        );
      else if (r.format === "dansk" && !r.approx && r.unit === undefined)
        add(
          PARSE_RULES.talFortolket,
          "info",
          `tallet er skrevet som tekst; ${quote(v)} læst som ${shown}.`
        );
      return r.value;
    }
  }
}

// ------------------------------------------------------------------ dates, clock times, choices

const DAY_MS = 86400000;
/** Excel's day 0 in the 1900 date system (dates from 1 March 1900 on). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A calendar date as Excel's serial day number. */
export function dateToSerial(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return Math.round((ms - EXCEL_EPOCH) / DAY_MS);
}

/** Excel's serial day number as an ISO date (yyyy-mm-dd). */
export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

function parseDate(v: string | number | boolean | Date | null, add: Add): FieldValue {
  if (v === null) return null;
  const bad = () => {
    add(
      PARSE_RULES.ugyldigDato,
      "fejl",
      `${quote(v)} kan ikke læses som en dato; skriv fx 15-02-2024.`
    );
    return null;
  };
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return bad();
    return dateToSerial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) ?? bad();
  }
  if (typeof v === "number") {
    // A serial day number (the cell holds a date); whole days only.
    return Number.isFinite(v) && v >= 1 && v < 2958466 ? Math.floor(v) : bad();
  }
  if (typeof v !== "string") return bad();
  const s = v.trim();
  if (s === "") return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return dateToSerial(Number(m[1]), Number(m[2]), Number(m[3])) ?? bad();
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const serial = dateToSerial(y, Number(m[2]), Number(m[1]));
    if (serial === undefined) return bad();
    if (m[3].length === 2)
      add(PARSE_RULES.talFortolket, "info", `${quote(v)} læst som ${serialToIsoDate(serial)}.`);
    return serial;
  }
  return bad();
}

function parseClock(v: string | number | boolean | Date | null, add: Add): FieldValue {
  if (v === null) return null;
  const bad = () => {
    add(
      PARSE_RULES.ugyldigtKlokkeslaet,
      "fejl",
      `${quote(v)} kan ikke læses som et klokkeslæt; skriv tt:mm, fx 07:30.`
    );
    return null;
  };
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return bad();
    return (v.getUTCHours() * 60 + v.getUTCMinutes()) / 1440;
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0) return bad();
    // Excel keeps a time as a fraction of a day; a date with a time keeps only the time.
    if (v <= 1) return v;
    return Number.isInteger(v) ? bad() : v - Math.floor(v);
  }
  if (typeof v !== "string") return bad();
  const s = v.trim();
  if (s === "") return null;
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s);
  if (!m) return bad();
  const h = Number(m[1]);
  const min = Number(m[2] ?? "0");
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return bad();
  return (h * 60 + min) / 1440;
}

function parseChoice(
  v: string | number | boolean | Date | null,
  choices: readonly ChoiceDef[],
  add: Add
): FieldValue {
  if (v === null) return null;
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  if (text === "") return null;
  const norm = (x: string) => x.trim().toLocaleLowerCase("da-DK").replace(/\s+/g, " ");
  const n = norm(text);
  const exact = choices.find((c) => c.label === text || c.id === text);
  if (exact) return exact.id;
  const loose = choices.find((c) => norm(c.label) === n || norm(c.id) === n);
  if (loose) {
    add(PARSE_RULES.valgFortolket, "info", `${quote(v)} læst som »${loose.label}«.`);
    return loose.id;
  }
  add(
    PARSE_RULES.ugyldigtValg,
    "fejl",
    `${quote(v)} er ikke et af svarene (${choices.map((c) => `»${c.label}«`).join(", ")}); vælg et fra listen.`
  );
  return null;
}
