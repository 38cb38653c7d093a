/**
 * Field kinds ("felttyper"), each defined once: what it holds, how it is parsed leniently, its
 * range, its unit and noun in Danish messages, its Excel data validation and number format, and
 * the kind of value it gives in calculations. Parsing (parse/cell.ts), validation
 * (validate/checks.ts), the template layout (layout/), the task pane and the custom functions
 * all read their kind knowledge from here.
 */
import type { ScalarType } from "./expr/check";
import { formatDanishNumber } from "./parse/number";

export type FieldKind =
  | "timer"
  | "aarsvaerk"
  | "pct"
  | "antal"
  | "aarstal"
  | "kr"
  | "beloeb"
  | "decimal"
  | "sats"
  | "minutter"
  | "x"
  | "tekst"
  | "dato"
  | "klokkeslaet"
  | "valg";

/** How a cell of the kind is read. */
export type KindFamily = "tal" | "x" | "tekst" | "dato" | "klokkeslaet" | "valg";

/** Native data validation for an input cell, with Danish messages (Excel's limits: 32/255). */
export interface ValidationPlan {
  readonly kind: FieldKind;
  readonly type: "decimal" | "whole" | "list" | "textLength" | "custom" | "date";
  readonly operator?: "between" | "greaterThanOrEqual" | "lessThanOrEqual";
  /** Numbers, or for "list" the allowed entries, or for "custom" a formula. */
  readonly formulae: readonly (number | string)[];
  readonly allowBlank: boolean;
  readonly promptTitle: string;
  readonly prompt: string;
  readonly errorTitle: string;
  readonly error: string;
}

export interface KindDef {
  readonly id: FieldKind;
  /** Danish name of the kind (help, pack messages). */
  readonly navn: string;
  /** Unit shown beside a field (forms, sheets); "" when none. */
  readonly unit: string;
  /** The noun in "skriv … som et tal" (parse messages). */
  readonly noun: string;
  readonly family: KindFamily;
  /** Smallest and largest allowed value (numbers); `integer` for whole numbers. */
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Reads "25 %" and a percent-formatted 0,25 as 25. */
  readonly percent?: boolean;
  /** Excel number format for input and report cells. */
  readonly numFmt?: string;
  /** The kind of value in calculations. */
  readonly exprType: ScalarType;
}

/** Longest text accepted in a text field (Excel allows 32 767 characters in a cell). */
export const MAX_TEXT_LENGTH = 5000;

export const KINDS: Readonly<Record<FieldKind, KindDef>> = {
  timer: {
    id: "timer",
    navn: "timer",
    unit: "timer",
    noun: "timer",
    family: "tal",
    min: 0,
    numFmt: "#,##0.0#",
    exprType: "tal",
  },
  aarsvaerk: {
    id: "aarsvaerk",
    navn: "årsværk",
    unit: "årsværk",
    noun: "årsværk",
    family: "tal",
    min: 0,
    numFmt: "#,##0.0##",
    exprType: "tal",
  },
  pct: {
    id: "pct",
    navn: "andel i procent (0–100)",
    unit: "%",
    noun: "procent",
    family: "tal",
    min: 0,
    max: 100,
    percent: true,
    numFmt: "0.0#",
    exprType: "tal",
  },
  antal: {
    id: "antal",
    navn: "antal (helt tal)",
    unit: "antal",
    noun: "et antal",
    family: "tal",
    min: 0,
    integer: true,
    numFmt: "#,##0",
    exprType: "tal",
  },
  aarstal: {
    id: "aarstal",
    navn: "årstal (fx 2024)",
    unit: "",
    noun: "et årstal",
    family: "tal",
    min: 1900,
    max: 2100,
    integer: true,
    // A year is written without a thousands separator: 2024, not 2.024.
    numFmt: "0",
    exprType: "tal",
  },
  kr: {
    id: "kr",
    navn: "kroner (0 eller mere)",
    unit: "kr.",
    noun: "kroner",
    family: "tal",
    min: 0,
    numFmt: "#,##0",
    exprType: "tal",
  },
  beloeb: {
    id: "beloeb",
    navn: "beløb i kroner (med fortegn)",
    unit: "kr.",
    noun: "et beløb i kroner",
    family: "tal",
    numFmt: "#,##0;-#,##0",
    exprType: "tal",
  },
  decimal: {
    id: "decimal",
    navn: "tal med decimaler (0 eller mere)",
    unit: "",
    noun: "et tal",
    family: "tal",
    min: 0,
    numFmt: "#,##0.0#",
    exprType: "tal",
  },
  sats: {
    id: "sats",
    navn: "procentsats (må være negativ eller over 100)",
    unit: "%",
    noun: "en procentsats",
    family: "tal",
    percent: true,
    numFmt: "0.0#",
    exprType: "tal",
  },
  minutter: {
    id: "minutter",
    navn: "minutter",
    unit: "min.",
    noun: "minutter",
    family: "tal",
    min: 0,
    numFmt: "#,##0.#",
    exprType: "tal",
  },
  x: { id: "x", navn: "x (sæt kryds)", unit: "x", noun: "et x", family: "x", exprType: "tekst" },
  tekst: {
    id: "tekst",
    navn: "tekst",
    unit: "",
    noun: "tekst",
    family: "tekst",
    exprType: "tekst",
  },
  dato: {
    id: "dato",
    navn: "dato",
    unit: "dato",
    noun: "en dato",
    family: "dato",
    numFmt: "dd-mm-yyyy",
    exprType: "tal",
  },
  klokkeslaet: {
    id: "klokkeslaet",
    navn: "klokkeslæt (tt:mm)",
    unit: "kl.",
    noun: "et klokkeslæt",
    family: "klokkeslaet",
    min: 0,
    max: 1,
    numFmt: "hh:mm",
    exprType: "tal",
  },
  valg: {
    id: "valg",
    navn: "ét svar fra en liste",
    unit: "",
    noun: "et af svarene",
    family: "valg",
    exprType: "tekst",
  },
};

