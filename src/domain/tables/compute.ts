/**
 * The calculations and report tables of any pack, in JavaScript: returns (merged per respondent)
 * + input tables + settings → every calculation and every table row and column, with
 * "kan ikke beregnes" and its reason where a value cannot be computed. The same trees compile to
 * native Excel formulas in the report workbook (report.ts); a LibreOffice test holds the two equal.
 */
import type { Node } from "../expr/ast";
import {
  evaluate,
  isList,
  reasonText,
  tom,
  val,
  type Result,
  type Scalar,
  type Value,
} from "../expr/evaluate";
import { recordFieldId } from "../fieldId";
import type { FieldValue, KommuneReturn } from "../model";
import {
  fieldResult,
  makeEnv,
  recordField,
  respondentIn,
  respondentKey,
  type Binding,
  type DataContext,
  type InputTable,
  type RespondentData,
} from "../pack/env";
import type { ListBlockDef } from "../catalogue/types";
import type { ExprCalculation, Pack, ReportColumnDef, ReportTableDef } from "../pack/model";
import { canonicalRespondent, findRespondent } from "../pack/respondents";
import { usableReturns } from "../validate/batch";
import { periodOf } from "../pack/period";
import { formatDanishNumber } from "../parse/number";
import { remembered } from "../memo";

export interface TablesInput {
  readonly pack: Pack;
  readonly returns: readonly KommuneReturn[];
  /** Input tables by id (per-respondent tables with names as written; they are matched here). */
  readonly inputs?: Readonly<Record<string, InputTable>>;
  /** Settings the consultant changed (the rest keep the pack's defaults). */
  readonly settings?: Readonly<Record<string, Scalar>>;
}

/** One row of a report table: where it comes from, and every column's value. */
export interface TableRow {
  readonly id: string;
  readonly label: string;
  /** The binding the row's expressions were evaluated with (the report compiles the same). */
  readonly binding: RowBinding;
  readonly values: Readonly<Record<string, Result>>;
}

/** One record of a list block: whose, and its number. */
export interface RecordRef {
  readonly respondent: RespondentData;
  readonly n: number;
}

/** What a row is about: a block row or axis element (`key`), a respondent, a record, or a group of records. */
export interface RowBinding {
  readonly key?: string;
  /** A row of two crossed axes: each axis id → the row's element of it. */
  readonly parts?: Readonly<Record<string, string>>;
  readonly respondent?: RespondentData;
  readonly record?: number;
  readonly group?: readonly RecordRef[];
  /** A group of respondents' forms (respondenter grouped `efter` a value). */
  readonly units?: readonly RespondentData[];
}

/**
 * A column as computed: the pack's column, or one copy of a repeated column (one per axis
 * element, or per respondent) with its own id, title and binding.
 */
export interface TableColumn {
  readonly id: string;
  readonly title: string;
  readonly def: ReportColumnDef;
  /** A repeated column's axis element (`{kolonne}`). */
  readonly element?: string;
  /** A repeated column's respondent. */
  readonly respondent?: RespondentData;
}

export interface TableResult {
  readonly def: ReportTableDef;
  /** The columns in order, repeated columns expanded. */
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly total?: TableRow;
}

export interface TablesResult {
  readonly pack: Pack;
  /** Respondents with a return, merged, in the pack's order (unknown names are left out). */
  readonly respondents: readonly RespondentData[];
  /** In a pack with periods: the latest period among the returns and the one before it. */
  readonly periods?: { readonly current: number; readonly previous: number };
  /** In a pack with periods: the respondents' returns for the period before (FORRIGE). */
  readonly previousRespondents?: readonly RespondentData[];
  readonly inputs: Readonly<Record<string, InputTable>>;
  readonly settings: Readonly<Record<string, Scalar>>;
  /** By calculation id (`id.element` for a calculation over an axis). */
  readonly calculations: {
    readonly respondent: ReadonlyMap<string, ReadonlyMap<string, Result>>;
    readonly samlet: ReadonlyMap<string, Result>;
    /** The same for the period before, in a pack with periods. */
    readonly previous?: {
      readonly respondent: ReadonlyMap<string, ReadonlyMap<string, Result>>;
      readonly samlet: ReadonlyMap<string, Result>;
    };
  };
  readonly tables: readonly TableResult[];
  /** Danish remarks for the log (left-out respondents, merged duplicates …). */
  readonly log: readonly string[];
}

