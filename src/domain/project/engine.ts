/**
 * The projection engine ("opregning"): validated returns + Landstal + Kommunedata + Indstillinger →
 * per nedslagspunkt the studied and national årsværk at baseline and final year, the increase, the
 * span, the municipalities used and left out (with reasons), and "kan ikke beregnes" reasons.
 * Pure: results and reasons, never throws on user data, never NaN, never a silent 0.
 * The arithmetic is method.md's; the per-method knowledge lives in definitions.ts.
 */
import type { Finding, KommuneReturn } from "../model";
import { spaend, type Spaend } from "./arithmetic";
import { METHODS, type ComponentDef, type MethodDef } from "./definitions";
import { evaluate, fieldsRead, type EvalContext, type EvalResult, type Expr } from "./expr";
import {
  KOMMUNEDATA_DEFAULT_FIELD,
  canonicalKommune,
  indexKommunedata,
  resolveIndstillinger,
  valueForYear,
  type Indstillinger,
  type Kommunedata,
  type KommunedataKey,
  type Landstal,
  type ResolvedIndstillinger,
} from "./inputs";
import {
  estimateNationalCount,
  fail,
  increase,
  meanOfRatios,
  ok,
  projectPerUnit,
  type Computed,
} from "./primitives";
import { mean, sum } from "./stats";
import {
  assessQuality,
  suggestOutliers,
  type Datakvalitet,
  type OutlierSuggestion,
} from "./quality";
import { computeExtras, type Ekstra } from "./extras";

export interface ProjectionInput {
  readonly returns: readonly KommuneReturn[];
  readonly landstal: Landstal;
  readonly kommunedata?: Kommunedata;
  readonly indstillinger?: Indstillinger;
  /** Defaults to the nine nedslagspunkter. */
  readonly methods?: readonly MethodDef[];
}

/** Baseline, final year and increase; null where the figure cannot be computed. */
export interface Tal {
  readonly basis: number | null;
  readonly slut: number | null;
  readonly stigning: number | null;
}

export interface Udeladt {
  readonly kommune: string;
  readonly grund: string;
}

/** One municipality's numbers for one component in one year. */
export interface ComponentValue {
  /** r_m (mean over its applicable ratios); null: nothing of this kind (e.g. no schools with the outcome). */
  readonly r: number | null;
  /** Each ratio's burden and driver (null where not applicable). */
  readonly pairs: readonly ({ readonly burden: number; readonly driver: number } | null)[];
  readonly units: number;
  /** Two-stage base (Kommunedata), when the component is two-stage. */
  readonly base: number | null;
  /** Ratio-of-sums weight. */
  readonly weight: number | null;
}

export interface Member {
  readonly kommune: string;
  readonly values: KommuneReturn["values"];
  /** By year, by component index. */
  readonly years: ReadonlyMap<number, readonly ComponentValue[]>;
}

export interface ComponentYear {
  readonly id: string;
  readonly label: string;
  /** r̄ over the members with a ratio; null when none and the national count is 0. */
  readonly rbar: number | null;
  readonly n: number;
  readonly ratios: readonly { readonly kommune: string; readonly r: number }[];
  readonly studiedUnits: number;
  readonly nationalUnits: number;
  /** For two-stage components: Σ units / Σ base. */
  readonly unitsPerBase: number | null;
  readonly studied: number;
  readonly national: number;
}

export interface YearResult {
  readonly year: number;
  readonly studied: number;
  readonly national: number;
  readonly components: readonly ComponentYear[];
}

export interface LogEntry {
  readonly nedslagspunkt?: string;
  readonly kommune?: string;
  readonly kilde: "indstilling" | "data" | "forslag" | "landstal" | "kommunedata";
  readonly besked: string;
}

