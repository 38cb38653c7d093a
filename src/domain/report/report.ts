/**
 * The aggregation workbook ("overblik.xlsx") as SheetPlans: Overblik, one fact sheet per
 * nedslagspunkt, Kommunedata, Landstal, Indstillinger, Data and Valideringslog. Computed cells are
 * native Excel formulas (invariant syntax) over the Data, Kommunedata, Landstal and Indstillinger
 * cells, compiled from the same method definitions the engine ran, each with the engine's value
 * as its cached result. Change a national figure in Excel or LibreOffice and every result follows.
 */
import { columnLetter } from "../layout/a1";
import type { SheetPlan, WorkbookPlan } from "../layout/types";
import type { Finding, KommuneReturn } from "../model";
import type { Pack } from "../pack/model";
import { defaultPack } from "../pakker";
import type { ComponentDef, KommunedataKey, MethodDef } from "../project/definitions";
import { projectionOf } from "../project/engine";
import { kommunedataRead, projectionScope, type ProjectionScope } from "../project/expr";
import { computedYears } from "../project/tal";
import {
  mergeReturns,
  type MergedReturn,
  type Member,
  type NedslagspunktResultat,
  type ProjectionResult,
} from "../project/engine";
import {
  canonicalKommune,
  indexKommunedata,
  valueForYear,
  type Kommunedata,
  type Landstal,
} from "../project/inputs";
import { datakvalitetTekst } from "../project/quality";
import type { Node } from "../expr/ast";
import { compileExpr, type FormulaRefs } from "./formulas";
import { SheetBuilder, rangeRef } from "./sheet";
import { formatDanishNumber } from "../parse/number";

export interface ReportInput {
  readonly result: ProjectionResult;
  readonly returns: readonly KommuneReturn[];
  readonly landstal: Landstal;
  readonly kommunedata?: Kommunedata;
  /** Findings about files that could not be read at all (shown in Valideringslog). */
  readonly fileFindings?: readonly Finding[];
  /** The pack whose projection ran (default kl2024). */
  readonly pack?: Pack;
  readonly methods?: readonly MethodDef[];
}

export const SHEET = {
  overblik: "Overblik",
  kommunedata: "Kommunedata",
  landstal: "Landstal",
  indstillinger: "Indstillinger",
  data: "Data",
  log: "Valideringslog",
} as const;

/** The Excel tables (ListObjects) on the input sheets, by sheet; readers find them by these names. */
export const TABLE = {
  data: "Data_tabel",
  landstal: "Landstal_tabel",
  kommunedata: "Kommunedata_tabel",
} as const;

/** Column names of the Data table (its header row). */
export const DATA_COLUMNS = ["Kommune", "Felt", "Skabelon", "År", "Værdi"] as const;
/** Column names of the Landstal table. */
export const LANDSTAL_COLUMNS = ["Nøgle", "Beskrivelse", "År", "Værdi"] as const;
/** The Kommunedata table's first column; the others are "<label> <år>". */
export const KOMMUNEDATA_FIRST_COLUMN = "Kommune";

const AV = "0.0"; // årsværk
const RATIO = "0.000";
const COUNT = "#,##0";

/** Cells other sheets refer to. */
interface Refs {
  data: Map<string, Map<string, number>>; // kommune → field → row on the Data sheet
  kommunedata: Map<string, string>; // kommune|key|year → ref
  landstal: Map<string, string>; // key|year or key|* → ref
  timer: string;
  spaend: string;
  loen: string;
  loenValue: number;
  landstalValues: Landstal;
  /** How the pack's expressions read, and the names of its input tables' keys. */
  scope: ProjectionScope;
  landstalLabels: Readonly<Record<string, string>>;
  kdLabels: Readonly<Record<string, string>>;
  kdKeys: readonly string[];
  kdDefaults: Readonly<Record<string, string>>;
}

// ------------------------------------------------------------------------------------ Data
/** A field's cell in the Data sheet's value column (the sheet name needs no quoting). */
function dataRef(refs: Refs, kommune: string, id: string): string | undefined {
  const row = refs.data.get(kommune)?.get(id);
  return row === undefined ? undefined : `${SHEET.data}!$E$${row}`;
}
function dataSheet(merged: readonly MergedReturn[], refs: Refs): SheetPlan {
  const s = new SheetBuilder(SHEET.data);
  s.text(1, 1, "Data: de indsendte tal (én række pr. kommune og felt)", "title");
  s.text(
    2,
    1,
    "Beregningerne på faktaarkene henviser til kolonne E. Ret et tal her, og resultaterne følger med.",
    "note"
  );
  DATA_COLUMNS.forEach((h, i) => s.text(3, i + 1, h, "tableHeader"));
  let row = 4;
  for (const m of merged) {
    const rows = new Map<string, number>();
    refs.data.set(m.kommune, rows);
    for (const id in m.values) {
      const v = m.values[id];
      // "<skabelon>.<blok>.<række>.<år>": the year is the last four characters.
      const year =
        id.length > 5 && id.charCodeAt(id.length - 5) === 46 ? Number(id.slice(-4)) : NaN;
      s.text(row, 1, m.kommune, "label");
      s.text(row, 2, id, "label");
      s.text(row, 3, id.slice(0, id.indexOf(".")), "label");
      if (Number.isInteger(year)) s.set(row, 4, { value: year });
      if (v !== null && v !== undefined) s.set(row, 5, { value: v, style: "number" });
      rows.set(id, row);
      row++;
    }
  }
  s.table(TABLE.data, 3, 1, row - 1, DATA_COLUMNS.length);
  return s.build({ 1: 18, 2: 48, 3: 12, 4: 8, 5: 14 }, 3);
}

