/**
 * A fact sheet's calculation detail ("Beregningsgrundlag"): per part of the nedslagspunkt one
 * table with a row per municipality (its figures as formulas over the Data and Kommunedata
 * sheets, a Medtaget switch) and the summary rows that carry the mean to the studied and the
 * national årsværk. Years stand side by side when the table is narrow enough, else one table
 * per year. Column names say what the figures are ("Timer i alt", "Antal sager", "Timer pr.
 * sag"); a column that would repeat another is left out.
 */
import { columnLetter } from "../layout/a1";
import { rangeRef, type SheetBuilder } from "../layout/builder";
import type { ComponentDef, MethodDef, RatioDef } from "../project/definitions";
import type { Member, NedslagspunktResultat } from "../project/engine";
import { valueForYear } from "../project/inputs";
import type { ReportContext } from "./context";
import { compileExpr, type FormulaRefs } from "./formulas";

/** Cells of the input sheets a member's formulas read. */
export interface InputCells {
  readonly member: (m: Member) => FormulaRefs;
  readonly landstal: (key: string, year: number) => string | undefined;
  /** Timer pr. årsværk (Indstillinger). */
  readonly timer: string;
}

/** First column of a calculation table's figures (A: municipality, B: Medtaget). */
const FIRST_FIGURE_COL = 3;
/** A table wider than this many columns shows its years one below the other. */
const MAX_COLS = 8;
export const COUNT_FMT = "#,##0";
export const AARSVAERK_FMT = "#,##0.0";

/** A number format with enough decimals to show two significant digits of the largest value. */
export function decimalFormat(values: readonly (number | null | undefined)[]): string {
  const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  const digits =
    max === 0 || max >= 10 ? 1 : Math.min(5, Math.max(1, 1 - Math.floor(Math.log10(max))));
  return `#,##0.${"0".repeat(digits)}`;
}

/** The parenthesis a ratio's label ends with ("Timer pr. leveret sag (2020 og frem)" → " (2020 og frem)"). */
function suffixOf(label: string): string {
  const m = /\s(\([^)]*\))\s*$/.exec(label);
  return m ? ` ${m[1]}` : "";
}

function hasDriver(rd: RatioDef): boolean {
  return !(rd.driver.k === "num");
}

/** The columns of one year of a part: which figures, under which names. */
interface YearColumns {
  readonly ratios: readonly { readonly burden: number | null; readonly driver: number | null }[];
  readonly r: number;
  /** The column the units are summed from (the driver's when they are the same figures). */
  readonly units: number;
  readonly unitsOwn: boolean;
  readonly base: number | null;
  readonly last: number;
  readonly names: readonly [number, string][];
}

function yearColumns(
  def: MethodDef,
  c: ComponentDef,
  ci: number,
  year: number,
  members: readonly Member[],
  start: number,
  ctx: ReportContext
): YearColumns {
  const work = def.enhed === "aarsvaerk" ? "Årsværk" : "Timer";
  const single = c.ratios.length === 1;
  const names: [number, string][] = [];
  let col = start;
  const ratios = c.ratios.map((rd) => {
    if (single && !hasDriver(rd)) return { burden: null, driver: null };
    const burden = col++;
    names.push([
      burden,
      single ? `${work} i alt${suffixOf(rd.label)}` : `${rd.label}: ${work.toLowerCase()}`,
    ]);
    if (!hasDriver(rd)) return { burden, driver: null };
    const driver = col++;
    names.push([
      driver,
      single ? `Antal ${c.unitPlural}${suffixOf(rd.label)}` : `${rd.label}: ${c.unitPlural}`,
    ]);
    return { burden, driver };
  });
  const r = col++;
  names.push([r, single ? c.ratios[0].label : `${work} pr. ${c.unitName}`]);
  // The units repeat the driver when they are the same figure for every municipality.
  const onlyDriver = single ? ratios[0].driver : null;
  const same =
    onlyDriver !== null &&
    members.every((m) => {
      const v = m.years.get(year)?.[ci];
      return !v || v.pairs[0] === null || v.pairs[0].driver === v.units;
    });
  let units: number;
  if (same && onlyDriver !== null) units = onlyDriver;
  else {
    units = col++;
    names.push([units, `Antal ${c.unitPlural}`]);
  }
  let base: number | null = null;
  if ("twoStage" in c.national) {
    base = col++;
    names.push([base, ctx.kdLabels[c.national.twoStage.base] ?? c.national.twoStage.base]);
  }
  return { ratios, r, units, unitsOwn: !same, base, last: col - 1, names };
}

