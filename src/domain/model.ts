/**
 * Shared data shapes that flow between the layers: raw cells read from a workbook, findings,
 * and a municipality's return as validation and projection see it.
 */

export type Severity = "fejl" | "advarsel" | "info";

/** Where a value sits in a workbook, for messages like `UKN Data!C7`. */
export interface CellLocation {
  readonly sheet: string;
  /** A1 address, e.g. "C7". */
  readonly cell: string;
}

/** One problem or remark about a return, a file or a figure. Messages are Danish. */
export interface Finding {
  /** Rule id, e.g. "pct_sum", "negativ", "laest_via_etiketter". */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly field?: string;
  readonly location?: CellLocation;
  /** The value as it stood in the cell, before any reinterpretation. */
  readonly original?: unknown;
  readonly file?: string;
}

/** A cell as read from a workbook, before parsing. */
export interface RawCell {
  /** number | string | boolean | Date | null, as the workbook holds it. */
  readonly value: unknown;
  /** The cell's number format, e.g. "0%" (lets the parser read 0.25 in a percent cell as 25). */
  readonly numFmt?: string;
  readonly location?: CellLocation;
}

/** What a reader gets out of one returned workbook, before validation. */
export interface RawReturn {
  readonly file?: string;
  readonly meta: {
    /** Comma-separated template ids as stored in `meta.skabelon`. */
    readonly skabelon?: string;
    /** The pack the template was made from (`meta.pakke`); absent in returns made before packs existed. */
    readonly pakke?: string;
    readonly version?: number;
    readonly kommune?: string;
  };
  /** By global field id. Fields absent from the workbook are absent here. */
  readonly cells: Readonly<Record<string, RawCell>>;
  /** How the fields were found: by defined names, or by labels and year headers as a fallback. */
  readonly locatedBy: "navne" | "etiketter";
  /** Reader remarks (e.g. fell back to labels, older catalogue version). */
  readonly findings: readonly Finding[];
}

/**
 * A parsed value: a number for numeric kinds, "x" for a ticked year, a string for text,
 * null for an empty cell.
 */
export type FieldValue = number | string | null;

/** A municipality's return after parsing and validation: the input to the projection. */
export interface KommuneReturn {
  readonly kommune: string;
  /** The pack the return was read with. */
  readonly pakke?: string;
  /** Template ids the return covers. */
  readonly skabeloner: readonly string[];
  readonly version: number;
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly findings: readonly Finding[];
  readonly file?: string;
}