// ------------------------------------------------------------------------------------ Landstal
function landstalSheet(
  landstal: Landstal,
  needed: ReadonlyMap<string, Set<number>>,
  refs: Refs
): SheetPlan {
  const s = new SheetBuilder(SHEET.landstal);
  s.text(1, 1, "Landstal", "title");
  s.text(
    2,
    1,
    "Tal for hele landet, som opregningen ganger op med. Ret et tal, og alle resultater følger med.",
    "note"
  );
  LANDSTAL_COLUMNS.forEach((h, i) => s.text(3, i + 1, h, "tableHeader"));
  let row = 4;
  const keys = [
    ...new Set([...Object.keys(refs.landstalLabels), ...Object.keys(landstal), ...needed.keys()]),
  ].filter((k) => k in landstal || needed.has(k));
  for (const key of keys) {
    const v = landstal[key];
    const label = refs.landstalLabels[key] ?? key;
    const put = (yearLabel: string | number, value: number | undefined, refKey: string) => {
      s.text(row, 1, key, "label");
      s.text(row, 2, label, "label");
      s.set(row, 3, { value: yearLabel });
      s.set(row, 4, { value: value ?? null, style: "input", numFmt: COUNT });
      refs.landstal.set(refKey, s.ref(row, 4));
      row++;
    };
    if (typeof v === "number") {
      put("alle år", v, `${key}|*`);
    } else {
      const years = new Set<number>([
        ...Object.keys(v ?? {}).map(Number),
        ...(needed.get(key) ?? []),
      ]);
      for (const y of [...years].sort()) put(y, valueForYear(v, y), `${key}|${y}`);
    }
  }
  s.table(TABLE.landstal, 3, 1, row - 1, LANDSTAL_COLUMNS.length);
  return s.build({ 1: 22, 2: 60, 3: 9, 4: 14 }, 3);
}

function landstalRef(refs: Refs, key: string, year: number): string | undefined {
  return refs.landstal.get(`${key}|${year}`) ?? refs.landstal.get(`${key}|*`);
}

// ------------------------------------------------------------------------------------ Kommunedata
function kommunedataSheet(
  merged: readonly MergedReturn[],
  kommunedata: Kommunedata | undefined,
  needed: ReadonlyArray<readonly [KommunedataKey, number]>,
  refs: Refs
): SheetPlan {
  const s = new SheetBuilder(SHEET.kommunedata);
  const kd = indexKommunedata(kommunedata);
  s.text(1, 1, "Kommunedata", "title");
  s.text(
    2,
    1,
    "Tal pr. kommune og år, som forholdstallene deles med. Dagtilbud henter kommunens eget antal fra dens indberetning (en formel mod arket Data), hvis intet andet er angivet.",
    "note"
  );
  s.text(3, 1, KOMMUNEDATA_FIRST_COLUMN, "tableHeader");
  needed.forEach(([key, year], i) =>
    s.text(3, i + 2, `${refs.kdLabels[key] ?? key} ${year}`, "tableHeader")
  );
  const names = [...new Set([...merged.map((m) => m.kommune), ...kd.keys()])];
  names.forEach((k, ri) => {
    const row = 4 + ri;
    s.text(row, 1, k, "label");
    const m = merged.find((x) => x.kommune === k);
    needed.forEach(([key, year], ci) => {
      const col = ci + 2;
      const own = valueForYear(kd.get(k)?.[key], year);
      const def = refs.kdDefaults[key];
      const defId = def?.replace("{år}", String(year));
      const defRef = defId ? dataRef(refs, k, defId) : undefined;
      if (own !== undefined) s.set(row, col, { value: own, style: "input", numFmt: COUNT });
      else if (defRef && m && typeof m.values[defId!] === "number") {
        s.set(row, col, {
          formula: defRef,
          value: m.values[defId!] as number,
          style: "input",
          numFmt: COUNT,
        });
      } else s.set(row, col, { value: null, style: "input" });
      refs.kommunedata.set(`${k}|${key}|${year}`, s.ref(row, col));
    });
  });
  s.table(TABLE.kommunedata, 3, 1, 3 + names.length, needed.length + 1);
  const widths: Record<number, number> = { 1: 18 };
  needed.forEach((_, i) => (widths[i + 2] = 16));
  return s.build(widths, 3);
}

