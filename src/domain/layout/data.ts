import { cellId, derivedFieldsOfTemplate, recordFieldId, textId } from "../fieldId";
import type {
  ColumnKey,
  FieldDef,
  GridBlockDef,
  ListBlockDef,
  RowDef,
  TemplateDef,
} from "../catalogue/types";
import { KINDS, validationFor } from "../kinds";
import { compileDerived } from "../pack/derived";
import { formatDanishNumber } from "../parse/number";
import { a1, absA1 } from "./a1";
import { SheetBuilder, type PrintOptions } from "./builder";
import { KOMMUNE_REF } from "./forside";
import { widthFor } from "./measure";
import { dataSheetName } from "./names";
import type { SheetPlan } from "./types";

const LABEL_COL = 2;
const FIRST_YEAR_COL = 3;
const LABEL_WIDTH = 62;
/** The narrowest label column of a template with both tables and lists. */
const MIXED_LABEL_MIN = 30;
/** The label column of a template with list blocks only: it shows record numbers. */
const NUMBER_WIDTH = 8;
/**
 * Year columns are wide enough for the check row's longest likely message, in its bold red
 * form (a sum up to 999,9 %), so a wrong sum is never cut off by the next year's check.
 */
const YEAR_WIDTH = Math.max(14, widthFor(checkText(999.9), { size: 9, bold: true }));
/** Height of a comment box (points): five lines. */
const TEXT_BOX_HEIGHT = 75;
/** Comment boxes and titles span at least this many year columns. */
const MIN_SPAN = 5;

/** Heading shown above a block's pct rows (a run of pct rows gets it and a check row). */
export const PCT_INTRO = "Fordel gerne på følgende underopgaver (angiv i %):";

export const CHECK_LABEL = "Kontrol: fordelingen skal give 100 % (eller stå tom)";

/** The columns a table block's header shows, in the block's order. */
export function blockColumns(b: GridBlockDef): readonly ColumnKey[] {
  return b.columns.map((c) => c.key);
}

/** Width in characters of a list block's field column. */
function listFieldWidth(f: ListBlockDef["fields"][number]): number {
  if (f.width) return f.width;
  if (f.kind === "tekst") return 40;
  if (f.kind === "valg") return Math.max(14, ...(f.choices ?? []).map((c) => c.label.length + 3));
  return YEAR_WIDTH;
}

