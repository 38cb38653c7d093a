/**
 * The one evaluator for the catalogue's declarative rules (src/domain/catalogue/rules.ts).
 */
import type { Operand, RuleDef } from "../catalogue/rules";
import { makeFinding } from "../findings";
import type { Finding } from "../model";
import { formatDanishNumber } from "../parse/number";
import {
  commonYears,
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
  }
}

/** Cells of an operand in a year, as "D21+D22" (or "D20−D21"), for messages. */
function cellsText(ctx: TemplateContext, o: Operand, year: number): string {
  const c = (r: string) => locationAt(ctx, r, year)?.cell ?? "?";
  const add = o.add.map(c).join("+");
  const sub = (o.sub ?? []).map(c);
  return sub.length ? `${add}−${sub.join("−")}` : add;
}

function described(ctx: TemplateContext, o: Operand, year: number, v: number): string {
  return `${o.name} (${cellsText(ctx, o, year)}) = ${fmt(v)}`;
}

/** The first field of `refs` that is filled in, else the first. */
function firstFilled(ctx: TemplateContext, refs: readonly string[], year: number): string {
  return refs.find((r) => valueAt(ctx, r, year) !== null) ?? refs[0];
}

export function evaluateRule(ctx: TemplateContext, rule: RuleDef): Finding[] {
  const out: Finding[] = [];
  const emit = (ref: string, year: number, detail: string) =>
    out.push(
      makeFinding({
        rule: rule.id,
        severity: rule.severity,
        text: `${rule.message}. ${year}: ${detail}`,
        field: idOf(ctx, ref, year),
        location: locationAt(ctx, ref, year),
        original: originalAt(ctx, ref, year),
      })
    );

  for (const year of commonYears(ctx.template, refsOf(rule), rule.years)) {
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