// ------------------------------------------------------------------------------------ Indstillinger
function indstillingerSheet(
  result: ProjectionResult,
  methods: readonly MethodDef[],
  refs: Refs
): SheetPlan {
  const s = new SheetBuilder(SHEET.indstillinger);
  const i = result.indstillinger;
  s.text(1, 1, "Indstillinger", "title");
  s.text(
    2,
    1,
    "Ret timer pr. årsværk, spændet eller lønnen her, og resultaterne følger med. Perioder og udeladelser kræver en ny kørsel.",
    "note"
  );
  const rows: Array<[string, number, string]> = [
    ["Timer pr. effektivt årsværk", i.timer_pr_aarsvaerk, "0"],
    ["Spænd omkring landstallet (%)", i.spaend_pct, "0"],
    ["Lønomkostning pr. årsværk (kr.)", i.loen_pr_aarsvaerk, "#,##0"],
  ];
  rows.forEach(([label, v, fmt], k) => {
    s.text(4 + k, 1, label, "label");
    s.set(4 + k, 2, { value: v, style: "input", numFmt: fmt });
  });
  refs.timer = s.ref(4, 2);
  refs.spaend = s.ref(5, 2);
  refs.loen = s.ref(6, 2);
  ["Nedslagspunkt", "Basisår", "Slutår", "Udelad", "Medtag trods forslag"].forEach((h, k) =>
    s.text(9, k + 1, h, "tableHeader")
  );
  methods.forEach((m, k) => {
    const r = result.nedslagspunkter.find((n) => n.id === m.id);
    const row = 10 + k;
    s.text(row, 1, m.navn, "label");
    s.set(row, 2, { value: r?.basisaar ?? m.basis });
    s.set(row, 3, { value: r?.slutaar ?? m.slut });
    s.text(row, 4, (i.udelad[m.id] ?? []).join(", "), "label");
    s.text(row, 5, (i.medtag[m.id] ?? []).join(", "), "label");
  });
  return s.build({ 1: 44, 2: 12, 3: 12, 4: 30, 5: 30 });
}

// ------------------------------------------------------------------------------------ fact sheets
interface FactSheetOut {
  plan: SheetPlan;
  /** Cells the overview refers to. */
  increase: string;
  spanText: string;
  national: string;
}