/**
 * Respondents' names in the pack's order (the list's order; without a fixed list, alphabetical).
 */
function respondentOrder(pack: Pack): (a: string, b: string) => number {
  const order = new Map(pack.respondents.names.map((n, i) => [n, i]));
  return (a, b) =>
    (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) ||
    (pack.respondents.free ? a.localeCompare(b, "da") : 0);
}

/**
 * Returns merged per respondent (canonical names, the pack's order); unknown respondents left
 * out. When the pack computes each form on its own (`separateForms`), every return stays a unit
 * of its own (key `navn#n`), in the respondents' order and then the returns' order.
 */
export function mergeByRespondent(
  pack: Pack,
  returns: readonly KommuneReturn[],
  log: string[] = [],
  period?: number
): RespondentData[] {
  const by = new Map<string, Record<string, FieldValue>>();
  const templates = new Map<string, Set<string>>();
  const forms: {
    name: string;
    values: Readonly<Record<string, FieldValue>>;
    templates: readonly string[];
  }[] = [];
  // Without a fixed list, names that differ only in case are one respondent (first spelling).
  const spelling = new Map<string, string>();
  for (const r of returns) {
    const written = findRespondent(pack.respondents, r.kommune);
    const lower = written?.toLocaleLowerCase("da");
    if (lower && !spelling.has(lower)) spelling.set(lower, written!);
    const name = lower ? spelling.get(lower) : undefined;
    if (!name) {
      log.push(
        `${r.kommune ? `»${r.kommune}«` : "En indberetning uden navn"}${r.file ? ` (${r.file})` : ""} er ikke på pakkens liste over ${pack.respondents.plural} og indgår ikke i beregningerne.`
      );
      continue;
    }
    if (pack.respondents.separateForms) {
      forms.push({ name, values: r.values, templates: r.skabeloner });
      continue;
    }
    const ts = templates.get(name) ?? new Set<string>();
    for (const t of r.skabeloner) ts.add(t);
    templates.set(name, ts);
    const values = by.get(name) ?? {};
    for (const [id, v] of Object.entries(r.values)) {
      if (v === null || v === undefined) {
        if (!(id in values)) values[id] = null;
        continue;
      }
      const prev = values[id];
      if (prev !== null && prev !== undefined && prev !== v)
        log.push(
          `${name}: ${id} findes i flere filer (${typeof prev === "number" ? formatDanishNumber(prev) : prev} og ${typeof v === "number" ? formatDanishNumber(v) : v}); den sidste er brugt.`
        );
      values[id] = v;
    }
    by.set(name, values);
  }
  const byOrder = respondentOrder(pack);
  if (pack.respondents.separateForms) {
    const count = new Map<string, number>();
    return forms
      .map((f, i) => ({ f, i }))
      .sort((a, b) => byOrder(a.f.name, b.f.name) || a.i - b.i)
      .map(({ f }) => {
        const n = (count.get(f.name) ?? 0) + 1;
        count.set(f.name, n);
        return {
          name: f.name,
          key: `${f.name}#${n}`,
          values: f.values,
          returned: true,
          templates: f.templates,
        };
      });
  }
  return [...by.entries()]
    .sort((a, b) => byOrder(a[0], b[0]))
    .map(([name, values]) => ({
      name,
      values,
      returned: true,
      templates: [...(templates.get(name) ?? [])],
      ...(period !== undefined ? { period } : {}),
    }));
}

/**
 * The respondents a computation spans: those with a return, and those in an input table marked
 * `respondenter` (without a return: no values), in the pack's order.
 */
export function respondentsOf(
  pack: Pack,
  withReturns: readonly RespondentData[],
  inputs: Readonly<Record<string, InputTable>>
): RespondentData[] {
  // Several forms of one respondent (flere_skemaer) all stay; the sort keeps their order.
  const out = [...withReturns];
  const named = new Set(withReturns.map((r) => r.name));
  for (const t of pack.inputs) {
    if (!t.respondents || t.form !== "pr_respondent") continue;
    for (const name of Object.keys(inputs[t.id] ?? {}))
      if (!named.has(name)) {
        named.add(name);
        out.push({ name, values: {}, returned: false });
      }
  }
  const byOrder = respondentOrder(pack);
  return out.sort((a, b) => byOrder(a.name, b.name));
}

