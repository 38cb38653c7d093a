/**
 * The projection side of the survey, loaded with Opregn only: the engine, the report (the same
 * workbook as `byrde opregn`), and the readers for the input sheets. Reached through
 * `survey.projection()` (survey.ts), so that a survey pack can bring its own.
 */
export { project, type ProjectionResult } from "../domain/project/engine";
export type { Indstillinger, Kommunedata, Landstal } from "../domain/project/inputs";
export { SHEET, buildReport } from "../domain/report";
export {
  INPUT_SOURCES,
  readIndstillinger,
  readKommunedata,
  readLandstal,
  returnsFromData,
} from "./opregnSheets";
export { CHART_SHEET, chartSheet } from "./chartSheet";
