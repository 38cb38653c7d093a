/** The made-up test pack (test/fixtures/pakker/ugeskema.json) and three teams' returns, hand-computed in the tests. */
import { readFileSync } from "fs";
import { join } from "path";
import type { KommuneReturn } from "../../src/domain/model";
import { loadPackText } from "../../src/domain/pack/load";
import type { Pack } from "../../src/domain/pack/model";

export const UGESKEMA_FILE = join(__dirname, "..", "fixtures", "pakker", "ugeskema.json");

export function ugeskemaPack(): Pack {
  const r = loadPackText(readFileSync(UGESKEMA_FILE, "utf8"));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return r.pack;
}

const days = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"];

function week(antal: (number | null)[], minutter: (number | null)[]): Record<string, number | null> {
  const v: Record<string, number | null> = {};
  days.forEach((d, i) => {
    v[`uge.besog.antal.${d}`] = antal[i] ?? null;
    v[`uge.besog.minutter.${d}`] = minutter[i] ?? null;
  });
  return v;
}

/** Field values by team, as a filled template holds them (dates as serials, clock times as day fractions). */
export const UGESKEMA_VALUES: Readonly<Record<string, Record<string, number | string | null>>> = {
  "Team Nord": {
    ...week([4, 5, 0, 2, null], [120, 200, 0, 90, null]),
    "uge.opgaver.1.dato": 45337, // 2024-02-15
    "uge.opgaver.1.start": 0.3125, // 07:30
    "uge.opgaver.1.minutter": 15,
    "uge.opgaver.1.type": "telefon",
    "uge.opgaver.1.saldo": -250,
    "uge.opgaver.2.minutter": 60,
    "uge.opgaver.2.type": "moede",
    "uge.opgaver.3.minutter": 10,
    "uge.opgaver.3.type": "telefon",
  },
  "Team Syd": {
    ...week([3, 3, 3, 3, 3], [150, 150, 150, 150, 150]),
    "uge.opgaver.1.minutter": 30,
    "uge.opgaver.1.type": "besog",
  },
  "Team Øst": week([2, null, null, null, null], [100, null, null, null, null]),
};

export function ugeskemaReturns(): KommuneReturn[] {
  return Object.entries(UGESKEMA_VALUES).map(([kommune, values]) => ({
    kommune,
    pakke: "ugeskema_test",
    skabeloner: ["uge"],
    version: 2026113001,
    values,
    findings: [],
  }));
}