export const FIELD_KINDS = Object.keys(KINDS) as FieldKind[];

/** Kinds read as numbers (today's "numeric kinds" plus the new ones). */
export const NUMERIC_KINDS: readonly FieldKind[] = FIELD_KINDS.filter(
  (k) => KINDS[k].family === "tal"
);

/** Unit shown beside a field of each kind. */
export const KIND_UNIT: Readonly<Record<FieldKind, string>> = Object.fromEntries(
  FIELD_KINDS.map((k) => [k, KINDS[k].unit])
) as Record<FieldKind, string>;

export function isNumericKind(kind: FieldKind): boolean {
  return KINDS[kind].family === "tal";
}

/** A rule id and Danish text for a number outside its kind's range; undefined when it fits. */
export function kindRangeProblem(
  kind: FieldKind,
  value: number
):
  | {
      readonly rule: "negativ" | "ikke_heltal" | "pct_interval" | "uden_for_interval";
      readonly text: string;
    }
  | undefined {
  const k = KINDS[kind];
  // A year is written as a year, without thousands separators (2024, not 2.024).
  const number = (n: number) =>
    kind === "aarstal" ? formatDanishNumber(n).replaceAll(".", "") : formatDanishNumber(n);
  // Only a value that breaks a rule is formatted (every number of every return comes here).
  const fmt = () => number(value);
  if (kind === "pct") {
    return value < 0 || value > 100
      ? {
          rule: "pct_interval",
          text: `en procentandel skal ligge mellem 0 og 100, men er ${fmt()}.`,
        }
      : undefined;
  }
  if (k.min === 0 && k.max === undefined && value < 0)
    return {
      rule: "negativ",
      text: `${kind === "antal" ? "et antal" : "tallet"} kan ikke være negativt (${fmt()}).`,
    };
  if ((k.min !== undefined && value < k.min) || (k.max !== undefined && value > k.max))
    return {
      rule: "uden_for_interval",
      text: `${k.noun} skal ligge mellem ${number(k.min ?? 0)} og ${number(k.max ?? 0)}, men er ${fmt()}.`,
    };
  if (k.integer && !Number.isInteger(value))
    return { rule: "ikke_heltal", text: `${k.noun} skal være et helt tal, men er ${fmt()}.` };
  return undefined;
}

const blankOk = { allowBlank: true } as const;

