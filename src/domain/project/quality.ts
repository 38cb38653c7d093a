/**
 * Outlier suggestions (modified z-scores, never applied silently) and the Datakvalitet rating.
 */
import { formatDanishNumber } from "../parse/number";
import type { MethodDef } from "./definitions";
import type { Member } from "./result";
import { mean, modifiedZScores, sampleStdDev, MODIFIED_Z_THRESHOLD } from "./stats";

export interface OutlierSuggestion {
  readonly kommune: string;
  /** Component id (outcome, barometer) the ratio belongs to. */
  readonly komponent: string;
  readonly aar: number;
  /** Modified z-score. */
  readonly z: number;
  /** The consultant keeps the municipality anyway (»medtag«). */
  readonly medtaget: boolean;
}

/**
 * Suggests leaving out municipalities whose ratio r_m has |modified z| > 3.5 (Iglewicz & Hoaglin),
 * per component and computed year. Where scores cannot be computed (n < 4, MAD = 0) a note says why.
 */
export function suggestOutliers(
  def: MethodDef,
  members: readonly Member[],
  years: readonly number[],
  medtag: ReadonlySet<string>
): { forslag: OutlierSuggestion[]; noter: string[] } {
  const forslag: OutlierSuggestion[] = [];
  const noter: string[] = [];
  def.components.forEach((c, ci) => {
    for (const y of years) {
      const rs = members
        .map((m) => ({ kommune: m.kommune, r: m.years.get(y)?.[ci]?.r ?? null }))
        .filter((x): x is { kommune: string; r: number } => x.r !== null);
      const z = modifiedZScores(rs.map((x) => x.r));
      const label = def.components.length > 1 ? `${c.label}, ${y}` : `${y}`;
      if (!z.ok) {
        noter.push(`${label}: ${z.reason}`);
        continue;
      }
      z.scores.forEach((score, i) => {
        if (Math.abs(score) > MODIFIED_Z_THRESHOLD) {
          forslag.push({
            kommune: rs[i].kommune,
            komponent: c.id,
            aar: y,
            z: score,
            medtaget: medtag.has(rs[i].kommune),
          });
        }
      });
    }
  });
  return { forslag, noter };
}

export type DatakvalitetNiveau = "Høj" | "Middel" | "Lav";

export interface Datakvalitet {
  readonly niveau: DatakvalitetNiveau;
  /** Share of the studied municipalities whose return was used (0–1); null with no studied municipalities. */
  readonly daekning: number | null;
  /** Coefficient of variation of r_m in the final year (largest over the components); null when n < 2. */
  readonly cv: number | null;
  readonly begrundelse: string;
}

/**
 * Thresholds for Datakvalitet (documented in docs/opregning.md and on the Overblik sheet):
 * - Høj: coverage ≥ 80 %, at least 3 municipalities in every part, and CV ≤ 0,5.
 * - Middel: coverage ≥ 50 %, at least 2 municipalities in every part, and CV ≤ 1,0.
 * - Lav: everything else.
 * Coverage = municipalities used / municipalities that returned the template. CV = sample standard
 * deviation / mean of the ratios r_m in the final year, the largest over the nedslagspunkt's parts.
 */
export const DATAKVALITET_GRAENSER = {
  hoej: { daekning: 0.8, cv: 0.5, n: 3 },
  middel: { daekning: 0.5, cv: 1.0, n: 2 },
} as const;

export function datakvalitetTekst(): string {
  const h = DATAKVALITET_GRAENSER.hoej;
  const m = DATAKVALITET_GRAENSER.middel;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const dec = (x: number) => formatDanishNumber(x, 1);
  return (
    `Datakvalitet: Høj = mindst ${pct(h.daekning)} af de undersøgte kommuners tal er brugt, mindst ${h.n} kommuner i hver del og variationskoefficient ≤ ${dec(h.cv)}; ` +
    `Middel = mindst ${pct(m.daekning)}, mindst ${m.n} kommuner og variationskoefficient ≤ ${dec(m.cv)}; ellers Lav. ` +
    `Variationskoefficienten er standardafvigelsen divideret med gennemsnittet af kommunernes tal pr. enhed i slutåret.`
  );
}

export function assessQuality(
  def: MethodDef,
  members: readonly Member[],
  studied: number,
  slut: number
): Datakvalitet {
  const daekning = studied > 0 ? members.length / studied : null;
  let cv: number | null = null;
  let minN = Infinity;
  def.components.forEach((_c, ci) => {
    const rs = members
      .map((m) => m.years.get(slut)?.[ci]?.r ?? null)
      .filter((r): r is number => r !== null);
    if (rs.length === 0) return;
    minN = Math.min(minN, rs.length);
    if (rs.length >= 2) {
      const mu = mean(rs);
      if (mu > 0) {
        const v = sampleStdDev(rs) / mu;
        cv = cv === null ? v : Math.max(cv, v);
      }
    }
  });
  if (minN === Infinity) minN = 0;
  const h = DATAKVALITET_GRAENSER.hoej;
  const m = DATAKVALITET_GRAENSER.middel;
  const d = daekning ?? 0;
  const c = cv ?? Infinity;
  const niveau: DatakvalitetNiveau =
    d >= h.daekning && minN >= h.n && c <= h.cv
      ? "Høj"
      : d >= m.daekning && minN >= m.n && c <= m.cv
        ? "Middel"
        : "Lav";
  const pct = Math.round(d * 100);
  const cvText = cv === null ? "kan ikke beregnes" : formatDanishNumber(cv as number, 2);
  return {
    niveau,
    daekning,
    cv,
    begrundelse: `${members.length} af ${studied} kommuner brugt (${pct} %), mindst ${minN} i hver del, variationskoefficient ${cvText}.`,
  };
}
