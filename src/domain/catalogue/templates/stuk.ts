/** Shared parts of STUK's two school supervision templates (kvalitet and parallel). */
import { GROUP_FORVALTNING, GROUP_SKOLE, timeBlock } from "../common";
import type { BlockDef, ProcessStep, RowDef } from "../types";

export const TIMER_TILSYN: RowDef = {
  id: "timer_i_alt",
  label: "Samlet antal timer brugt på tilsyn",
  kind: "timer",
};

export const REDEGOERELSE = ["redegoerelse", "Udarbejdelse af redegørelser"] as const;
export const OEVRIGE = [
  "oevrige",
  "Øvrige indsatser relateret til tilsyn (fx generel pressehåndtering, politisk orientering)",
] as const;

/**
 * The two time blocks of one supervision outcome: `<outcome>_forvaltning` and `<outcome>_skole`,
 * titled "<lead>. Chefer og medarbejdere …" / "<lead>. Ledere og ansatte på skolerne".
 */
export function outcomeBlocks(
  outcome: string,
  lead: string,
  blockYears: readonly number[],
  subtasks: ReadonlyArray<readonly [string, string]>
): BlockDef[] {
  return [
    timeBlock(
      `${outcome}_forvaltning`,
      `${lead}. ${GROUP_FORVALTNING}`,
      blockYears,
      TIMER_TILSYN,
      subtasks
    ),
    timeBlock(`${outcome}_skole`, `${lead}. ${GROUP_SKOLE}`, blockYears, TIMER_TILSYN, subtasks),
  ];
}

export const SCREENING: ProcessStep = {
  title: "Screening",
  tasks: [
    "Styrelsen screener data fra alle folkeskoler.",
    "Styrelsen analyserer resultaterne fra de skoler, der skiller sig ud.",
  ],
};

/** The Henvendelse og redegørelse step; `hvem` says which schools STUK contacts. */
export function henvendelse(hvem: string): ProcessStep {
  return {
    title: "Henvendelse og redegørelse",
    tasks: [
      `STUK henvender sig til de skoler, ${hvem}.`,
      "Skolen udarbejder en redegørelse.",
      "Ud fra redegørelsen beslutter STUK, hvordan forløbet skal fortsætte.",
    ],
  };
}

/** Steps 2 and 3 of the Vejledning, shared wording. */
export function vejlGrupper(tilsynsnavn: string): string {
  return `Opgør tiden samlet i timer pr. år, hver for sig for chefer og medarbejdere i den kommunale forvaltning og for ledere og ansatte på de folkeskoler, der har haft et ${tilsynsnavn}.`;
}

export function vejlSkole(tilsynsnavn: string): string {
  return `Gør det samme for ledere og ansatte på de folkeskoler, der har haft et ${tilsynsnavn}, i de to tabeller for skolerne.`;
}
