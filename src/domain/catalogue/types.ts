/**
 * The survey model every stage works on: templates ("skabeloner") of blocks, rows, columns and
 * list records, with their rules. A survey pack (../pack) is the JSON source of it; the loader
 * turns a pack file into these types after checking it. Field ids: `<template>.<block>.<row>.<column>`
 * for a table block (the column a year such as 2023 or a key such as `mandag`),
 * `<template>.<block>.<n>.<field>` for record n of a list block, `<template>.<text>` for a text.
 */
import type { Node } from "../expr/ast";
import type { FieldKind } from "../kinds";
import type { Severity } from "../model";

export type { FieldKind } from "../kinds";
export { KIND_UNIT, NUMERIC_KINDS } from "../kinds";

/** A column key: a year (number) or a key such as "mandag" (string). */
export type ColumnKey = number | string;

export interface ColumnDef {
  readonly key: ColumnKey;
  /** The header users see ("2023", "Mandag"). */
  readonly label: string;
  /** Filled in by the consultant (e.g. a register count): a named, locked cell, not an input. */
  readonly locked?: boolean;
}

/** One answer of a `valg` field: `id` is what calculations see, `label` what users pick. */
export interface ChoiceDef {
  readonly id: string;
  readonly label: string;
}

/**
 * A derived cell's formula: an expression of the language over the template's own fields (a
 * record's other fields by name in a list block; `{kolonne}` is the column's key in a table
 * block). The template carries it as a live native formula; the engine evaluates the same tree.
 */
export interface DerivedDef {
  readonly expr: Node;
  readonly source: string;
}

/** One row of a table block: the same question asked in each of the block's columns. */
export interface RowDef {
  /** ASCII, lower case; the third part of the field id. */
  readonly id: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** Columns for this row when they differ from the block's (e.g. mitid.pas). */
  readonly columns?: readonly ColumnKey[];
  readonly choices?: readonly ChoiceDef[];
  /** A derived row: computed in each column, never filled in. */
  readonly derived?: DerivedDef;
}

/** Which part of the Data page a block belongs to (kl2024's time and volume tables). */
export type BlockSection = "tid" | "volumen";

/** A table on the Data page: rows × columns (years or keys). */
export interface GridBlockDef {
  readonly type: "tabel";
  /** ASCII, lower case; the second part of the field id. */
  readonly id: string;
  /** Heading shown above the table. */
  readonly title: string;
  readonly section?: BlockSection;
  /** A line shown above the rows (e.g. the pct rows' intro). */
  readonly intro?: string;
  /** "aar": the columns are years; "noegler": keyed labels (target groups, weekdays…). */
  readonly axis: "aar" | "noegler";
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly RowDef[];
}

/** A column of a list block's records. */
export interface ListFieldDef {
  readonly id: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly choices?: readonly ChoiceDef[];
  /** Column width in characters. */
  readonly width?: number;
  /** A derived column: computed from the record's other fields, never filled in. */
  readonly derived?: DerivedDef;
}

/** XLSForm's "repeat": up to `max` records (one per proposal, time slot, offer…). */
export interface ListBlockDef {
  readonly type: "liste";
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly max: number;
  readonly fields: readonly ListFieldDef[];
}

export type BlockDef = GridBlockDef | ListBlockDef;

export function isGrid(b: BlockDef): b is GridBlockDef {
  return b.type === "tabel";
}

export function isList(b: BlockDef): b is ListBlockDef {
  return b.type === "liste";
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
  readonly beskrivelse?: string;
}

/** A plausibility range kept as data (warnings, never errors). */
export interface PlausibilityRange {
  readonly id: string;
  /** `<block>.<row>` (any column) within this template. */
  readonly field: string;
  readonly min: number;
  readonly max: number;
  /** Divisor `<block>.<row>`: the value checked is `field ÷ per` in the same column. */
  readonly per?: string;
  readonly message: string;
}

/** `<block>.<row>` inside one template. */
export type FieldRef = string;

/** A named quantity: the sum of `add` minus the sum of `sub`, all in the same column. */
export interface Operand {
  /** Short Danish name for messages, e.g. "sager i alt". */
  readonly name: string;
  readonly add: readonly FieldRef[];
  readonly sub?: readonly FieldRef[];
}

