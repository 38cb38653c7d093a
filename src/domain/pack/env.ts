/**
 * Where a pack's expressions get their values when evaluated in JavaScript: the returns (one
 * respondent's, or every respondent's as a list), the consultant's input tables, the settings and
 * the other calculations. Validation (condition rules), the calculations and the report tables
 * all evaluate through `makeEnv`, so a reference reads the same data everywhere.
 */
import type { Node } from "../expr/ast";
import type { FieldDef } from "../catalogue/types";
import { recordFieldId } from "../fieldId";
import {
  NOT_ASKED,
  evaluate,
  isList,
  missing,
  tom,
  val,
  type EvalEnv,
  type Result,
  type Scalar,
  type Value,
} from "../expr/evaluate";
import type { FieldValue } from "../model";
import { KINDS } from "../kinds";
import type { Pack } from "./model";
import {
  classifyRef,
  expandRef,
  perRespondent,
  type AxisCalcRef,
  type RefInstance,
  type RefTarget,
  type RefUniverse,
  type Variables,
} from "./refs";

/**
 * One respondent's parsed values (or one form's, when the pack computes each form on its own;
 * for one period, in a pack with periods).
 */
export interface RespondentData {
  readonly name: string;
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Unique among the data's respondents when one respondent sent several forms (else the name). */
  readonly key?: string;
  /** The templates the return(s) hold. */
  readonly templates?: readonly string[];
  /**
   * False for a respondent who is only in an input table marked `respondenter` (no return):
   * it has rows and is in every list, its fields are empty.
   */
  readonly returned?: boolean;
  /** The period (year) the values are for, in a pack with periods. */
  readonly period?: number;
}

/**
 * A respondent's key in caches and cell maps: a form's own key when one respondent sent several
 * forms, else the name, with the period where there is one.
 */
export function respondentKey(r: RespondentData): string {
  const base = r.key ?? r.name;
  return r.period === undefined ? base : `${base}|${r.period}`;
}

/** A figure for every column (a number) or by column ("2023": n). */
export type ByColumn = number | Readonly<Record<string, number>>;

/** `national`: key → figures; `pr_respondent`: respondent → key → figures. */
export type InputTable =
  Readonly<Record<string, ByColumn>> | Readonly<Record<string, Readonly<Record<string, ByColumn>>>>;

export interface DataContext {
  readonly pack: Pack;
  readonly respondents: readonly RespondentData[];
  /** Input tables by id (per-respondent tables keyed by canonical respondent name). */
  readonly inputs: Readonly<Record<string, InputTable | undefined>>;
  /** A setting's value (the default unless the consultant changed it). */
  readonly setting: (id: string) => Scalar | undefined;
  /**
   * A calculation's value: for one respondent, or (no respondent) a samlet value or the list
   * over respondents (over `group` when given); `element` picks the element of a calculation
   * over an axis.
   */
  readonly calculation?: (
    id: string,
    respondent?: RespondentData,
    element?: string,
    group?: readonly RespondentData[]
  ) => Value | undefined;
  /** The period these data are for, in a pack with periods. */
  readonly period?: number;
  /** The data of the period before (FORRIGE), in a pack with periods. */
  readonly previous?: DataContext;
}

export interface Binding {
  /** The respondent the expression is about (undefined: every respondent, as lists). */
  readonly respondent?: RespondentData;
  readonly vars?: Variables;
  /** Names local to the context (a table's other columns, a record's fields). */
  readonly names?: (name: string) => Value | undefined;
  /** Unbound: lists run over these respondents (a group of forms) instead of all. */
  readonly group?: readonly RespondentData[];
  /**
   * The binding inside FORRIGE(…): the respondent's return for the period before and the row's
   * constants (default: the same respondent's previous return, the same variables, no names).
   */
  readonly previous?: Binding;
}

const universes = new WeakMap<Pack, RefUniverse>();

export function universeOf(pack: Pack): RefUniverse {
  let u = universes.get(pack);
  if (!u) {
    u = {
      templates: new Map(pack.templates.map((t) => [t.id, t])),
      inputs: new Map(pack.inputs.map((t) => [t.id, t])),
      calculations: axisCalculations(pack),
    };
    universes.set(pack, u);
  }
  return u;
}

