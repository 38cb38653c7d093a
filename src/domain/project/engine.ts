/**
 * The projection engine ("opregning"): validated returns + Landstal + Kommunedata + Indstillinger →
 * per nedslagspunkt the studied and national årsværk at baseline and final year, the increase, the
 * span, the municipalities used and left out (with reasons), and "kan ikke beregnes" reasons.
 * Pure: results and reasons, never throws on user data, never NaN, never a silent 0.
 * The arithmetic is method.md's; the per-method knowledge lives in definitions.ts.
 */
import type { Finding } from "../model";
import type { Node } from "../expr/ast";
import { spaend } from "./arithmetic";
import { defaultPack } from "../pakker";
import type { MethodDef } from "./definitions";
import { fieldsRead } from "./expr";
import { computeTal, computedYears } from "./tal";
import {
  canonicalKommune,
  indexKommunedata,
  resolveIndstillinger,
  type Landstal,
  type ResolvedIndstillinger,
} from "./inputs";
import { assessQuality, suggestOutliers, type OutlierSuggestion } from "./quality";
import { computeExtras } from "./extras";
import { usableReturns } from "../validate/batch";
import { formatDanishNumber } from "../parse/number";
import {
  defaultWeight,
  evaluateComponent,
  mkContext,
  periodOf,
  projectionOf,
  runOf,
  type Run,
} from "./component";
import { mergeReturns } from "./merge";
import type {
  ComponentValue,
  LogEntry,
  Member,
  MergedReturn,
  NedslagspunktResultat,
  ProjectionInput,
  ProjectionResult,
  Tal,
  Udeladt,
} from "./result";

export * from "./result";
export { mergeReturns } from "./merge";
export { periodOf, projectionOf } from "./component";
export { missingForProjection, type ProjectionGaps } from "./completeness";
export { projectionTableJson, toJsonContract } from "./json";

function timerPrAarsvaerk(def: MethodDef, s: ResolvedIndstillinger): number {
  return def.enhed === "aarsvaerk" ? 1 : s.timer_pr_aarsvaerk;
}

const NULL_TAL: Tal = { basis: null, slut: null, stigning: null };

function fejlFindings(m: MergedReturn, def: MethodDef, fields: ReadonlySet<string>): Finding[] {
  return m.findings.filter((f) => {
    if (f.severity !== "fejl") return false;
    if (f.field) return fields.has(f.field);
    return true;
  });
}

function describeFinding(f: Finding): string {
  const where = f.location ? `${f.location.sheet}!${f.location.cell}` : (f.field ?? f.file ?? "");
  return where ? `fejl i ${where}: ${f.message}` : `fejl: ${f.message}`;
}

