/**
 * The one evaluator for a pack's declarative rules (a template's »regler«).
 */
import type { FieldKind } from "../kinds";
import type {
  ColumnKey,
  ConditionRule,
  FieldDef,
  ListBlockDef,
  Operand,
  OverlapRule,
  RuleDef,
  UniqueRule,
} from "../catalogue/types";
import { walk } from "../expr/ast";
import { evaluate, isList, type Result } from "../expr/evaluate";
import { recordFieldId, rowField } from "../fieldId";
import { makeFinding, quote } from "../findings";
import type { Finding } from "../model";
import { fieldResult, makeEnv, recordField, targetOfNode, type DataContext } from "../pack/env";
import { expandRef, type Variables } from "../pack/refs";
import { formatDanishNumber } from "../parse/number";
import {
  columnLabel,
  commonColumns,
  evalOperand,
  idOf,
  locationAt,
  operandRefs,
  originalAt,
  valueAt,
  type OperandValue,
  type TemplateContext,
} from "./context";

const fmt = (n: number) => formatDanishNumber(n);

function refsOf(rule: RuleDef): string[] {
  switch (rule.kind) {
    case "sumEquals":
      return [...operandRefs(rule.terms), ...operandRefs(rule.total)];
    case "lessOrEqualChain":
      return rule.chain.flatMap(operandRefs);
    case "tickIffPositive":
      return [rule.tick, ...operandRefs(rule.count)];
    case "requiresVolume":
      return [...operandRefs(rule.hours), ...operandRefs(rule.volume)];
    case "condition":
    case "unique":
    case "overlap":
      return [];
  }
}

/** Cells of an operand in a column, as "D21+D22" (or "D20−D21"), for messages. */
function cellsText(ctx: TemplateContext, o: Operand, year: ColumnKey): string {
  const c = (r: string) => locationAt(ctx, r, year)?.cell ?? "?";
  const add = o.add.map(c).join("+");
  const sub = (o.sub ?? []).map(c);
  return sub.length ? `${add}−${sub.join("−")}` : add;
}

function described(ctx: TemplateContext, o: Operand, year: ColumnKey, v: number): string {
  return `${o.name} (${cellsText(ctx, o, year)}) = ${fmt(v)}`;
}

/** The first field of `refs` that is filled in, else the first. */
function firstFilled(ctx: TemplateContext, refs: readonly string[], year: ColumnKey): string {
  return refs.find((r) => valueAt(ctx, r, year) !== null) ?? refs[0];
}