export interface PartTable {
  readonly nextRow: number;
  /** Per year: the cells of the studied and the national årsværk. */
  readonly studied: ReadonlyMap<number, string>;
  readonly national: ReadonlyMap<number, string>;
}

/**
 * One part's table for `years` (side by side) from `startRow`; returns the next free row and
 * the cells of its results.
 */
function partTable(
  s: SheetBuilder,
  startRow: number,
  def: MethodDef,
  c: ComponentDef,
  ci: number,
  years: readonly number[],
  np: NedslagspunktResultat,
  ctx: ReportContext,
  cells: InputCells
): PartTable {
  const members = np.medlemmer;
  const H = def.enhed === "aarsvaerk" ? null : cells.timer;
  let row = startRow;
  const title =
    def.components.length > 1
      ? `${c.label}${years.length === 1 ? `, ${years[0]}` : ""}`
      : `Beregning${years.length === 1 ? ` ${years[0]}` : ""}`;
  s.text(row, 1, title, "heading");
  row++;
  const groups: { year: number; cols: YearColumns }[] = [];
  let next = FIRST_FIGURE_COL;
  for (const y of years) {
    const cols = yearColumns(def, c, ci, y, members, next, ctx);
    groups.push({ year: y, cols });
    next = cols.last + 1;
  }
  // Two header rows: the years over their columns, then the columns' names.
  const h1 = row;
  const h2 = row + 1;
  s.text(h1, 1, "Kommune", "tableHeader").merge(h1, 1, h2, 1);
  s.text(h1, 2, "Medtaget (1 = ja)", "tableHeader").merge(h1, 2, h2, 2);
  for (const g of groups) {
    const left = g.cols.names[0][0];
    s.set(h1, left, { value: g.year, style: "tableHeader", numFmt: "0" });
    for (let k = left + 1; k <= g.cols.last; k++)
      s.set(h1, k, { value: null, style: "tableHeader" });
    s.merge(h1, left, h1, g.cols.last);
    for (const [col, name] of g.cols.names) s.text(h2, col, name, "tableHeader");
  }
  row = h2 + 1;
  const first = row;
  const L = columnLetter;
  const rFormats = new Map(
    groups.map((g) => [
      g.year,
      decimalFormat(members.map((m) => m.years.get(g.year)?.[ci]?.r ?? null)),
    ])
  );
  for (const m of members) {
    const refs = cells.member(m);
    s.text(row, 1, m.kommune, "label");
    s.set(row, 2, { value: 1, style: "input", numFmt: "0" });
    for (const g of groups) {
      const v = m.years.get(g.year)![ci];
      const ratioParts: string[] = [];
      c.ratios.forEach((rd, ri) => {
        const pair = v.pairs[ri];
        const at = g.cols.ratios[ri];
        const burden = compileExpr(rd.burden, g.year, refs, ctx.scope);
        if (at.burden === null) {
          // The burden is the ratio itself (no driver): written in the ratio's column.
          if (pair) ratioParts.push(burden);
          return;
        }
        s.set(row, at.burden, {
          formula: burden,
          value: pair?.burden ?? null,
          style: "number",
          numFmt: def.enhed === "aarsvaerk" ? decimalFormat([pair?.burden]) : AARSVAERK_FMT,
        });
        if (at.driver !== null) {
          s.set(row, at.driver, {
            formula: compileExpr(rd.driver, g.year, refs, ctx.scope),
            value: pair?.driver ?? null,
            style: "number",
            numFmt: COUNT_FMT,
          });
        }
        if (pair)
          ratioParts.push(
            at.driver !== null
              ? `${L(at.burden)}${row}/${L(at.driver)}${row}`
              : `${L(at.burden)}${row}`
          );
      });
      if (v.r !== null && ratioParts.length > 0) {
        const f = ratioParts.length === 1 ? ratioParts[0] : `AVERAGE(${ratioParts.join(",")})`;
        s.set(row, g.cols.r, {
          formula: f,
          value: v.r,
          style: "number",
          numFmt: rFormats.get(g.year),
        });
      }
      if (g.cols.unitsOwn) {
        s.set(row, g.cols.units, {
          formula: compileExpr(c.units, g.year, refs, ctx.scope),
          value: v.units,
          style: "number",
          numFmt: COUNT_FMT,
        });
      }
      if (g.cols.base !== null && "twoStage" in c.national) {
        s.set(row, g.cols.base, {
          formula: refs.kommunedata(c.national.twoStage.base, g.year) ?? "0",
          value: v.base,
          style: "number",
          numFmt: COUNT_FMT,
        });
      }
    }
    row++;
  }
  const last = Math.max(first, row - 1);
  const range = (k: number) => rangeRef(s.name, L(k), first, last);
  const med = range(2);
  row++;
  const studied = new Map<number, string>();
  const national = new Map<number, string>();
  const summary: { label: string; put: (g: (typeof groups)[number], at: number) => void }[] = [];
  const rLabel =
    c.ratios.length === 1
      ? c.ratios[0].label.toLowerCase()
      : `${def.enhed === "aarsvaerk" ? "årsværk" : "timer"} pr. ${c.unitName}`;
  const refsByYear = new Map<number, { rbar: string; u: string; d: string }>();
  const put = (g: (typeof groups)[number], at: number, key: "rbar" | "u" | "d") => {
    const e = refsByYear.get(g.year) ?? { rbar: "", u: "", d: "" };
    e[key] = s.ref(at, g.cols.last);
    refsByYear.set(g.year, e);
  };
  const yr = (y: number) => np.aar.find((a) => a.year === y)!.components[ci];
  summary.push({
    label: `Gennemsnit, ${rLabel} (r̄)`,
    put: (g, at) => {
      put(g, at, "rbar");
      s.set(at, g.cols.last, {
        formula: `AVERAGEIFS(${range(g.cols.r)},${med},1)`,
        value: yr(g.year).rbar,
        style: "result",
        numFmt: rFormats.get(g.year),
      });
    },
  });
  summary.push({
    label: `Antal ${c.unitPlural} i de undersøgte kommuner`,
    put: (g, at) => {
      put(g, at, "u");
      s.set(at, g.cols.last, {
        formula: `SUMIFS(${range(g.cols.units)},${med},1)`,
        value: yr(g.year).studiedUnits,
        style: "number",
        numFmt: COUNT_FMT,
      });
    },
  });
  if ("twoStage" in c.national) {
    const ts = c.national.twoStage;
    const kdLabel = ctx.kdLabels[ts.base] ?? ts.base;
    const baseRefs = new Map<number, string>();
    const nbRefs = new Map<number, string>();
    summary.push({
      label: `${kdLabel} i de undersøgte kommuner`,
      put: (g, at) => {
        baseRefs.set(g.year, s.ref(at, g.cols.last));
        s.set(at, g.cols.last, {
          formula: `SUMIFS(${range(g.cols.base!)},${med},1)`,
          value: members.reduce((a, m) => a + (m.years.get(g.year)![ci].base ?? 0), 0),
          style: "number",
          numFmt: COUNT_FMT,
        });
      },
    });
    summary.push({
      label: `${ctx.landstalLabels[ts.landstal] ?? ts.landstal} (Landstal)`,
      put: (g, at) => {
        nbRefs.set(g.year, s.ref(at, g.cols.last));
        const v = valueForYear(ctx.landstal[ts.landstal], g.year);
        s.set(at, g.cols.last, {
          formula: cells.landstal(ts.landstal, g.year) ?? "0",
          value: v ?? null,
          style: "number",
          numFmt: COUNT_FMT,
        });
      },
    });
    summary.push({
      label: `Antal ${c.unitPlural} på landsplan (skønnet: pr. ${kdLabel.toLowerCase()} × landstallet)`,
      put: (g, at) => {
        put(g, at, "d");
        const e = refsByYear.get(g.year)!;
        s.set(at, g.cols.last, {
          formula: `${e.u}/${baseRefs.get(g.year)}*${nbRefs.get(g.year)}`,
          value: yr(g.year).nationalUnits,
          style: "number",
          numFmt: COUNT_FMT,
        });
      },
    });
  } else {
    const key = c.national.landstal;
    summary.push({
      label: `${ctx.landstalLabels[key] ?? key} (Landstal)`,
      put: (g, at) => {
        put(g, at, "d");
        s.set(at, g.cols.last, {
          formula: cells.landstal(key, g.year) ?? "0",
          value: yr(g.year).nationalUnits,
          style: "number",
          numFmt: COUNT_FMT,
        });
      },
    });
  }
  const per = (rbar: string, x: string) => (H ? `${rbar}*${x}/${H}` : `${rbar}*${x}`);
  summary.push({
    label: "Årsværk, de undersøgte kommuner",
    put: (g, at) => {
      const e = refsByYear.get(g.year)!;
      studied.set(g.year, s.ref(at, g.cols.last));
      s.set(at, g.cols.last, {
        formula: `IF(${e.u}=0,0,${per(e.rbar, e.u)})`,
        value: yr(g.year).studied,
        style: "result",
        numFmt: AARSVAERK_FMT,
      });
    },
  });
  summary.push({
    label: "Årsværk, alle kommuner",
    put: (g, at) => {
      const e = refsByYear.get(g.year)!;
      national.set(g.year, s.ref(at, g.cols.last));
      s.set(at, g.cols.last, {
        formula: `IF(${e.d}=0,0,${per(e.rbar, e.d)})`,
        value: yr(g.year).national,
        style: "result",
        numFmt: AARSVAERK_FMT,
      });
    },
  });
  // The labels span the columns left of the first year's figures.
  const labelTo = Math.max(2, groups[0].cols.last - 1);
  for (const line of summary) {
    s.text(row, 1, line.label, "label", labelTo);
    for (const g of groups) line.put(g, row);
    row++;
  }
  s.keep(startRow, row - 1);
  return { nextRow: row + 1, studied, national };
}