function componentTable(
  s: SheetBuilder,
  startRow: number,
  def: MethodDef,
  c: ComponentDef,
  ci: number,
  year: number,
  np: NedslagspunktResultat,
  refs: Refs
): { nextRow: number; studied: string; national: string } {
  const yr = np.aar.find((a) => a.year === year)!;
  const cy = yr.components[ci];
  const members = np.medlemmer;
  const H = def.enhed === "aarsvaerk" ? null : refs.timer;
  let row = startRow;
  s.text(
    row,
    1,
    def.components.length > 1 ? `${c.label}, ${year}` : `Beregning ${year}`,
    "heading"
  );
  row++;
  // columns
  const cols: string[] = ["Kommune", "Medtaget (1/0)"];
  const ratioCols: Array<{ b: number; d: number | null }> = [];
  let col = 3;
  for (const rd of c.ratios) {
    const hasDriver = !("c" in rd.driver);
    cols.push(`${rd.label}: byrde`);
    if (hasDriver) cols.push(`${rd.label}: enheder`);
    ratioCols.push({ b: col, d: hasDriver ? col + 1 : null });
    col += hasDriver ? 2 : 1;
  }
  const rCol = col++;
  const uCol = col++;
  const twoStage = "twoStage" in c.national ? c.national.twoStage : null;
  const bCol = twoStage ? col++ : null;
  cols.push(`Pr. ${c.unitName} (r)`, `Antal ${c.unitPlural}`);
  if (twoStage)
    cols.push(`Grundlag: ${(refs.kdLabels[twoStage.base] ?? twoStage.base).toLowerCase()}`);
  cols.forEach((h, k) => s.text(row, k + 1, h, "tableHeader"));
  s.height(row, 45);
  row++;
  const first = row;
  const L = (k: number) => columnLetter(k);
  for (const m of members) {
    const v = m.years.get(year)![ci];
    const mrefs = memberRefs(m, refs);
    s.text(row, 1, m.kommune, "label");
    s.set(row, 2, { value: 1, style: "input" });
    const ratioParts: string[] = [];
    c.ratios.forEach((rd, ri) => {
      const pair = v.pairs[ri];
      const bc = ratioCols[ri];
      const bf = compileExpr(rd.burden, year, mrefs, refs.scope);
      s.set(row, bc.b, {
        formula: bf,
        value: pair?.burden ?? null,
        style: "number",
        numFmt: "#,##0.0",
      });
      if (bc.d !== null) {
        const df = compileExpr(rd.driver, year, mrefs, refs.scope);
        s.set(row, bc.d, {
          formula: df,
          value: pair?.driver ?? null,
          style: "number",
          numFmt: COUNT,
        });
      }
      if (pair)
        ratioParts.push(bc.d !== null ? `${L(bc.b)}${row}/${L(bc.d)}${row}` : `${L(bc.b)}${row}`);
    });
    if (v.r !== null && ratioParts.length > 0) {
      const f = ratioParts.length === 1 ? ratioParts[0] : `AVERAGE(${ratioParts.join(",")})`;
      s.set(row, rCol, { formula: f, value: v.r, style: "number", numFmt: RATIO });
    }
    s.set(row, uCol, {
      formula: compileExpr(c.units, year, mrefs, refs.scope),
      value: v.units,
      style: "number",
      numFmt: COUNT,
    });
    if (twoStage && bCol) {
      s.set(row, bCol, {
        formula: mrefs.kommunedata(twoStage.base, year) ?? "0",
        value: v.base,
        style: "number",
        numFmt: COUNT,
      });
    }
    row++;
  }
  const last = row - 1;
  const range = (k: number) => rangeRef(s.name, L(k), first, Math.max(first, last));
  const med = range(2);
  row++;
  const label = (t: string) => s.text(row, 1, t, "label");
  // r̄
  label(`Gennemsnit pr. ${c.unitName} (r̄)`);
  const rbarRef = s.ref(row, 3);
  s.set(row, 3, {
    formula: `AVERAGEIFS(${range(rCol)},${med},1)`,
    value: cy.rbar,
    style: "result",
    numFmt: RATIO,
  });
  row++;
  label(`Antal ${c.unitPlural} i de undersøgte kommuner`);
  const uRef = s.ref(row, 3);
  s.set(row, 3, {
    formula: `SUMIFS(${range(uCol)},${med},1)`,
    value: cy.studiedUnits,
    style: "number",
    numFmt: COUNT,
  });
  row++;
  let dRef: string;
  if (twoStage && bCol) {
    label(`${refs.kdLabels[twoStage.base] ?? twoStage.base} i de undersøgte kommuner`);
    const baseRef = s.ref(row, 3);
    const sumBase = members.reduce((a, m) => a + (m.years.get(year)![ci].base ?? 0), 0);
    s.set(row, 3, {
      formula: `SUMIFS(${range(bCol)},${med},1)`,
      value: sumBase,
      style: "number",
      numFmt: COUNT,
    });
    row++;
    label(`${refs.landstalLabels[twoStage.landstal] ?? twoStage.landstal} (Landstal)`);
    const nbRef = s.ref(row, 3);
    s.set(row, 3, {
      formula: landstalRef(refs, twoStage.landstal, year) ?? "0",
      value: valueForYear(refs.landstalValues[twoStage.landstal], year) ?? null,
      style: "number",
      numFmt: COUNT,
    });
    row++;
    label(
      `Antal ${c.unitPlural} på landsplan (estimat: pr. ${(refs.kdLabels[twoStage.base] ?? twoStage.base).toLowerCase()} × landstal)`
    );
    dRef = s.ref(row, 3);
    s.set(row, 3, {
      formula: `${uRef}/${baseRef}*${nbRef}`,
      value: cy.nationalUnits,
      style: "number",
      numFmt: "#,##0.0",
    });
    row++;
  } else {
    const key = (c.national as { landstal: string }).landstal;
    label(`Antal ${c.unitPlural} på landsplan (Landstal »${key}«)`);
    dRef = s.ref(row, 3);
    s.set(row, 3, {
      formula: landstalRef(refs, key, year) ?? "0",
      value: cy.nationalUnits,
      style: "number",
      numFmt: COUNT,
    });
    row++;
  }
  const per = (x: string) => (H ? `${rbarRef}*${x}/${H}` : `${rbarRef}*${x}`);
  label("Undersøgte kommuner (årsværk)");
  const studied = s.ref(row, 3);
  s.set(row, 3, {
    formula: `IF(${uRef}=0,0,${per(uRef)})`,
    value: cy.studied,
    style: "result",
    numFmt: "0.00",
  });
  row++;
  label("Alle kommuner (årsværk)");
  const national = s.ref(row, 3);
  s.set(row, 3, {
    formula: `IF(${dRef}=0,0,${per(dRef)})`,
    value: cy.national,
    style: "result",
    numFmt: "0.00",
  });
  row += 2;
  return { nextRow: row, studied, national };
}

