import type { BlockDef, RowDef, TextFieldDef } from "./types";

/** Years helper: inclusive range. */
export function years(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** The two comment boxes every template has. */
export const STANDARD_TEXTS: readonly TextFieldDef[] = [
  { id: "kommentarer", label: "Eventuelle kommentarer" },
  {
    id: "andet_byrde",
    label: "Er der andet, vi bør vide omkring nedslagspunktets administrative byrde?",
  },
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

export const GROUP_SKOLE = "Ledere og ansatte på skolerne";

/** The usual total row of a time block. */
export const TIMER_I_ALT: RowDef = {
  id: "timer_i_alt",
  label: "Samlet antal timer brugt på opgaven",
  kind: "timer",
};

/** A time block: one total row followed by its pct sub-task rows (the last being `andet`). */
export function timeBlock(
  id: string,
  title: string,
  blockYears: readonly number[],
  total: RowDef,
  subtasks: ReadonlyArray<readonly [string, string]>
): BlockDef {
  return {
    id,
    title,
    section: "tid",
    years: blockYears,
    rows: [total, ...pctRows(subtasks), ANDET_PCT],
  };
}

/** A volume block of `antal` rows from [id, label] pairs. */
export function volumeBlock(
  id: string,
  title: string,
  blockYears: readonly number[],
  rows: ReadonlyArray<readonly [string, string]>
): BlockDef {
  return {
    id,
    title,
    section: "volumen",
    years: blockYears,
    rows: rows.map(([rowId, label]) => ({ id: rowId, label, kind: "antal" as const })),
  };
}

// Steps of the *Vejledning til udfyldelse* that recur in every template (in our own words).

/** Step 1: what the workbook's three sheets hold. */
export const VEJL_ARK =
  "Skabelonen har tre ark: denne vejledning, et procesark, der beskriver opgavens procestrin og de konkrete opgaver under hvert trin, og et dataark, hvor I skriver jeres opgørelse.";

/** How to split the total over sub-tasks. */
export const VEJL_PCT =
  "Kan I, så fordel bagefter timerne i procent på underopgaverne; for hvert år skal fordelingen give 100.";

/** Interviews and the process sheet as a checklist. */
export const VEJL_INTERVIEW =
  "Det kan fx gøres ved at interviewe de involverede hver for sig om deres tidsforbrug i årene. Brug procesarket som tjekliste, så ingen trin eller opgaver bliver glemt.";

/** The estimate is an estimate. */
export const VEJL_SKOEN =
  "Opgørelsen er et skøn og bliver aldrig helt præcis. Procesbeskrivelsen giver alle kommuner den samme ramme, så tallene bliver så sammenlignelige som muligt.";

/** Contact and deadline: both are settings shown on the Forside. */
export const VEJL_KONTAKT =
  "Har I spørgsmål eller kommentarer, så kontakt den ansvarlige konsulent (se Forside), og send den udfyldte fil tilbage inden den frist, der står på Forside.";

/**
 * The estimate for staff spread over many units (dagtilbud, botilbud, plejecentre):
 * interview 2–4 units, average, multiply by the number of units.
 */
export function vejlUdfoerer(gruppe: string, enheder: string, aar: string): string {
  return `For ${gruppe}: interview ledere og ansatte på 2–4 ${enheder} om deres tidsforbrug på opgaven i ${aar}. Beregn det gennemsnitlige antal timer pr. ${enheder} for dem, I har talt med, og gang det med antallet af ${enheder} i kommunen. Så får I det samlede tidsforbrug på tværs af alle ${enheder}. Brug også her procesarket som tjekliste. ${VEJL_PCT}`;
}