/** Whether a respondent returned any field of a template. */
export function returnedTemplate(r: RespondentData, template: string): boolean {
  const prefix = `${template}.`;
  return Object.entries(r.values).some(
    ([id, v]) => id.startsWith(prefix) && v !== null && v !== undefined && v !== ""
  );
}

/** The copies of a table's columns: a repeated column once per axis element or respondent. */
export function expandColumns(
  pack: Pack,
  t: ReportTableDef,
  respondents: readonly RespondentData[]
): TableColumn[] {
  const out: TableColumn[] = [];
  for (const c of t.columns) {
    const r = c.repeat;
    if (!r) out.push({ id: c.id, title: c.title, def: c });
    else if (r.kind === "akse")
      for (const e of pack.axes.get(r.axis) ?? [])
        out.push({ id: String(e.key), title: e.label, def: c, element: String(e.key) });
    else
      for (const x of respondents) {
        if (r.template ? !returnedTemplate(x, r.template) : x.returned === false) continue;
        out.push({ id: x.name, title: x.name, def: c, respondent: x });
      }
  }
  return out;
}

export { periodOf };

/**
 * In a pack with periods: the returns of the latest period and of the one before it; returns
 * without a period or for other periods are left out, with a remark.
 */
export function splitByPeriod(
  pack: Pack,
  returns: readonly KommuneReturn[],
  log: string[] = []
): {
  readonly current?: number;
  readonly now: KommuneReturn[];
  readonly before: KommuneReturn[];
} {
  const def = pack.periods!;
  const who = (r: KommuneReturn) =>
    `${r.kommune ? `»${r.kommune}«` : "En indberetning uden navn"}${r.file ? ` (${r.file})` : ""}`;
  const dated = returns.filter((r) => {
    if (periodOf(pack, r) !== undefined) return true;
    log.push(
      `${who(r)} har intet ${def.name} (feltet ${def.field}) og indgår ikke i beregningerne.`
    );
    return false;
  });
  if (dated.length === 0) return { now: [], before: [] };
  const current = Math.max(...dated.map((r) => periodOf(pack, r)!));
  const now: KommuneReturn[] = [];
  const before: KommuneReturn[] = [];
  for (const r of dated) {
    const p = periodOf(pack, r)!;
    if (p === current) now.push(r);
    else if (p === current - 1) before.push(r);
    else
      log.push(
        `${who(r)} er for ${def.name} ${p}; beregningerne gælder ${current} og ${current - 1}, så den indgår ikke.`
      );
  }
  return { current, now, before };
}

/** Input tables (the pack's own figures where none is given), per-respondent ones re-keyed by canonical respondent name. */
export function canonicalInputs(
  pack: Pack,
  inputs: Readonly<Record<string, InputTable>> | undefined
): Record<string, InputTable> {
  const out: Record<string, InputTable> = {};
  for (const t of pack.inputs) {
    const data = inputs?.[t.id] ?? t.standard;
    if (!data) continue;
    if (t.form === "national") out[t.id] = data;
    else
      out[t.id] = Object.fromEntries(
        Object.entries(data).map(([k, v]) => [canonicalRespondent(pack.respondents, k), v])
      ) as InputTable;
  }
  return out;
}

/** Every setting's value: the consultant's where given, else the pack's default. */
export function resolveSettings(
  pack: Pack,
  given: Readonly<Record<string, Scalar>> | undefined
): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const s of pack.settings) out[s.id] = given?.[s.id] ?? s.default;
  return out;
}

/** A compact result for a row record: a value, or tom with its reason. */
function asResult(v: Value): Result {
  if (isList(v)) return tom("en liste, hvor der forventes én værdi");
  return v.k === "ikke_spurgt" ? tom("spørges ikke") : v;
}

/** One period's respondents and data (every pack has one; a pack with periods also the one before). */
interface PeriodView {
  readonly period?: number;
  readonly respondents: readonly RespondentData[];
  readonly data: DataContext;
  readonly samlet: Map<string, Result>;
  readonly active: Set<string>;
}

export { respondentKey };