function projectOne(
  def: MethodDef,
  merged: readonly MergedReturn[],
  landstal: Landstal,
  kd: ReturnType<typeof indexKommunedata>,
  s: ResolvedIndstillinger,
  log: LogEntry[],
  run: Run
): NedslagspunktResultat {
  const { basis, slut } = periodOf(def, s);
  const H = timerPrAarsvaerk(def, s);
  const years = computedYears(def, basis, slut);
  const candidates = merged.filter((m) => def.templates.some((t) => m.skabeloner.has(t)));
  const udelad = new Set((s.udelad[def.id] ?? []).map(canonicalKommune));
  const medtag = new Set((s.medtag[def.id] ?? []).map(canonicalKommune));
  const udeladt: Udeladt[] = [];
  const members: Member[] = [];
  const candidateNames = new Set(candidates.map((c) => c.kommune));
  for (const name of udelad) {
    if (!candidateNames.has(name)) {
      log.push({
        nedslagspunkt: def.id,
        kommune: name,
        kilde: "indstilling",
        besked: `Indstillingen »udelad« nævner ${name}, som ikke har indsendt tal til ${def.navn}.`,
      });
    }
  }
  for (const name of medtag) {
    if (udelad.has(name)) {
      log.push({
        nedslagspunkt: def.id,
        kommune: name,
        kilde: "indstilling",
        besked: `${name} står både under »udelad« og »medtag«; »udelad« er brugt.`,
      });
    }
  }

  const allExprs: Node[] = def.components.flatMap((c) => [
    ...c.ratios.flatMap((r) => [r.burden, r.driver]),
    c.units,
    defaultWeight(c),
  ]);
  const fieldsNeeded = new Set(
    years.flatMap((y) => allExprs.flatMap((e) => fieldsRead(e, y, run.scope)))
  );

  const leaveOut = (kommune: string, grund: string, kilde: LogEntry["kilde"]) => {
    udeladt.push({ kommune, grund });
    log.push({
      nedslagspunkt: def.id,
      kommune,
      kilde,
      besked: `${kommune} er udeladt af ${def.navn}: ${grund}.`,
    });
  };

  if (basis >= slut) {
    const reason = `basisåret (${basis}) skal ligge før slutåret (${slut})`;
    return emptyResult(def, basis, slut, candidates, udeladt, reason);
  }

  for (const m of candidates) {
    if (udelad.has(m.kommune)) {
      leaveOut(m.kommune, "udeladt efter indstilling (»udelad«)", "indstilling");
      continue;
    }
    const fejl = fejlFindings(m, def, fieldsNeeded);
    if (fejl.length > 0) {
      leaveOut(m.kommune, fejl.map(describeFinding).join("; "), "data");
      continue;
    }
    const ctx = mkContext(m, kd, run);
    const byYear = new Map<number, ComponentValue[]>();
    const problems: string[] = [];
    for (const y of years) {
      const comps: ComponentValue[] = [];
      for (const c of def.components) {
        const r = evaluateComponent(c, y, ctx, run.scope);
        if (!r.ok) problems.push(r.reason);
        else comps.push(r.value);
      }
      byYear.set(y, comps);
    }
    if (problems.length > 0) {
      leaveOut(m.kommune, [...new Set(problems)].join("; "), "data");
      continue;
    }
    if (byYear.get(slut)!.every((c) => c.r === null)) {
      const units = [...new Set(def.components.map((c) => c.unitPlural))].join(" eller ");
      leaveOut(m.kommune, `intet at regne på i ${slut} (ingen ${units} med tal)`, "data");
      continue;
    }
    members.push({ kommune: m.kommune, values: m.values, years: byYear });
  }

  const { forslag, noter } = suggestOutliers(def, members, years, medtag);
  for (const f of forslag) {
    log.push({
      nedslagspunkt: def.id,
      kommune: f.kommune,
      kilde: "forslag",
      besked: f.medtaget
        ? `${f.kommune} afviger i ${f.aar} (modificeret z = ${formatDanishNumber(f.z, 1)}), men er medtaget efter indstilling (»medtag«).`
        : `${f.kommune} afviger i ${f.aar} (modificeret z = ${formatDanishNumber(f.z, 1)}); forslag: overvej at udelade kommunen (ikke gjort automatisk).`,
    });
  }

  const undersoegteKommuner = candidates.map((c) => c.kommune);
  if (members.length === 0) {
    const reason =
      candidates.length === 0
        ? "ingen kommuner har indsendt tal"
        : udeladt.length === candidates.length && udeladt.every((u) => udelad.has(u.kommune))
          ? "alle kommuner er udeladt efter indstilling"
          : "ingen kommuner med brugbare tal (alle er udeladt, se grundene)";
    return emptyResult(def, basis, slut, candidates, udeladt, reason, forslag, noter);
  }
  const tal = computeTal(def, members, basis, slut, landstal, H);
  if (!tal.ok) {
    return {
      ...emptyResult(def, basis, slut, candidates, udeladt, tal.reason, forslag, noter),
      kommuner: members.map((m) => m.kommune),
      medlemmer: members,
    };
  }
  const sp = spaend(tal.value.alle.stigning as number, s.spaend_pct);
  const datakvalitet = assessQuality(def, members, undersoegteKommuner.length, slut);
  const ekstra = computeExtras(
    def,
    members,
    basis,
    slut,
    landstal,
    H,
    s,
    tal.value.aar,
    tal.value.alle,
    run.scope
  );
  return {
    id: def.id,
    basisaar: basis,
    slutaar: slut,
    undersoegte: tal.value.undersoegte,
    alle: tal.value.alle,
    spaend: sp,
    kommuner: members.map((m) => m.kommune),
    udeladt,
    kan_ikke_beregnes: null,
    navn: def.navn,
    omraade: def.omraade,
    ny: def.ny,
    enhed: def.enhed,
    undersoegteKommuner,
    alleUndersoegte: members.length === candidates.length,
    datakvalitet,
    aar: tal.value.aar,
    medlemmer: members,
    forslag,
    afvigerNoter: noter,
    ekstra,
  };
}

function emptyResult(
  def: MethodDef,
  basis: number,
  slut: number,
  candidates: readonly MergedReturn[],
  udeladt: Udeladt[],
  reason: string,
  forslag: OutlierSuggestion[] = [],
  noter: string[] = []
): NedslagspunktResultat {
  return {
    id: def.id,
    basisaar: basis,
    slutaar: slut,
    undersoegte: NULL_TAL,
    alle: NULL_TAL,
    spaend: null,
    kommuner: [],
    udeladt,
    kan_ikke_beregnes: reason,
    navn: def.navn,
    omraade: def.omraade,
    ny: def.ny,
    enhed: def.enhed,
    undersoegteKommuner: candidates.map((c) => c.kommune),
    alleUndersoegte: false,
    datakvalitet: {
      niveau: "Lav",
      daekning: candidates.length ? 0 : null,
      cv: null,
      begrundelse: "Kan ikke beregnes.",
    },
    aar: [],
    medlemmer: [],
    forslag,
    afvigerNoter: noter,
    ekstra: null,
  };
}

/** Runs every nedslagspunkt. */
export function project(input: ProjectionInput): ProjectionResult {
  const log: LogEntry[] = [];
  const pack = input.pack ?? defaultPack();
  const calc = projectionOf(pack);
  const s = resolveIndstillinger(input.indstillinger, pack);
  // Unknown respondents and unresolved conflicts never enter a figure (../validate/batch.ts).
  const left: string[] = [];
  const usable = usableReturns(pack, input.returns, left);
  for (const besked of left) log.push({ kilde: "data", besked });
  const merged = mergeReturns(usable, log);
  if (!calc) return { nedslagspunkter: [], returer: merged, log, indstillinger: s };
  const run = runOf(pack, calc);
  const kd = indexKommunedata(input.kommunedata);
  const methods = input.methods ?? calc.methods;
  const nedslagspunkter = methods.map((def) =>
    projectOne(def, merged, input.landstal, kd, s, log, run)
  );
  for (const r of nedslagspunkter) {
    if (r.kan_ikke_beregnes)
      log.push({
        nedslagspunkt: r.id,
        kilde: "data",
        besked: `${r.navn} kan ikke beregnes: ${r.kan_ikke_beregnes}.`,
      });
  }
  return { nedslagspunkter, returer: merged, log, indstillinger: s };
}