/** Result per nedslagspunkt. The first fields are the CLI's `--json` contract. */
export interface NedslagspunktResultat {
  readonly id: string;
  readonly basisaar: number;
  readonly slutaar: number;
  readonly undersoegte: Tal;
  readonly alle: Tal;
  readonly spaend: Spaend | null;
  readonly kommuner: readonly string[];
  readonly udeladt: readonly Udeladt[];
  readonly kan_ikke_beregnes: string | null;
  // Beyond the contract:
  readonly navn: string;
  readonly omraade: string;
  readonly ny: boolean;
  readonly enhed: "timer" | "aarsvaerk";
  /** Municipalities that returned data for this nedslagspunkt ("undersøgte kommuner"). */
  readonly undersoegteKommuner: readonly string[];
  /** "Data fra alle undersøgte kommuner". */
  readonly alleUndersoegte: boolean;
  readonly datakvalitet: Datakvalitet;
  /** Per computed year (the baseline is absent for a new nedslagspunkt). */
  readonly aar: readonly YearResult[];
  readonly medlemmer: readonly Member[];
  readonly forslag: readonly OutlierSuggestion[];
  /** Why outliers could not be assessed, per component and year. */
  readonly afvigerNoter: readonly string[];
  readonly ekstra: Ekstra | null;
}

export interface ProjectionResult {
  readonly nedslagspunkter: readonly NedslagspunktResultat[];
  /** The returns merged per municipality (what the report's Data sheet shows). */
  readonly returer: readonly MergedReturn[];
  readonly log: readonly LogEntry[];
  readonly indstillinger: ResolvedIndstillinger;
}

/** One municipality's returns merged (a municipality may send one workbook per template). */
export interface MergedReturn {
  readonly kommune: string;
  readonly skabeloner: ReadonlySet<string>;
  readonly values: KommuneReturn["values"];
  readonly findings: readonly Finding[];
}

export function mergeReturns(
  returns: readonly KommuneReturn[],
  log: LogEntry[] = []
): MergedReturn[] {
  const by = new Map<
    string,
    {
      skabeloner: Set<string>;
      values: Record<string, KommuneReturn["values"][string]>;
      findings: Finding[];
    }
  >();
  for (const r of returns) {
    const kommune = canonicalKommune(r.kommune);
    let m = by.get(kommune);
    if (!m) {
      m = { skabeloner: new Set(), values: {}, findings: [] };
      by.set(kommune, m);
    }
    for (const s of r.skabeloner) m.skabeloner.add(s);
    const values = m.values;
    for (const id in r.values) {
      const v = r.values[id];
      if (v === null || v === undefined) {
        if (values[id] === undefined) values[id] = null;
        continue;
      }
      const dot = id.indexOf(".");
      const t = dot < 0 ? id : id.slice(0, dot);
      if (!m.skabeloner.has(t)) m.skabeloner.add(t);
      const prev = values[id];
      if (prev !== null && prev !== undefined && prev !== v) {
        log.push({
          kommune,
          kilde: "data",
          besked: `${id} findes i flere filer (${String(prev)} og ${String(v)}); den sidste (${String(v)}) er brugt.`,
        });
      }
      values[id] = v;
    }
    m.findings.push(...r.findings);
  }
  return [...by.entries()].map(([kommune, m]) => ({ kommune, ...m }));
}

function timerPrAarsvaerk(def: MethodDef, s: ResolvedIndstillinger): number {
  return def.enhed === "aarsvaerk" ? 1 : s.timer_pr_aarsvaerk;
}

/** Baseline and final year of a nedslagspunkt after settings. */
export function periodOf(
  def: MethodDef,
  s: ResolvedIndstillinger
): { basis: number; slut: number } {
  const p = s.perioder[def.id] ?? {};
  return { basis: p.basis ?? def.basis, slut: p.slut ?? def.slut };
}

/** Years the engine computes: the final year, and the baseline unless the task is new. */
export function computedYears(def: MethodDef, basis: number, slut: number): number[] {
  return def.ny ? [slut] : [basis, slut];
}

function defaultWeight(c: ComponentDef): Expr {
  return c.weight ?? (c.ratios.length === 1 ? c.ratios[0].driver : c.units);
}

function mkContext(
  m: MergedReturn,
  kd: ReadonlyMap<string, Partial<Record<KommunedataKey, import("./inputs").ByYear>>>
): EvalContext {
  const own = kd.get(m.kommune);
  return {
    values: m.values,
    kommunedata: (key, year) => {
      const v = valueForYear(own?.[key], year);
      if (v !== undefined) return v;
      const def = KOMMUNEDATA_DEFAULT_FIELD[key];
      if (def) {
        const fv = m.values[def.replace("{y}", String(year))];
        if (typeof fv === "number" && Number.isFinite(fv)) return fv;
      }
      return undefined;
    },
  };
}