class Calculator {
  readonly log: string[] = [];
  readonly respondents: readonly RespondentData[];
  readonly data: DataContext;
  readonly now: PeriodView;
  readonly before?: PeriodView;
  private readonly respCache = new Map<string, Map<string, Result>>();
  readonly settings: Record<string, Scalar>;
  readonly inputs: Record<string, InputTable>;

  constructor(readonly input: TablesInput) {
    const pack = input.pack;
    this.settings = resolveSettings(pack, input.settings);
    this.inputs = canonicalInputs(pack, input.inputs);
    const view = (
      respondents: readonly RespondentData[],
      period: number | undefined,
      previous?: PeriodView
    ): PeriodView => {
      const v: PeriodView = {
        ...(period !== undefined ? { period } : {}),
        respondents,
        samlet: new Map(),
        active: new Set(),
        data: {
          pack,
          respondents,
          inputs: this.inputs,
          setting: (id) => this.settings[id],
          calculation: (id, r, element, group) => this.calculation(id, r, element, v, group),
          ...(period !== undefined ? { period } : {}),
          ...(previous ? { previous: previous.data } : {}),
        },
      };
      return v;
    };
    // Unknown respondents and unresolved conflicts never enter a figure (validate/batch.ts).
    const usable = usableReturns(pack, input.returns, this.log);
    if (pack.periods) {
      const split = splitByPeriod(pack, usable, this.log);
      const c = split.current;
      if (c !== undefined)
        this.before = view(mergeByRespondent(pack, split.before, this.log, c - 1), c - 1);
      this.now = view(
        respondentsOf(pack, mergeByRespondent(pack, split.now, this.log, c), this.inputs),
        c,
        this.before
      );
    } else
      this.now = view(
        respondentsOf(pack, mergeByRespondent(pack, usable, this.log), this.inputs),
        undefined
      );
    this.respondents = this.now.respondents;
    this.data = this.now.data;
  }

  /** The period view a respondent's data belong to. */
  private viewOf(r: RespondentData): PeriodView {
    return this.before && r.period === this.before.period ? this.before : this.now;
  }

  private calcDef(id: string): ExprCalculation | undefined {
    const c = this.input.pack.calculations.find((x) => x.id === id);
    return c?.type === "udtryk" ? c : undefined;
  }

  /**
   * A calculation's value: per respondent (bound), the list over the period's respondents, or
   * the period's samlet value; a post calculation is the list over the respondent's (or every
   * respondent's) records.
   */
  calculation(
    id: string,
    r?: RespondentData,
    element?: string,
    view: PeriodView = this.now,
    group?: readonly RespondentData[]
  ): Value | undefined {
    const c = this.calcDef(id);
    if (!c) return undefined;
    if (c.axis && element === undefined) return undefined;
    if (c.level === "samlet") return this.samlet(c, element, view);
    // Over a group of forms when given, else over the period's respondents.
    const all = group ?? view.respondents;
    if (c.level === "post") {
      const max = this.maxOf(c);
      const of = (x: RespondentData) =>
        Array.from({ length: max }, (_, i) => this.forRecord(c, { respondent: x, n: i + 1 }));
      if (r) return of(r);
      if (group) return group.flatMap(of);
      // Every record of the period: asked for by each row of a table that sums over them, so
      // made once per period.
      const made = remembered(this.allRecords, view, () => new Map<string, Value>());
      return remembered(made, c.id, () => all.flatMap(of));
    }
    if (r) return this.forRespondent(c, r, element);
    return all.map((x) => this.forRespondent(c, x, element));
  }

  /** The variables and names of a calculation over an axis, for one element. */
  private elementBinding(element: string | undefined): Binding {
    if (element === undefined) return {};
    const v = val(element);
    return { vars: { element }, names: (n) => (n === "element" ? v : undefined) };
  }

  private maxOf(c: ExprCalculation): number {
    const rec = c.records!;
    const b = this.input.pack.templates
      .find((t) => t.id === rec.template)
      ?.blocks.find((x) => x.id === rec.block);
    return b?.type === "liste" ? b.max : 0;
  }

  private readonly recordCache = new Map<string, Map<string, Result>>();
  private readonly allRecords = new WeakMap<PeriodView, Map<string, Value>>();

