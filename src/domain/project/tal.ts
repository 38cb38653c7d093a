/**
 * The projection's arithmetic over a set of members for one nedslagspunkt: per year the studied
 * and national årsværk, then baseline, final year and increase. The engine runs it on the members
 * it chose; the extras run it again with one municipality left out.
 */
import type { MethodDef } from "./definitions";
import type { Member, Tal, YearResult, ComponentYear } from "./result";
import { valueForYear, type Landstal } from "./inputs";
import {
  estimateNationalCount,
  fail,
  increase,
  ok,
  projectPerUnit,
  type Computed,
} from "./primitives";
import { mean, sum } from "./stats";

/** Years the engine computes: the final year, and the baseline unless the task is new. */
export function computedYears(def: MethodDef, basis: number, slut: number): number[] {
  return def.ny ? [slut] : [basis, slut];
}

function landstalFor(landstal: Landstal, key: string, year: number): Computed {
  const v = valueForYear(landstal[key], year);
  return v === undefined ? fail(`Landstal mangler »${key}« for ${year}`) : ok(v);
}

/** The projection for one year over a set of members. */
export function computeYear(
  def: MethodDef,
  members: readonly Member[],
  year: number,
  landstal: Landstal,
  H: number
): Computed<YearResult> {
  const comps: ComponentYear[] = [];
  for (let ci = 0; ci < def.components.length; ci++) {
    const c = def.components[ci];
    const vals = members.map((m) => ({ kommune: m.kommune, v: m.years.get(year)![ci] }));
    const ratios = vals
      .filter((x) => x.v.r !== null)
      .map((x) => ({ kommune: x.kommune, r: x.v.r as number }));
    const studiedUnits = sum(vals.map((x) => x.v.units));
    let nationalUnits: Computed;
    let unitsPerBase: number | null = null;
    if ("landstal" in c.national) {
      nationalUnits = landstalFor(landstal, c.national.landstal, year);
    } else {
      const nb = landstalFor(landstal, c.national.twoStage.landstal, year);
      if (!nb.ok) return nb;
      const units = vals.map((x) => x.v.units);
      const base = vals.map((x) => x.v.base);
      nationalUnits = estimateNationalCount(units, base, nb.value);
      const sb = sum(base.map((b) => b ?? 0));
      unitsPerBase = sb > 0 ? studiedUnits / sb : null;
      if (!nationalUnits.ok) {
        return fail(`${c.label} ${year}: ${nationalUnits.reason}`);
      }
    }
    if (!nationalUnits.ok) return nationalUnits;
    if (ratios.length === 0) {
      if (nationalUnits.value === 0 && studiedUnits === 0) {
        comps.push({
          id: c.id,
          label: c.label,
          rbar: null,
          n: 0,
          ratios,
          studiedUnits,
          nationalUnits: 0,
          unitsPerBase,
          studied: 0,
          national: 0,
        });
        continue;
      }
      return fail(
        `ingen af de medtagne kommuner har tal for »${c.label}« i ${year}, så tidsforbruget pr. ${c.unitName} kan ikke beregnes`
      );
    }
    const rbar = mean(ratios.map((x) => x.r));
    const st = projectPerUnit(rbar, studiedUnits, H);
    const na = projectPerUnit(rbar, nationalUnits.value, H);
    if (!st.ok) return st;
    if (!na.ok) return na;
    comps.push({
      id: c.id,
      label: c.label,
      rbar,
      n: ratios.length,
      ratios,
      studiedUnits,
      nationalUnits: nationalUnits.value,
      unitsPerBase,
      studied: st.value,
      national: na.value,
    });
  }
  return ok({
    year,
    studied: sum(comps.map((c) => c.studied)),
    national: sum(comps.map((c) => c.national)),
    components: comps,
  });
}

/** Baseline/final/increase for a set of members (national and studied), or the reason it cannot be computed. */
export function computeTal(
  def: MethodDef,
  members: readonly Member[],
  basis: number,
  slut: number,
  landstal: Landstal,
  H: number
): Computed<{ undersoegte: Tal; alle: Tal; aar: YearResult[] }> {
  if (members.length === 0) return fail("ingen kommuner at regne på");
  const aar: YearResult[] = [];
  for (const y of computedYears(def, basis, slut)) {
    const r = computeYear(def, members, y, landstal, H);
    if (!r.ok) return r;
    aar.push(r.value);
  }
  const end = aar[aar.length - 1];
  const start = def.ny ? { studied: 0, national: 0 } : aar[0];
  return ok({
    undersoegte: {
      basis: start.studied,
      slut: end.studied,
      stigning: increase(start.studied, end.studied),
    },
    alle: {
      basis: start.national,
      slut: end.national,
      stigning: increase(start.national, end.national),
    },
    aar,
  });
}