export function evaluateRule(ctx: TemplateContext, rule: RuleDef, data?: DataContext): Finding[] {
  if (rule.kind === "condition") return data ? evaluateCondition(ctx, rule, data) : [];
  if (rule.kind === "unique") return evaluateUnique(ctx, rule);
  if (rule.kind === "overlap") return evaluateOverlap(ctx, rule);
  const out: Finding[] = [];
  const refs = refsOf(rule);
  const emit = (ref: string, year: ColumnKey, detail: string) =>
    out.push(
      makeFinding({
        rule: rule.id,
        severity: rule.severity,
        text: `${rule.message}. ${columnLabel(ctx.template, refs[0], year)}: ${detail}`,
        field: idOf(ctx, ref, year),
        location: locationAt(ctx, ref, year),
        original: originalAt(ctx, ref, year),
      })
    );

  for (const year of commonColumns(ctx.template, refs, rule.columns)) {
    switch (rule.kind) {
      case "sumEquals": {
        const terms = evalOperand(ctx, rule.terms, year);
        const total = evalOperand(ctx, rule.total, year);
        if (
          terms.state === "full" &&
          total.state === "full" &&
          Math.abs(terms.value - total.value) > (rule.tolerance ?? 0)
        ) {
          emit(
            rule.total.add[0],
            year,
            `${described(ctx, rule.terms, year, terms.value)}, men ${described(ctx, rule.total, year, total.value)}.`
          );
        }
        break;
      }
      case "lessOrEqualChain": {
        for (let i = 0; i + 1 < rule.chain.length; i++) {
          const left = evalOperand(ctx, rule.chain[i], year);
          const right = evalOperand(ctx, rule.chain[i + 1], year);
          const lv = lowerBound(left);
          if (lv !== undefined && right.state === "full" && lv > right.value) {
            const partial = left.state === "partial" ? " (allerede uden de tomme felter)" : "";
            emit(
              firstFilled(ctx, operandRefs(rule.chain[i]), year),
              year,
              `${described(ctx, rule.chain[i], year, lv)}${partial} er større end ${described(ctx, rule.chain[i + 1], year, right.value)}.`
            );
          }
        }
        break;
      }
      case "tickIffPositive": {
        const ticked = valueAt(ctx, rule.tick, year) === "x";
        const count = evalOperand(ctx, rule.count, year);
        const cv = lowerBound(count);
        if (ticked && count.state === "full" && count.value <= 0) {
          emit(
            rule.tick,
            year,
            `året er markeret med x, men ${described(ctx, rule.count, year, count.value)}.`
          );
        } else if (ticked && count.state === "empty") {
          emit(
            rule.tick,
            year,
            `året er markeret med x, men ${rule.count.name} (${cellsText(ctx, rule.count, year)}) er tomt.`
          );
        } else if (!ticked && cv !== undefined && cv > 0) {
          emit(
            rule.tick,
            year,
            `${described(ctx, rule.count, year, cv)}, men året er ikke markeret med x.`
          );
        }
        break;
      }
      case "requiresVolume": {
        const hours = evalOperand(ctx, rule.hours, year);
        const volume = evalOperand(ctx, rule.volume, year);
        const hv = lowerBound(hours);
        if (
          hv !== undefined &&
          hv > 0 &&
          (volume.state === "empty" || (volume.state === "full" && volume.value <= 0))
        ) {
          const vText =
            volume.state === "empty"
              ? `${rule.volume.name} (${cellsText(ctx, rule.volume, year)}) er tomt`
              : `${described(ctx, rule.volume, year, volume.value)}`;
          emit(
            firstFilled(ctx, operandRefs(rule.hours), year),
            year,
            `${described(ctx, rule.hours, year, hv)}, men ${vText}.`
          );
        } else if (volume.state === "full" && volume.value > 0 && hours.state === "empty") {
          emit(
            rule.hours.add[0],
            year,
            `${described(ctx, rule.volume, year, volume.value)}, men ${rule.hours.name} (${cellsText(ctx, rule.hours, year)}) er tomt.`
          );
        }
        break;
      }
    }
  }
  return out;
}

function lowerBound(v: OperandValue): number | undefined {
  if (v.state === "full") return v.value;
  if (v.state === "partial") return v.lowerBound;
  return undefined;
}

/** Every field reference a rule uses (for the catalogue's integrity test). */
export function ruleRefs(rule: RuleDef): string[] {
  return refsOf(rule);
}

/** The list block a record rule names, in the rule's template. */
function listBlock(ctx: TemplateContext, id: string): ListBlockDef | undefined {
  const b = ctx.template.blocks.find((x) => x.id === id);
  return b?.type === "liste" ? b : undefined;
}

/** Record numbers of a list block that hold at least one value. */
export function filledRecords(ctx: TemplateContext, b: ListBlockDef): number[] {
  const out: number[] = [];
  for (let n = 1; n <= b.max; n++) {
    if (b.fields.some((f) => ctx.values[recordFieldId(ctx.template.id, b.id, n, f.id)] != null))
      out.push(n);
  }
  return out;
}

function shown(r: Result, kind?: FieldKind): string {
  if (r.k !== "v") return "tom";
  if (typeof r.v === "number" && kind === "klokkeslaet") return clockText(r.v);
  if (typeof r.v === "number" && kind === "dato") return dateText(r.v);
  return typeof r.v === "number"
    ? formatDanishNumber(r.v)
    : typeof r.v === "boolean"
      ? r.v
        ? "sand"
        : "falsk"
      : quote(r.v);
}