  /** A post calculation for one record. */
  forRecord(c: ExprCalculation, rec: RecordRef): Result {
    let m = this.recordCache.get(c.id);
    if (!m) this.recordCache.set(c.id, (m = new Map()));
    const key = `${respondentKey(rec.respondent)}|${rec.n}`;
    const hit = m.get(key);
    if (hit) return hit;
    const names = this.recordBinding(c.records!.template, c.records!.block, rec);
    const data = this.viewOf(rec.respondent).data;
    const v = asResult(evaluate(c.expr, makeEnv(data, { respondent: rec.respondent, names })));
    m.set(key, v);
    return v;
  }

  /** Names inside one record: its fields, and the post calculations of its block for it. */
  recordBinding(
    template: string,
    block: string,
    rec: RecordRef
  ): (name: string) => Value | undefined {
    const tpl = this.input.pack.templates.find((t) => t.id === template)!;
    const b = tpl.blocks.find((x) => x.id === block)!;
    const fields = b.type === "liste" ? new Set(b.fields.map((f) => f.id)) : new Set<string>();
    return (name) => {
      if (fields.has(name)) {
        const id = recordFieldId(template, block, rec.n, name);
        return (
          recordField(this.data, rec.respondent, template, block, rec.n, name) ??
          fieldResult(rec.respondent.values[id], id)
        );
      }
      const c = this.calcDef(name);
      if (c?.level === "post" && c.records?.template === template && c.records.block === block)
        return this.forRecord(c, rec);
      return undefined;
    };
  }

  /** Names in a group row: the group's records' fields and post calculations, as lists. */
  groupBinding(
    template: string,
    block: string,
    group: readonly RecordRef[]
  ): (name: string) => Value | undefined {
    const each = group.map((rec) => this.recordBinding(template, block, rec));
    return (name) => {
      if (each.length === 0 || each[0](name) === undefined) return undefined;
      return each.map((f) => f(name) as Result);
    };
  }

  forRespondent(c: ExprCalculation, r: RespondentData, element?: string): Result {
    const id = element === undefined ? c.id : `${c.id}.${element}`;
    let m = this.respCache.get(id);
    if (!m) this.respCache.set(id, (m = new Map()));
    const key = respondentKey(r);
    const hit = m.get(key);
    if (hit) return hit;
    const v = asResult(
      evaluate(
        c.expr,
        makeEnv(this.viewOf(r).data, { respondent: r, ...this.elementBinding(element) })
      )
    );
    m.set(key, v);
    return v;
  }

  samlet(c: ExprCalculation, element?: string, view: PeriodView = this.now): Result {
    const id = element === undefined ? c.id : `${c.id}.${element}`;
    const hit = view.samlet.get(id);
    if (hit) return hit;
    if (view.active.has(id)) return tom(`beregningen »${id}« afhænger af sig selv`);
    view.active.add(id);
    const v = asResult(evaluate(c.expr, makeEnv(view.data, this.elementBinding(element))));
    view.active.delete(id);
    view.samlet.set(id, v);
    return v;
  }

