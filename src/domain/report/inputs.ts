/**
 * The report's input sheets: Data (the returned figures), Landstal, Kommunedata and
 * Indstillinger, laid out by the shared schema (schema.ts) that the task pane reads them by.
 * Each builder returns its plan and where its cells are, for the formulas of the other sheets.
 */
import { columnLetter } from "../layout/a1";
import { SheetBuilder, cellHeight } from "../layout/builder";
import { DEFAULT_ROW_HEIGHT, widthFor } from "../layout/measure";
import type { CellPlan, SheetPlan, StreamedRow } from "../layout/types";
import { KINDS } from "../kinds";
import { remembered } from "../memo";
import { columnOfId, templateOfId } from "../fieldId";
import type { KommunedataKey } from "../project/definitions";
import type { MergedReturn, ProjectionResult } from "../project/engine";
import { indexKommunedata, valueForYear, type Kommunedata, type Landstal } from "../project/inputs";
import type { ReportContext } from "./context";
import {
  ALL_YEARS,
  DATA_COLUMNS,
  DATA_VALUE_COL,
  HEADER_ROW,
  INDSTILLINGER_COLUMNS,
  INDSTILLINGER_ROWS,
  KOMMUNEDATA_FIRST_COLUMN,
  LANDSTAL_COLUMNS,
  SHEET,
  TABLE,
  kommunedataColumn,
} from "./schema";

const FIRST = HEADER_ROW + 1;

/** A whole number with thousands dots, or with up to two decimals when it has them. */
export function countFormat(v: number | undefined | null): string {
  return typeof v === "number" && !Number.isInteger(v) ? "#,##0.0#" : "#,##0";
}

/** Title, a note across the table's width, and the header row; returns the builder. */
function inputSheet(
  name: string,
  title: string,
  note: string,
  header: readonly string[]
): SheetBuilder {
  const s = new SheetBuilder(name);
  s.text(1, 1, title, "title");
  s.text(2, 1, note, "note", Math.max(2, header.length));
  header.forEach((h, i) => s.text(HEADER_ROW, i + 1, h, "tableHeader"));
  return s;
}

// ------------------------------------------------------------------------------------ Data
export interface DataSheet {
  readonly plan: SheetPlan;
  /** A field's value cell for a municipality (the sheet name needs no quoting). */
  readonly cell: (kommune: string, id: string) => string | undefined;
}

export function dataSheet(merged: readonly MergedReturn[], ctx: ReportContext): DataSheet {
  const s = inputSheet(
    SHEET.data,
    "Data: de indsendte tal",
    `Én række pr. kommune og felt. Faktaarkenes formler henviser til kolonnen »${DATA_COLUMNS[DATA_VALUE_COL - 1]}«: ret et tal her, og resultaterne følger med. Arket udskrives kun med overskriften; ryd udskriftsområdet for at udskrive alle rækker.`,
    DATA_COLUMNS
  );
  // Where each value goes; the rows themselves are made as they are written (one per
  // municipality and field: hundreds of thousands of cells in a large survey).
  const rows = new Map<string, Map<string, number>>();
  const valueCol = columnLetter(DATA_VALUE_COL);
  let row = FIRST;
  let idWidth = 12;
  let templateWidth = 10;
  const seen = new Set<string>();
  for (const m of merged) {
    const at = new Map<string, number>();
    rows.set(m.kommune, at);
    for (const id in m.values) {
      at.set(id, row++);
      if (seen.has(id)) continue;
      seen.add(id);
      idWidth = Math.max(idWidth, widthFor(id));
      templateWidth = Math.max(templateWidth, widthFor(templateOfId(id) ?? ""));
    }
  }
  const widths = { 1: 16, 2: Math.min(60, idWidth), 3: 48, 4: templateWidth, 5: 7, 6: 13 };
  const count = row - FIRST;
  s.table(TABLE.data, HEADER_ROW, 1, row - 1, DATA_COLUMNS.length);
  const plan = s.build({
    widths,
    freezeRows: HEADER_ROW,
    print: {
      ...ctx.print,
      orientation: "landscape",
      area: { top: 1, left: 1, bottom: HEADER_ROW, right: DATA_COLUMNS.length },
      titleRows: { first: HEADER_ROW, last: HEADER_ROW },
    },
    rowStream: { first: FIRST, count, rows: () => dataRows(merged, ctx, s.columnWidth(3)) },
  });
  return {
    plan,
    cell: (kommune, id) => {
      const r = rows.get(kommune)?.get(id);
      return r === undefined ? undefined : `${SHEET.data}!$${valueCol}$${r}`;
    },
  };
}

/**
 * The Data sheet's rows, in the order `dataSheet` numbered them: municipality, field id, label,
 * template, year and value. What a row shows of its field (label, template, year, number format,
 * and the height its wrapped label needs) is worked out once per field, not once per
 * municipality.
 */
