/**
 * The tariff and financing calculators behind the BYRDE.* functions of the rammeaftale area
 * (Socialtilsyn's tariffs, fixed prices, price per place, tariff development, occupancy, objective
 * financing and the self-risk rule, the resident's price of escort on holiday). Constants are
 * never written here: they are a pack's national input tables (`inddata` with `standard`), read by
 * (key, year) with {@link packConstant}; the built-in `rammeaftale_li` carries the seed's figures.
 * Every function returns a result or a reason; none throws on user data.
 */
import type { Pack } from "../pack/model";
import { roundHalfAwayFromZero } from "./arithmetic";

export type Calc<T = number> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };
const ok = <T>(value: T): Calc<T> => ({ ok: true, value });
const fail = (reason: string): Calc<never> => ({ ok: false, reason });

/** The years a national input table's figure has, ascending (empty when the table or key is missing). */
export function constantYears(pack: Pack, table: string, key: string): number[] {
  const t = pack.inputs.find((x) => x.id === table);
  const v = t?.standard?.[key];
  if (v === undefined) return [];
  if (typeof v === "number") return [];
  return Object.keys(v)
    .map(Number)
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => a - b);
}

/**
 * A pack's constant by (key, year): the figure of a national input table's `standard`. Without a
 * year, the latest year the key has. The reason names the table and what is missing, in Danish.
 */
export function packConstant(pack: Pack, table: string, key: string, year?: number): Calc {
  const t = pack.inputs.find((x) => x.id === table);
  if (!t?.standard) return fail(`pakken »${pack.id}« har ingen tabel »${table}« med egne tal`);
  const v = t.standard[key];
  if (v === undefined) return fail(`»${t.name}« har intet tal for »${key}«`);
  if (typeof v === "number") return ok(v);
  const years = constantYears(pack, table, key);
  const y = year ?? years[years.length - 1];
  const value = y === undefined ? undefined : v[String(y)];
  if (value === undefined)
    return fail(`»${t.name}« har intet tal for »${key}« i ${y} (kun ${years.join(", ")})`);
  return ok(value);
}

/** Socialtilsyn's size bands by number of places: 1–7, 8–24, 25–49, 50+. */
export function tilsynStoerrelse(pladser: number): "p1_7" | "p8_24" | "p25_49" | "p50" {
  if (pladser < 8) return "p1_7";
  if (pladser < 25) return "p8_24";
  if (pladser < 50) return "p25_49";
  return "p50";
}

/** Task types of the tariff matrix, by the words users write (Danish, any case). */
const OPGAVER: Readonly<Record<string, string>> = {
  tilsyn: "tilsyn",
  skærpet: "skaerpet",
  skaerpet: "skaerpet",
  ny: "ny",
  ændring: "aendring",
  aendring: "aendring",
};
export const TILSYN_OPGAVER = ["tilsyn", "skærpet", "ny", "ændring"] as const;

/**
 * Socialtilsyn's tariff for an offer with `pladser` places, task `opgave` (tilsyn per year,
 * skærpet per month, ny godkendelse and væsentlig ændring one-off) and year, from the pack's
 * table `tilsynstakster` (key »opgave.størrelse«).
 */
export function tilsynstakst(pack: Pack, pladser: number, opgave: string, aar: number): Calc {
  if (!(pladser >= 1)) return fail(`antal pladser skal være mindst 1 (ikke ${pladser})`);
  const o = OPGAVER[opgave.trim().toLowerCase()];
  if (!o)
    return fail(
      `opgaven »${opgave}« findes ikke; skriv ${TILSYN_OPGAVER.map((x) => `"${x}"`).join(", ")}`
    );
  return packConstant(pack, "tilsynstakster", `${o}.${tilsynStoerrelse(pladser)}`, aar);
}

/** Change in fixed prices: nu / (før × p) − 1, p the price and wage factor from the year before. */
export function fastePriserAendring(nu: number, foer: number, plFaktor: number): Calc {
  if (foer === 0 || plFaktor === 0) return fail("beløbet året før eller pris- og lønfaktoren er 0");
  return ok(nu / (foer * plFaktor) - 1);
}

/** Average price per place per year in kr.: regnskab (1.000 kr.) × 1.000 / belægning. */
export function prisPrPlads(regnskabTkr: number, belaegning: number): Calc {
  if (belaegning === 0) return fail("belægningen er 0");
  return ok((regnskabTkr * 1000) / belaegning);
}

/** Tariff development pris_nu / pris_før − 1; »udgået« when pris_nu is 0 (no belægning in the year). */
export function takstudvikling(foer: number, nu: number): Calc {
  if (nu === 0) return fail("udgået");
  if (foer === 0) return fail("prisen året før er 0");
  return ok(nu / foer - 1);
}

