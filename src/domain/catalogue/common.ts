import type { RowDef, TextFieldDef } from "./types";

/** Years helper: inclusive range. */
export function years(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** The two comment boxes every template has. */
export const STANDARD_TEXTS: readonly TextFieldDef[] = [
  { id: "kommentarer", label: "Eventuelle kommentarer" },
  { id: "andet_byrde", label: "Er der andet, vi bør vide omkring nedslagspunktets administrative byrde?" },
];

/** Heading shown above a block's pct rows. */
export const PCT_INTRO = "Fordel gerne på følgende underopgaver (angiv i %):";

/** The last pct row of almost every block. */
export const ANDET_PCT: RowDef = { id: "andet", label: "Andet (uddyb gerne)", kind: "pct" };

/** Builds pct rows from [id, label] pairs. */
export function pctRows(pairs: ReadonlyArray<readonly [string, string]>): RowDef[] {
  return pairs.map(([id, label]) => ({ id, label, kind: "pct" as const }));
}

export const GROUP_FORVALTNING = "Chefer og medarbejdere i den kommunale forvaltning";
export const GROUP_DAGTILBUD = "Ledere og ansatte på dagtilbud";
