/**
 * The generic checks every template gets from its pack entry alone: kinds, pct blocks,
 * plausibility ranges and completeness.
 */
import type { ColumnKey, FieldDef } from "../catalogue/types";
import { makeFinding } from "../findings";
import { kindRangeProblem } from "../kinds";
import type { Finding, FieldValue, RawCell } from "../model";
import { formatDanishNumber } from "../parse/number";
import { PCT_SUM_TARGET, PCT_SUM_TOLERANCE, pctSumStatus } from "../pctSum";
import {
  columnLabel,
  commonColumns,
  findRow,
  idOf,
  locationAt,
  numberAt,
  originalAt,
  rowColumns,
  valueAt,
  type TemplateContext,
} from "./context";

const fmt = (n: number) => formatDanishNumber(n);

export const GENERIC_RULES = {
  negativ: "negativ",
  ikkeHeltal: "ikke_heltal",
  pctInterval: "pct_interval",
  udenForInterval: "uden_for_interval",
  pctSum: "pct_sum",
  manglerAar: "mangler_aar",
} as const;

/** Kind rules for one parsed field: its kind's range (negative counts, fractions, pct outside 0–100 …). */
export function checkKind(f: FieldDef, value: FieldValue, raw: RawCell | undefined): Finding[] {
  if (typeof value !== "number") return [];
  const p = kindRangeProblem(f.kind, value);
  if (!p) return [];
  return [
    makeFinding({
      rule: p.rule,
      severity: "fejl",
      text: p.text,
      field: f.id,
      location: raw?.location,
      original: raw?.value,
    }),
  ];
}

/** Each table block's pct rows of one column: all empty, or summing to 100 (± 1). */
export function checkPctBlocks(ctx: TemplateContext): Finding[] {
  const out: Finding[] = [];
  for (const b of ctx.template.blocks) {
    if (b.type !== "tabel") continue;
    const pctRows = b.rows.filter((r) => r.kind === "pct");
    if (pctRows.length === 0) continue;
    const asked = new Set(pctRows.flatMap((r) => rowColumns(b, r).map(String)));
    for (const col of b.columns.map((c) => c.key).filter((k) => asked.has(String(k)))) {
      const refs = pctRows
        .filter((r) => rowColumns(b, r).some((k) => String(k) === String(col)))
        .map((r) => `${b.id}.${r.id}`);
      const status = pctSumStatus(refs.map((r) => numberAt(ctx, r, col)));
      if (status.status !== "afviger") continue;
      const sum = status.sum;
      const first = refs.find((r) => typeof valueAt(ctx, r, col) === "number") ?? refs[0];
      const firstCell = locationAt(ctx, refs[0], col)?.cell;
      const lastCell = locationAt(ctx, refs[refs.length - 1], col)?.cell;
      const range = firstCell && lastCell ? ` (${firstCell}:${lastCell})` : "";
      out.push(
        makeFinding({
          rule: GENERIC_RULES.pctSum,
          severity: "fejl",
          text: `fordelingen i procent for »${b.title}« ${columnLabel(ctx.template, refs[0], col)}${range} skal give ${PCT_SUM_TARGET} (± ${PCT_SUM_TOLERANCE}) eller stå tom, men giver ${fmt(
            Number(sum.toPrecision(12))
          )}.`,
          field: idOf(ctx, first, col),
          location: locationAt(ctx, first, col),
          original: originalAt(ctx, first, col),
        })
      );
    }
  }
  return out;
}

/**
 * Plausibility ranges from the pack: warnings, never errors. With `per`, the value checked
 * is `field ÷ per` of the same column (skipped where either is empty or the divisor is 0).
 */
export function checkPlausibility(ctx: TemplateContext): Finding[] {
  const out: Finding[] = [];
  for (const range of ctx.template.plausibility ?? []) {
    const per = range.per;
    for (const col of commonColumns(ctx.template, per ? [range.field, per] : [range.field])) {
      const v = valueAt(ctx, range.field, col);
      if (typeof v !== "number") continue;
      let checked = v;
      let shown = fmt(v);
      if (per) {
        const d = valueAt(ctx, per, col);
        if (typeof d !== "number" || d === 0) continue;
        checked = v / d;
        shown = `${fmt(v)} / ${fmt(d)} = ${formatDanishNumber(checked, 1)}`;
      }
      if (checked >= range.min && checked <= range.max) continue;
      out.push(
        makeFinding({
          rule: range.id,
          severity: "advarsel",
          text: `${range.message} Angivet for ${columnLabel(ctx.template, range.field, col)}: ${shown}. Tjek tallet.`,
          field: idOf(ctx, range.field, col),
          location: locationAt(ctx, range.field, col),
          original: originalAt(ctx, range.field, col),
        })
      );
    }
  }
  return out;
}

function shortLabel(label: string): string {
  return label.length > 50 ? `${label.slice(0, 47).trimEnd()}…` : label;
}

/**
 * Fields the calculation reads in a column but finds empty (worked out by the calculation
 * itself): one advarsel per template and column, naming the fields and cells, and saying what
 * happens: without them the municipality is left out of that year, or they count as 0.
 */
export function checkCompleteness(
  ctx: TemplateContext,
  missing: ReadonlyMap<ColumnKey, readonly FieldDef[]>,
  countedAsZero: ReadonlyMap<ColumnKey, readonly FieldDef[]> = new Map()
): Finding[] {
  const out: Finding[] = [];
  const cols = [...new Set([...missing.keys(), ...countedAsZero.keys()])].sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b))
  );
  for (const col of cols) {
    const left = missing.get(col) ?? [];
    const zero = countedAsZero.get(col) ?? [];
    const fields = [...left, ...zero];
    if (fields.length === 0) continue;
    const names = fields.map((f) => {
      const cell = ctx.cells[f.id]?.location?.cell;
      const label = shortLabel(
        f.block && f.row
          ? (findRow(ctx.template, `${f.block}.${f.row}`)?.row.label ?? f.label)
          : f.label
      );
      return cell ? `${label} (${cell})` : label;
    });
    const one = fields.length === 1;
    const consequence =
      left.length > 0
        ? `Kommunen indgår ikke i opregningen for ${ctx.template.shortName} ${col}, før ${one ? "det" : "de"} er udfyldt.`
        : `${one ? "Det" : "De"} tæller som 0 i opregningen for ${ctx.template.shortName} ${col}; skriv 0, hvis der ikke var tid, ellers bliver kommunens tal for lavt.`;
    out.push(
      makeFinding({
        rule: GENERIC_RULES.manglerAar,
        severity: "advarsel",
        text: `opregningen bruger ${col}, men ${one ? "dette felt er tomt" : `${fields.length} felter er tomme`}: ${names.join("; ")}. ${consequence}`,
        field: fields[0].id,
        location: ctx.cells[fields[0].id]?.location,
      })
    );
  }
  return out;
}
