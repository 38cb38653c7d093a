/**
 * The one place views get the survey from (templates, fields, validation, projection): a React
 * context filled by the pane's root with the survey in use (today KL 2024, see survey.ts).
 * Type-only imports: the catalogue stays out of the start bundle.
 */
import * as React from "react";
import type { Survey } from "./survey";

export const SurveyContext = React.createContext<Survey | undefined>(undefined);

export function useSurvey(): Survey {
  const s = React.useContext(SurveyContext);
  if (!s) throw new Error("useSurvey() uden for SurveyContext");
  return s;
}
