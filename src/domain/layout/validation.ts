import type { FieldKind } from "../catalogue/types";
import type { ValidationPlan } from "./types";

/** Longest comment accepted in a text field (Excel allows 32,767 characters in a cell). */
export const MAX_TEXT_LENGTH = 5000;

/**
 * Native data validation per field kind, with Danish input and error messages. Titles stay
 * within Excel's 32 characters and messages within 255.
 */
export const VALIDATION_BY_KIND: Readonly<Record<FieldKind, ValidationPlan>> = {
  timer: {
    kind: "timer",
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    promptTitle: "Timer",
    prompt: "Skriv antal timer som et tal, 0 eller større. Decimaler er tilladt (fx 12,5).",
    errorTitle: "Ugyldigt antal timer",
    error:
      "Timer skal være et tal, der er 0 eller større. Lad cellen stå tom, hvis I ikke kender tallet.",
  },
  aarsvaerk: {
    kind: "aarsvaerk",
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    promptTitle: "Årsværk",
    prompt: "Skriv antal årsværk som et tal, 0 eller større. Decimaler er tilladt (fx 0,8).",
    errorTitle: "Ugyldigt antal årsværk",
    error:
      "Årsværk skal være et tal, der er 0 eller større. Lad cellen stå tom, hvis I ikke kender tallet.",
  },
  kr: {
    kind: "kr",
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    promptTitle: "Kroner",
    prompt: 'Skriv beløbet i kroner som et tal, 0 eller større (uden "kr.").',
    errorTitle: "Ugyldigt beløb",
    error: "Beløbet skal være et tal i kroner, der er 0 eller større.",
  },
  antal: {
    kind: "antal",
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    promptTitle: "Antal",
    prompt: "Skriv antallet som et helt tal, 0 eller større.",
    errorTitle: "Ugyldigt antal",
    error: "Antal skal være et helt tal, der er 0 eller større.",
  },
  pct: {
    kind: "pct",
    type: "decimal",
    operator: "between",
    formulae: [0, 100],
    allowBlank: true,
    promptTitle: "Procent",
    prompt:
      "Skriv andelen i procent (0–100), uden %-tegn. Underopgaverne for et år skal tilsammen give 100.",
    errorTitle: "Ugyldig procent",
    error: "Andelen skal være et tal mellem 0 og 100 (uden %-tegn).",
  },
  x: {
    kind: "x",
    type: "list",
    formulae: ["x"],
    allowBlank: true,
    promptTitle: "Sæt x",
    prompt: "Skriv x, hvis året gælder for jer. Lad ellers cellen stå tom.",
    errorTitle: "Kun x er tilladt",
    error: "Skriv kun et x, eller lad cellen stå tom.",
  },
  tekst: {
    kind: "tekst",
    type: "textLength",
    operator: "lessThanOrEqual",
    formulae: [MAX_TEXT_LENGTH],
    allowBlank: true,
    promptTitle: "Kommentar",
    prompt: `Skriv jeres kommentar her (højst ${MAX_TEXT_LENGTH} tegn). Brug Alt+Enter for ny linje.`,
    errorTitle: "Teksten er for lang",
    error: `Kommentaren må højst være ${MAX_TEXT_LENGTH} tegn. Forkort den, eller send resten med jeres svar.`,
  },
};