function memberRefs(m: Member, refs: Refs): FormulaRefs {
  return {
    field: (id) => dataRef(refs, m.kommune, id),
    kommunedata: (key, year) => refs.kommunedata.get(`${m.kommune}|${key}|${year}`),
  };
}

function fmtNumber(v: number, digits = 1): string {
  return formatDanishNumber(v, digits);
}

function factSheet(def: MethodDef, np: NedslagspunktResultat, refs: Refs): FactSheetOut {
  const s = new SheetBuilder(def.arkNavn);
  s.text(1, 1, def.navn, "title");
  s.text(2, 1, `Forvaltningsområde: ${def.omraade}`, "subtitle");
  s.text(4, 1, "Estimeret ressourcetræk (årsværk)", "heading");
  ["", String(np.basisaar), String(np.slutaar), "Stigning i ÅV"].forEach(
    (h, k) => h && s.text(5, k + 1, h, "tableHeader")
  );
  s.text(6, 1, "Undersøgte kommuner", "label");
  s.text(7, 1, "Alle kommuner", "label");
  s.text(8, 1, "Spænd omkring stigningen (lav, høj, tekst)", "label");
  const out: FactSheetOut = {
    plan: undefined as unknown as SheetPlan,
    increase: s.ref(7, 4),
    spanText: s.ref(8, 4),
    national: s.ref(7, 3),
  };
  let row = 10;
  s.text(row, 1, `Datakvalitet: ${np.datakvalitet.niveau}. ${np.datakvalitet.begrundelse}`, "body");
  s.merge(row, 1, row, 6);
  row++;
  s.text(row, 1, `Kommuner i beregningen: ${np.kommuner.join(", ") || "ingen"}.`, "body");
  s.merge(row, 1, row, 6);
  row++;
  for (const u of np.udeladt) {
    s.text(row, 1, `Udeladt: ${u.kommune}: ${u.grund}.`, "note");
    s.merge(row, 1, row, 6);
    row++;
  }
  for (const f of np.forslag) {
    s.text(
      row,
      1,
      `Forslag (afviger, modificeret z = ${fmtNumber(f.z)}, ${f.aar}): ${f.kommune}${f.medtaget ? " er medtaget efter indstilling" : " kan overvejes udeladt; det er ikke gjort"}.`,
      "note"
    );
    s.merge(row, 1, row, 6);
    row++;
  }
  for (const n of np.afvigerNoter) {
    s.text(row, 1, `Afvigere: ${n}`, "note");
    s.merge(row, 1, row, 6);
    row++;
  }
  row++;
  s.text(row, 1, "Metode", "heading");
  row++;
  s.text(row, 1, def.metode, "body");
  s.merge(row, 1, row, 6);
  s.height(row, 75);
  row += 2;

  if (np.kan_ikke_beregnes) {
    s.text(6, 2, "kan ikke beregnes", "note");
    s.text(7, 2, "kan ikke beregnes", "note");
    s.text(row, 1, `Kan ikke beregnes: ${np.kan_ikke_beregnes}.`, "body");
    s.merge(row, 1, row, 6);
    out.plan = s.build({ 1: 64, 2: 16, 3: 16, 4: 16, 5: 16, 6: 16, 7: 16, 8: 16 });
    return out;
  }

  const perYear = new Map<number, { studied: string[]; national: string[] }>();
  for (const y of computedYears(def, np.basisaar, np.slutaar)) {
    const acc = { studied: [] as string[], national: [] as string[] };
    def.components.forEach((c, ci) => {
      const t = componentTable(s, row, def, c, ci, y, np, refs);
      acc.studied.push(t.studied);
      acc.national.push(t.national);
      row = t.nextRow;
    });
    perYear.set(y, acc);
  }
  const sumOf = (xs: string[]) => (xs.length === 1 ? xs[0] : xs.join("+"));
  const end = perYear.get(np.slutaar)!;
  const start = def.ny ? null : perYear.get(np.basisaar)!;
  const put = (r: number, col: number, formula: string | null, value: number | null) =>
    formula === null
      ? s.set(r, col, { value: 0, style: "number", numFmt: AV })
      : s.set(r, col, { formula, value, style: "result", numFmt: AV });
  put(6, 2, start ? sumOf(start.studied) : null, np.undersoegte.basis);
  put(6, 3, sumOf(end.studied), np.undersoegte.slut);
  s.set(6, 4, { formula: `C6-B6`, value: np.undersoegte.stigning, style: "result", numFmt: AV });
  put(7, 2, start ? sumOf(start.national) : null, np.alle.basis);
  put(7, 3, sumOf(end.national), np.alle.slut);
  s.set(7, 4, { formula: `C7-B7`, value: np.alle.stigning, style: "result", numFmt: AV });
  s.set(8, 2, {
    formula: `ROUND(D7*(1-${refs.spaend}/100),0)`,
    value: np.spaend!.lav,
    style: "number",
  });
  s.set(8, 3, {
    formula: `ROUND(D7*(1+${refs.spaend}/100),0)`,
    value: np.spaend!.hoej,
    style: "number",
  });
  s.set(8, 4, {
    formula: `B8&"-"&C8&" ("&ROUND(D7,0)&")"`,
    value: np.spaend!.tekst,
    style: "result",
  });

  row = extrasSection(s, row, np, refs);
  out.plan = s.build({ 1: 64, 2: 16, 3: 16, 4: 16, 5: 16, 6: 16, 7: 16, 8: 16 });
  return out;
}