interface RuleBase {
  /** Rule id: the finding's `rule`. Unique across the pack. */
  readonly id: string;
  readonly severity: Severity;
  /** The rule in one Danish sentence, shown first in every finding it produces. */
  readonly message: string;
  /** Only these columns (default: every column in which all the rule's fields exist). */
  readonly columns?: readonly ColumnKey[];
}

/** `terms` must equal `total` (checked when every field of both is filled in). */
export interface SumEqualsRule extends RuleBase {
  readonly kind: "sumEquals";
  readonly terms: Operand;
  readonly total: Operand;
  readonly tolerance?: number;
}

/** chain[0] ≤ chain[1] ≤ …, pair by pair (a partly filled left side is already a lower bound). */
export interface LessOrEqualChainRule extends RuleBase {
  readonly kind: "lessOrEqualChain";
  readonly chain: readonly Operand[];
}

/** A column is ticked with x exactly when `count` > 0. */
export interface TickIffPositiveRule extends RuleBase {
  readonly kind: "tickIffPositive";
  readonly tick: FieldRef;
  readonly count: Operand;
}

/** Hours given for a column need a volume above 0, and a volume above 0 needs hours. */
export interface RequiresVolumeRule extends RuleBase {
  readonly kind: "requiresVolume";
  readonly hours: Operand;
  readonly volume: Operand;
}

/** An expression that must be true (once per return, or for each filled record of a list). */
export interface ConditionRule extends RuleBase {
  readonly kind: "condition";
  readonly expr: Node;
  readonly source: string;
  /** The field the finding points at: a full field id, or a record field's id. */
  readonly field: string;
  /** `<block>` of a list block: the rule holds for each filled record. */
  readonly records?: string;
  /** `<block>` of a table block: the rule holds for each row; `{række}` is the row's id in the expression and `field`. */
  readonly rows?: string;
}

/** A record field must not hold the same value twice among the filled records. */
export interface UniqueRule extends RuleBase {
  readonly kind: "unique";
  readonly records: string;
  readonly field: string;
}

/**
 * The records of one or more list blocks (intervals from `from` to `to`) must not overlap. Clock
 * times wrap past midnight on a 24-hour circle; dates count both days.
 */
export interface OverlapRule extends RuleBase {
  readonly kind: "overlap";
  /** `<block>` ids of list blocks of the same template. */
  readonly records: readonly string[];
  readonly from: string;
  readonly to: string;
}

export type RuleDef =
  | OverlapRule
  | SumEqualsRule
  | LessOrEqualChainRule
  | TickIffPositiveRule
  | RequiresVolumeRule
  | ConditionRule
  | UniqueRule;

/** A complete template ("skabelon"). */
export interface TemplateDef {
  /** ASCII id, e.g. "ukn". First part of every field id. */
  readonly id: string;
  /** Full Danish name. */
  readonly name: string;
  /** Short Danish name used in sheet names (≤ 20 characters). */
  readonly shortName: string;
  /** Forvaltningsområde, when the pack gives one. */
  readonly area?: string;
  /** *Vejledning til udfyldelse*: numbered steps (empty: no guide sheet). */
  readonly vejledning: readonly string[];
  /** *Opgavens proces* (absent: no process sheet). */
  readonly proces?: ProcessDef;
  /** The Data page's blocks, in display order. */
  readonly blocks: readonly BlockDef[];
  readonly texts: readonly TextFieldDef[];
  readonly plausibility?: readonly PlausibilityRange[];
  readonly rules: readonly RuleDef[];
}

/** A resolved input field of a template: one cell in the workbook. */
export interface FieldDef {
  /** Global id (see the file comment). */
  readonly id: string;
  readonly template: string;
  readonly block?: string;
  /** The row of a table block. */
  readonly row?: string;
  /** The column key of a table block. */
  readonly column?: ColumnKey;
  /** The column's header label ("2023", "Mandag"). */
  readonly columnLabel?: string;
  /** The column key when the block's columns are years. */
  readonly year?: number;
  /** Record number (1-based) of a list block. */
  readonly record?: number;
  /** The record field of a list block. */
  readonly listField?: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly choices?: readonly ChoiceDef[];
  /** A derived cell (see `derivedFieldsOfTemplate`): its formula. Input fields have none. */
  readonly derived?: DerivedDef;
}
