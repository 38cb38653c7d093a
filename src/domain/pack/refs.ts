/**
 * What a dotted reference in a pack's expression points at, worked out once from the pack's
 * templates and input tables: a template field (table block cell, list record field, text) or an
 * input table's figure, and which of its positions are fixed, variables or lists. The checker,
 * the evaluator and the Excel compiler all go through `classifyRef`, so a reference means the
 * same thing everywhere.
 */
import { segmentText, type Segment } from "../expr/ast";
import type { ScalarType } from "../expr/check";
import type { GridBlockDef, ListBlockDef, TemplateDef } from "../catalogue/types";
import { KINDS } from "../kinds";
import type { InputTableDef } from "./model";

export type RefTarget =
  | {
      readonly kind: "grid";
      readonly template: TemplateDef;
      readonly block: GridBlockDef;
      readonly row: Segment;
      readonly column: Segment;
    }
  | {
      readonly kind: "list";
      readonly template: TemplateDef;
      readonly block: ListBlockDef;
      readonly record: Segment;
      readonly field: string;
    }
  | { readonly kind: "text"; readonly template: TemplateDef; readonly text: string }
  | {
      readonly kind: "input";
      readonly table: InputTableDef;
      readonly key: readonly Segment[];
      readonly column: Segment;
    }
  | { readonly kind: "calc"; readonly calc: AxisCalcRef; readonly element: Segment };

/** A calculation with one value per element of an axis (`enhedsudgift.{række}`). */
export interface AxisCalcRef {
  readonly id: string;
  readonly axis: string;
  /** The axis's element ids, in order. */
  readonly elements: readonly string[];
  readonly level: "respondent" | "samlet";
  readonly type: ScalarType;
}

/** The parts of a pack references can point at. */
export interface RefUniverse {
  readonly templates: ReadonlyMap<string, TemplateDef>;
  readonly inputs: ReadonlyMap<string, InputTableDef>;
  /** Calculations over an axis, named `beregning.element`. */
  readonly calculations?: ReadonlyMap<string, AxisCalcRef>;
}

/** What a variable may hold, for checking placeholders (undefined values: any). */
export interface VariableInfo {
  readonly values?: ReadonlySet<string>;
}

const isIdSeg = (s: Segment): s is { kind: "id"; text: string } => s.kind === "id";

/** Which template field or input figure a reference names, or a Danish reason it names none. */
export function classifyRef(u: RefUniverse, segs: readonly Segment[]): RefTarget | string {
  const head = segs[0];
  if (!isIdSeg(head)) return "en reference begynder med en skabelons eller en inddatatabels id";
  const t = u.templates.get(head.text);
  if (t) {
    if (segs.length === 2) {
      const s = segs[1];
      if (!isIdSeg(s)) return `»${segmentText(s)}« kan ikke stå her`;
      const tx = t.texts.find((x) => x.id === s.text);
      if (!tx) return `skabelonen »${t.id}« har intet tekstfelt »${s.text}«`;
      return { kind: "text", template: t, text: tx.id };
    }
    if (segs.length !== 4)
      return `en feltreference har fire dele (skabelon.blok.række.kolonne), men »${segs.map(segmentText).join(".")}« har ${segs.length}`;
    const bs = segs[1];
    if (!isIdSeg(bs)) return "blokken skal nævnes ved sit id";
    const b = t.blocks.find((x) => x.id === bs.text);
    if (!b) return `skabelonen »${t.id}« har ingen blok »${bs.text}«`;
    if (b.type === "tabel")
      return { kind: "grid", template: t, block: b, row: segs[2], column: segs[3] };
    const fs = segs[3];
    if (!isIdSeg(fs)) return "feltet i en post skal nævnes ved sit id";
    if (!b.fields.some((f) => f.id === fs.text))
      return `listeblokken »${t.id}.${b.id}« har intet felt »${fs.text}«`;
    return { kind: "list", template: t, block: b, record: segs[2], field: fs.text };
  }
  const table = u.inputs.get(head.text);
  if (table) {
    if (segs.length < 3)
      return `en reference til inddata »${table.id}« har formen ${table.id}.nøgle.kolonne`;
    return { kind: "input", table, key: segs.slice(1, -1), column: segs[segs.length - 1] };
  }
  const calc = u.calculations?.get(head.text);
  if (calc) {
    if (segs.length !== 2)
      return `beregningen »${calc.id}« har en værdi pr. element i aksen »${calc.axis}« og nævnes ${calc.id}.element (fx ${calc.id}.{række} eller ${calc.id}.*)`;
    return { kind: "calc", calc, element: segs[1] };
  }
  return `»${head.text}« er hverken en skabelon, en inddatatabel eller en beregning over en akse i pakken`;
}

