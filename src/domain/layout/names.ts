import type { TemplateDef } from "../catalogue/types";

/** The sheet names of a template's three sheets and of the front page. */
export const FORSIDE = "Forside";

export function vejledningSheetName(t: TemplateDef): string {
  return `${t.shortName} Vejledning`;
}

export function procesSheetName(t: TemplateDef): string {
  return `${t.shortName} Proces`;
}

export function dataSheetName(t: TemplateDef): string {
  return `${t.shortName} Data`;
}
