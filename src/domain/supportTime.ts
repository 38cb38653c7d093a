/**
 * The arithmetic of support time on the specialised social area (VIVE 2024; the stoettetimer
 * pack), for the `BYRDE.*` custom functions: a time slot's duration past midnight, time in a
 * group shared among the citizens, the price of a support hour from wage and ATA time, the
 * service level of weekly hours and the delivery rate. The pack's expressions compute the same
 * figures in its templates and report; tests hold the two equal on the worked examples.
 * Results or a Danish reason; nothing throws.
 */
import { parseCell } from "./parse/cell";

export type Checked<T> = { readonly ok: true; readonly value: T } | ProblemOf;

/** A reason a figure cannot be computed: a wrong kind of value, out of range, or a division by 0. */
export interface ProblemOf {
  readonly ok: false;
  readonly kind: "vaerdi" | "num" | "div0";
  readonly message: string;
}

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = (kind: ProblemOf["kind"], message: string): ProblemOf => ({
  ok: false,
  kind,
  message,
});

/** VIVE 2024 fn. 23 (bostøtte): level 1 from 45 minutes, level 2 from 2½ hours, level 3 over 4 hours a week. */
export const YDELSESNIVEAU_GRAENSER: readonly [number, number, number] = [0.75, 2.5, 4];

/** A clock time (a fraction of a day, or "tt:mm" text; 24:00 is the end of the day). */
export function clockTime(v: unknown, what: string): Checked<number> {
  const r = parseCell({ value: v }, "klokkeslaet");
  if (r.value === null || r.findings.some((f) => f.severity === "fejl"))
    return problem(
      typeof v === "number" ? "num" : "vaerdi",
      `${what} er ikke et klokkeslæt; skriv tt:mm, fx 07:30.`
    );
  return ok(r.value as number);
}

/** Minutes from `start` to `end` (clock times as day fractions), past midnight when end is earlier. */
export function durationMinutes(start: number, end: number): Checked<number> {
  if (Math.abs(end - start) < 1e-12)
    return problem("num", "start og slut er samme klokkeslæt; det kan være både 0 og 24 timer.");
  const d = end - start;
  const minutes = (d - Math.floor(d)) * 1440;
  return ok(Math.round(minutes * 100) / 100);
}

/** A whole number of people of at least 1. */
function people(n: number, what: string): Checked<number> {
  if (!Number.isInteger(n) || n < 1)
    return problem("num", `${what} skal være et helt tal på mindst 1 (er ${n}).`);
  return ok(n);
}

/** The minutes a citizen is charged for a slot: minutes × staff ÷ citizens (1:4 → a quarter each). */
export function convertedMinutes(minutes: number, citizens: number, staff = 1): Checked<number> {
  if (minutes < 0) return problem("num", `minutter kan ikke være negativt (${minutes}).`);
  const c = people(citizens, "borgere");
  if (!c.ok) return c;
  const s = people(staff, "personale");
  if (!s.ok) return s;
  return ok((minutes * s.value) / c.value);
}

/** "1:4" → staff 1, citizens 4 (spaces allowed); whole numbers of at least 1. */
export function staffing(text: unknown): Checked<{ staff: number; citizens: number }> {
  const m = typeof text === "string" ? /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(text) : null;
  if (!m)
    return problem(
      "vaerdi",
      `normeringen skal skrives som personale:borgere, fx "1:1" eller "1:4"${typeof text === "string" ? ` (ikke "${text}")` : ""}.`
    );
  const staff = people(Number(m[1]), "personale");
  if (!staff.ok) return staff;
  const citizens = people(Number(m[2]), "borgere");
  if (!citizens.ok) return citizens;
  return ok({ staff: staff.value, citizens: citizens.value });
}

/** ATA hours of a full-time post: the annual norm less absence and other activities. */
export function ataHours(norm: number, absence: number, other: number): Checked<number> {
  const h = norm - absence - other;
  if (!(h > 0))
    return problem(
      "num",
      `årsnormen minus fravær og øvrige aktiviteter er ${h}; der er ingen ATA-timer.`
    );
  return ok(h);
}

/** The budgeted price of a support hour: wage × (1 + overhead) ÷ (attendance × ATA share). */
export function hourlyPrice(
  wage: number,
  attendanceHours: number,
  ataPct: number,
  overheadPct = 0
): Checked<number> {
  if (wage < 0) return problem("num", `lønnen kan ikke være negativ (${wage}).`);
  if (!(attendanceHours > 0))
    return problem("num", `fremmødetimerne skal være over 0 (er ${attendanceHours}).`);
  if (!(ataPct > 0 && ataPct <= 100))
    return problem("num", `ATA-andelen skal ligge over 0 og højst 100 % (er ${ataPct}).`);
  if (overheadPct < 0) return problem("num", `tillægget kan ikke være negativt (${overheadPct}).`);
  return ok((wage * (1 + overheadPct / 100)) / ((attendanceHours * ataPct) / 100));
}

/**
 * The service level (bostøtte) of support hours a week: 0 under level 1, else 1, 2 or 3. A value
 * on a boundary belongs to the lower level (the seed's intervals share their end points).
 */
export function serviceLevel(
  hoursPerWeek: number,
  bounds: readonly [number, number, number] = YDELSESNIVEAU_GRAENSER
): Checked<0 | 1 | 2 | 3> {
  if (hoursPerWeek < 0)
    return problem("num", `timer pr. uge kan ikke være negativt (${hoursPerWeek}).`);
  const [from1, to1, to2] = bounds;
  if (!(from1 <= to1 && to1 <= to2))
    return problem("vaerdi", "grænserne skal være tre tal i stigende orden, fx 0,75; 2,5; 4.");
  if (hoursPerWeek < from1) return ok(0);
  if (hoursPerWeek <= to1) return ok(1);
  if (hoursPerWeek <= to2) return ok(2);
  return ok(3);
}

/** Delivered hours in percent of ordered hours. */
export function deliveryRate(delivered: number, ordered: number): Checked<number> {
  if (delivered < 0 || ordered < 0)
    return problem("num", "leverede og visiterede timer kan ikke være negative.");
  if (ordered === 0) return problem("div0", "der er ingen visiterede timer at dividere med.");
  return ok((delivered * 100) / ordered);
}