function extrasSection(
  s: SheetBuilder,
  startRow: number,
  np: NedslagspunktResultat,
  refs: Refs
): number {
  const e = np.ekstra;
  let row = startRow;
  s.text(row, 1, "Ud over rapporten (til sammenligning; rapportens tal står øverst)", "heading");
  row++;
  s.text(
    row,
    1,
    "Tallene herunder er beregnet ved kørslen og følger ikke med, hvis tal ændres i projektmappen (undtagen kronerne).",
    "note"
  );
  s.merge(row, 1, row, 6);
  row++;
  if (!e) return row;
  const line = (label: string, value: string) => {
    s.text(row, 1, label, "label");
    s.text(row, 2, value, "body");
    s.merge(row, 2, row, 6);
    row++;
  };
  const t = e.tInterval;
  line(
    `95 %-konfidensinterval (t-fordeling) for alle kommuner ${np.slutaar}`,
    "grund" in t
      ? `kan ikke beregnes: ${t.grund}`
      : `${fmtNumber(t.lav)}–${fmtNumber(t.hoej)} årsværk (rapporten: ${fmtNumber(np.alle.slut as number)})`
  );
  const rs = e.forholdAfSummer;
  line(
    "Forhold af summer (Σ byrde / Σ enheder) i stedet for gennemsnit af forhold",
    "grund" in rs
      ? `kan ikke beregnes: ${rs.grund}`
      : `alle kommuner ${fmtNumber(rs.slut as number)} i ${np.slutaar}, stigning ${fmtNumber(rs.stigning as number)} årsværk`
  );
  if (e.udenEnMin !== null && e.udenEnMax !== null) {
    line(
      "Stigning for alle kommuner med én kommune udeladt ad gangen",
      `${fmtNumber(e.udenEnMin)}–${fmtNumber(e.udenEnMax)} årsværk (${e.udenEn.map((u) => `uden ${u.kommune}: ${u.stigning === null ? "kan ikke beregnes" : fmtNumber(u.stigning)}`).join("; ")})`
    );
  }
  s.text(row, 1, `Omkostning (årsværk × løn pr. årsværk), stigning i kr.`, "label");
  s.set(row, 2, {
    formula: `D7*${refs.loen}`,
    value: (np.alle.stigning ?? 0) * refs.loenValue,
    style: "number",
    numFmt: "#,##0",
  });
  row++;
  if (e.grupper.length > 0) {
    row++;
    s.text(row, 1, `Alle kommuner ${np.slutaar} fordelt på grupper (timevægtet)`, "heading");
    row++;
    ["Gruppe", "Del", "Andel", "Årsværk"].forEach((h, k) => s.text(row, k + 1, h, "tableHeader"));
    row++;
    for (const g of e.grupper) {
      s.text(row, 1, g.label, "label");
      s.text(row, 2, g.komponent, "label");
      s.set(row, 3, { value: g.andel, numFmt: "0%" });
      s.set(row, 4, { value: g.aarsvaerk, numFmt: AV });
      row++;
    }
  }
  if (e.underopgaver.length > 0) {
    row++;
    s.text(
      row,
      1,
      `Alle kommuner ${np.slutaar} fordelt på underopgaver (procentfordelingen, timevægtet)`,
      "heading"
    );
    row++;
    ["Underopgave", "Gruppe", "Andel af gruppen", "Årsværk"].forEach((h, k) =>
      s.text(row, k + 1, h, "tableHeader")
    );
    row++;
    for (const u of e.underopgaver) {
      s.text(row, 1, u.label, "label");
      s.text(
        row,
        2,
        e.grupper.find((g) => g.blok === u.blok && g.komponent === u.komponent)?.label ?? u.blok,
        "label"
      );
      s.set(row, 3, { value: u.andel, numFmt: "0%" });
      s.set(row, 4, { value: u.aarsvaerk, numFmt: AV });
      row++;
    }
  }
  return row;
}