/** Native data validation for a field of the kind (choices for `valg`). */
export function validationFor(kind: FieldKind, choices?: readonly string[]): ValidationPlan {
  switch (kind) {
    case "timer":
      return {
        kind,
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [0],
        ...blankOk,
        promptTitle: "Timer",
        prompt: "Skriv antal timer som et tal, 0 eller større. Decimaler er tilladt (fx 12,5).",
        errorTitle: "Ugyldigt antal timer",
        error:
          "Timer skal være et tal, der er 0 eller større. Lad cellen stå tom, hvis I ikke kender tallet.",
      };
    case "aarsvaerk":
      return {
        kind,
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [0],
        ...blankOk,
        promptTitle: "Årsværk",
        prompt: "Skriv antal årsværk som et tal, 0 eller større. Decimaler er tilladt (fx 0,8).",
        errorTitle: "Ugyldigt antal årsværk",
        error:
          "Årsværk skal være et tal, der er 0 eller større. Lad cellen stå tom, hvis I ikke kender tallet.",
      };
    case "kr":
      return {
        kind,
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [0],
        ...blankOk,
        promptTitle: "Kroner",
        prompt: 'Skriv beløbet i kroner som et tal, 0 eller større (uden "kr.").',
        errorTitle: "Ugyldigt beløb",
        error: "Beløbet skal være et tal i kroner, der er 0 eller større.",
      };
    case "beloeb":
      return {
        kind,
        type: "decimal",
        operator: "between",
        formulae: [-1e15, 1e15],
        ...blankOk,
        promptTitle: "Beløb i kroner",
        prompt: 'Skriv beløbet i kroner som et tal (uden "kr."). Et underskud skrives med minus.',
        errorTitle: "Ugyldigt beløb",
        error: "Beløbet skal være et tal i kroner; et underskud skrives med minus, fx -250000.",
      };
    case "decimal":
      return {
        kind,
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [0],
        ...blankOk,
        promptTitle: "Tal",
        prompt: "Skriv et tal, 0 eller større. Decimaler er tilladt (fx 2,5).",
        errorTitle: "Ugyldigt tal",
        error:
          "Skriv et tal, der er 0 eller større. Lad cellen stå tom, hvis I ikke kender tallet.",
      };
    case "minutter":
      return {
        kind,
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [0],
        ...blankOk,
        promptTitle: "Minutter",
        prompt: "Skriv antal minutter som et tal, 0 eller større.",
        errorTitle: "Ugyldigt antal minutter",
        error: "Minutter skal være et tal, der er 0 eller større.",
      };
    case "antal":
      return {
        kind,
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [0],
        ...blankOk,
        promptTitle: "Antal",
        prompt: "Skriv antallet som et helt tal, 0 eller større.",
        errorTitle: "Ugyldigt antal",
        error: "Antal skal være et helt tal, der er 0 eller større.",
      };
    case "aarstal":
      return {
        kind,
        type: "whole",
        operator: "between",
        formulae: [1900, 2100],
        ...blankOk,
        promptTitle: "Årstal",
        prompt: "Skriv årstallet med fire cifre, fx 2024.",
        errorTitle: "Ugyldigt årstal",
        error: "Årstallet skal være et helt tal med fire cifre mellem 1900 og 2100, fx 2024.",
      };
    case "pct":
      return {
        kind,
        type: "decimal",
        operator: "between",
        formulae: [0, 100],
        ...blankOk,
        promptTitle: "Procent",
        prompt:
          "Skriv andelen i procent (0–100), uden %-tegn. Underopgaverne for et år skal tilsammen give 100.",
        errorTitle: "Ugyldig procent",
        error: "Andelen skal være et tal mellem 0 og 100 (uden %-tegn).",
      };
    case "sats":
      return {
        kind,
        type: "decimal",
        operator: "between",
        formulae: [-1e6, 1e6],
        ...blankOk,
        promptTitle: "Procentsats",
        prompt: "Skriv satsen i procent, uden %-tegn (fx 2,5 eller -4). Den må være over 100.",
        errorTitle: "Ugyldig procentsats",
        error: "Satsen skal være et tal i procent, uden %-tegn (fx 2,5 eller -4).",
      };
    case "x":
      return {
        kind,
        type: "list",
        formulae: ["x"],
        ...blankOk,
        promptTitle: "Sæt x",
        prompt: "Skriv x, hvis det gælder for jer. Lad ellers cellen stå tom.",
        errorTitle: "Kun x er tilladt",
        error: "Skriv kun et x, eller lad cellen stå tom.",
      };
    case "tekst":
      return {
        kind,
        type: "textLength",
        operator: "lessThanOrEqual",
        formulae: [MAX_TEXT_LENGTH],
        ...blankOk,
        promptTitle: "Tekst",
        prompt: `Skriv teksten her (højst ${MAX_TEXT_LENGTH} tegn). Brug Alt+Enter for ny linje.`,
        errorTitle: "Teksten er for lang",
        error: `Teksten må højst være ${MAX_TEXT_LENGTH} tegn. Forkort den, eller send resten med jeres svar.`,
      };
    case "dato":
      return {
        kind,
        type: "date",
        operator: "between",
        formulae: [1, 2958465],
        ...blankOk,
        promptTitle: "Dato",
        prompt: "Skriv en dato, fx 15-02-2024.",
        errorTitle: "Ugyldig dato",
        error: "Skriv en gyldig dato, fx 15-02-2024.",
      };
    case "klokkeslaet":
      return {
        kind,
        type: "decimal",
        operator: "between",
        formulae: [0, 1],
        ...blankOk,
        promptTitle: "Klokkeslæt",
        prompt: "Skriv klokkeslættet som tt:mm, fx 07:30 (24:00 for midnat ved dagens slutning).",
        errorTitle: "Ugyldigt klokkeslæt",
        error: "Skriv et klokkeslæt mellem 00:00 og 24:00, fx 07:30.",
      };
    case "valg": {
      const list = choices ?? [];
      return {
        kind,
        type: "list",
        formulae: list,
        ...blankOk,
        promptTitle: "Vælg",
        prompt: "Vælg et af svarene på listen.",
        errorTitle: "Vælg fra listen",
        error: `Vælg et af svarene: ${list.join(", ")}.`.slice(0, 255),
      };
    }
  }
}

/** Native data validation per kind (choices-free kinds), for callers that only know the kind. */
export const VALIDATION_BY_KIND: Readonly<Record<FieldKind, ValidationPlan>> = Object.fromEntries(
  FIELD_KINDS.map((k) => [k, validationFor(k)])
) as Record<FieldKind, ValidationPlan>;
