/**
 * Beyond the report (each labelled and shown beside, never instead of, the report's figure):
 * a t-interval on r̄ carried to årsværk, the ratio-of-sums estimate, leave-one-out, the national
 * burden by group (block) and by sub-task (pct rows, hours-weighted), and the burden in kroner.
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import type { MethodDef } from "./definitions";
import type { Member, Tal, YearResult } from "./result";
import {
  evaluate,
  firstBlock,
  topLevelTerms,
  type EvalContext,
  type ProjectionScope,
} from "./expr";
import { computeTal } from "./tal";
import type { Landstal, ResolvedIndstillinger } from "./inputs";
import { cellId } from "../fieldId";
import { sampleStdDev, sum } from "./stats";

export type Maybe<T> = T | { readonly grund: string };

export interface Ekstra {
  /** 95 % t-interval (n − 1 degrees of freedom) on r̄, carried to the national figure in the final year. */
  readonly tInterval: Maybe<{
    readonly lav: number;
    readonly hoej: number;
    readonly niveau: number;
  }>;
  /** Ratio-of-sums estimate Σb/Σd × D / H, nationally. */
  readonly forholdAfSummer: Maybe<Tal>;
  /** The national increase with each municipality left out. */
  readonly udenEn: readonly {
    readonly kommune: string;
    readonly stigning: number | null;
    readonly grund?: string;
  }[];
  readonly udenEnMin: number | null;
  readonly udenEnMax: number | null;
  /** The national figure in the final year by block (forvaltning, dagtilbud, skole, udfører …). */
  readonly grupper: readonly {
    readonly komponent: string;
    readonly blok: string;
    readonly label: string;
    readonly andel: number;
    readonly aarsvaerk: number;
  }[];
  /** The national figure in the final year by sub-task (pct rows, hours-weighted over the municipalities). */
  readonly underopgaver: readonly {
    readonly komponent: string;
    readonly blok: string;
    readonly underopgave: string;
    readonly label: string;
    readonly andel: number;
    readonly aarsvaerk: number;
  }[];
  /** Årsværk × wage cost per årsværk (kr.); null when no wage cost is set. */
  readonly kroner: Tal | null;
}

const NO_KD: EvalContext["kommunedata"] = () => undefined;

export function computeExtras(
  def: MethodDef,
  members: readonly Member[],
  basis: number,
  slut: number,
  landstal: Landstal,
  H: number,
  s: ResolvedIndstillinger,
  aar: readonly YearResult[],
  alle: Tal,
  scope: ProjectionScope
): Ekstra {
  const end = aar[aar.length - 1];
  return {
    tInterval: tInterval(def, end, H),
    forholdAfSummer: ratioOfSums(def, members, aar, H),
    ...leaveOneOut(def, members, basis, slut, landstal, H),
    ...breakdown(def, members, end, scope),
    kroner:
      s.loen_pr_aarsvaerk > 0
        ? {
            basis: (alle.basis ?? 0) * s.loen_pr_aarsvaerk,
            slut: (alle.slut ?? 0) * s.loen_pr_aarsvaerk,
            stigning: (alle.stigning ?? 0) * s.loen_pr_aarsvaerk,
          }
        : null,
  };
}

function tInterval(def: MethodDef, end: YearResult, H: number): Ekstra["tInterval"] {
  let varSum = 0;
  for (const c of end.components) {
    if (c.rbar === null) continue;
    if (c.n < 2)
      return {
        grund: `${def.components.length > 1 ? `${c.label}: ` : ""}kræver mindst 2 kommuner (har ${c.n})`,
      };
    const sd = sampleStdDev(c.ratios.map((x) => x.r));
    const half = ((tQuantile(0.975, c.n - 1) * sd) / Math.sqrt(c.n)) * (c.nationalUnits / H);
    varSum += half * half;
  }
  const half = Math.sqrt(varSum);
  return { lav: end.national - half, hoej: end.national + half, niveau: 0.95 };
}