// ------------------------------------------------------------------------------------ Overblik
function overblikSheet(
  result: ProjectionResult,
  methods: readonly MethodDef[],
  facts: ReadonlyMap<string, FactSheetOut>,
  refs: Refs
): SheetPlan {
  const s = new SheetBuilder(SHEET.overblik);
  s.text(1, 1, "Overblik over nedslagspunkter og samlet belastning", "title");
  s.text(
    2,
    1,
    "Den estimerede administrative belastning er angivet i et spænd for at tydeliggøre, at opregningen er et estimat baseret på de undersøgte kommuners data.",
    "subtitle"
  );
  s.merge(2, 1, 2, 6);
  const head = [
    "Område",
    "Nedslagspunkt",
    "Data fra alle undersøgte kommuner",
    "Datakvalitet",
    "Øget administrativ belastning (årsværk)",
    "Hvor kommer den øgede belastning fra",
    "",
    "Stigning, alle kommuner (uafrundet)",
    "Ud over rapporten: 95 %-t-interval, slutår",
    "Ud over rapporten: forhold af summer, stigning",
    "Ud over rapporten: uden én kommune, stigning",
    "Ud over rapporten: stigning i kr.",
  ];
  head.forEach((h, k) => h && s.text(4, k + 1, h, "tableHeader"));
  s.height(4, 48);
  let row = 5;
  for (const m of methods) {
    const np = result.nedslagspunkter.find((n) => n.id === m.id);
    if (!np) continue;
    const f = facts.get(m.id)!;
    s.text(row, 1, m.omraade, "label");
    s.text(row, 2, m.navn, "label");
    s.text(row, 3, np.kan_ikke_beregnes ? "" : np.alleUndersoegte ? "Ja" : "Nej", "label");
    s.text(row, 4, np.kan_ikke_beregnes ? "" : np.datakvalitet.niveau, "label");
    if (np.kan_ikke_beregnes) {
      s.text(row, 5, `kan ikke beregnes: ${np.kan_ikke_beregnes}`, "note");
    } else {
      s.set(row, 5, { formula: f.spanText, value: np.spaend!.tekst, style: "result" });
      s.set(row, 8, {
        formula: f.increase,
        value: np.alle.stigning,
        style: "number",
        numFmt: "0.00",
      });
      const e = np.ekstra;
      if (e) {
        const t = e.tInterval;
        s.text(
          row,
          9,
          "grund" in t ? "kan ikke beregnes" : `${fmtNumber(t.lav)}–${fmtNumber(t.hoej)}`,
          "label"
        );
        const rs = e.forholdAfSummer;
        s.set(
          row,
          10,
          "grund" in rs
            ? { value: "kan ikke beregnes", style: "note" }
            : { value: rs.stigning, style: "number", numFmt: AV }
        );
        s.text(
          row,
          11,
          e.udenEnMin !== null && e.udenEnMax !== null
            ? `${fmtNumber(e.udenEnMin)}–${fmtNumber(e.udenEnMax)}`
            : "",
          "label"
        );
        s.set(row, 12, {
          formula: `${f.increase}*${refs.loen}`,
          value: (np.alle.stigning ?? 0) * result.indstillinger.loen_pr_aarsvaerk,
          style: "number",
          numFmt: "#,##0",
        });
      }
    }
    // "Hvor kommer den øgede belastning fra": the catalogue's description, kept in one place.
    s.text(row, 6, m.beskrivelse, "body");
    s.height(row, 75);
    row++;
  }
  row++;
  s.text(row, 1, datakvalitetTekst(), "note");
  s.merge(row, 1, row, 6);
  s.height(row, 45);
  row++;
  s.text(
    row,
    1,
    `Spændet er ± ${result.indstillinger.spaend_pct} % omkring stigningen for alle kommuner, afrundet til hele årsværk (se arket Indstillinger). Kolonnerne »Ud over rapporten« er ikke rapportens tal, men viser hvor følsomt resultatet er for metodevalget; de er beregnet ved kørslen (kun kronerne følger med, hvis tal ændres).`,
    "note"
  );
  s.merge(row, 1, row, 6);
  s.height(row, 45);
  return s.build(
    { 1: 22, 2: 30, 3: 14, 4: 12, 5: 18, 6: 70, 7: 2, 8: 14, 9: 16, 10: 16, 11: 16, 12: 16 },
    4
  );
}