/**
 * A field as people know it, for messages: its label, with the column where the block has
 * several ("Timer brugt på tilsyn 2024"), or the record number in a list ("Start, post 2"); with
 * the block's title when the values come from several blocks that share row labels.
 */
function fieldName(data: DataContext, f: FieldDef, withBlock: boolean): string {
  const block = data.pack.templates
    .find((t) => t.id === f.template)
    ?.blocks.find((b) => b.id === f.block);
  const label = withBlock && block ? `${block.title}: ${f.label}` : f.label;
  if (f.record !== undefined) return `»${label}«, post ${f.record}`;
  const columns = block && block.type !== "liste" ? block.columns.length : 0;
  return columns > 1 && f.columnLabel ? `»${label}« ${f.columnLabel}` : `»${label}«`;
}

/** "pot_lav = 12, pot_hoej = 10": the values an expression reads, for messages. */
function valuesRead(
  rule: ConditionRule,
  data: DataContext,
  names: Map<string, Result>,
  ctx: TemplateContext,
  vars: Variables = {}
): string {
  const parts: string[] = [];
  const fields: { id: string; at: number }[] = [];
  const seen = new Set<string>();
  const record = rule.records ? listBlock(ctx, rule.records) : undefined;
  for (const n of walk(rule.expr)) {
    if (n.k === "name" && names.has(n.name) && !seen.has(n.name)) {
      seen.add(n.name);
      const kind = record?.fields.find((f) => f.id === n.name)?.kind;
      parts.push(`${n.name} = ${shown(names.get(n.name)!, kind)}`);
    }
    if (n.k === "ref") {
      const t = targetOfNode(data.pack, n);
      for (const inst of expandRef(t, vars, (id) => data.pack.fields.has(id))) {
        if (inst.kind !== "field" || !inst.exists || seen.has(inst.id)) continue;
        seen.add(inst.id);
        fields.push({ id: inst.id, at: parts.length });
        parts.push("");
      }
    }
  }
  const blocks = new Set(fields.map((f) => data.pack.fields.get(f.id)?.block));
  for (const { id, at } of fields) {
    const cell = ctx.cells[id]?.location?.cell;
    const def = data.pack.fields.get(id);
    parts[at] =
      `${def ? fieldName(data, def, blocks.size > 1) : id}${cell ? ` (${cell})` : ""} = ${shown(fieldResult(ctx.values[id], id), def?.kind)}`;
  }
  return parts.join(", ");
}

function evaluateCondition(
  ctx: TemplateContext,
  rule: ConditionRule,
  data: DataContext
): Finding[] {
  const out: Finding[] = [];
  const respondent = { name: "", values: ctx.values };
  const check = (
    names: Map<string, Result>,
    fieldId: string,
    where: string,
    vars: Variables = {}
  ) => {
    const env = makeEnv(data, { respondent, vars, names: (n) => names.get(n) });
    const v = evaluate(rule.expr, env);
    const r = isList(v) ? undefined : v;
    if (!r || r.k !== "v" || r.v !== false) return;
    const read = valuesRead(rule, data, names, ctx, vars);
    out.push(
      makeFinding({
        rule: rule.id,
        severity: rule.severity,
        text: `${rule.message}${where}${read ? ` (${read})` : ""}.`,
        field: fieldId,
        location: ctx.cells[fieldId]?.location,
        original: ctx.cells[fieldId]?.value,
      })
    );
  };
  if (rule.records) {
    const b = listBlock(ctx, rule.records);
    if (!b) return out;
    for (const n of filledRecords(ctx, b)) {
      const names = new Map<string, Result>(
        b.fields.map((f) => {
          const id = recordFieldId(ctx.template.id, b.id, n, f.id);
          const v =
            recordField(data, respondent, ctx.template.id, b.id, n, f.id) ??
            fieldResult(ctx.values[id], id);
          return [f.id, v] as const;
        })
      );
      check(names, recordFieldId(ctx.template.id, b.id, n, rule.field), `; post ${n}`);
    }
    return out;
  }
  if (rule.rows) {
    const b = ctx.template.blocks.find((x) => x.id === rule.rows);
    if (b?.type !== "tabel") return out;
    for (const row of b.rows)
      check(new Map(), rowField(rule.field, row.id), `; ${quote(row.label)}`, {
        række: row.id,
        raekke: row.id,
      });
    return out;
  }
  check(new Map(), rule.field, "");
  return out;
}

