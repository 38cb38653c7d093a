/**
 * Completeness, derived from what the calculations read: the fields a return leaves empty that
 * the projection needs, by year (left out of the year, or counted as 0 in a sum). Validation and
 * the task pane use it; nothing here is a second list of required fields.
 */
import type { KommuneReturn } from "../model";
import type { Pack } from "../pack/model";
import { templateOfId } from "../fieldId";
import { evaluateComponent, projectionOf, runOf } from "./component";
import { emptyFieldsRead, type EvalContext } from "./expr";
import { computedYears } from "./tal";
import { remembered } from "../memo";

/** Each field's place in its pack, worked out once per pack. */
const orders = new WeakMap<Pack, ReadonlyMap<string, number>>();
const fieldOrder = (pack: Pack): ReadonlyMap<string, number> =>
  remembered(orders, pack, () => new Map([...pack.fields.keys()].map((id, i) => [id, i])));

/** Fields a return leaves empty that the projection reads, by year. */
export interface ProjectionGaps {
  /** Without these the municipality is left out of the year. */
  readonly excluded: ReadonlyMap<number, readonly string[]>;
  /** These count as 0 in a sum, so the municipality's figure is too low if there was time on them. */
  readonly countedAsZero: ReadonlyMap<number, readonly string[]>;
}

/**
 * The fields a return leaves empty that the projection needs, by year, for the nedslagspunkter
 * its template feeds (a part that is not relevant to the municipality, e.g. no schools with an
 * outcome, asks nothing). Kommunedata is the consultant's and is taken as present, except where
 * it would come from the return itself (its default field, e.g. tilsyn's own count of dagtilbud).
 */
export function missingForProjection(
  pack: Pack,
  values: KommuneReturn["values"],
  templateId: string
): ProjectionGaps {
  const excluded = new Map<number, string[]>();
  const countedAsZero = new Map<number, string[]>();
  const calc = projectionOf(pack);
  if (!calc) return { excluded, countedAsZero };
  const run = runOf(pack, calc);
  const ownDefault = (key: string, y: number): string | undefined => {
    const id = run.kdDefaults[key]?.replace("{år}", String(y));
    return id && templateOfId(id) === templateId && pack.fields.has(id) ? id : undefined;
  };
  const ctx: EvalContext = {
    values,
    kommunedata: (key, y) => {
      const id = ownDefault(key, y);
      if (!id) return 1;
      const v = values[id];
      return typeof v === "number" && Number.isFinite(v) ? v : undefined;
    },
  };
  const order = fieldOrder(pack);
  const own = (ids: Iterable<string>) =>
    [...new Set(ids)]
      .filter((id) => templateOfId(id) === templateId)
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  for (const def of calc.methods) {
    if (!def.templates.includes(templateId)) continue;
    for (const y of computedYears(def, def.basis, def.slut)) {
      const out: string[] = [];
      const zero: string[] = [];
      let relevant = false;
      for (const c of def.components) {
        const r = evaluateComponent(c, y, ctx, run.scope);
        if (!r.ok) {
          out.push(...r.missing);
          const id = r.missingBase ? ownDefault(r.missingBase, y) : undefined;
          if (id) out.push(id);
          continue;
        }
        if (r.value.r === null) continue; // not relevant to this municipality
        relevant = true;
        for (const e of [...c.ratios.flatMap((x) => [x.burden, x.driver]), c.units])
          zero.push(...emptyFieldsRead(e, y, ctx, run.scope));
      }
      // Nothing to compute (no part applies): a gap, unless only some respondents have the task
      // or the counts say there were none (0, not empty).
      if (!relevant && out.length === 0 && !def.frivillig)
        for (const c of def.components)
          for (const x of c.ratios) out.push(...emptyFieldsRead(x.driver, y, ctx, run.scope));
      const ex = own(out);
      const z = own(zero).filter((id) => !ex.includes(id));
      if (ex.length) excluded.set(y, [...(excluded.get(y) ?? []), ...ex]);
      if (z.length) countedAsZero.set(y, [...(countedAsZero.get(y) ?? []), ...z]);
    }
  }
  return { excluded, countedAsZero };
}