/** Every part's tables for the computed years; the cells of the studied and national årsværk per year. */
export function calculationTables(
  s: SheetBuilder,
  startRow: number,
  def: MethodDef,
  np: NedslagspunktResultat,
  years: readonly number[],
  ctx: ReportContext,
  cells: InputCells
): { nextRow: number; studied: Map<number, string[]>; national: Map<number, string[]> } {
  let row = startRow;
  const studied = new Map<number, string[]>();
  const national = new Map<number, string[]>();
  const add = (to: Map<number, string[]>, from: ReadonlyMap<number, string>) => {
    for (const [y, ref] of from) to.set(y, [...(to.get(y) ?? []), ref]);
  };
  def.components.forEach((c, ci) => {
    const probe = years.map((y) => yearColumns(def, c, ci, y, np.medlemmer, FIRST_FIGURE_COL, ctx));
    const width =
      FIRST_FIGURE_COL - 1 + probe.reduce((a, p) => a + (p.last - FIRST_FIGURE_COL + 1), 0);
    const sets = width <= MAX_COLS ? [years] : years.map((y) => [y]);
    for (const ys of sets) {
      const t = partTable(s, row, def, c, ci, ys, np, ctx, cells);
      add(studied, t.studied);
      add(national, t.national);
      row = t.nextRow;
    }
  });
  return { nextRow: row, studied, national };
}