function* dataRows(
  merged: readonly MergedReturn[],
  ctx: ReportContext,
  labelWidth: number
): Generator<StreamedRow> {
  const fields = new Map<string, DataField>();
  const fieldOf = (id: string): DataField =>
    remembered(fields, id, () => {
      const f = ctx.pack.fields.get(id);
      const label = f?.label ?? "";
      const year = f?.year ?? columnOfId(id);
      const height = cellHeight(label, "label", labelWidth);
      return {
        label,
        template: templateOfId(id) ?? "",
        ...(typeof year === "number" ? { year } : {}),
        ...(f && KINDS[f.kind].numFmt ? { numFmt: KINDS[f.kind].numFmt } : {}),
        ...(height > DEFAULT_ROW_HEIGHT ? { height } : {}),
      };
    });
  let row = FIRST;
  for (const m of merged) {
    for (const id in m.values) {
      const v = m.values[id];
      const f = fieldOf(id);
      const cells: CellPlan[] = [
        { row, col: 1, value: m.kommune, style: "cellMiddle" },
        { row, col: 2, value: id, style: "cellMiddle" },
        { row, col: 3, value: f.label, style: "label" },
        { row, col: 4, value: f.template, style: "cellMiddle" },
      ];
      if (f.year !== undefined)
        cells.push({ row, col: 5, value: f.year, style: "centerMiddle", numFmt: "0" });
      if (typeof v === "number" && Number.isFinite(v))
        cells.push({
          row,
          col: DATA_VALUE_COL,
          value: v,
          style: "number",
          numFmt: f.numFmt ?? countFormat(v),
        });
      else if (v !== null && v !== undefined && typeof v !== "number")
        cells.push({ row, col: DATA_VALUE_COL, value: v, style: "cellMiddle" });
      yield f.height !== undefined ? { cells, height: f.height } : { cells };
      row++;
    }
  }
}

/** What every Data row of one field shows of it. */
interface DataField {
  readonly label: string;
  readonly template: string;
  readonly year?: number;
  readonly numFmt?: string;
  readonly height?: number;
}

// ------------------------------------------------------------------------------------ Landstal
export interface LandstalSheet {
  readonly plan: SheetPlan;
  /** The cell of a key's figure in a year (or its every-year figure). */
  readonly ref: (key: string, year: number) => string | undefined;
}

export function landstalSheet(
  landstal: Landstal,
  needed: ReadonlyMap<string, Set<number>>,
  ctx: ReportContext
): LandstalSheet {
  const s = inputSheet(
    SHEET.landstal,
    "Landstal",
    "Tal for hele landet, som opregningen ganger op med. Ret et tal i de gule celler, og alle resultater følger med.",
    LANDSTAL_COLUMNS
  );
  const refs = new Map<string, string>();
  let row = FIRST;
  const keys = [
    ...new Set([...Object.keys(ctx.landstalLabels), ...Object.keys(landstal), ...needed.keys()]),
  ].filter((k) => k in landstal || needed.has(k));
  for (const key of keys) {
    const v = landstal[key];
    const label = ctx.landstalLabels[key] ?? key;
    const put = (yearLabel: string | number, value: number | undefined, refKey: string) => {
      s.text(row, 1, key, "cellMiddle");
      s.text(row, 2, label, "label");
      s.set(row, 3, {
        value: yearLabel,
        style: "centerMiddle",
        ...(typeof yearLabel === "number" ? { numFmt: "0" } : {}),
      });
      s.set(row, 4, { value: value ?? null, style: "input", numFmt: countFormat(value) });
      refs.set(refKey, s.ref(row, 4));
      row++;
    };
    if (typeof v === "number") {
      put(ALL_YEARS, v, `${key}|*`);
    } else {
      const years = new Set<number>([
        ...Object.keys(v ?? {}).map(Number),
        ...(needed.get(key) ?? []),
      ]);
      for (const y of [...years].sort()) put(y, valueForYear(v, y), `${key}|${y}`);
    }
  }
  s.table(TABLE.landstal, HEADER_ROW, 1, row - 1, LANDSTAL_COLUMNS.length);
  const plan = s.build({
    widths: { 1: 22, 2: 56, 3: 9, 4: 14 },
    freezeRows: HEADER_ROW,
    gridlines: false,
    print: {
      ...ctx.print,
      orientation: "portrait",
      titleRows: { first: HEADER_ROW, last: HEADER_ROW },
    },
  });
  return { plan, ref: (key, year) => refs.get(`${key}|${year}`) ?? refs.get(`${key}|*`) };
}

// ------------------------------------------------------------------------------------ Kommunedata
export interface KommunedataSheet {
  readonly plan: SheetPlan;
  readonly ref: (kommune: string, key: KommunedataKey, year: number) => string | undefined;
}