function evaluateUnique(ctx: TemplateContext, rule: UniqueRule): Finding[] {
  const b = listBlock(ctx, rule.records);
  if (!b) return [];
  const out: Finding[] = [];
  const first = new Map<string, number>();
  for (const n of filledRecords(ctx, b)) {
    const id = recordFieldId(ctx.template.id, b.id, n, rule.field);
    const v = ctx.values[id];
    if (v === null || v === undefined || v === "") continue;
    const key = String(v).trim().toLocaleLowerCase("da");
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, n);
      continue;
    }
    out.push(
      makeFinding({
        rule: rule.id,
        severity: rule.severity,
        text: `${rule.message}: ${quote(v)} står både i post ${earlier} og i post ${n}.`,
        field: id,
        location: ctx.cells[id]?.location,
        original: ctx.cells[id]?.value,
      })
    );
  }
  return out;
}

/** A clock time (day fraction) as "07:45". */
function clockText(v: number): string {
  const min = Math.round(v * 1440);
  const h = Math.floor(min / 60) % 24;
  const m = min % 60;
  return `${String(min === 1440 ? 24 : h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** An Excel serial date as "15-02-2024". */
function dateText(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

function evaluateOverlap(ctx: TemplateContext, rule: OverlapRule): Finding[] {
  interface Span {
    block: ListBlockDef;
    n: number;
    from: number;
    to: number;
    text: string;
  }
  const spans: Span[] = [];
  let family: string | undefined;
  for (const id of rule.records) {
    const b = listBlock(ctx, id);
    if (!b) continue;
    const kind = b.fields.find((f) => f.id === rule.from)?.kind;
    family = kind === "klokkeslaet" ? "klokkeslaet" : kind === "dato" ? "dato" : "tal";
    for (const n of filledRecords(ctx, b)) {
      const a = ctx.values[recordFieldId(ctx.template.id, b.id, n, rule.from)];
      const z = ctx.values[recordFieldId(ctx.template.id, b.id, n, rule.to)];
      if (typeof a !== "number" || typeof z !== "number") continue;
      const show = (v: number) =>
        family === "klokkeslaet" ? clockText(v) : family === "dato" ? dateText(v) : fmt(v);
      let to = z;
      if (family === "klokkeslaet" && to <= a) to += 1; // past midnight
      if (family === "dato") to += 1; // both days count
      if (to <= a) continue; // empty or reversed: other rules speak of it
      spans.push({ block: b, n, from: a, to, text: `${show(a)}–${show(z)}` });
    }
  }
  // On a 24-hour circle a slot also meets the others a day earlier and later.
  const shifts = family === "klokkeslaet" ? [-1, 0, 1] : [0];
  const meets = (x: Span, y: Span) =>
    shifts.some((k) => Math.max(x.from, y.from + k) < Math.min(x.to, y.to + k) - 1e-9);
  const out: Finding[] = [];
  spans.forEach((y, j) => {
    const x = spans.slice(0, j).find((s) => meets(s, y));
    if (!x) return;
    const id = recordFieldId(ctx.template.id, y.block.id, y.n, rule.from);
    out.push(
      makeFinding({
        rule: rule.id,
        severity: rule.severity,
        text: `${rule.message}: ${y.block.title} post ${y.n} (${y.text}) overlapper ${x.block.title} post ${x.n} (${x.text}).`,
        field: id,
        location: ctx.cells[id]?.location,
      })
    );
  });
  return out;
}
