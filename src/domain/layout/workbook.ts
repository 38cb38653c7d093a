import type { TemplateDef } from "../catalogue/types";
import { defaultPack } from "../pakker";
import { a1 } from "./a1";
import type { PrintOptions } from "./builder";
import { PAGE_OF, SHEET_NAME, headerText, smallPrint } from "./page";
import { dataSheet } from "./data";
import { type TemplateOptions, forsideSheet } from "./forside";
import { procesSheet, vejledningSheet } from "./textsheets";
import type { CellPlan, SheetPlan, WorkbookPlan } from "./types";

const TAB_COLORS = [
  "2E75B6",
  "548235",
  "C55A11",
  "7030A0",
  "BF8F00",
  "1F7F7F",
  "A9376B",
  "3A5A40",
  "8C6D46",
  "44546A",
];

/**
 * The fill-in workbook for one respondent: a front page, then per template its Vejledning,
 * Proces (when the pack gives them) and Data sheets. `templateIds` must be the pack's template
 * ids (see `resolvePunkter`); they are laid out in the pack's order. An empty list means every
 * template. The pack is `options.pack` (default kl2024).
 *
 * @throws RangeError for an id the pack does not know (a programming error: resolve user input first).
 */
export function buildTemplateWorkbook(
  kommune: string,
  templateIds: readonly string[],
  options: TemplateOptions = {}
): WorkbookPlan {
  const pack = options.pack ?? defaultPack();
  const all = pack.templates;
  for (const id of templateIds) {
    if (!all.some((t) => t.id === id)) throw new RangeError(`Ukendt skabelon: ${id}`);
  }
  const templates: TemplateDef[] =
    templateIds.length === 0 ? [...all] : all.filter((t) => templateIds.includes(t.id));
  const title = pack.source.forside?.titel ?? pack.name;
  // Every printed page says which document, which respondent, which sheet and which page.
  const print: PrintOptions = {
    header: smallPrint({ left: headerText(title), right: headerText(kommune) }),
    footer: smallPrint({ left: SHEET_NAME, right: PAGE_OF }),
  };
  const sheets: SheetPlan[] = [forsideSheet(kommune, templates, pack, options, print)];
  templates.forEach((t, i) => {
    const color = TAB_COLORS[i % TAB_COLORS.length];
    for (const sheet of [
      vejledningSheet(t, color, print),
      procesSheet(t, color, print),
      dataSheet(t, kommune, color, pack.respondents.label, print),
    ])
      if (sheet) sheets.push(sheet);
  });
  return {
    sheets,
    title: `${title}: ${kommune}`,
    fullCalcOnLoad: true,
  };
}

/** Where a named cell sits in a plan. */
export interface PlannedCell {
  readonly sheet: string;
  /** A1 address, e.g. "C7". */
  readonly cell: string;
  readonly plan: CellPlan;
}

/** Every named cell of a plan (field ids and meta.*), by name. */
export function namedCells(plan: WorkbookPlan): Map<string, PlannedCell> {
  const out = new Map<string, PlannedCell>();
  for (const sheet of plan.sheets) {
    for (const c of sheet.cells) {
      if (c.name) out.set(c.name, { sheet: sheet.name, cell: a1(c.row, c.col), plan: c });
    }
  }
  return out;
}