/** The scalar type a target's values have. */
export function targetType(t: RefTarget): ScalarType {
  switch (t.kind) {
    case "grid": {
      const rows =
        t.row.kind === "id"
          ? t.block.rows.filter((r) => r.id === (t.row as { text: string }).text)
          : t.block.rows;
      const types = new Set(rows.map((r) => KINDS[r.kind].exprType));
      return types.size === 1 ? [...types][0] : "vilkaarlig";
    }
    case "list":
      return KINDS[t.block.fields.find((f) => f.id === t.field)!.kind].exprType;
    case "text":
      return "tekst";
    case "input":
      return "tal";
    case "calc":
      return t.calc.type;
  }
}

/** Danish name of the list a wildcard position spans. */
export function wildDomain(t: RefTarget): string | undefined {
  switch (t.kind) {
    case "grid": {
      const rows = t.row.kind === "wild";
      const cols = t.column.kind === "wild" || t.column.kind === "range";
      const name = `${t.template.id}.${t.block.id}`;
      if (rows && cols) return `cellerne i ${name}`;
      if (rows) return `rækkerne i ${name}`;
      if (cols) return `kolonnerne i ${name}`;
      return undefined;
    }
    case "list":
      return t.record.kind === "wild" ? `posterne i ${t.template.id}.${t.block.id}` : undefined;
    case "text":
      return undefined;
    case "input":
      return t.column.kind === "wild" ||
        t.column.kind === "range" ||
        t.key.some((k) => k.kind === "wild")
        ? `kolonnerne i ${t.table.id}`
        : undefined;
    case "calc":
      return t.element.kind === "wild" ? `elementerne i aksen ${t.calc.axis}` : undefined;
  }
}

/** Whether the target differs per respondent (a field, or a per-respondent input table). */
export function perRespondent(t: RefTarget): boolean {
  if (t.kind === "calc") return t.calc.level === "respondent";
  return t.kind !== "input" || t.table.form === "pr_respondent";
}

/**
 * Checks the positions of a target: literal rows, columns and record numbers exist, variables are
 * known (and can take a value that exists), ranges run between existing columns.
 */
export function checkTargetPositions(
  t: RefTarget,
  variables: ReadonlyMap<string, VariableInfo>
): string | undefined {
  const varProblem = (s: Segment, valid: ReadonlySet<string>, what: string): string | undefined => {
    if (s.kind !== "var") return undefined;
    const v = variables.get(s.name);
    if (!v) return `variablen {${s.name}} findes ikke her`;
    if (v.values && ![...v.values].some((x) => valid.has(x)))
      return `{${s.name}} kan aldrig være ${what}`;
    return undefined;
  };
  if (t.kind === "grid") {
    const rowIds = new Set(t.block.rows.map((r) => r.id));
    const colKeys = new Set(t.block.columns.map((c) => String(c.key)));
    const name = `${t.template.id}.${t.block.id}`;
    if (t.row.kind === "id" && !rowIds.has(t.row.text))
      return `blokken »${name}« har ingen række »${t.row.text}«`;
    if (t.row.kind === "range") return "rækker kan ikke angives som et interval";
    const rp = varProblem(t.row, rowIds, `en række i »${name}«`);
    if (rp) return rp;
    const colCheck = (s: Segment): string | undefined => {
      if (s.kind === "id" && !colKeys.has(s.text))
        return `blokken »${name}« har ingen kolonne »${s.text}« (kolonnerne er ${[...colKeys].join(", ")})`;
      return varProblem(s, colKeys, `en kolonne i »${name}«`);
    };
    if (t.column.kind === "range") return colCheck(t.column.from) ?? colCheck(t.column.to);
    return colCheck(t.column);
  }
  if (t.kind === "list") {
    const name = `${t.template.id}.${t.block.id}`;
    if (t.record.kind === "id") {
      const n = Number(t.record.text);
      if (!Number.isInteger(n) || n < 1 || n > t.block.max)
        return `en post i »${name}« nævnes ved sit nummer 1–${t.block.max} eller *`;
    }
    if (t.record.kind === "range") return "poster kan ikke angives som et interval";
    if (t.record.kind === "var")
      return varProblem(
        t.record,
        new Set(Array.from({ length: t.block.max }, (_, i) => String(i + 1))),
        `en post i »${name}«`
      );
    return undefined;
  }
  if (t.kind === "calc") {
    const e = t.element;
    const elements = new Set(t.calc.elements);
    if (e.kind === "id" && !elements.has(e.text))
      return `aksen »${t.calc.axis}« har intet element »${e.text}« (elementerne er ${t.calc.elements.join(", ")})`;
    if (e.kind === "range") return "elementer kan ikke angives som et interval";
    return varProblem(e, elements, `et element i aksen »${t.calc.axis}«`);
  }
  if (t.kind === "input") {
    const declared = t.table.keys ? new Set(t.table.keys.map((k) => k.key)) : undefined;
    if (t.key.every((k) => k.kind === "id") && declared) {
      const key = t.key.map((k) => (k as { text: string }).text).join(".");
      if (!declared.has(key))
        return `inddata »${t.table.id}« har ingen nøgle »${key}« (nøglerne er ${[...declared].join(", ")})`;
    }
    for (const k of t.key) {
      if (k.kind === "var" && !variables.has(k.name))
        return `variablen {${k.name}} findes ikke her`;
    }
    const c = t.column;
    if (c.kind === "wild")
      return `kolonnen i inddata »${t.table.id}« skal nævnes (eller angives som et interval, fx 2020:{år})`;
    for (const s of c.kind === "range" ? [c.from, c.to] : [c]) {
      if (s.kind === "var" && !variables.has(s.name))
        return `variablen {${s.name}} findes ikke her`;
    }
  }
  return undefined;
}

