import type { TemplateDef } from "../catalogue/types";
import { SheetBuilder } from "./builder";
import { procesSheetName, vejledningSheetName } from "./names";
import type { SheetPlan } from "./types";

const NO_COL = 2;
const TEXT_COL = 3;
const TEXT_WIDTH = 100;

function textSheet(name: string): SheetBuilder {
  return new SheetBuilder(name).width(1, 2).width(NO_COL, 6).width(TEXT_COL, TEXT_WIDTH);
}

/** *Vejledning til udfyldelse*: the template's numbered steps (none: no sheet). */
export function vejledningSheet(t: TemplateDef, tabColor: string): SheetPlan | undefined {
  if (t.vejledning.length === 0) return undefined;
  const s = textSheet(vejledningSheetName(t));
  s.set({
    row: 1,
    col: NO_COL,
    value: `${t.name}: Vejledning til udfyldelse`,
    style: "title",
  }).height(1, 24);
  if (t.area)
    s.set({ row: 2, col: NO_COL, value: `Område: ${t.area}`, style: "subtitle" }).merge(
      2,
      NO_COL,
      2,
      TEXT_COL
    );
  let row = 4;
  t.vejledning.forEach((step, i) => {
    s.set({ row, col: NO_COL, value: `${i + 1}.`, style: "stepNo" });
    s.set({ row, col: TEXT_COL, value: step, style: "body" }).fit(row, step, TEXT_WIDTH);
    row += 1;
  });
  return s.build({ protect: true, tabColor });
}

/** *Opgavens proces*: the process steps with their tasks, and the nedslagspunkt's traceability. */
export function procesSheet(t: TemplateDef, tabColor: string): SheetPlan | undefined {
  const proces = t.proces;
  if (!proces) return undefined;
  const s = textSheet(procesSheetName(t));
  s.set({ row: 1, col: NO_COL, value: `${t.name}: Opgavens proces`, style: "title" }).height(1, 24);
  s.set({
    row: 2,
    col: NO_COL,
    value: "Procestrinene og de konkrete opgaver under hvert trin, som ressourceopgørelsen dækker.",
    style: "subtitle",
  }).merge(2, NO_COL, 2, TEXT_COL);
  let row = 4;
  proces.steps.forEach((step, i) => {
    s.set({ row, col: NO_COL, value: `${i + 1}.`, style: "stepNo" });
    s.set({ row, col: TEXT_COL, value: step.title, style: "result" }).fit(
      row,
      step.title,
      TEXT_WIDTH
    );
    row += 1;
    for (const task of step.tasks) {
      s.text(row, TEXT_COL, `• ${task}`, "body", TEXT_WIDTH);
      row += 1;
    }
    row += 1;
  });
  s.set({ row, col: NO_COL, value: "Nedslagspunktets sporbarhed", style: "heading" });
  row += 1;
  s.text(row, TEXT_COL, proces.sporbarhed, "body", TEXT_WIDTH);
  row += 1;
  if (proces.beskrivelse) {
    row += 1;
    s.set({ row, col: NO_COL, value: "Den administrative byrde", style: "heading" });
    row += 1;
    s.text(row, TEXT_COL, proces.beskrivelse, "body", TEXT_WIDTH);
  }
  return s.build({ protect: true, tabColor });
}
