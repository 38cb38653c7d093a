/**
 * Users from case periods (spells): helårsbrugere (full-year users), unique users and users on
 * 31 December of a year, the three measures of a spell register such as DST's. Dates are
 * Excel serial day numbers; day counting is inclusive (a spell from 1.1 to 1.1 is one day).
 *
 * Each spell is cut to the year; a person's cut spells are joined (their union), so days on
 * which two spells overlap count once. Count one area (delområde) at a time: a person with
 * spells in two areas counts in each. The custom functions BYRDE.HELÅRSBRUGERE,
 * BYRDE.UNIKKE.BRUGERE and BYRDE.BRUGERE.ULTIMO are thin facades over this module.
 */
import { dateToSerial } from "./parse/cell";

export interface Spell {
  /** The person (a pseudonym). */
  readonly person: string;
  /** First day, a serial day number. */
  readonly start: number;
  /** Last day (inclusive), or null for a spell still running. */
  readonly end: number | null;
}

export interface YearUsers {
  /** Σ over persons of (days of the year covered by the person's spells) / days in the year. */
  readonly helaarsbrugere: number;
  /** Persons with at least one day in the year. */
  readonly unikkeBrugere: number;
  /** Persons with a spell covering 31 December (spells starting or ending that day count). */
  readonly brugereUltimo: number;
  /** Spells that share days with another spell of the same person (joined, not an error). */
  readonly overlappende: number;
  /** Spells with no day in the year (left out). */
  readonly udenforAaret: number;
}

/** 365, or 366 in a leap year. */
export function daysInYear(year: number): number {
  return dateToSerial(year, 12, 31)! - dateToSerial(year, 1, 1)! + 1;
}

/**
 * The three user measures of `year`. `days` is the divisor of helårsbrugere (default the days
 * of the year; KORA 2017 divided by 365 in 2014). Spells ending before they start are the
 * caller's to refuse; here they have no days.
 */
export function usersInYear(spells: readonly Spell[], year: number, days?: number): YearUsers {
  const first = dateToSerial(year, 1, 1)!;
  const last = dateToSerial(year, 12, 31)!;
  const byPerson = new Map<string, [number, number][]>();
  let outside = 0;
  for (const s of spells) {
    const a = Math.max(s.start, first);
    const b = Math.min(s.end ?? Infinity, last);
    if (a > b) {
      outside++;
      continue;
    }
    let list = byPerson.get(s.person);
    if (!list) byPerson.set(s.person, (list = []));
    list.push([a, b]);
  }
  let covered = 0;
  let overlapping = 0;
  let ultimo = 0;
  for (const list of byPerson.values()) {
    list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let [a, b] = list[0];
    const shared = new Set<number>();
    for (let i = 1; i < list.length; i++) {
      const [c, d] = list[i];
      if (c <= b) {
        shared.add(i - 1).add(i);
        b = Math.max(b, d);
      } else {
        covered += b - a + 1;
        [a, b] = [c, d];
      }
    }
    covered += b - a + 1;
    overlapping += shared.size;
    if (list.some(([, end]) => end === last)) ultimo++;
  }
  return {
    helaarsbrugere: covered / (days ?? daysInYear(year)),
    unikkeBrugere: byPerson.size,
    brugereUltimo: ultimo,
    overlappende: overlapping,
    udenforAaret: outside,
  };
}
