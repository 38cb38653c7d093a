/**
 * The template catalogue's vocabulary. A template ("skabelon") is pure data: every sheet,
 * form, reader and validation rule is derived from a `TemplateDef`.
 * See ../shared/spec/templates.md for the ids and labels these definitions must carry.
 */

/** What a field holds. */
export type FieldKind =
  | "timer" // hours, decimal ≥ 0
  | "aarsvaerk" // full-time equivalents, decimal ≥ 0
  | "pct" // share of the block's total of the same year, 0–100
  | "antal" // count, integer ≥ 0
  | "kr" // Danish kroner, ≥ 0
  | "x" // a year ticked with "x"
  | "tekst"; // free text

export const NUMERIC_KINDS: readonly FieldKind[] = ["timer", "aarsvaerk", "pct", "antal", "kr"];

/** Danish unit text shown beside a field of each kind (forms, sheets, messages). */
export const KIND_UNIT: Record<FieldKind, string> = {
  timer: "timer",
  aarsvaerk: "årsværk",
  pct: "%",
  antal: "antal",
  kr: "kr.",
  x: "x",
  tekst: "",
};

/** One row of a block: the same question asked for each of the block's years. */
export interface RowDef {
  /** ASCII, lower case; the third part of the field id. */
  readonly id: string;
  /** The seed's Danish label, verbatim. */
  readonly label: string;
  readonly kind: FieldKind;
  /** Years for this row when they differ from the block's (e.g. mitid.pas). */
  readonly years?: readonly number[];
}

/** Which part of the Data page a block belongs to. */
export type BlockSection = "tid" | "volumen";

/** A table on the Data page: rows × years. */
export interface BlockDef {
  /** ASCII, lower case; the second part of the field id. */
  readonly id: string;
  /** Heading shown above the table (the seed's group label, e.g. "Ledere og ansatte på dagtilbud"). */
  readonly title: string;
  readonly section: BlockSection;
  readonly years: readonly number[];
  readonly rows: readonly RowDef[];
}

/** A free-text field (comment box). Id: `<template>.<id>`. */
export interface TextFieldDef {
  readonly id: string;
  readonly label: string;
}

/** One step of the task's process ("Opgavens proces"), with its concrete tasks. */
export interface ProcessStep {
  readonly title: string;
  readonly tasks: readonly string[];
}

/** The *Opgavens proces* page. */
export interface ProcessDef {
  readonly steps: readonly ProcessStep[];
  /** "Nedslagspunktets sporbarhed": which rule change, and when. */
  readonly sporbarhed: string;
  /** Optional description of the administrative burden. */
  readonly beskrivelse?: string;
}

/** A plausibility range kept as data (warnings, never errors). */
export interface PlausibilityRange {
  /** Human-readable id, e.g. "ukn_timer_pr_sag". */
  readonly id: string;
  /** Field pattern: `<block>.<row>` (any year) within this template. */
  readonly field: string;
  readonly min: number;
  readonly max: number;
  /**
   * Optional divisor, a field pattern `<block>.<row>` of the same template: when set, the value
   * checked against min–max is `field ÷ per` for the same year (e.g. hours per case), and the
   * check is skipped for a year where either is empty or the divisor is 0.
   */
  readonly per?: string;
  /** Danish explanation shown with the warning. */
  readonly message: string;
}

/** A complete template ("skabelon") for one nedslagspunkt. */
export interface TemplateDef {
  /** ASCII id, e.g. "ukn", "magt_voksen". First part of every field id. */
  readonly id: string;
  /** Full Danish name, e.g. "Ungdomskriminalitetsnævnet". */
  readonly name: string;
  /** Short Danish name used in sheet names (≤ 20 characters), e.g. "UKN". */
  readonly shortName: string;
  /** Område in the overview table, e.g. "Udsatte børn og unge". */
  readonly area: string;
  /** Nedslagspunkt this template feeds (magt_voksen and magt_aeldre both feed "magt"). */
  readonly nedslagspunkt: string;
  /** *Vejledning til udfyldelse*: numbered steps, in order. */
  readonly vejledning: readonly string[];
  /** *Opgavens proces*. */
  readonly proces: ProcessDef;
  /** The Data page's tables, in display order. */
  readonly blocks: readonly BlockDef[];
  /** Comment boxes (every template has `kommentarer` and `andet_byrde`). */
  readonly texts: readonly TextFieldDef[];
  /** Plausibility ranges for warnings. */
  readonly plausibility?: readonly PlausibilityRange[];
}

/** A resolved input field of a template: one cell in the workbook. */
export interface FieldDef {
  /** Global id: `<template>.<block>.<row>.<year>` or `<template>.<text>`. */
  readonly id: string;
  readonly template: string;
  readonly block?: string;
  readonly row?: string;
  readonly year?: number;
  readonly kind: FieldKind;
  readonly label: string;
}