/** A pack's calculations over an axis, as references see them. */
export function axisCalculations(
  pack: Pick<Pack, "calculations" | "axes">
): Map<string, AxisCalcRef> {
  const out = new Map<string, AxisCalcRef>();
  for (const c of pack.calculations) {
    if (c.type !== "udtryk" || !c.axis || c.level === "post") continue;
    out.set(c.id, {
      id: c.id,
      axis: c.axis,
      elements: (pack.axes.get(c.axis) ?? []).map((e) => String(e.key)),
      level: c.level,
      type: c.format ? KINDS[c.format].exprType : "vilkaarlig",
    });
  }
  return out;
}

/**
 * Settings as placeholders in references (`enhed.{række}.udgift.{aar}`): their values by id.
 * The variables of the context (`{række}` …) take precedence.
 */
export function settingVariables(
  pack: Pack,
  setting: (id: string) => Scalar | undefined
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const s of pack.settings) {
    const v = setting(s.id);
    if (typeof v === "number" || typeof v === "string") out[s.id] = v;
  }
  return out;
}

const targets = new WeakMap<Node, RefTarget>();

/** The target of a (checked) reference node, worked out once per node. */
export function targetOfNode(pack: Pack, node: Extract<Node, { k: "ref" }>): RefTarget {
  let t = targets.get(node);
  if (!t) {
    const c = classifyRef(universeOf(pack), node.segments);
    if (typeof c === "string") throw new Error(`ukontrolleret reference: ${c}`);
    t = c;
    targets.set(node, t);
  }
  return t;
}

/** Whether a target spans a list within one respondent (a wildcard or a column range). */
export function spreadsWithin(t: RefTarget): boolean {
  return (
    (t.kind === "grid" &&
      (t.row.kind === "wild" || t.column.kind === "wild" || t.column.kind === "range")) ||
    (t.kind === "list" && t.record.kind === "wild") ||
    (t.kind === "input" && t.column.kind === "range") ||
    (t.kind === "calc" && t.element.kind === "wild")
  );
}

/** A figure of a ByColumn for a column. */
export function byColumn(v: ByColumn | undefined, column: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  const x = v[column];
  return typeof x === "number" && Number.isFinite(x) ? x : undefined;
}

export function fieldResult(v: FieldValue | undefined, id: string): Result {
  if (v === null || v === undefined || v === "") return missing(id);
  if (typeof v === "number" && !Number.isFinite(v)) return missing(id);
  return val(v);
}

const derivedCache = new WeakMap<RespondentData, Map<string, Result>>();

/**
 * A derived cell's value for one respondent: its expression over the respondent's own fields
 * (a record's other fields by name), as the template's formula computes it. Worked out once per
 * respondent.
 */
export function derivedValue(ctx: DataContext, f: FieldDef, r: RespondentData): Result {
  let m = derivedCache.get(r);
  if (!m) derivedCache.set(r, (m = new Map()));
  const hit = m.get(f.id);
  if (hit) return hit;
  m.set(f.id, tom(`${f.id} afhænger af sig selv`));
  const names =
    f.record !== undefined
      ? (name: string) => recordField(ctx, r, f.template, f.block!, f.record!, name)
      : undefined;
  const v = evaluate(
    f.derived!.expr,
    makeEnv(ctx, {
      respondent: r,
      ...(f.column !== undefined ? { vars: { kolonne: String(f.column) } } : {}),
      ...(names ? { names } : {}),
    })
  );
  const out: Result = isList(v)
    ? tom("en liste, hvor der forventes én værdi")
    : v.k === "ikke_spurgt"
      ? missing(f.id)
      : v;
  m.set(f.id, out);
  return out;
}

/**
 * A field of record `n` of a list block by its name in the block (input or derived), for one
 * respondent; undefined when the block has no such field.
 */