export function kommunedataSheet(
  merged: readonly MergedReturn[],
  kommunedata: Kommunedata | undefined,
  needed: ReadonlyArray<readonly [KommunedataKey, number]>,
  data: DataSheet,
  ctx: ReportContext
): KommunedataSheet {
  const kd = indexKommunedata(kommunedata);
  const header = [
    KOMMUNEDATA_FIRST_COLUMN,
    ...needed.map(([key, year]) => kommunedataColumn(ctx.kdLabels[key] ?? key, year)),
  ];
  const s = inputSheet(
    SHEET.kommunedata,
    "Kommunedata",
    "Tal pr. kommune og år, som forholdstallene deles med. Dagtilbud henter kommunens eget antal fra dens indberetning (en formel mod arket Data), hvis intet andet er angivet.",
    header
  );
  const refs = new Map<string, string>();
  const names = [...new Set([...merged.map((m) => m.kommune), ...kd.keys()])];
  names.forEach((k, ri) => {
    const row = FIRST + ri;
    s.text(row, 1, k, "cell");
    const m = merged.find((x) => x.kommune === k);
    needed.forEach(([key, year], ci) => {
      const col = ci + 2;
      const own = valueForYear(kd.get(k)?.[key], year);
      const defId = ctx.kdDefaults[key]?.replace("{år}", String(year));
      const defRef = defId ? data.cell(k, defId) : undefined;
      if (own !== undefined)
        s.set(row, col, { value: own, style: "input", numFmt: countFormat(own) });
      else if (defRef && m && typeof m.values[defId!] === "number") {
        const v = m.values[defId!] as number;
        s.set(row, col, { formula: defRef, value: v, style: "input", numFmt: countFormat(v) });
      } else s.set(row, col, { value: null, style: "input", numFmt: "#,##0" });
      refs.set(`${k}|${key}|${year}`, s.ref(row, col));
    });
  });
  s.table(TABLE.kommunedata, HEADER_ROW, 1, HEADER_ROW + names.length, header.length);
  const widths: Record<number, number> = { 1: 18 };
  needed.forEach((_, i) => (widths[i + 2] = 13));
  const plan = s.build({
    widths,
    freezeRows: HEADER_ROW,
    gridlines: false,
    print: {
      ...ctx.print,
      orientation: needed.length > 6 ? "landscape" : "portrait",
      titleRows: { first: HEADER_ROW, last: HEADER_ROW },
    },
  });
  return { plan, ref: (k, key, year) => refs.get(`${k}|${key}|${year}`) };
}

// ------------------------------------------------------------------------------------ Indstillinger
export interface IndstillingerSheet {
  readonly plan: SheetPlan;
  /** Timer pr. årsværk, the span's percentage and the wage cost per årsværk. */
  readonly timer: string;
  readonly spaend: string;
  readonly loen: string;
}

export function indstillingerSheet(
  result: ProjectionResult,
  ctx: ReportContext
): IndstillingerSheet {
  const s = new SheetBuilder(SHEET.indstillinger);
  const i = result.indstillinger;
  s.text(1, 1, "Indstillinger", "title");
  s.text(
    2,
    1,
    "Ret timer pr. årsværk, spændet eller lønnen i de gule celler, og resultaterne følger med. Perioder og udeladelser kræver en ny kørsel.",
    "note",
    INDSTILLINGER_COLUMNS.length
  );
  const refs: string[] = [];
  INDSTILLINGER_ROWS.forEach((r, k) => {
    s.text(4 + k, 1, r.label, "label");
    s.set(4 + k, 2, { value: i[r.key], style: "input", numFmt: r.numFmt });
    refs.push(s.ref(4 + k, 2));
  });
  const head = 5 + INDSTILLINGER_ROWS.length;
  INDSTILLINGER_COLUMNS.forEach((h, k) => s.text(head, k + 1, h, "tableHeader"));
  ctx.methods.forEach((m, k) => {
    const r = result.nedslagspunkter.find((n) => n.id === m.id);
    const row = head + 1 + k;
    s.text(row, 1, m.navn, "label");
    s.set(row, 2, { value: r?.basisaar ?? m.basis, style: "center", numFmt: "0" });
    s.set(row, 3, { value: r?.slutaar ?? m.slut, style: "center", numFmt: "0" });
    s.text(row, 4, (i.udelad[m.id] ?? []).join(", "), "label");
    s.text(row, 5, (i.medtag[m.id] ?? []).join(", "), "label");
  });
  const plan = s.build({
    widths: { 1: 44, 2: 12, 3: 12, 4: 30, 5: 30 },
    gridlines: false,
    print: { ...ctx.print, orientation: "landscape" },
  });
  const [timer, spaend, loen] = refs;
  return { plan, timer, spaend, loen };
}