  /** Respondents with a return in the current period or the one before, in the pack's order. */
  respondentRows(): RespondentData[] {
    if (!this.before) return [...this.respondents];
    const names = new Set([...this.respondents, ...this.before.respondents].map((r) => r.name));
    const order = new Map(this.input.pack.respondents.names.map((n, i) => [n, i]));
    return [...names]
      .sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9))
      .map((n) => respondentIn(this.data, n));
  }

  /** The rows of a table with their bindings and labels (before any column is evaluated). */
  rowsOf(t: ReportTableDef): { id: string; label: string; binding: RowBinding }[] {
    const pack = this.input.pack;
    const axis = t.rows;
    switch (axis.kind) {
      case "blok": {
        const tpl = pack.templates.find((x) => x.id === axis.template)!;
        const b = tpl.blocks.find((x) => x.id === axis.block)!;
        return b.type === "tabel"
          ? b.rows.map((r) => ({ id: r.id, label: r.label, binding: { key: r.id } }))
          : [];
      }
      case "akse":
        return (pack.axes.get(axis.axis) ?? [])
          .filter((c) => !axis.only || axis.only.includes(String(c.key)))
          .map((c) => ({
            id: String(c.key),
            label: c.label,
            binding: { key: String(c.key) },
          }));
      case "kryds": {
        const [a, b] = axis.axes.map((id) => pack.axes.get(id) ?? []);
        const out: { id: string; label: string; binding: RowBinding }[] = [];
        for (const x of a)
          for (const y of b) {
            const id = `${x.key}.${y.key}`;
            const row = {
              id,
              label: `${x.label}: ${y.label}`,
              binding: {
                key: id,
                parts: { [axis.axes[0]]: String(x.key), [axis.axes[1]]: String(y.key) },
              },
            };
            if (axis.filter) {
              const ok = asResult(
                evaluate(axis.filter, makeEnv(this.data, this.bindingOf(t, row)))
              );
              if (!(ok.k === "v" && ok.v === true)) continue;
            }
            out.push(row);
          }
        return out;
      }
      case "respondenter": {
        const units = this.respondentRows().filter((r) => {
          if (axis.template && !(r.templates ?? []).includes(axis.template)) return false;
          if (!axis.filter) return true;
          const ok = asResult(evaluate(axis.filter, makeEnv(this.data, { respondent: r })));
          return ok.k === "v" && ok.v === true;
        });
        if (!axis.by) {
          const seen = new Map<string, number>();
          return units.map((r) => {
            const k = (seen.get(r.name) ?? 0) + 1;
            seen.set(r.name, k);
            const id = k === 1 ? r.name : `${r.name}|${k}`;
            return { id, label: id, binding: { respondent: r, key: id } };
          });
        }
        // Forms grouped by a value (text regardless of case, as the language's = compares).
        const groups = new Map<string, { value: Scalar; units: RespondentData[] }>();
        for (const r of units) {
          const v = asResult(evaluate(axis.by, makeEnv(this.data, { respondent: r })));
          if (v.k !== "v") {
            this.log.push(
              `${t.title}: en indberetning fra ${r.name} indgår ikke, fordi ${axis.bySource} ikke kan beregnes (${reasonText(v)}).`
            );
            continue;
          }
          const key = groupKey(v.v);
          const g = groups.get(key) ?? { value: v.v, units: [] };
          g.units.push(r);
          groups.set(key, g);
        }
        return [...groups.values()].sort(byGroupValue).map((g) => {
          const id = String(g.value);
          return { id, label: id, binding: { key: id, units: g.units } };
        });
      }
      case "poster": {
        const tpl = pack.templates.find((x) => x.id === axis.template)!;
        const b = tpl.blocks.find((x) => x.id === axis.block)!;
        if (b.type !== "liste") return [];
        const out: { id: string; label: string; binding: RowBinding }[] = [];
        const seen = new Map<string, number>();
        for (const r of this.respondents) {
          for (let n = 1; n <= b.max; n++) {
            const fields = b.fields.map((f) => recordFieldId(tpl.id, b.id, n, f.id));
            if (!fields.some((id) => r.values[id] !== null && r.values[id] !== undefined)) continue;
            const binding: RowBinding = { respondent: r, record: n };
            const names = this.recordBinding(tpl.id, b.id, { respondent: r, n });
            const env = makeEnv(this.data, { respondent: r, names });
            if (axis.filter) {
              const ok = asResult(evaluate(axis.filter, env));
              if (!(ok.k === "v" && ok.v === true)) continue;
            }
            let id = this.respondents.length > 1 ? `${r.name}|${n}` : String(n);
            if (axis.id) {
              const v = asResult(evaluate(axis.id, env));
              if (v.k === "v") id = typeof v.v === "number" ? String(v.v) : String(v.v);
            }
            const k = seen.get(id) ?? 0;
            seen.set(id, k + 1);
            if (k > 0) {
              this.log.push(
                `${t.title}: rækken »${id}« findes flere gange; den ${k + 1}. hedder »${id}-${k + 1}«.`
              );
              id = `${id}-${k + 1}`;
            }
            out.push({ id, label: id, binding });
          }
        }
        return out;
      }
      case "grupper": {
        const tpl = pack.templates.find((x) => x.id === axis.template)!;
        const b = tpl.blocks.find((x) => x.id === axis.block)!;
        if (b.type !== "liste") return [];
        const groups = new Map<string, { value: Scalar; records: RecordRef[] }>();
        for (const r of this.respondents) {
          for (let n = 1; n <= b.max; n++) {
            const fields = b.fields.map((f) => recordFieldId(tpl.id, b.id, n, f.id));
            if (!fields.some((id) => r.values[id] !== null && r.values[id] !== undefined)) continue;
            const rec = { respondent: r, n };
            const env = makeEnv(this.data, {
              respondent: r,
              names: this.recordBinding(tpl.id, b.id, rec),
            });
            if (axis.filter) {
              const ok = asResult(evaluate(axis.filter, env));
              if (!(ok.k === "v" && ok.v === true)) continue;
            }
            const v = asResult(evaluate(axis.by, env));
            if (v.k !== "v") continue;
            const key = groupKey(v.v);
            const g = groups.get(key) ?? { value: v.v, records: [] };
            g.records.push(rec);
            groups.set(key, g);
          }
        }
        return [...groups.values()].sort(byGroupValue).map((g) => {
          const id = String(g.value);
          return {
            id,
            label: choiceLabel(b, axis.by, id),
            binding: { key: id, group: g.records },
          };
        });
      }
    }
  }

  /** The binding's environment pieces: variables and local names (a record's fields). */
  bindingOf(t: ReportTableDef, row: { id: string; label: string; binding: RowBinding }): Binding {
    const vars: Record<string, string> = {};
    if (row.binding.key !== undefined) {
      vars["række"] = row.binding.key;
      vars["raekke"] = row.binding.key;
    }
    const local = new Map<string, Result>([["rækkenavn", val(row.label)]]);
    if (row.binding.key !== undefined) local.set("række", val(row.binding.key));
    for (const [axisId, element] of Object.entries(row.binding.parts ?? {}))
      local.set(axisId, val(element));
    const axis = t.rows;
    let inner: ((name: string) => Value | undefined) | undefined;
    if (axis.kind === "poster" && row.binding.respondent && row.binding.record !== undefined)
      inner = this.recordBinding(axis.template, axis.block, {
        respondent: row.binding.respondent,
        n: row.binding.record,
      });
    if (axis.kind === "grupper" && row.binding.group)
      inner = this.groupBinding(axis.template, axis.block, row.binding.group);
    // Inside FORRIGE: the respondent's return for the period before, and only the row's constants.
    const before = this.before;
    const previous: Binding | undefined = before
      ? {
          ...(row.binding.respondent
            ? { respondent: respondentIn(before.data, row.binding.respondent.name) }
            : {}),
          vars,
          names: (n) => local.get(n),
        }
      : undefined;
    return {
      ...(row.binding.respondent ? { respondent: row.binding.respondent } : {}),
      ...(row.binding.units ? { group: row.binding.units } : {}),
      vars,
      names: (n) => local.get(n) ?? inner?.(n),
      ...(previous ? { previous } : {}),
    };
  }

  table(t: ReportTableDef): TableResult {
    const columns = expandColumns(this.input.pack, t, this.respondents);
    const plain = columns.filter((c) => !c.def.repeat);
    for (const c of columns)
      if (c.def.repeat && plain.some((p) => p.id === c.id))
        this.log.push(
          `${t.title}: kolonnen »${c.id}« findes også som gentaget kolonne; den gentagne vises ikke i JSON.`
        );
    const rows: TableRow[] = this.rowsOf(t).map((row) => {
      const bind = this.bindingOf(t, row);
      const values: Record<string, Result> = {};
      const active = new Set<string>();
      const columnValue = (c: TableColumn): Result => {
        const hit = values[c.id];
        if (hit) return hit;
        if (active.has(c.id)) return tom(`kolonnen »${c.id}« afhænger af sig selv`);
        active.add(c.id);
        const env = makeEnv(this.data, {
          ...bind,
          ...(c.respondent ? { respondent: c.respondent } : {}),
          vars: {
            ...bind.vars,
            ...(c.element !== undefined ? { kolonne: c.element } : {}),
          },
          names: (n) => {
            if (c.element !== undefined && n === "kolonne") return val(c.element);
            if (c.element !== undefined && n === "kolonnenavn") return val(c.title);
            const own = bind.names?.(n);
            if (own !== undefined) return own;
            const sib = plain.find((x) => x.id === n && x.id !== c.id);
            return sib ? columnValue(sib) : undefined;
          },
        });
        const v = asResult(evaluate(c.def.expr, env));
        active.delete(c.id);
        values[c.id] = v;
        return v;
      };
      for (const c of columns) columnValue(c);
      return { ...row, values };
    });
    let total: TableRow | undefined;
    if (t.total) {
      const values: Record<string, Result> = {};
      for (const c of columns) {
        if (!c.def.total) continue;
        const env = makeEnv(this.data, {
          names: (n) => {
            if (c.def.repeat && n === c.def.id) return rows.map((r) => r.values[c.id]);
            return plain.some((x) => x.id === n) ? rows.map((r) => r.values[n]) : undefined;
          },
        });
        values[c.id] = asResult(evaluate(c.def.total, env));
      }
      total = { id: t.total.id, label: t.total.title, binding: {}, values };
    }
    return { def: t, columns, rows, ...(total ? { total } : {}) };
  }
}

