/**
 * The projection engine ("opregning"): validated returns + Landstal + Kommunedata + Indstillinger →
 * per nedslagspunkt the studied and national årsværk at baseline and final year, the increase, the
 * span, the municipalities used and left out (with reasons), and "kan ikke beregnes" reasons.
 * Pure: results and reasons, never throws on user data, never NaN, never a silent 0.
 * The arithmetic is method.md's; the per-method knowledge lives in definitions.ts.
 */
import type { Finding, KommuneReturn } from "../model";
import { spaend, type Spaend } from "./arithmetic";
import type { Node } from "../expr/ast";
import type { Pack, ProjectionCalculation } from "../pack/model";
import { defaultPack } from "../pakker";
import type { ComponentDef, KommunedataKey, MethodDef } from "./definitions";
import {
  emptyFieldsRead,
  evaluate,
  fieldsRead,
  projectionScope,
  type EvalContext,
  type EvalResult,
  type ProjectionScope,
} from "./expr";
import { computeTal, computedYears } from "./tal";
import { templateOfId } from "../fieldId";
import {
  canonicalKommune,
  indexKommunedata,
  resolveIndstillinger,
  valueForYear,
  type Indstillinger,
  type Kommunedata,
  type Landstal,
  type ResolvedIndstillinger,
} from "./inputs";
import { meanOfRatios } from "./primitives";
import {
  assessQuality,
  suggestOutliers,
  type Datakvalitet,
  type OutlierSuggestion,
} from "./quality";
import { computeExtras, type Ekstra } from "./extras";
import { usableReturns } from "../validate/batch";
import { formatDanishNumber } from "../parse/number";

export interface ProjectionInput {
  readonly returns: readonly KommuneReturn[];
  readonly landstal: Landstal;
  readonly kommunedata?: Kommunedata;
  readonly indstillinger?: Indstillinger;
  /** The pack whose projection runs (default kl2024). */
  readonly pack?: Pack;
  /** Only these nedslagspunkter (default: every one of the pack's projection). */
  readonly methods?: readonly MethodDef[];
}

/** What one run of the projection needs besides the data: how to read expressions and defaults. */
interface Run {
  readonly scope: ProjectionScope;
  /** Kommunedata key → the field (with {år}) in a municipality's own return used when the table lacks it. */
  readonly kdDefaults: Readonly<Record<string, string>>;
}

/** The projection calculation of a pack (kl2024's "opregning"). */
export function projectionOf(pack: Pack): ProjectionCalculation | undefined {
  return pack.calculations.find((c): c is ProjectionCalculation => c.type === "projektion");
}

