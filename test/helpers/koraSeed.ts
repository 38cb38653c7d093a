/**
 * Fixtures built from the printed tables of KORA (2017), seed 003 (test/fixtures/kora/seed003.json,
 * made by scripts/kora-fikstur.js from the report's text):
 *
 * - `seedShapedEnhed()`: a register extract for 98 municipalities constructed so that the engine
 *   must reproduce Tab. 3.7 (unweighted and weighted mean, minimum, maximum, n), Tab. 3.8 (kun
 *   brugertal, kun udgifter) and the national user totals of Tab. 3.1 (helårsbrugere, unikke
 *   brugere, brugere pr. 31.12). The municipalities and their single figures are invented; only
 *   these printed totals and statistics are the seed's.
 * - `tab34Returns()`: eight kora_egnetal returns whose own and DST counts are implied by Tab. 3.4's
 *   deviation (antal) and deviation (procent): dst = antal ÷ (procent / 100), egne = dst + antal;
 *   "0 –" is 0 and 0, "–" is left empty.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { KOMMUNER } from "../../src/domain/catalogue/kommuner";
import type { KommuneReturn } from "../../src/domain/model";
import { builtinPack } from "../../src/domain/pakker";
import type { InputTable } from "../../src/domain/pack/env";

type Cell = { antal: number; pct: number } | "–" | "0–";
export interface Seed003 {
  tabeller: {
    tab31: { raekker: Record<string, [number, number, number]> };
    tab33: { raekker: Record<string, [number, number]> };
    tab34: {
      grundlag: { anbringelser: string[]; forebyggende: string[] };
      raekker: Record<string, Cell[]>;
    };
    tab37: { raekker: Record<string, [number, number, number, number, number]> };
    tab38: { raekker: Record<string, [number, number]> };
    bilag1: Record<string, { raekker: Record<string, (number | null)[]> }>;
  };
}

export const SEED: Seed003 = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "kora", "seed003.json"), "utf8")
);

/** The ten delområde ids, from the pack's axis. */
export const D_ALL = builtinPack("kora_enhedsudgifter")!.axes.get("delomraader")!.map((c) => String(c.key));
export const D19 = D_ALL.slice(0, 9);
export const AAR = 2014;
/** Delområde 10 has no national total in the report (F003-18): an invented one. */
const D10_INDSKREVNE = 4000;

/** n values with exactly this minimum, maximum and mean, spread between them. */
function unitCosts(n: number, min: number, max: number, mean: number): number[] {
  if (n === 1) return [mean];
  const rest = n - 2;
  const centre = (mean * n - min - max) / rest;
  if (centre < min || centre > max) throw new Error("gennemsnittet ligger uden for min–max");
  // Pairs centre ± δ keep the sum; δ from 0,6 to 0,95 of what both ends allow (a wide spread,
  // so the users can be weighted towards any weighted mean the report prints).
  const room = Math.min(centre - min, max - centre);
  const out = [min, max];
  const half = Math.floor(rest / 2);
  for (let k = 1; k <= half; k++) {
    const d = room * (0.6 + (0.35 * k) / half);
    out.push(centre - d, centre + d);
  }
  if (rest % 2 === 1) out.push(centre);
  return out;
}

/**
 * One delområde's municipalities (index into the 98): for the included ones a unit cost and
 * helårsbrugere; for kun brugere users and no expenditure; for kun udgifter expenditure only.
 */
function delomraade(
  uv: number,
  w: number,
  min: number,
  max: number,
  n: number,
  kb: number,
  ku: number,
  H: number
): { e: number[]; h: (number | null)[] } {
  const uc = unitCosts(n, min, max, uv);
  const mean = uc.reduce((a, b) => a + b, 0) / n;
  // φ: the share of users with kun brugere; the included carry the rest at weighted mean w_incl,
  // and kun udgifter the expenditure left over (so they need w_incl below w / (1 − φ)).
  const phi =
    kb === 0
      ? 0
      : ku > 0
        ? Math.min(0.95, Math.max(0.02, 1 - (0.9 * w) / uv))
        : w < uv
          ? 1 - w / uv
          : 0.002 * kb;
  const wIncl = ku > 0 ? Math.min(uv, (0.995 * w) / (1 - phi)) : w / (1 - phi);
  // Equal users b each, plus x more on the cheapest (or dearest) municipality, weight the mean to
  // w_incl: b·n·(mean − w_incl) = x·(w_incl − m).
  const m = wIncl < mean ? min : max;
  const x = Math.abs(wIncl - mean) < 1e-9 ? 0 : (n * (mean - wIncl)) / (wIncl - m);
  if (!(x >= 0)) throw new Error(`kan ikke vægte til ${wIncl}`);
  const hIncl = H * (1 - phi);
  const b = hIncl / (n + x);
  const users = uc.map((c, i) => b + (i === (m === min ? 0 : 1) ? x * b : 0));
  const e: number[] = [];
  const h: (number | null)[] = [];
  uc.forEach((x, i) => {
    e.push(x * users[i]);
    h.push(users[i]);
  });
  for (let i = 0; i < kb; i++) {
    e.push(0);
    h.push((H * phi) / kb);
  }
  const eRest = w * H - e.reduce((a, b) => a + b, 0);
  if (ku === 0 && Math.abs(eRest) > 1e-6 * w * H) throw new Error("udgiften går ikke op");
  for (let i = 0; i < ku; i++) {
    e.push(eRest / ku);
    h.push(0);
  }
  return { e, h };
}

