import { PCT_INTRO } from "../catalogue/common";
import { fieldId, textFieldId } from "../catalogue";
import type { BlockDef, RowDef, TemplateDef } from "../catalogue/types";
import { a1 } from "./a1";
import { SheetBuilder } from "./builder";
import { KOMMUNE_REF } from "./forside";
import { dataSheetName } from "./names";
import type { SheetPlan } from "./types";
import { VALIDATION_BY_KIND } from "./validation";

const LABEL_COL = 2;
const FIRST_YEAR_COL = 3;
const LABEL_WIDTH = 62;
const YEAR_WIDTH = 13;
/** Height of a comment box (points). */
const TEXT_BOX_HEIGHT = 90;
/** Comment boxes and titles span at least this many year columns. */
const MIN_SPAN = 5;

export const CHECK_LABEL = "Kontrol: fordelingen skal give 100 % (eller stå tom)";

/** The years a block's header shows: every year any of its rows asks for, ascending. */
export function blockYears(b: BlockDef): number[] {
  const ys = new Set<number>(b.years);
  for (const r of b.rows) for (const y of r.years ?? []) ys.add(y);
  return [...ys].sort((x, y) => x - y);
}

/**
 * The check formula for one year column of a pct run: empty when no share is filled in,
 * "OK" when the shares sum to 100 (± 1), otherwise the sum. Plain Excel functions only, so it
 * calculates in Excel and LibreOffice without the add-in.
 */
export function pctCheckFormula(col: number, firstRow: number, lastRow: number): string {
  const range = `${a1(firstRow, col)}:${a1(lastRow, col)}`;
  return `IF(COUNTA(${range})=0,"",IF(ABS(SUM(${range})-100)<=1,"OK","Summen er "&ROUND(SUM(${range}),1)&" %"))`;
}

/** The Data sheet: "Anfør kommunenavn", one table per block, a check row under each pct run, comment boxes. */
export function dataSheet(t: TemplateDef, kommune: string, tabColor: string): SheetPlan {
  const s = new SheetBuilder(dataSheetName(t));
  const span = Math.max(MIN_SPAN, ...t.blocks.map((b) => blockYears(b).length));
  const lastCol = FIRST_YEAR_COL + span - 1;
  const spanWidth = LABEL_WIDTH + span * YEAR_WIDTH;
  s.width(1, 2).width(LABEL_COL, LABEL_WIDTH);
  for (let c = FIRST_YEAR_COL; c <= lastCol; c++) s.width(c, YEAR_WIDTH);

  s.set({ row: 1, col: LABEL_COL, value: `${t.name}: Data`, style: "title" }).height(1, 24);
  s.set({ row: 3, col: LABEL_COL, value: "Anfør kommunenavn:", style: "label" });
  s.set({
    row: 3,
    col: FIRST_YEAR_COL,
    formula: KOMMUNE_REF,
    value: kommune,
    style: "result",
  }).merge(3, FIRST_YEAR_COL, 3, lastCol);
  const note =
    "Skriv i de gule celler. Tal skrives uden enheder; procenter som tal mellem 0 og 100. Lad cellen stå tom, hvis I ikke kender tallet.";
  s.set({ row: 4, col: LABEL_COL, value: note, style: "note" }).merge(4, LABEL_COL, 4, lastCol);
  s.fit(4, note, spanWidth);

  let row = 6;
  for (const b of t.blocks) row = block(s, t, b, row, lastCol, spanWidth) + 1;

  for (const tx of t.texts) {
    s.text(row, LABEL_COL, tx.label, "heading", spanWidth, lastCol);
    row += 1;
    const id = textFieldId(t.id, tx.id);
    s.set({
      row,
      col: LABEL_COL,
      value: null,
      style: "inputText",
      input: true,
      name: id,
      field: id,
      validation: VALIDATION_BY_KIND.tekst,
    });
    s.merge(row, LABEL_COL, row, lastCol).height(row, TEXT_BOX_HEIGHT);
    row += 2;
  }
  return s.build({ protect: true, tabColor, orientation: span > 5 ? "landscape" : "portrait" });
}

/** Lays out one block from `top`; returns the first free row after it. */
function block(
  s: SheetBuilder,
  t: TemplateDef,
  b: BlockDef,
  top: number,
  lastCol: number,
  spanWidth: number
): number {
  const years = blockYears(b);
  const colOf = (y: number) => FIRST_YEAR_COL + years.indexOf(y);
  let row = top;
  s.text(row, LABEL_COL, b.title, "heading", spanWidth, lastCol);
  row += 1;
  s.set({ row, col: LABEL_COL, value: null, style: "yearHeader" });
  for (const y of years) s.set({ row, col: colOf(y), value: y, style: "yearHeader", numFmt: "0" });
  row += 1;

  let run: { first: number; years: Set<number> } | undefined;
  const closeRun = () => {
    if (!run) return;
    s.set({ row, col: LABEL_COL, value: CHECK_LABEL, style: "note" });
    const cols = years.filter((y) => run!.years.has(y)).map(colOf);
    const range = { top: row, bottom: row, left: Math.min(...cols), right: Math.max(...cols) };
    const first = a1(row, range.left);
    s.conditionalFormat({ ...range, formula: `${first}="OK"`, style: "checkOk" });
    s.conditionalFormat({
      ...range,
      formula: `AND(${first}<>"",${first}<>"OK")`,
      style: "checkBad",
    });
    for (const y of years) {
      if (run.years.has(y)) {
        s.set({
          row,
          col: colOf(y),
          formula: pctCheckFormula(colOf(y), run.first, row - 1),
          style: "check",
        });
      }
    }
    row += 1;
    run = undefined;
  };

  for (const r of b.rows) {
    if (r.kind === "pct" && !run) {
      s.set({ row, col: LABEL_COL, value: PCT_INTRO, style: "sublabel" });
      row += 1;
      run = { first: row, years: new Set() };
    } else if (r.kind !== "pct") {
      closeRun();
    }
    inputRow(s, t, b, r, row, years, colOf);
    if (run) for (const y of r.years ?? b.years) run.years.add(y);
    row += 1;
  }
  closeRun();
  return row;
}

function inputRow(
  s: SheetBuilder,
  t: TemplateDef,
  b: BlockDef,
  r: RowDef,
  row: number,
  years: readonly number[],
  colOf: (y: number) => number
): void {
  s.set({ row, col: LABEL_COL, value: r.label, style: r.kind === "pct" ? "sublabel" : "label" });
  s.fit(row, r.label, LABEL_WIDTH);
  const asked = new Set(r.years ?? b.years);
  for (const y of years) {
    if (!asked.has(y)) {
      s.set({ row, col: colOf(y), value: null, style: "blank" });
      continue;
    }
    const id = fieldId(t.id, b.id, r.id, y);
    s.set({
      row,
      col: colOf(y),
      value: null,
      style: "input",
      input: true,
      name: id,
      field: id,
      validation: VALIDATION_BY_KIND[r.kind],
    });
  }
}