/** One concrete thing a reference names once its variables have values and its lists are spread. */
export type RefInstance =
  | { readonly kind: "field"; readonly id: string; readonly exists: boolean }
  | {
      readonly kind: "input";
      readonly table: InputTableDef;
      readonly key: string;
      readonly column: string;
    }
  | { readonly kind: "calc"; readonly id: string; readonly element: string };

/** Values of the variables in scope (`{år}`, `{række}` …). */
export type Variables = Readonly<Record<string, string | number>>;

function subst(s: Segment, vars: Variables): string | undefined {
  if (s.kind === "id") return s.text;
  if (s.kind === "var") {
    const v = vars[s.name];
    return v === undefined ? undefined : String(v);
  }
  return undefined;
}

/** Keys from `from` to `to` (inclusive) in the order of `keys`; numbers compare as numbers. */
function rangeKeys(keys: readonly string[], from: string, to: string): string[] {
  const numeric =
    keys.every((k) => /^-?\d+$/.test(k)) && /^-?\d+$/.test(from) && /^-?\d+$/.test(to);
  if (numeric) {
    const lo = Number(from);
    const hi = Number(to);
    const out = keys.filter((k) => Number(k) >= lo && Number(k) <= hi);
    // Years outside the block (e.g. before it starts) are not asked; they still count as positions.
    const all: string[] = [];
    for (let y = lo; y <= hi; y++) all.push(String(y));
    return all.length <= 400 ? all : out;
  }
  const i = keys.indexOf(from);
  const j = keys.indexOf(to);
  if (i < 0 || j < 0) return [];
  return keys.slice(Math.min(i, j), Math.max(i, j) + 1);
}

function positions(s: Segment, all: readonly string[], vars: Variables): string[] {
  switch (s.kind) {
    case "wild":
      return [...all];
    case "range": {
      const from = subst(s.from, vars);
      const to = subst(s.to, vars);
      return from === undefined || to === undefined ? [] : rangeKeys(all, from, to);
    }
    default: {
      const v = subst(s, vars);
      return v === undefined ? [] : [v];
    }
  }
}

/**
 * The concrete fields or input figures a reference names with these variable values, in order
 * (rows, then columns; records in number order). A field the template does not ask for (a year
 * before the row existed, a row the block lacks) comes back with `exists: false`.
 */
export function expandRef(
  t: RefTarget,
  vars: Variables,
  hasField: (id: string) => boolean
): RefInstance[] {
  const field = (id: string): RefInstance => ({ kind: "field", id, exists: hasField(id) });
  switch (t.kind) {
    case "text":
      return [field(`${t.template.id}.${t.text}`)];
    case "grid": {
      const rows = positions(
        t.row,
        t.block.rows.map((r) => r.id),
        vars
      );
      const cols = positions(
        t.column,
        t.block.columns.map((c) => String(c.key)),
        vars
      );
      const out: RefInstance[] = [];
      for (const r of rows)
        for (const c of cols) out.push(field(`${t.template.id}.${t.block.id}.${r}.${c}`));
      return out;
    }
    case "list": {
      const all = Array.from({ length: t.block.max }, (_, i) => String(i + 1));
      return positions(t.record, all, vars).map((n) =>
        field(`${t.template.id}.${t.block.id}.${n}.${t.field}`)
      );
    }
    case "input": {
      const keyParts = t.key.map((k) => subst(k, vars));
      if (keyParts.some((k) => k === undefined)) return [];
      const key = keyParts.join(".");
      const cols = positions(t.column, [], vars);
      return cols.map((column) => ({ kind: "input", table: t.table, key, column }));
    }
    case "calc":
      return positions(t.element, t.calc.elements, vars).map((element) => ({
        kind: "calc",
        id: t.calc.id,
        element,
      }));
  }
}