/** The constructed extract: {kommune: {"<d>.<mål>": {"2014": tal}}} for all 98 municipalities. */
export function seedShapedEnhed(): InputTable {
  const t = SEED.tabeller;
  const out: Record<string, Record<string, Record<string, number>>> = {};
  const names = KOMMUNER.map((k) => k.navn);
  for (const k of names) out[k] = {};
  D_ALL.forEach((d, di) => {
    const [uv, w, min, max, n] = t.tab37.raekker[d];
    const [kb, ku] = t.tab38.raekker[d];
    const [H, U, O] = d === "saerlig_dagtilbud" ? [D10_INDSKREVNE, 0, 0] : t.tab31.raekker[d];
    const { e, h } = delomraade(uv, w, min, max, n, kb, ku, H);
    // A different municipality starts each delområde, so no municipality is always included.
    e.forEach((x, i) => {
      const k = names[(i + 7 * di) % 98];
      out[k][`${d}.udgift`] = { [AAR]: x };
      if (d === "saerlig_dagtilbud") out[k][`${d}.indskrevne`] = { [AAR]: h[i] ?? 0 };
      else {
        // Unique users and users on 31.12 in proportion to helårsbrugere: the national totals of Tab. 3.1.
        out[k][`${d}.helaarsbrugere`] = { [AAR]: h[i] ?? 0 };
        out[k][`${d}.unikke_brugere`] = { [AAR]: ((h[i] ?? 0) * U) / H };
        out[k][`${d}.brugere_ultimo`] = { [AAR]: ((h[i] ?? 0) * O) / H };
      }
    });
  });
  return out;
}

/** The eight dialogue municipalities as Kommune 1–8 (K2 and K3 as the report names them; the rest constructed). */
export const K = [
  "Frederiksberg",
  "Mariagerfjord",
  "Syddjurs",
  "Aalborg",
  "Næstved",
  "Esbjerg",
  "Faaborg-Midtfyn",
  "Ishøj",
];

const GRUNDLAG: Record<string, string> = {
  helårsbrugere: "helaarsbrugere",
  "ultimo året": "ultimo",
  "i løbet af året": "unikke",
  mangler: "mangler",
};

/** Own and DST counts implied by one Tab. 3.4 cell, or null for "–". */
export function implied(c: Cell): { egne: number; dst: number } | null {
  if (c === "–") return null;
  if (c === "0–") return { egne: 0, dst: 0 };
  const dst = c.antal / (c.pct / 100);
  return { egne: dst + c.antal, dst };
}

/** Eight kora_egnetal returns implied by Tab. 3.4 (fields as the template names them). */
export function tab34Returns(): KommuneReturn[] {
  const t = SEED.tabeller.tab34;
  return K.map((kommune, ki) => {
    const values: Record<string, number | string | null> = {};
    const blocks: [string, string[], string][] = [
      ["anbringelser", [...D19.slice(0, 7), "i_alt"], t.grundlag.anbringelser[ki]],
      ["forebyggende", D19.slice(7), t.grundlag.forebyggende[ki]],
    ];
    for (const [blok, rows, grundlag] of blocks) {
      values[`kora_egnetal.${blok}.grundlag.egne`] = GRUNDLAG[grundlag];
      for (const d of rows) {
        const c = implied(t.raekker[d][ki]);
        values[`kora_egnetal.${blok}.${d}.egne`] = c ? c.egne : null;
        values[`kora_egnetal.${blok}.${d}.dst`] = c ? c.dst : null;
      }
    }
    return {
      kommune,
      pakke: "kora_enhedsudgifter",
      skabeloner: ["kora_egnetal"],
      version: 2026120101,
      values,
      findings: [],
    };
  });
}