// ------------------------------------------------------------------------------------ Valideringslog
function logSheet(input: ReportInput): SheetPlan {
  const s = new SheetBuilder(SHEET.log);
  s.text(1, 1, "Valideringslog", "title");
  ["Kommune", "Fil", "Nedslagspunkt", "Alvor / kilde", "Regel", "Celle", "Besked"].forEach((h, k) =>
    s.text(3, k + 1, h, "tableHeader")
  );
  let row = 4;
  for (const f of input.fileFindings ?? []) {
    [
      f.file ?? "",
      f.file ?? "",
      "",
      f.severity,
      f.rule,
      f.location ? `${f.location.sheet}!${f.location.cell}` : "",
      f.message,
    ].forEach((v, k) => s.text(row, k + 1, k === 0 ? "" : v, "label"));
    row++;
  }
  for (const r of input.returns) {
    for (const f of r.findings) {
      [
        canonicalKommune(r.kommune),
        f.file ?? r.file ?? "",
        "",
        f.severity,
        f.rule,
        f.location ? `${f.location.sheet}!${f.location.cell}` : (f.field ?? ""),
        f.message,
      ].forEach((v, k) => s.text(row, k + 1, v, "label"));
      row++;
    }
  }
  for (const l of input.result.log) {
    [l.kommune ?? "", "", l.nedslagspunkt ?? "", l.kilde, "opregning", "", l.besked].forEach(
      (v, k) => s.text(row, k + 1, v, "label")
    );
    row++;
  }
  if (row === 4) s.text(row, 1, "Ingen bemærkninger.", "note");
  return s.build({ 1: 18, 2: 24, 3: 14, 4: 14, 5: 18, 6: 16, 7: 90 }, 3);
}

// ------------------------------------------------------------------------------------ workbook
function neededInputs(methods: readonly MethodDef[], result: ProjectionResult, refs: Refs) {
  const landstal = new Map<string, Set<number>>();
  const kd: Array<[KommunedataKey, number]> = [];
  const addKd = (k: KommunedataKey, y: number) => {
    if (!kd.some(([a, b]) => a === k && b === y)) kd.push([k, y]);
  };
  const addL = (k: string, y: number) => landstal.set(k, (landstal.get(k) ?? new Set()).add(y));
  const kdOf = (e: Node): KommunedataKey[] => kommunedataRead(e, refs.scope);
  for (const m of methods) {
    const np = result.nedslagspunkter.find((n) => n.id === m.id);
    const years = computedYears(m, np?.basisaar ?? m.basis, np?.slutaar ?? m.slut);
    for (const y of years) {
      for (const c of m.components) {
        for (const rd of c.ratios)
          [...kdOf(rd.burden), ...kdOf(rd.driver)].forEach((k) => addKd(k, y));
        kdOf(c.units).forEach((k) => addKd(k, y));
        if ("twoStage" in c.national) {
          addKd(c.national.twoStage.base, y);
          addL(c.national.twoStage.landstal, y);
        } else addL(c.national.landstal, y);
      }
    }
  }
  kd.sort((a, b) => refs.kdKeys.indexOf(a[0]) - refs.kdKeys.indexOf(b[0]) || a[1] - b[1]);
  return { landstal, kd };
}

/** The whole aggregation workbook as a plan. */
export function buildReport(input: ReportInput): WorkbookPlan {
  const pack = input.pack ?? defaultPack();
  const calc = projectionOf(pack);
  if (!calc) throw new Error(`pakken »${pack.id}« har ingen opregning`);
  const methods = input.methods ?? calc.methods;
  const table = (id: string) => pack.inputs.find((t) => t.id === id);
  const labels = (id: string) =>
    Object.fromEntries((table(id)?.keys ?? []).map((k) => [k.key, k.label]));
  const merged = input.result.returer ?? mergeReturns(input.returns);
  const refs: Refs = {
    data: new Map(),
    kommunedata: new Map(),
    landstal: new Map(),
    timer: "",
    spaend: "",
    loen: "",
    loenValue: input.result.indstillinger.loen_pr_aarsvaerk,
    landstalValues: input.landstal,
    scope: projectionScope(pack, calc.kommunedata),
    landstalLabels: labels(calc.landstal),
    kdLabels: labels(calc.kommunedata),
    kdKeys: (table(calc.kommunedata)?.keys ?? []).map((k) => k.key),
    kdDefaults: table(calc.kommunedata)?.defaults ?? {},
  };
  const needed = neededInputs(methods, input.result, refs);
  const data = dataSheet(merged, refs);
  const landstal = landstalSheet(input.landstal, needed.landstal, refs);
  const kommunedata = kommunedataSheet(merged, input.kommunedata, needed.kd, refs);
  const indstillinger = indstillingerSheet(input.result, methods, refs);
  const facts = new Map<string, FactSheetOut>();
  for (const m of methods) {
    const np = input.result.nedslagspunkter.find((n) => n.id === m.id);
    if (np) facts.set(m.id, factSheet(m, np, refs));
  }
  const overblik = overblikSheet(input.result, methods, facts, refs);
  return {
    title: "Byrdeberegner: opregning",
    fullCalcOnLoad: true,
    sheets: [
      overblik,
      ...[...facts.values()].map((f) => f.plan),
      kommunedata,
      landstal,
      indstillinger,
      data,
      logSheet(input),
    ],
  };
}