export function recordField(
  ctx: DataContext,
  r: RespondentData,
  template: string,
  block: string,
  n: number,
  field: string
): Result | undefined {
  const id = recordFieldId(template, block, n, field);
  const d = ctx.pack.derived.get(id);
  if (d) return derivedValue(ctx, d, r);
  if (!ctx.pack.fields.has(id)) return undefined;
  return fieldResult(r.values[id], id);
}

/** The value of one instance for one respondent. */
function instanceValue(ctx: DataContext, inst: RefInstance, r: RespondentData | undefined): Result {
  if (inst.kind === "field") {
    const d = ctx.pack.derived.get(inst.id);
    if (d) return r ? derivedValue(ctx, d, r) : missing(inst.id);
    if (!inst.exists) return NOT_ASKED;
    return r ? fieldResult(r.values[inst.id], inst.id) : missing(inst.id);
  }
  if (inst.kind === "calc") {
    const v = ctx.calculation?.(inst.id, r, inst.element);
    if (v === undefined) return missing(`${inst.id}.${inst.element}`);
    return isList(v) ? tom("en liste, hvor der forventes én værdi") : v;
  }
  const table = ctx.inputs[inst.table.id];
  const label = `${inst.table.name} »${inst.key}« ${inst.column}`;
  if (inst.table.form === "national") {
    const v = byColumn((table as Record<string, ByColumn> | undefined)?.[inst.key], inst.column);
    return v === undefined ? missing(label) : val(v);
  }
  if (!r) return missing(label);
  const own = (table as Record<string, Record<string, ByColumn>> | undefined)?.[r.name];
  const v = byColumn(own?.[inst.key], inst.column);
  if (v !== undefined) return val(v);
  const def = inst.table.defaults[inst.key];
  if (def) {
    const fv = r.values[def.replace("{år}", inst.column)];
    if (typeof fv === "number" && Number.isFinite(fv)) return val(fv);
  }
  return missing(`${label} (${r.name})`);
}

/** An evaluation environment for a pack's expressions over the data, bound as given. */
export function makeEnv(ctx: DataContext, bind: Binding = {}): EvalEnv {
  const vars = { ...settingVariables(ctx.pack, ctx.setting), ...(bind.vars ?? {}) };
  const hasField = (id: string) => ctx.pack.fields.has(id);
  const before = ctx.previous;
  return {
    ...(before
      ? {
          previous: () =>
            makeEnv(
              before,
              bind.previous ?? {
                ...(bind.respondent
                  ? { respondent: respondentIn(before, bind.respondent.name) }
                  : {}),
                vars,
              }
            ),
        }
      : {}),
    ref: (_segs, node) => {
      const t = targetOfNode(ctx.pack, node as Extract<Node, { k: "ref" }>);
      const insts = expandRef(t, vars, hasField);
      const within = spreadsWithin(t);
      if (perRespondent(t) && !bind.respondent) {
        const out: Result[] = [];
        for (const r of bind.group ?? ctx.respondents)
          for (const i of insts) out.push(instanceValue(ctx, i, r));
        return out;
      }
      const values = insts.map((i) => instanceValue(ctx, i, bind.respondent));
      return within ? values : (values[0] ?? NOT_ASKED);
    },
    name: (name) => {
      const local = bind.names?.(name);
      if (local !== undefined) return local;
      const calc = ctx.calculation?.(name, bind.respondent, undefined, bind.group);
      if (calc !== undefined) return calc;
      const s = ctx.setting(name);
      if (s !== undefined) return val(s);
      const v = vars[name];
      if (v !== undefined) return val(v);
      return missing(name);
    },
  };
}

/** A respondent's data in a period's context: its return, or no values when it sent none for that period. */
export function respondentIn(ctx: DataContext, name: string): RespondentData {
  return (
    ctx.respondents.find((r) => r.name === name) ?? {
      name,
      values: {},
      ...(ctx.period !== undefined ? { period: ctx.period } : {}),
    }
  );
}

/** A value as one result (a list where one value was expected is a defect of the checker). */
export function one(v: Value): Result {
  if (isList(v)) throw new Error("en liste, hvor der forventes én værdi");
  return v;
}
