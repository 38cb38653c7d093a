/**
 * A loaded and checked survey pack: the model every stage of the pipeline works on
 * (layout → renderers; reader → validation → calculation → report). Built by load.ts from a
 * pack file (schema.ts); nothing here is specific to any one pack.
 */
import type { Node } from "../expr/ast";
import type { ColumnDef, FieldDef, TemplateDef } from "../catalogue/types";
import type { FieldKind } from "../kinds";
import type { MethodDef } from "../project/definitions";
import type { Pakke } from "./schema";

/** Who answers: Denmark's municipalities, or a pack's own list. */
export interface RespondentsDef {
  /** Singular and plural Danish noun ("kommune", "kommuner"). */
  readonly singular: string;
  /** The definite singular ("kommunen", "afsenderen"), for "kommunens navn". */
  readonly definite: string;
  readonly plural: string;
  /** Canonical names, in order. */
  readonly names: readonly string[];
  /** The 98 municipalities (names matched as municipality names, "Aarhus"/"Århus" etc.). */
  readonly municipalities: boolean;
  /** No fixed list: any name is a respondent (`names` is empty). */
  readonly free: boolean;
  /** Each return is one form computed on its own; a respondent may send many (not merged). */
  readonly separateForms: boolean;
  /** The label beside the respondent cell ("Anfør kommunenavn:"). */
  readonly label: string;
}

export interface SettingDef {
  readonly id: string;
  readonly name: string;
  readonly type: "tal" | "tekst" | "valg";
  readonly default: number | string;
  /** Where the default comes from. */
  readonly source: string;
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
}

export interface InputTableDef {
  readonly id: string;
  readonly name: string;
  /** national: {key: {column: value}}; pr_respondent: {respondent: {key: {column: value}}}. */
  readonly form: "national" | "pr_respondent";
  readonly description?: string;
  /** Declared keys with their names (a table may hold others; these are shown and checked). */
  readonly keys?: readonly { readonly key: string; readonly label: string }[];
  /** Key → field pattern (with `{år}`) in the respondent's own return, used when the table lacks the figure. */
  readonly defaults: Readonly<Record<string, string>>;
  /** pr_respondent: the table's respondents take part even without a return. */
  readonly respondents?: boolean;
  /** The pack's own figures for a national table (constants by key and year), used when none is given. */
  readonly standard?: Readonly<Record<string, number | Readonly<Record<string, number>>>>;
  /** Where the pack's own figures come from. */
  readonly source?: string;
}

/** A calculation written in the language: one value per respondent, or one in all. */
export interface ExprCalculation {
  readonly type: "udtryk";
  readonly id: string;
  readonly name: string;
  /** One value per respondent, one in all, or one per record of a list block (`records`). */
  readonly level: "respondent" | "samlet" | "post";
  readonly records?: { readonly template: string; readonly block: string };
  /** One value per element of this axis (`{element}` in the expression); named `id.element`. */
  readonly axis?: string;
  readonly expr: Node;
  readonly source: string;
  readonly format?: FieldKind;
}

/** The kl2024 projection building block: nedslagspunkter as data, run by project/engine.ts. */
export interface ProjectionCalculation {
  readonly type: "projektion";
  readonly id: string;
  readonly name: string;
  /** Input table ids. */
  readonly landstal: string;
  readonly kommunedata: string;
  readonly methods: readonly MethodDef[];
}

export type Calculation = ExprCalculation | ProjectionCalculation;

/** The rows of a report table. */
export type RowAxis =
  | { readonly kind: "blok"; readonly template: string; readonly block: string }
  | {
      readonly kind: "akse";
      readonly axis: string;
      /** Only these elements (in the axis's order). */
      readonly only?: readonly string[];
    }
  | {
      readonly kind: "respondenter";
      /** Only returns that hold this template. */
      readonly template?: string;
      /** Returns grouped by this value (one row per distinct value). */
      readonly by?: Node;
      readonly bySource?: string;
      readonly filter?: Node;
      readonly filterSource?: string;
    }
  | {
      readonly kind: "kryds";
      /** Two axes: a row per pair of elements, the first axis outermost; id "a.b". */
      readonly axes: readonly [string, string];
      readonly filter?: Node;
      readonly filterSource?: string;
    }
  | {
      readonly kind: "poster";
      readonly template: string;
      readonly block: string;
      readonly id?: Node;
      readonly idSource?: string;
      readonly filter?: Node;
      readonly filterSource?: string;
    }
  | {
      readonly kind: "grupper";
      readonly template: string;
      readonly block: string;
      /** The records are grouped by this value (one row per distinct value, in order). */
      readonly by: Node;
      readonly bySource: string;
      readonly filter?: Node;
      readonly filterSource?: string;
    };

export interface ReportColumnDef {
  readonly id: string;
  readonly title: string;
  readonly expr: Node;
  readonly source: string;
  readonly format?: FieldKind;
  /** "tekst": shown as a paragraph under the table instead of a column. */
  readonly display: "tabel" | "tekst";
  readonly total?: Node;
  readonly totalSource?: string;
  /**
   * The column is repeated: once per element of an axis (`{kolonne}`), or once per respondent
   * with a return (of `template`, when given), bound to that respondent. Each copy's id and
   * title are the element's or the respondent's.
   */
  readonly repeat?:
    | { readonly kind: "akse"; readonly axis: string }
    | { readonly kind: "respondenter"; readonly template?: string };
}

export interface ReportTableDef {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly note?: string;
  readonly rows: RowAxis;
  /** The heading over the rows' names (else the block's title, »Post« or the grouping). */
  readonly rowTitle?: string;
  readonly columns: readonly ReportColumnDef[];
  readonly total?: { readonly id: string; readonly title: string };
  /**
   * Charts of the table in the report: per number column, one column per row sorted ascending;
   * the row whose label is the setting `highlight`'s value in another colour.
   */
  readonly figure?: {
    readonly kind: "sorterede_soejler";
    readonly highlight?: string;
    readonly axisTitle?: string;
  };
}

/** Returns for several periods (years): the field that holds a return's period, and its name. */
export interface PeriodsDef {
  /** A whole-number field every return fills in with its period (e.g. the accounting year). */
  readonly field: string;
  /** What a period is called ("regnskabsår"; default "periode"). */
  readonly name: string;
}

export interface Pack {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly description?: string;
  readonly respondents: RespondentsDef;
  readonly axes: ReadonlyMap<string, readonly ColumnDef[]>;
  /** Returns carry a period; calculations are for the latest, FORRIGE(…) for the one before. */
  readonly periods?: PeriodsDef;
  readonly settings: readonly SettingDef[];
  readonly inputs: readonly InputTableDef[];
  readonly templates: readonly TemplateDef[];
  /** Every input field, by id. */
  readonly fields: ReadonlyMap<string, FieldDef>;
  /** Every derived cell (derived rows and columns), by id, with its formula. */
  readonly derived: ReadonlyMap<string, FieldDef>;
  readonly calculations: readonly Calculation[];
  readonly report: { readonly title?: string; readonly tables: readonly ReportTableDef[] };
  /** The pack file as loaded (what the task pane stores and `byrde pakke vis` prints). */
  readonly source: Pakke;
}

/** A problem found in a pack file: where (JSON path) and what (Danish). */
export interface PackProblem {
  readonly path: string;
  readonly message: string;
}