/** Occupancy: Σ forbrug / Σ normering over the pairs where both are given (a fraction; above 1 is overbelægning). */
export function belaegningsgrad(pairs: readonly (readonly [number, number])[]): Calc {
  let f = 0;
  let n = 0;
  for (const [a, b] of pairs) {
    f += a;
    n += b;
  }
  if (n === 0) return fail("ingen normering");
  return ok(f / n);
}

/** Objective financing: the rate per inhabitant × inhabitants. */
export function objektivFinansiering(sats: number, indbyggere: number): number {
  return sats * indbyggere;
}

/**
 * Settlement after the self-risk rule: sign(R) × max(0, |R| − selvrisiko × G). The operator keeps
 * the first `selvrisiko` of a surplus and carries the first of a deficit; G (the base) is an input.
 */
export function efterregulering(resultat: number, grundlag: number, selvrisiko: number): number {
  const rest = Math.max(0, Math.abs(resultat) - selvrisiko * grundlag);
  return rest === 0 ? 0 : Math.sign(resultat) * rest;
}

/** Model 1 (tillægstakster): the hourly rate with the administration mark-up, rounded to whole kroner. */
export function ledsagelseSats1(sats: number, adminPct: number): number {
  return roundHalfAwayFromZero(sats * (1 + adminPct / 100));
}

/** Model 2 (koloniaftalen): one trip's figures. Hours are for all staff; days and rest hours per employee. */
export interface LedsagelseModel2Input {
  readonly timerKoloni: number;
  readonly doegnPaabegyndt: number;
  readonly doegnDagpenge: number;
  readonly timerDagpenge: number;
  readonly medarbejdere: number;
  readonly besparelsePrTime: number;
  /** The overhead in kr. as printed (the seed's 753,02); without it, the rate × the wage. */
  readonly overheadKr?: number;
}

export interface LedsagelseModel2Satser {
  readonly aarsloen: number;
  readonly aarstimer: number;
  readonly kolonitillaeg: number;
  readonly dagpengeDoegn: number;
  readonly dagpengeTime: number;
  readonly overheadPct: number;
}

export interface LedsagelseModel2 {
  readonly timeloen: number;
  readonly loen: number;
  readonly kolonitillaeg: number;
  readonly dagpengeDoegn: number;
  readonly dagpengeTimer: number;
  readonly overhead: number;
  readonly iAlt: number;
  readonly fradrag: number;
  readonly egenbetaling: number;
}

/** The lines of the London example, each rounded to øre as the example does. */
export function ledsagelseModel2(
  i: LedsagelseModel2Input,
  s: LedsagelseModel2Satser
): Calc<LedsagelseModel2> {
  if (!(i.timerKoloni > 0)) return fail("timer efter koloniaftalen skal være over 0");
  if (s.aarstimer === 0) return fail("timer pr. år er 0");
  const r2 = (x: number) => roundHalfAwayFromZero(x, 2);
  const timeloen = r2(s.aarsloen / s.aarstimer);
  const loen = r2(i.timerKoloni * timeloen);
  const kolonitillaeg = r2(s.kolonitillaeg * i.doegnPaabegyndt * i.medarbejdere);
  const dagpengeDoegn = r2(s.dagpengeDoegn * i.doegnDagpenge * i.medarbejdere);
  const dagpengeTimer = r2(s.dagpengeTime * i.timerDagpenge * i.medarbejdere);
  const overhead = i.overheadKr ?? r2((loen * s.overheadPct) / 100);
  const iAlt = r2(loen + kolonitillaeg + dagpengeDoegn + dagpengeTimer + overhead);
  const fradrag = r2(i.besparelsePrTime * i.timerKoloni);
  return ok({
    timeloen,
    loen,
    kolonitillaeg,
    dagpengeDoegn,
    dagpengeTimer,
    overhead,
    iAlt,
    fradrag,
    egenbetaling: r2(iAlt - fradrag),
  });
}

/** Model 2's rates for a year from the pack's table `ledsagelse`. */
export function ledsagelseSatser2(pack: Pack, aar?: number): Calc<LedsagelseModel2Satser> {
  const keys = {
    aarsloen: "model2_aarsloen",
    aarstimer: "model2_aarstimer",
    kolonitillaeg: "model2_kolonitillaeg",
    dagpengeDoegn: "model2_dagpenge_doegn",
    dagpengeTime: "model2_dagpenge_time",
    overheadPct: "model2_overhead_pct",
  } as const;
  const out: Record<string, number> = {};
  for (const [name, key] of Object.entries(keys)) {
    const c = packConstant(pack, "ledsagelse", key, aar);
    if (!c.ok) return c;
    out[name] = c.value;
  }
  return ok(out as unknown as LedsagelseModel2Satser);
}