function ratioOfSums(
  def: MethodDef,
  members: readonly Member[],
  aar: readonly YearResult[],
  H: number
): Ekstra["forholdAfSummer"] {
  const nat: number[] = [];
  for (const yr of aar) {
    let total = 0;
    for (let ci = 0; ci < def.components.length; ci++) {
      const comp = yr.components[ci];
      if (comp.rbar === null) continue;
      let sw = 0;
      let srw = 0;
      for (const m of members) {
        const v = m.years.get(yr.year)![ci];
        if (v.r === null || v.weight === null) continue;
        sw += v.weight;
        srw += v.r * v.weight;
      }
      if (sw <= 0) return { grund: `${comp.label} ${yr.year}: vægtene summer til 0` };
      total += ((srw / sw) * comp.nationalUnits) / H;
    }
    nat.push(total);
  }
  const slut = nat[nat.length - 1];
  const basis = def.ny ? 0 : nat[0];
  return { basis, slut, stigning: slut - basis };
}

function leaveOneOut(
  def: MethodDef,
  members: readonly Member[],
  basis: number,
  slut: number,
  landstal: Landstal,
  H: number
): Pick<Ekstra, "udenEn" | "udenEnMin" | "udenEnMax"> {
  const udenEn = members.map((m) => {
    const r = computeTal(
      def,
      members.filter((x) => x !== m),
      basis,
      slut,
      landstal,
      H
    );
    return r.ok
      ? { kommune: m.kommune, stigning: r.value.alle.stigning }
      : { kommune: m.kommune, stigning: null, grund: r.reason };
  });
  const vals = udenEn.map((u) => u.stigning).filter((v): v is number => v !== null);
  return {
    udenEn,
    udenEnMin: vals.length ? Math.min(...vals) : null,
    udenEnMax: vals.length ? Math.max(...vals) : null,
  };
}

function breakdown(
  def: MethodDef,
  members: readonly Member[],
  end: YearResult,
  scope: ProjectionScope
): Pick<Ekstra, "grupper" | "underopgaver"> {
  const grupper: Ekstra["grupper"][number][] = [];
  const underopgaver: Ekstra["underopgaver"][number][] = [];
  const y = end.year;
  def.components.forEach((c, ci) => {
    const comp = end.components[ci];
    if (comp.rbar === null || comp.national === 0) return;
    // hours per block per municipality
    const hours = new Map<string, Map<string, number>>(); // blockKey → kommune → hours
    const blockAt = new Map<string, { template: string; block: string }>();
    for (const m of members) {
      if (m.years.get(y)![ci].r === null) continue;
      const ctx: EvalContext = { values: m.values, kommunedata: NO_KD };
      for (const rd of c.ratios) {
        for (const term of topLevelTerms(rd.burden)) {
          const at = firstBlock(term, scope);
          if (!at) continue;
          const v = evaluate(term, y, ctx, scope);
          if (v.kind !== "value") continue;
          const key = `${at.template}.${at.block}`;
          blockAt.set(key, at);
          const byK = hours.get(key) ?? new Map<string, number>();
          byK.set(m.kommune, (byK.get(m.kommune) ?? 0) + v.value);
          hours.set(key, byK);
        }
      }
    }
    const total = sum([...hours.values()].flatMap((byK) => [...byK.values()]));
    if (total <= 0) return;
    for (const [key, byK] of hours) {
      const { template, block } = blockAt.get(key)!;
      const t = scope.universe.templates.get(template);
      const found = t?.blocks.find((x) => x.id === block);
      const b = found?.type === "tabel" ? found : undefined;
      const andel = sum([...byK.values()]) / total;
      const blockAv = comp.national * andel;
      grupper.push({
        komponent: c.id,
        blok: key,
        label: b?.title ?? block,
        andel,
        aarsvaerk: blockAv,
      });
      const pctRows = b?.rows.filter((r) => r.kind === "pct") ?? [];
      if (pctRows.length === 0) continue;
      let sw = 0;
      const sws = new Map<string, number>();
      for (const [kommune, h] of byK) {
        const m = members.find((x) => x.kommune === kommune)!;
        const pcts = pctRows.map((r) => m.values[cellId(template, block, r.id, y)]);
        const filled = pcts.map((p) => (typeof p === "number" && Number.isFinite(p) ? p : 0));
        if (sum(filled) <= 0) continue;
        sw += h;
        pctRows.forEach((r, i) => sws.set(r.id, (sws.get(r.id) ?? 0) + (h * filled[i]) / 100));
      }
      if (sw <= 0) continue;
      for (const r of pctRows) {
        const a = (sws.get(r.id) ?? 0) / sw;
        underopgaver.push({
          komponent: c.id,
          blok: key,
          underopgave: r.id,
          label: r.label,
          andel: a,
          aarsvaerk: blockAv * a,
        });
      }
    }
  });
  return { grupper, underopgaver };
}