/** A group's label: the answer's text when records are grouped by a choice field, else the value. */
function choiceLabel(b: ListBlockDef, by: Node, key: string): string {
  if (by.k !== "name") return key;
  const f = b.fields.find((x) => x.id === by.name);
  return f?.choices?.find((c) => c.id === key)?.label ?? key;
}

/** Every calculation and report table of a pack over its returns, inputs and settings. */
/**
 * The key of a group: values that the language's = holds equal (text regardless of case, as in
 * Excel's COUNTIF/SUMIF) form one group, named by the first value met.
 */
function groupKey(value: Scalar): string {
  return typeof value === "string" ? value.toLocaleLowerCase("da") : String(value);
}

/** Groups in order of their value: numbers by size, text in Danish order. */
function byGroupValue(a: { readonly value: Scalar }, b: { readonly value: Scalar }): number {
  return typeof a.value === "number" && typeof b.value === "number"
    ? a.value - b.value
    : String(a.value).localeCompare(String(b.value), "da");
}

export function computeTables(input: TablesInput): TablesResult {
  const c = new Calculator(input);
  const pack = input.pack;
  const calculationsOf = (view: PeriodView) => {
    const respondent = new Map<string, Map<string, Result>>();
    const samlet = new Map<string, Result>();
    for (const calc of pack.calculations) {
      if (calc.type !== "udtryk" || calc.level === "post") continue;
      const elements = calc.axis
        ? (pack.axes.get(calc.axis) ?? []).map((e) => String(e.key))
        : [undefined];
      for (const e of elements) {
        const key = e === undefined ? calc.id : `${calc.id}.${e}`;
        if (calc.level === "samlet") samlet.set(key, c.samlet(calc, e, view));
        else
          respondent.set(
            key,
            // By name, or by the form's key when one respondent sent several (each view is one period).
            new Map(view.respondents.map((r) => [r.key ?? r.name, c.forRespondent(calc, r, e)]))
          );
      }
    }
    return { respondent, samlet };
  };
  const calculations = calculationsOf(c.now);
  const tables = pack.report.tables.map((t) => c.table(t));
  const before = c.before;
  return {
    pack,
    respondents: c.respondents,
    ...(before && c.now.period !== undefined
      ? {
          periods: { current: c.now.period, previous: before.period! },
          previousRespondents: before.respondents,
        }
      : {}),
    inputs: c.inputs,
    settings: c.settings,
    calculations: { ...calculations, ...(before ? { previous: calculationsOf(before) } : {}) },
    tables,
    log: c.log,
  };
}

/** A result as JSON: numbers as numbers, text as text, truth values as such; tom as null. */
export function jsonValue(r: Result): Scalar | null {
  return r.k === "v" ? r.v : null;
}

/**
 * The CLI's `--json` contract for the tables: `{ TABEL_ID: { kolonner, raekker: [{ id,
 * KOLONNE_ID: value, …, grunde?: { KOLONNE_ID: reason } }] } }` (a total row is the last row).
 */
export function tablesJson(r: TablesResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of r.tables) {
    const row = (x: TableRow) => {
      const o: Record<string, unknown> = { id: x.id };
      const grunde: Record<string, string> = {};
      for (const c of t.columns) {
        const v = x.values[c.id];
        if (!v) continue;
        o[c.id] = jsonValue(v);
        if (v.k !== "v") grunde[c.id] = reasonText(v);
      }
      if (Object.keys(grunde).length) o.grunde = grunde;
      return o;
    };
    out[t.def.id] = {
      titel: t.def.title,
      kolonner: t.columns.map((c) => c.id),
      raekker: [...t.rows.map(row), ...(t.total ? [row(t.total)] : [])],
    };
  }
  return out;
}

export type { Node };