/** Data sheet choices as Excel list entries (the labels users pick). */
function choiceLabels(choices: readonly { label: string }[] | undefined): string[] | undefined {
  return choices?.map((c) => c.label);
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

/**
 * Where the sheet's field cells are (input and derived, by field id) and the derived cells still
 * to be given their formulas (once every cell has its place).
 */
class FieldCells {
  readonly at = new Map<string, string>();
  readonly derived: { row: number; col: number; id: string }[] = [];

  input(id: string, row: number, col: number): void {
    this.at.set(id, absA1(row, col));
  }

  /** A derived cell: locked, shown as computed; its formula comes in `formulas`. */
  derivedCell(s: SheetBuilder, id: string, kind: RowDef["kind"], row: number, col: number): void {
    this.at.set(id, absA1(row, col));
    this.derived.push({ row, col, id });
    const numFmt = KINDS[kind].numFmt;
    s.set({ row, col, value: null, style: "derived", ...(numFmt ? { numFmt } : {}) });
  }

  /** Writes every derived cell's native formula. */
  formulas(s: SheetBuilder, t: TemplateDef): void {
    if (this.derived.length === 0) return;
    const defs = new Map<string, FieldDef>(derivedFieldsOfTemplate(t).map((f) => [f.id, f]));
    for (const d of this.derived) {
      const f = defs.get(d.id)!;
      const r = compileDerived(t, f, (id) => this.at.get(id));
      // The loader has checked every derived formula; a problem here is a defect.
      if ("problem" in r) throw new Error(`${d.id}: ${r.problem}`);
      const numFmt = KINDS[f.kind].numFmt;
      s.set({
        row: d.row,
        col: d.col,
        formula: r.formula,
        value: null,
        style: "derived",
        ...(numFmt ? { numFmt } : {}),
      });
    }
  }
}

/** What the check formula shows for a wrong sum, rounded to one decimal (for measuring). */
export function checkText(sum: number): string {
  return `Summen er ${formatDanishNumber(Math.round(sum * 10) / 10)} %`;
}

/** The Data sheet: the respondent's name, one table per block, a check row under each pct run, text boxes. */
export function dataSheet(
  t: TemplateDef,
  kommune: string,
  tabColor: string,
  respondentLabel = "Anfør kommunenavn:",
  print: PrintOptions = {}
): SheetPlan {
  const s = new SheetBuilder(dataSheetName(t));
  const grids = t.blocks.filter((b): b is GridBlockDef => b.type === "tabel");
  const lists = t.blocks.filter((b): b is ListBlockDef => b.type === "liste");
  const widths: number[] = [];
  // A keyed column is as wide as its header needs (a year fits the standard width).
  for (const b of grids)
    b.columns.forEach(
      (c, i) => (widths[i] = Math.max(widths[i] ?? 0, YEAR_WIDTH, c.label.length + 2))
    );
  for (const b of lists)
    b.fields.forEach((f, i) => (widths[i] = Math.max(widths[i] ?? 0, listFieldWidth(f))));
  const span = Math.max(MIN_SPAN, widths.length);
  for (let i = 0; i < span; i++) widths[i] = widths[i] ?? YEAR_WIDTH;
  const lastCol = FIRST_YEAR_COL + span - 1;
  // A template mixing tables and lists shows record numbers in the label column too: make it
  // only as wide as its row labels need (templates of tables only keep the standard width).
  const longest = Math.max(0, ...grids.flatMap((b) => b.rows.map((r) => r.label.length)));
  const labelWidth =
    grids.length === 0
      ? NUMBER_WIDTH
      : lists.length > 0
        ? Math.min(LABEL_WIDTH, Math.max(MIXED_LABEL_MIN, longest + 2))
        : LABEL_WIDTH;
  s.width(1, 2).width(LABEL_COL, labelWidth);
  widths.forEach((w, i) => s.width(FIRST_YEAR_COL + i, w));

  s.text(1, LABEL_COL, `${t.name}: Data`, "title");
  // The respondent's label sits in the label column; a list-only template's label column is
  // narrow (record numbers), so there the label spans as many columns as its text needs.
  let labelEnd = LABEL_COL;
  if (grids.length === 0) {
    let room = labelWidth;
    while (room < respondentLabel.length + 1 && labelEnd - FIRST_YEAR_COL + 1 < span - 1)
      room += widths[++labelEnd - FIRST_YEAR_COL];
  }
  s.set({ row: 3, col: LABEL_COL, value: respondentLabel, style: "label" });
  if (labelEnd > LABEL_COL) s.merge(3, LABEL_COL, 3, labelEnd);
  const nameCol = labelEnd + 1;
  s.set({
    row: 3,
    col: nameCol,
    formula: KOMMUNE_REF,
    value: kommune,
    style: "result",
  }).merge(3, nameCol, 3, Math.max(nameCol, lastCol));
  const hasPct = grids.some((b) => b.rows.some((r) => r.kind === "pct"));
  const hasBlank = grids.some((b) =>
    b.rows.some((r) => r.columns !== undefined && r.columns.length < b.columns.length)
  );
  const note = `Skriv i de gule celler. Tal skrives uden enheder${hasPct ? "; procenter som tal mellem 0 og 100" : ""}. Lad cellen stå tom, hvis I ikke kender tallet.${hasBlank ? " Grå celler er år, der ikke spørges om." : ""}`;
  s.text(4, LABEL_COL, note, "note", lastCol);

  let row = 6;
  const cells = new FieldCells();
  for (const b of t.blocks) {
    row =
      (b.type === "tabel"
        ? block(s, t, b, row, lastCol, cells)
        : listBlock(s, t, b, row, lastCol, cells)) + 1;
  }
  cells.formulas(s, t);

  for (const tx of t.texts) {
    s.text(row, LABEL_COL, tx.label, "blockTitle", lastCol);
    row += 1;
    const id = textId(t.id, tx.id);
    s.set({
      row,
      col: LABEL_COL,
      value: null,
      style: "inputText",
      input: true,
      name: id,
      field: id,
      validation: validationFor("tekst"),
    });
    s.merge(row, LABEL_COL, row, lastCol).height(row, TEXT_BOX_HEIGHT);
    row += 2;
  }
  return s.build({
    protect: true,
    tabColor,
    gridlines: false,
    print: { ...print, orientation: span > 5 ? "landscape" : "portrait", fit: "page" },
  });
}

/** A list block from `top`: a header row of field labels, then `max` numbered records. */
function listBlock(
  s: SheetBuilder,
  t: TemplateDef,
  b: ListBlockDef,
  top: number,
  lastCol: number,
  cells: FieldCells
): number {
  let row = top;
  s.text(row, LABEL_COL, b.title, "blockTitle", lastCol);
  row += 1;
  if (b.intro) {
    s.text(row, LABEL_COL, b.intro, "sublabel", lastCol);
    row += 1;
  }
  s.set({ row, col: LABEL_COL, value: "Nr.", style: "yearHeader" });
  b.fields.forEach((f, i) => {
    s.set({ row, col: FIRST_YEAR_COL + i, value: f.label, style: "tableHeader" });
  });
  row += 1;
  for (let n = 1; n <= b.max; n++) {
    s.set({ row, col: LABEL_COL, value: n, style: "label", numFmt: "0" });
    b.fields.forEach((f, i) => {
      const id = recordFieldId(t.id, b.id, n, f.id);
      if (f.derived) {
        cells.derivedCell(s, id, f.kind, row, FIRST_YEAR_COL + i);
        return;
      }
      cells.input(id, row, FIRST_YEAR_COL + i);
      s.set({
        row,
        col: FIRST_YEAR_COL + i,
        value: null,
        style: f.kind === "tekst" ? "inputText" : "input",
        input: true,
        name: id,
        field: id,
        ...(KINDS[f.kind].numFmt ? { numFmt: KINDS[f.kind].numFmt } : {}),
        validation: validationFor(f.kind, choiceLabels(f.choices)),
      });
    });
    row += 1;
  }
  return row;
}

/** Lays out one block from `top`; returns the first free row after it. */
function block(
  s: SheetBuilder,
  t: TemplateDef,
  b: GridBlockDef,
  top: number,
  lastCol: number,
  cells: FieldCells
): number {
  const years = blockColumns(b);
  const index = new Map(years.map((k, i) => [String(k), i]));
  const colOf = (y: ColumnKey) => FIRST_YEAR_COL + index.get(String(y))!;
  let row = top;
  s.text(row, LABEL_COL, b.title, "blockTitle", lastCol);
  row += 1;
  if (b.intro) {
    s.text(row, LABEL_COL, b.intro, "sublabel", lastCol);
    row += 1;
  }
  s.set({ row, col: LABEL_COL, value: null, style: "yearHeader" });
  for (const c of b.columns)
    s.set({
      row,
      col: colOf(c.key),
      value: typeof c.key === "number" && String(c.key) === c.label ? c.key : c.label,
      style: "yearHeader",
      ...(typeof c.key === "number" ? { numFmt: "0" } : {}),
    });
  row += 1;

  let run: { first: number; years: Set<string> } | undefined;
  const closeRun = () => {
    if (!run) return;
    s.set({ row, col: LABEL_COL, value: CHECK_LABEL, style: "note" });
    const cols = years.filter((y) => run!.years.has(String(y))).map(colOf);
    const range = { top: row, bottom: row, left: Math.min(...cols), right: Math.max(...cols) };
    const first = a1(row, range.left);
    s.conditionalFormat({ ...range, formula: `${first}="OK"`, style: "checkOk" });
    s.conditionalFormat({
      ...range,
      formula: `AND(${first}<>"",${first}<>"OK")`,
      style: "checkBad",
    });
    for (const y of years) {
      if (run.years.has(String(y))) {
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
    inputRow(s, t, b, r, row, years, colOf, cells);
    if (run) for (const y of rowColumnsOf(b, r)) run.years.add(String(y));
    row += 1;
  }
  closeRun();
  return row;
}

/** The columns a row is asked in. */
function rowColumnsOf(b: GridBlockDef, r: RowDef): readonly ColumnKey[] {
  return r.columns ?? b.columns.map((c) => c.key);
}

function inputRow(
  s: SheetBuilder,
  t: TemplateDef,
  b: GridBlockDef,
  r: RowDef,
  row: number,
  years: readonly ColumnKey[],
  colOf: (y: ColumnKey) => number,
  cells: FieldCells
): void {
  s.set({ row, col: LABEL_COL, value: r.label, style: r.kind === "pct" ? "sublabel" : "label" });
  const asked = new Set(rowColumnsOf(b, r).map(String));
  const validation = validationFor(r.kind, choiceLabels(r.choices));
  const numFmt = KINDS[r.kind].numFmt;
  for (const y of years) {
    if (!asked.has(String(y))) {
      s.set({ row, col: colOf(y), value: null, style: "blank" });
      continue;
    }
    const id = cellId(t.id, b.id, r.id, y);
    if (r.derived) {
      cells.derivedCell(s, id, r.kind, row, colOf(y));
      continue;
    }
    cells.input(id, row, colOf(y));
    if (b.columns.find((c) => String(c.key) === String(y))?.locked) {
      // Filled in by the consultant (udfyld); the sheet's protection keeps it as delivered.
      s.set({
        row,
        col: colOf(y),
        value: null,
        style: "number",
        name: id,
        field: id,
        ...(numFmt ? { numFmt } : {}),
      });
      continue;
    }
    s.set({
      row,
      col: colOf(y),
      value: null,
      style: r.kind === "tekst" ? "inputText" : "input",
      input: true,
      name: id,
      field: id,
      ...(numFmt ? { numFmt } : {}),
      validation,
    });
  }
}