function missingText(r: EvalResult): string {
  return r.kind === "empty" ? r.missing.join(", ") : "";
}

/** Evaluates one component for one municipality and year: a value, or why the municipality is left out. */
function evaluateComponent(
  c: ComponentDef,
  year: number,
  ctx: EvalContext
): Computed<ComponentValue> {
  const pairs: ({ burden: number; driver: number } | null)[] = [];
  const missing: string[] = [];
  const unasked: string[] = [];
  let zero = false;
  for (const rd of c.ratios) {
    const b = evaluate(rd.burden, year, ctx);
    const d = evaluate(rd.driver, year, ctx);
    if (
      b.kind === "notAsked" ||
      d.kind === "notAsked" ||
      (b.kind === "empty" && d.kind === "empty")
    ) {
      if (b.kind === "empty") unasked.push(missingText(b));
      if (d.kind === "empty") unasked.push(missingText(d));
      pairs.push(null);
    } else if (d.kind === "value" && d.value <= 0) {
      zero = true;
      pairs.push(null);
    } else if (b.kind === "value" && d.kind === "value") {
      pairs.push({ burden: b.value, driver: d.value });
    } else {
      missing.push(missingText(b.kind === "empty" ? b : d));
      pairs.push(null);
    }
  }
  if (missing.length > 0) return fail(`mangler ${missing.join(", ")}`);
  const usable = pairs.filter((p): p is { burden: number; driver: number } => p !== null);
  const mr = meanOfRatios(usable);
  let r: number | null = mr.ok ? mr.value.mean : null;
  if (r === null && c.zeroDriver === "udelad") {
    return fail(
      zero
        ? `antal ${c.unitPlural} er 0 i ${year}`
        : `mangler ${unasked.join(", ") || `tal for ${year}`}`
    );
  }
  const u = evaluate(c.units, year, ctx);
  if (u.kind === "empty") {
    if (r !== null) return fail(`mangler ${missingText(u)}`);
  }
  const units = u.kind === "value" ? u.value : 0;
  let base: number | null = null;
  if ("twoStage" in c.national) {
    const b = ctx.kommunedata(c.national.twoStage.base, year);
    if (b === undefined) return fail(`mangler Kommunedata »${c.national.twoStage.base}« ${year}`);
    base = b;
  }
  const w = evaluate(defaultWeight(c), year, ctx);
  return ok({ r, pairs, units, base, weight: w.kind === "value" ? w.value : null });
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
  log: LogEntry[]
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

  const allExprs: Expr[] = def.components.flatMap((c) => [
    ...c.ratios.flatMap((r) => [r.burden, r.driver]),
    c.units,
    defaultWeight(c),
  ]);
  const fieldsNeeded = new Set(years.flatMap((y) => allExprs.flatMap((e) => fieldsRead(e, y))));

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
    const ctx = mkContext(m, kd);
    const byYear = new Map<number, ComponentValue[]>();
    const problems: string[] = [];
    for (const y of years) {
      const comps: ComponentValue[] = [];
      for (const c of def.components) {
        const r = evaluateComponent(c, y, ctx);
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
        ? `${f.kommune} afviger i ${f.aar} (modificeret z = ${f.z.toFixed(1)}), men er medtaget efter indstilling (»medtag«).`
        : `${f.kommune} afviger i ${f.aar} (modificeret z = ${f.z.toFixed(1)}); forslag: overvej at udelade kommunen (ikke gjort automatisk).`,
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
    tal.value.alle
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
  const s = resolveIndstillinger(input.indstillinger);
  const merged = mergeReturns(input.returns, log);
  const kd = indexKommunedata(input.kommunedata);
  const methods = input.methods ?? METHODS;
  const nedslagspunkter = methods.map((def) => projectOne(def, merged, input.landstal, kd, s, log));
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

/** The CLI's `--json` contract: only the contract's fields. */
export function toJsonContract(r: ProjectionResult): unknown {
  return {
    nedslagspunkter: r.nedslagspunkter.map((n) => ({
      id: n.id,
      basisaar: n.basisaar,
      slutaar: n.slutaar,
      undersoegte: n.undersoegte,
      alle: n.alle,
      spaend: n.spaend,
      kommuner: n.kommuner,
      udeladt: n.udeladt,
      kan_ikke_beregnes: n.kan_ikke_beregnes,
    })),
  };
}
