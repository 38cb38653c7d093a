import type { TemplateDef } from "../catalogue/types";
import { SheetBuilder, type PrintOptions } from "./builder";
import { procesSheetName, vejledningSheetName } from "./names";
import type { SheetPlan } from "./types";

const NO_COL = 2;
const TEXT_COL = 3;
const TEXT_WIDTH = 100;

function textSheet(name: string): SheetBuilder {
  return new SheetBuilder(name).width(1, 2).width(NO_COL, 6).width(TEXT_COL, TEXT_WIDTH);
}

/** How a guide sheet is built: protected, no gridlines, one portrait page. */
function finish(s: SheetBuilder, tabColor: string, print: PrintOptions): SheetPlan {
  return s.build({
    protect: true,
    tabColor,
    gridlines: false,
    print: { ...print, orientation: "portrait", fit: "page" },
  });
}

/** *Vejledning til udfyldelse*: the template's numbered steps (none: no sheet). */
export function vejledningSheet(
  t: TemplateDef,
  tabColor: string,
  print: PrintOptions = {}
): SheetPlan | undefined {
  if (t.vejledning.length === 0) return undefined;
  const s = textSheet(vejledningSheetName(t));
  s.text(1, NO_COL, t.name, "title");
  s.text(
    2,
    NO_COL,
    `Vejledning til udfyldelse${t.area ? `. Område: ${t.area}` : ""}`,
    "subtitle",
    TEXT_COL
  );
  let row = 4;
  t.vejledning.forEach((step, i) => {
    s.set({ row, col: NO_COL, value: `${i + 1}.`, style: "stepNo" });
    s.text(row, TEXT_COL, step, "body");
    row += 1;
  });
  return finish(s, tabColor, print);
}

/** *Opgavens proces*: the process steps with their tasks, and the nedslagspunkt's traceability. */
export function procesSheet(
  t: TemplateDef,
  tabColor: string,
  print: PrintOptions = {}
): SheetPlan | undefined {
  const proces = t.proces;
  if (!proces) return undefined;
  const s = textSheet(procesSheetName(t));
  s.text(1, NO_COL, t.name, "title");
  s.text(
    2,
    NO_COL,
    "Opgavens proces: procestrinene og de konkrete opgaver under hvert trin, som ressourceopgørelsen dækker.",
    "subtitle",
    TEXT_COL
  );
  let row = 4;
  proces.steps.forEach((step, i) => {
    s.set({ row, col: NO_COL, value: `${i + 1}.`, style: "stepNo" });
    s.text(row, TEXT_COL, step.title, "sideHeading");
    row += 1;
    for (const task of step.tasks) {
      s.text(row, TEXT_COL, `• ${task}`, "body");
      row += 1;
    }
    row += 1;
  });
  s.text(row, NO_COL, "Nedslagspunktets sporbarhed", "heading");
  row += 1;
  s.text(row, TEXT_COL, proces.sporbarhed, "body");
  row += 1;
  if (proces.beskrivelse) {
    row += 1;
    s.text(row, NO_COL, "Den administrative byrde", "heading");
    row += 1;
    s.text(row, TEXT_COL, proces.beskrivelse, "body");
  }
  return finish(s, tabColor, print);
}
