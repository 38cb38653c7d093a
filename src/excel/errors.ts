/**
 * Errors from the office-js adapter, typed and in Danish, so the task pane can show them in a
 * MessageBar. Every operation checks what it can before writing, and rolls back what it wrote
 * when Excel refuses part of a batch, so the workbook is left as it was.
 */

export type ExcelErrorCode =
  | "ark_findes"
  | "navn_findes"
  | "projektmappe_beskyttet"
  | "ark_beskyttet"
  | "ikke_fundet"
  | "for_stor"
  | "ugyldigt_navn"
  | "excel";

export class ExcelAdapterError extends Error {
  readonly code: ExcelErrorCode;
  /** Excel's own error code, when the error came from Excel. */
  readonly excelCode?: string;
  constructor(code: ExcelErrorCode, message: string, excelCode?: string) {
    super(message);
    this.name = "ExcelAdapterError";
    this.code = code;
    this.excelCode = excelCode;
  }
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => `»${n}«`);
  const more = names.length > 5 ? ` og ${names.length - 5} til` : "";
  return shown.join(", ") + more;
}

export const errors = {
  sheetExists: (names: readonly string[]) =>
    new ExcelAdapterError(
      "ark_findes",
      names.length === 1
        ? `Arket ${list(names)} findes allerede i projektmappen. Omdøb eller slet det, og prøv igen. Intet er ændret.`
        : `Arkene ${list(names)} findes allerede i projektmappen. Omdøb eller slet dem, og prøv igen. Intet er ændret.`
    ),
  nameExists: (names: readonly string[]) =>
    new ExcelAdapterError(
      "navn_findes",
      `Navnet ${list(names)} er allerede defineret i projektmappen (Formler › Navnestyring). Intet er ændret.`
    ),
  workbookProtected: () =>
    new ExcelAdapterError(
      "projektmappe_beskyttet",
      "Projektmappens struktur er beskyttet, så der kan ikke indsættes ark. Ophæv beskyttelsen (Gennemse › Beskyt projektmappe), og prøv igen. Intet er ændret."
    ),
  sheetProtected: (sheet: string) =>
    new ExcelAdapterError(
      "ark_beskyttet",
      `Arket »${sheet}« er beskyttet, så der kan ikke skrives i det. Ophæv beskyttelsen (Gennemse › Ophæv arkbeskyttelse), og prøv igen. Intet er ændret.`
    ),
  notFound: (what: string) =>
    new ExcelAdapterError("ikke_fundet", `${what} findes ikke i projektmappen.`),
  invalidSheetName: (name: string) =>
    new ExcelAdapterError(
      "ugyldigt_navn",
      `»${name}« kan ikke bruges som arknavn (højst 31 tegn og ingen af tegnene : \\ / ? * [ ]).`
    ),
};

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

/** Turns anything Excel threw into an ExcelAdapterError with a Danish message. */
export function fromExcelError(e: unknown, sheet?: string): ExcelAdapterError {
  if (e instanceof ExcelAdapterError) return e;
  const err = (e ?? {}) as OfficeLikeError;
  const code = typeof err.code === "string" ? err.code : undefined;
  const message = typeof err.message === "string" ? err.message : String(e);
  switch (code) {
    case "ItemAlreadyExists":
      return new ExcelAdapterError(
        "navn_findes",
        `Excel afviste handlingen, fordi et ark eller navn allerede findes (${message}). Intet er ændret.`,
        code
      );
    case "AccessDenied":
    case "InvalidOperationInCellEditMode":
      if (code === "InvalidOperationInCellEditMode") {
        return new ExcelAdapterError(
          "excel",
          "Excel er i redigeringstilstand. Afslut redigeringen af cellen (tryk Enter eller Esc), og prøv igen.",
          code
        );
      }
      return sheet
        ? new ExcelAdapterError("ark_beskyttet", errors.sheetProtected(sheet).message, code)
        : new ExcelAdapterError(
            "ark_beskyttet",
            "Excel nægtede adgang: arket eller projektmappen er beskyttet. Ophæv beskyttelsen, og prøv igen.",
            code
          );
    case "ItemNotFound":
      return new ExcelAdapterError(
        "ikke_fundet",
        `Excel fandt ikke det, der skulle ændres (${message}).`,
        code
      );
    case "RequestPayloadSizeLimitExceeded":
      return new ExcelAdapterError(
        "for_stor",
        "Excel afviste en for stor forespørgsel. Prøv med færre filer ad gangen.",
        code
      );
    default:
      return new ExcelAdapterError("excel", `Excel afviste handlingen: ${message}`, code);
  }
}

/** Excel's rules for sheet names. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}