function runOf(pack: Pack, calc: ProjectionCalculation): Run {
  const kd = pack.inputs.find((t) => t.id === calc.kommunedata);
  return { scope: projectionScope(pack, calc.kommunedata), kdDefaults: kd?.defaults ?? {} };
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

/** A value in a Danish message: numbers with a decimal comma. */
const shown = (v: unknown) => (typeof v === "number" ? formatDanishNumber(v) : String(v));

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
          besked: `${id} findes i flere filer (${shown(prev)} og ${shown(v)}); den sidste (${shown(v)}) er brugt.`,
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

function defaultWeight(c: ComponentDef): Node {
  return c.weight ?? (c.ratios.length === 1 ? c.ratios[0].driver : c.units);
}

function mkContext(
  m: MergedReturn,
  kd: ReadonlyMap<string, Partial<Record<KommunedataKey, import("./inputs").ByYear>>>,
  run: Run
): EvalContext {
  const own = kd.get(m.kommune);
  return {
    values: m.values,
    kommunedata: (key, year) => {
      const v = valueForYear(own?.[key], year);
      if (v !== undefined) return v;
      const def = run.kdDefaults[key];
      if (def) {
        const fv = m.values[def.replace("{år}", String(year))];
        if (typeof fv === "number" && Number.isFinite(fv)) return fv;
      }
      return undefined;
    },
  };
}

/** Evaluates one component for one municipality and year: a value, or why the municipality is left out. */
/** A component for one municipality and year, or why it is left out (and which fields were missing). */
type ComponentOutcome =
  | { readonly ok: true; readonly value: ComponentValue }
  | {
      readonly ok: false;
      readonly reason: string;
      /** Fields (and Kommunedata references) whose absence left the municipality out. */
      readonly missing: readonly string[];
      /** The two-stage base the Kommunedata lacked. */
      readonly missingBase?: KommunedataKey;
    };

const leftOut = (
  reason: string,
  missing: readonly string[] = [],
  missingBase?: KommunedataKey
): ComponentOutcome => ({ ok: false, reason, missing, ...(missingBase ? { missingBase } : {}) });

const missingOf = (r: EvalResult): readonly string[] => (r.kind === "empty" ? r.missing : []);

/** Evaluates one component for one municipality and year: a value, or why the municipality is left out. */
function evaluateComponent(
  c: ComponentDef,
  year: number,
  ctx: EvalContext,
  scope: ProjectionScope
): ComponentOutcome {
  const pairs: ({ burden: number; driver: number } | null)[] = [];
  const missing: string[] = [];
  const unasked: string[] = [];
  let zero = false;
  for (const rd of c.ratios) {
    const b = evaluate(rd.burden, year, ctx, scope);
    const d = evaluate(rd.driver, year, ctx, scope);
    if (
      b.kind === "notAsked" ||
      d.kind === "notAsked" ||
      (b.kind === "empty" && d.kind === "empty")
    ) {
      unasked.push(...missingOf(b), ...missingOf(d));
      pairs.push(null);
    } else if (d.kind === "value" && d.value <= 0) {
      zero = true;
      pairs.push(null);
    } else if (b.kind === "value" && d.kind === "value") {
      pairs.push({ burden: b.value, driver: d.value });
    } else {
      missing.push(...missingOf(b.kind === "empty" ? b : d));
      pairs.push(null);
    }
  }
  if (missing.length > 0) return leftOut(`mangler ${missing.join(", ")}`, missing);
  const usable = pairs.filter((p): p is { burden: number; driver: number } => p !== null);
  const mr = meanOfRatios(usable);
  const r: number | null = mr.ok ? mr.value.mean : null;
  if (r === null && c.zeroDriver === "udelad") {
    return zero
      ? leftOut(`antal ${c.unitPlural} er 0 i ${year}`)
      : leftOut(`mangler ${unasked.join(", ") || `tal for ${year}`}`, unasked);
  }
  const u = evaluate(c.units, year, ctx, scope);
  if (u.kind === "empty" && r !== null)
    return leftOut(`mangler ${missingOf(u).join(", ")}`, missingOf(u));
  const units = u.kind === "value" ? u.value : 0;
  let base: number | null = null;
  if ("twoStage" in c.national) {
    const b = ctx.kommunedata(c.national.twoStage.base, year);
    if (b === undefined)
      return leftOut(
        `mangler Kommunedata »${c.national.twoStage.base}« ${year}`,
        [],
        c.national.twoStage.base
      );
    base = b;
  }
  const w = evaluate(defaultWeight(c), year, ctx, scope);
  return {
    ok: true,
    value: { r, pairs, units, base, weight: w.kind === "value" ? w.value : null },
  };
}

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
  const order = new Map([...pack.fields.keys()].map((id, i) => [id, i]));
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

/**
 * The projection as a report table in the packs' `tabeller` format: a row per nedslagspunkt
 * (id = its id) with the studied and national figures, the increase and the span; a figure that
 * cannot be computed is null with the reason under `grunde`.
 */
export function projectionTableJson(r: ProjectionResult): Record<string, unknown> {
  const kolonner = [
    "basisaar",
    "slutaar",
    "undersoegte_basis",
    "undersoegte_slut",
    "alle_basis",
    "alle_slut",
    "stigning",
    "spaend_lav",
    "spaend_hoej",
  ];
  return {
    opregning: {
      titel: "Øget administrativ belastning (årsværk)",
      kolonner,
      raekker: r.nedslagspunkter.map((n) => {
        const values: Record<string, number | null> = {
          basisaar: n.basisaar,
          slutaar: n.slutaar,
          undersoegte_basis: n.undersoegte.basis,
          undersoegte_slut: n.undersoegte.slut,
          alle_basis: n.alle.basis,
          alle_slut: n.alle.slut,
          stigning: n.alle.stigning,
          spaend_lav: n.spaend?.lav ?? null,
          spaend_hoej: n.spaend?.hoej ?? null,
        };
        const grunde = n.kan_ikke_beregnes
          ? Object.fromEntries(
              Object.entries(values)
                .filter(([, v]) => v === null)
                .map(([k]) => [k, n.kan_ikke_beregnes!])
            )
          : undefined;
        return { id: n.id, ...values, ...(grunde ? { grunde } : {}) };
      }),
    },
  };
}
