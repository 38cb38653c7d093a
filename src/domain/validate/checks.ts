/**
 * The generic checks every template gets from its catalogue entry alone: kinds, pct blocks,
 * plausibility ranges and completeness.
 */
import type { CompletenessNeed } from "../catalogue/rules";
import type { FieldDef } from "../catalogue/types";
import { makeFinding } from "../findings";
import type { Finding, FieldValue, RawCell } from "../model";
import { formatDanishNumber } from "../parse/number";
import { PCT_SUM_TARGET, PCT_SUM_TOLERANCE, pctSumStatus } from "../pctSum";
import {
  commonYears,
  findRow,
  idOf,
  locationAt,
  numberAt,
  originalAt,
  valueAt,
  type TemplateContext,
} from "./context";

const fmt = (n: number) => formatDanishNumber(n);

export const GENERIC_RULES = {
  negativ: "negativ",
  ikkeHeltal: "ikke_heltal",
  pctInterval: "pct_interval",
  pctSum: "pct_sum",
  manglerAar: "mangler_aar",
} as const;

/** Kind rules for one parsed field: negative hours or counts, fractional counts, pct outside 0–100. */
export function checkKind(f: FieldDef, value: FieldValue, raw: RawCell | undefined): Finding[] {
  if (typeof value !== "number") return [];
  const base = { field: f.id, location: raw?.location, original: raw?.value };
  const out: Finding[] = [];
  if (f.kind === "pct") {
    if (value < 0 || value > 100)
      out.push(
        makeFinding({
          ...base,
          rule: GENERIC_RULES.pctInterval,
          severity: "fejl",
          text: `en procentandel skal ligge mellem 0 og 100, men er ${fmt(value)}.`,
        })
      );
    return out;
  }
  if (value < 0) {
    out.push(
      makeFinding({
        ...base,
        rule: GENERIC_RULES.negativ,
        severity: "fejl",
        text: `${f.kind === "antal" ? "et antal" : "tallet"} kan ikke være negativt (${fmt(value)}).`,
      })
    );
  }
  if (f.kind === "antal" && !Number.isInteger(value)) {
    out.push(
      makeFinding({
        ...base,
        rule: GENERIC_RULES.ikkeHeltal,
        severity: "fejl",
        text: `et antal skal være et helt tal, men er ${fmt(value)}.`,
      })
    );
  }
  return out;
}

/** Each block's pct rows of one year: all empty, or summing to 100 (± 1). */
export function checkPctBlocks(ctx: TemplateContext): Finding[] {
  const out: Finding[] = [];
  for (const b of ctx.template.blocks) {
    const pctRows = b.rows.filter((r) => r.kind === "pct");
    if (pctRows.length === 0) continue;
    const years = [...new Set(pctRows.flatMap((r) => r.years ?? b.years))].sort((x, y) => x - y);
    for (const year of years) {
      const refs = pctRows
        .filter((r) => (r.years ?? b.years).includes(year))
        .map((r) => `${b.id}.${r.id}`);
      const status = pctSumStatus(refs.map((r) => numberAt(ctx, r, year)));
      if (status.status !== "afviger") continue;
      const sum = status.sum;
      const first = refs.find((r) => typeof valueAt(ctx, r, year) === "number") ?? refs[0];
      const firstCell = locationAt(ctx, refs[0], year)?.cell;
      const lastCell = locationAt(ctx, refs[refs.length - 1], year)?.cell;
      const range = firstCell && lastCell ? ` (${firstCell}:${lastCell})` : "";
      out.push(
        makeFinding({
          rule: GENERIC_RULES.pctSum,
          severity: "fejl",
          text: `fordelingen i procent for »${b.title}« ${year}${range} skal give ${PCT_SUM_TARGET} (± ${PCT_SUM_TOLERANCE}) eller stå tom, men giver ${fmt(
            Number(sum.toPrecision(12))
          )}.`,
          field: idOf(ctx, first, year),
          location: locationAt(ctx, first, year),
          original: originalAt(ctx, first, year),
        })
      );
    }
  }
  return out;
}

/**
 * Plausibility ranges from the catalogue: warnings, never errors. With `per`, the value checked
 * is `field ÷ per` of the same year (skipped where either is empty or the divisor is 0).
 */
export function checkPlausibility(ctx: TemplateContext): Finding[] {
  const out: Finding[] = [];
  for (const range of ctx.template.plausibility ?? []) {
    const per = range.per;
    for (const year of commonYears(ctx.template, per ? [range.field, per] : [range.field])) {
      const v = valueAt(ctx, range.field, year);
      if (typeof v !== "number") continue;
      let checked = v;
      let shown = fmt(v);
      if (per) {
        const d = valueAt(ctx, per, year);
        if (typeof d !== "number" || d === 0) continue;
        checked = v / d;
        shown = `${fmt(v)} / ${fmt(d)} = ${formatDanishNumber(checked, 1)}`;
      }
      if (checked >= range.min && checked <= range.max) continue;
      out.push(
        makeFinding({
          rule: range.id,
          severity: "advarsel",
          text: `${range.message} Angivet for ${year}: ${shown}. Tjek tallet.`,
          field: idOf(ctx, range.field, year),
          location: locationAt(ctx, range.field, year),
          original: originalAt(ctx, range.field, year),
        })
      );
    }
  }
  return out;
}

function shortLabel(label: string): string {
  return label.length > 50 ? `${label.slice(0, 47).trimEnd()}…` : label;
}

/** Years the projection needs, with fields left empty: one advarsel per template and year. */
export function checkCompleteness(
  ctx: TemplateContext,
  needs: readonly CompletenessNeed[]
): Finding[] {
  const missing = new Map<number, string[]>();
  for (const need of needs) {
    for (const ref of need.fields) {
      for (const year of commonYears(ctx.template, [ref], need.years)) {
        if (valueAt(ctx, ref, year) !== null) continue;
        const list = missing.get(year) ?? [];
        if (!list.includes(ref)) list.push(ref);
        missing.set(year, list);
      }
    }
  }
  const out: Finding[] = [];
  for (const [year, refs] of [...missing.entries()].sort((a, b) => a[0] - b[0])) {
    const names = refs.map((r) => {
      const cell = locationAt(ctx, r, year)?.cell;
      const label = shortLabel(findRow(ctx.template, r)?.row.label ?? r);
      return cell ? `${label} (${cell})` : label;
    });
    out.push(
      makeFinding({
        rule: GENERIC_RULES.manglerAar,
        severity: "advarsel",
        text: `opregningen bruger ${year}, men ${refs.length === 1 ? "dette felt er tomt" : `${refs.length} felter er tomme`}: ${names.join("; ")}. Kommunen indgår ikke i opregningen for ${ctx.template.shortName} ${year}, før ${refs.length === 1 ? "det" : "de"} er udfyldt.`,
        field: idOf(ctx, refs[0], year),
        location: locationAt(ctx, refs[0], year),
      })
    );
  }
  return out;
}
