/**
 * The report workbook of any pack: a summary sheet first, one sheet per report table, the
 * calculations, the consultant's input tables and settings, the returned figures (Data) and the
 * validation log. Every computed cell is a native Excel formula compiled from the pack's
 * expressions (../expr/excel.ts) over the Data, input and settings cells, with the JavaScript
 * result (compute.ts) as its cached value: change a figure in Excel or LibreOffice and the
 * tables follow, without the add-in.
 */
import type { Node, Segment } from "../expr/ast";
import type { ScalarType } from "../expr/check";
import type { Result, Scalar } from "../expr/evaluate";
import {
  EMPTY,
  cellRef,
  cellFormula,
  compileToExcel,
  constant,
  type Compiled,
  type CompiledValue,
  type ExcelEnv,
} from "../expr/excel";
import type { FieldDef } from "../catalogue/types";
import { derivedFieldsOfTemplate, fieldsOfTemplate, recordFieldId, templateOfId } from "../fieldId";
import { KINDS, type FieldKind } from "../kinds";
import { absA1, columnLetter, quoteSheet } from "../layout/a1";
import type { ChartPlan, SheetPlan, WorkbookPlan } from "../layout/types";
import type { Finding, KommuneReturn } from "../model";
import {
  byColumn,
  derivedValue,
  respondentKey,
  settingVariables,
  spreadsWithin,
  targetOfNode,
  type ByColumn,
  type DataContext,
  type RespondentData,
} from "../pack/env";
import type { ExprCalculation, Pack, ReportTableDef } from "../pack/model";
import { expandRef, perRespondent, targetType, type RefInstance } from "../pack/refs";
import { formatDanishNumber } from "../parse/number";
import { packExpressions } from "../pack/load";
import { SheetBuilder, type PrintOptions } from "../layout/builder";
import { widthFor } from "../layout/measure";
import { sheetLink } from "../layout/forside";
import { PAGE_OF, SHEET_NAME, headerText, smallPrint } from "../layout/page";
import { type TableColumn, type TableResult, type TableRow, type TablesResult } from "./compute";
import { remembered } from "../memo";

export interface TablesReportInput {
  readonly result: TablesResult;
  readonly returns: readonly KommuneReturn[];
  /** Findings about files that could not be read at all (shown in the log). */
  readonly fileFindings?: readonly Finding[];
}

export const TABLES_SHEET = {
  overblik: "Overblik",
  beregninger: "Beregninger",
  indstillinger: "Indstillinger",
  data: "Data",
  mellemregninger: "Mellemregninger",
  log: "Valideringslog",
} as const;

/** The Data sheet's columns by role (one schema for its writer and the readers). */
export function dataColumnNames(pack: Pack) {
  const who = pack.respondents.singular;
  const years = pack.templates.every((t) =>
    t.blocks.every((b) => b.type !== "tabel" || b.axis === "aar")
  );
  return {
    respondent: who.charAt(0).toLocaleUpperCase("da") + who.slice(1),
    felt: "Felt",
    etiket: "Etiket",
    skabelon: "Skabelon",
    kolonne: years ? "År" : "Kolonne",
    vaerdi: "Værdi",
  } as const;
}

/** The Data sheet's columns in order (one schema for its writer and the task pane's reader). */
export function dataColumns(pack: Pack): readonly string[] {
  const c = dataColumnNames(pack);
  return [c.respondent, c.felt, c.etiket, c.skabelon, c.kolonne, c.vaerdi];
}

const DATA_VALUE_COL = 6;
const FIRST = 4; // first data row on list-like sheets (title, note, header)

/** A sheet name Excel accepts, unique in `taken`. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, "-")
      .slice(0, 31)
      .trim() || "Ark";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The sheet name of each input table in the report (the reader of those sheets uses the same). */
export function inputSheetNames(pack: Pack): ReadonlyMap<string, string> {
  const taken = new Set(Object.values(TABLES_SHEET).map((n) => n.toLowerCase()));
  return new Map(pack.inputs.map((t) => [t.id, sheetName(t.name, taken)]));
}

/** Number format of a value of a kind in the report (counts and kroner whole, hours one decimal …). */
function numFmtOf(
  kind: FieldKind | undefined,
  type: ScalarType,
  values: readonly unknown[] = []
): string | undefined {
  if (kind && KINDS[kind].numFmt) return KINDS[kind].numFmt;
  if (type !== "tal" && !values.some((v) => typeof v === "number")) return undefined;
  return numberFormatFor(values);
}

/**
 * A number format for values of no declared kind: whole numbers with thousands dots when
 * every value is whole, else enough decimals for two significant digits of the largest.
 */
export function numberFormatFor(values: readonly unknown[]): string {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (nums.every((v) => Number.isInteger(v))) return "#,##0";
  const max = Math.max(...nums.map((v) => Math.abs(v)));
  const digits =
    max >= 10 ? 1 : max === 0 ? 1 : Math.min(5, Math.max(1, 1 - Math.floor(Math.log10(max))));
  return `#,##0.${"0".repeat(digits)}`;
}

/** The report's page header (the pack's name) and footer (sheet, page x af y). */
function printOf(pack: Pack, orientation: "portrait" | "landscape"): PrintOptions {
  return {
    orientation,
    header: smallPrint({ left: headerText(pack.report.title ?? pack.name) }),
    footer: smallPrint({ left: SHEET_NAME, right: PAGE_OF }),
  };
}

/** A JavaScript result as a cell's cached value ("" for tom, as the formula gives). */
function cached(r: Result | undefined): string | number | boolean {
  return r && r.k === "v" ? r.v : "";
}

/** A plain value for a Data or input cell. */
function cellValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** A1 reference parts: sheet, column, row. */
function parseRef(ref: string): { sheet: string; col: string; row: number } | undefined {
  // The cell part after the last "!": a quoted sheet name may hold "!" itself.
  const bang = ref.lastIndexOf("!");
  const m = bang < 0 ? null : /^\$([A-Z]+)\$(\d+)$/.exec(ref.slice(bang + 1));
  return m ? { sheet: ref.slice(0, bang), col: m[1], row: Number(m[2]) } : undefined;
}

/** Writes lists of formulas into helper columns: one column per list, one cell per element. */
class HelperSheet {
  readonly s = new SheetBuilder(TABLES_SHEET.mellemregninger);
  private col = 1;
  private rows = 0;
  used = false;

  constructor(private readonly pack: Pack) {
    this.s.text(1, 1, "Mellemregninger", "title");
  }

  add(items: readonly Compiled[], label: string): string {
    this.used = true;
    const c = this.col++;
    this.s.text(3, c, label, "tableHeader");
    // An element that is always tom stays a blank cell: aggregates skip blanks as they skip "".
    items.forEach((x, i) => {
      if (!x.constEmpty)
        this.s.set(FIRST + i, c, { formula: cellFormula(x), value: null, style: "number" });
    });
    this.rows = Math.max(this.rows, items.length);
    const L = columnLetter(c);
    return `${quoteSheet(this.s.name)}!$${L}$${FIRST}:$${L}$${FIRST + Math.max(0, items.length - 1)}`;
  }

  build(): SheetPlan {
    const widths: Record<number, number> = {};
    for (let c = 1; c < this.col; c++) widths[c] = 16;
    this.s.text(
      2,
      1,
      "Lister, som rapportens formler regner på (én kolonne pr. liste, én celle pr. element). Ret ikke her; ret på arket Data. Arket udskrives kun med overskriften.",
      "note",
      Math.max(4, this.col - 1)
    );
    return this.s.build({
      widths,
      freezeRows: 3,
      gridlines: false,
      print: {
        ...printOf(this.pack, "landscape"),
        area: { top: 1, left: 1, bottom: 3, right: Math.max(4, this.col - 1) },
      },
    });
  }
}

/** Local meanings of names in one context (a table row's columns, a record's fields …). */
type LocalNames = (name: string) => CompiledValue | undefined;

/** The current period, or (FORRIGE, in a pack with periods) the one before. */
type Period = "nu" | "foer";

class TablesReport {
  private readonly pack: Pack;
  private readonly taken = new Set<string>();
  /** field id → respondent → Data value cell. */
  private readonly data = new Map<string, Map<string, string>>();
  private readonly settings = new Map<string, string>();
  /** `table|respondent|key|column` (respondent "" for national; column "*" for every column) → cell. */
  private readonly inputCells = new Map<string, string>();
  private readonly respCalc = new Map<string, Map<string, string>>();
  private readonly samletCalc = new Map<string, string>();
  /** post calculation → `respondent|n` → cell. */
  private readonly postCalc = new Map<string, Map<string, string>>();
  private readonly helper: HelperSheet;
  private helperLabel = "";

  constructor(private readonly input: TablesReportInput) {
    this.pack = input.result.pack;
    this.helper = new HelperSheet(this.pack);
    for (const n of Object.values(TABLES_SHEET)) this.taken.add(n.toLowerCase());
  }

  private get respondents(): readonly RespondentData[] {
    return this.input.result.respondents;
  }

  /** Settings as placeholders in references (their values when the report was made). */
  private get settingVars(): Record<string, string | number> {
    return settingVariables(this.pack, (id) => this.input.result.settings[id]);
  }

  /** The respondents of a period: the current one, or (in a pack with periods) the one before. */
  private respondentsOf(period: Period): readonly RespondentData[] {
    return period === "foer"
      ? (this.input.result.previousRespondents ?? [])
      : this.input.result.respondents;
  }

  /** The period column's heading on Data, in a pack with periods ("Regnskabsår"). */
  private periodHeading(): string | undefined {
    const n = this.pack.periods?.name;
    return n ? n.charAt(0).toLocaleUpperCase("da") + n.slice(1) : undefined;
  }

  // ------------------------------------------------------------------------------ Data
  private dataSheet(): SheetPlan {
    const s = new SheetBuilder(TABLES_SHEET.data);
    const cols = dataColumns(this.pack);
    s.text(1, 1, "Data: de indsendte tal", "title");
    s.text(
      2,
      1,
      `Én række pr. felt og ${this.pack.respondents.singular}. Rapportens formler henviser til kolonnen »${cols[DATA_VALUE_COL - 1]}«: ret et tal her, og resultaterne følger med. Arket udskrives kun med overskriften; ryd udskriftsområdet for at udskrive alle rækker.`,
      "note",
      cols.length
    );
    // In a pack with periods, each row also says which period's return it is from.
    const periodCol = this.periodHeading() ? cols.length + 1 : undefined;
    const header = periodCol ? [...cols, this.periodHeading()!] : cols;
    header.forEach((h, i) => s.text(3, i + 1, h, "tableHeader"));
    // Respondents only in an input table (no return) have no rows on Data.
    const all = [...this.respondents, ...this.respondentsOf("foer")].filter(
      (r) => r.returned !== false
    );
    const returned = new Set<string>();
    for (const r of all)
      for (const id of Object.keys(r.values)) returned.add(templateOfId(id) ?? "");
    let row = FIRST;
    let idWidth = 12;
    // Derived cells (the templates' own formulas) follow each template's input fields, as
    // formulas over them; they are compiled once every cell has its place.
    const derived: { row: number; f: FieldDef; r: RespondentData }[] = [];
    const dataCtx: DataContext = {
      pack: this.pack,
      respondents: this.respondents,
      inputs: this.input.result.inputs,
      setting: (id) => this.input.result.settings[id],
    };
    for (const t of this.pack.templates) {
      if (!returned.has(t.id)) continue;
      for (const f of [...fieldsOfTemplate(t), ...derivedFieldsOfTemplate(t)]) {
        if (f.record !== undefined && !all.some((r) => recordFilled(r, t.id, f))) continue;
        const byResp = new Map<string, string>();
        for (const r of all) {
          s.text(row, 1, r.name, "cellMiddle");
          s.text(row, 2, f.id, "cellMiddle");
          s.text(row, 3, f.label, "label");
          s.text(row, 4, t.id, "cellMiddle");
          if (periodCol && r.period !== undefined)
            s.set(row, periodCol, { value: r.period, style: "cellMiddle" });
          const col = f.column ?? f.record;
          if (col !== undefined)
            s.set(row, 5, {
              value: col,
              style: "centerMiddle",
              ...(typeof col === "number" ? { numFmt: "0" } : {}),
            });
          const v = f.derived ? null : cellValue(r.values[f.id]);
          const fmt =
            KINDS[f.kind].numFmt ?? (typeof v === "number" ? numberFormatFor([v]) : undefined);
          if (v !== null)
            s.set(row, DATA_VALUE_COL, {
              value: v,
              style: typeof v === "number" ? "number" : "cellMiddle",
              ...(fmt ? { numFmt: fmt } : {}),
            });
          if (f.derived) derived.push({ row, f, r });
          idWidth = Math.max(idWidth, widthFor(f.id));
          byResp.set(respondentKey(r), s.ref(row, DATA_VALUE_COL));
          row++;
        }
        this.data.set(f.id, byResp);
      }
    }
    for (const d of derived) {
      const { f, r } = d;
      this.helperLabel = `${f.id} (${r.name})`;
      const local =
        f.record !== undefined ? this.recordNames(f.template, f.block!, r, f.record) : undefined;
      const compiled = compileToExcel(
        f.derived!.expr,
        this.env(
          {
            respondent: r,
            ...(f.column !== undefined ? { vars: { kolonne: String(f.column) } } : {}),
            ...(f.record !== undefined ? { record: f.record } : {}),
          },
          local
        )
      );
      const fmt = KINDS[f.kind].numFmt;
      s.set(d.row, DATA_VALUE_COL, {
        formula: cellFormula(compiled),
        value: cached(derivedValue(dataCtx, f, r)),
        style: "number",
        ...(fmt ? { numFmt: fmt } : {}),
      });
    }
    s.table("Data_tabel", 3, 1, row - 1, header.length);
    return s.build({
      widths: { 1: 20, 2: Math.min(60, idWidth), 3: 44, 4: 14, 5: 9, 6: 14, 7: 14 },
      freezeRows: 3,
      print: {
        ...printOf(this.pack, "landscape"),
        area: { top: 1, left: 1, bottom: 3, right: header.length },
        titleRows: { first: 3, last: 3 },
      },
    });
  }

  // ------------------------------------------------------------------------------ settings
  private settingsSheet(): SheetPlan {
    const s = new SheetBuilder(TABLES_SHEET.indstillinger);
    s.text(1, 1, "Indstillinger", "title");
    s.text(2, 1, "Ret en værdi i kolonnen »Værdi«, og rapportens tal følger med.", "note", 5);
    ["Indstilling", "Navn", "Værdi", "Enhed", "Kilde"].forEach((h, i) =>
      s.text(3, i + 1, h, "tableHeader")
    );
    const fixed = positionalSettings(this.pack);
    this.pack.settings.forEach((st, i) => {
      const row = FIRST + i;
      s.text(row, 1, st.id, "label");
      s.text(row, 2, st.name, "label");
      // A setting that picks columns ({aar}) is built into the formulas' references.
      const v = this.input.result.settings[st.id] ?? st.default;
      s.set(row, 3, {
        value: v,
        style: fixed.has(st.id) ? "label" : "input",
        ...(typeof v === "number" ? { numFmt: numberFormatFor([v]) } : {}),
      });
      s.text(row, 4, st.unit ?? "", "label");
      s.text(
        row,
        5,
        fixed.has(st.id)
          ? `${st.source} Bestemmer, hvilke kolonner formlerne peger på; ændres ved at beregne rapporten igen.`
          : st.source,
        "note"
      );
      this.settings.set(st.id, s.ref(row, 3));
    });
    if (this.pack.settings.length === 0)
      s.text(FIRST, 1, "Pakken har ingen indstillinger.", "note");
    return s.build({
      widths: { 1: 24, 2: 36, 3: 14, 4: 10, 5: 60 },
      freezeRows: 3,
      gridlines: false,
      print: { ...printOf(this.pack, "landscape"), titleRows: { first: 3, last: 3 } },
    });
  }

  // ------------------------------------------------------------------------------ inputs
  private inputSheets(): SheetPlan[] {
    const out: SheetPlan[] = [];
    for (const t of this.pack.inputs) {
      const data = this.input.result.inputs[t.id];
      const name = inputSheetNames(this.pack).get(t.id)!;
      this.taken.add(name.toLowerCase());
      const s = new SheetBuilder(name);
      s.text(1, 1, t.name, "title");
      const fromPack = t.standard !== undefined && data === t.standard;
      const note = fromPack
        ? `${t.description ? `${t.description} ` : ""}Pakkens egne tal${t.source ? ` (kilde: ${t.source})` : ""}. Ret et tal her, og rapporten følger med.`
        : (t.description ??
          "Tal, som konsulenten har leveret. Ret et tal her, og rapporten følger med.");
      const perResp = t.form === "pr_respondent";
      const entries: { who: string; key: string; v: ByColumn }[] = [];
      if (data) {
        if (perResp)
          for (const [who, keys] of Object.entries(
            data as Record<string, Record<string, ByColumn>>
          ))
            for (const [key, v] of Object.entries(keys)) entries.push({ who, key, v });
        else
          for (const [key, v] of Object.entries(data as Record<string, ByColumn>))
            entries.push({ who: "", key, v });
      }
      const columns = [
        ...new Set(entries.flatMap((e) => (typeof e.v === "number" ? ["*"] : Object.keys(e.v)))),
      ].sort();
      const head = [
        ...(perResp ? [this.dataWho()] : []),
        "Nøgle",
        "Navn",
        ...columns.map((c) => (c === "*" ? "Alle" : c)),
      ];
      head.forEach((h, i) => s.text(3, i + 1, h, "tableHeader"));
      s.text(2, 1, note, "note", Math.max(3, head.length));
      const off = perResp ? 1 : 0;
      entries.forEach((e, i) => {
        const row = FIRST + i;
        if (perResp) s.text(row, 1, e.who, "label");
        s.text(row, off + 1, e.key, "label");
        s.text(row, off + 2, t.keys?.find((k) => k.key === e.key)?.label ?? "", "label");
        columns.forEach((c, ci) => {
          const v = c === "*" ? (typeof e.v === "number" ? e.v : undefined) : byColumn(e.v, c);
          if (v === undefined) return;
          s.set(row, off + 3 + ci, { value: v, style: "input", numFmt: numberFormatFor([v]) });
          this.inputCells.set(`${t.id}|${e.who}|${e.key}|${c}`, s.ref(row, off + 3 + ci));
        });
      });
      if (entries.length === 0)
        s.text(FIRST, 1, "Ingen tal leveret (angiv dem med --data).", "note");
      const widths: Record<number, number> = { 1: 22, 2: 22, 3: 30 };
      head.forEach((_, i) => (widths[i + 1] = widths[i + 1] ?? 14));
      out.push(
        s.build({
          widths,
          freezeRows: 3,
          gridlines: false,
          print: {
            ...printOf(this.pack, head.length > 6 ? "landscape" : "portrait"),
            titleRows: { first: 3, last: 3 },
          },
        })
      );
    }
    return out;
  }

  private dataWho(): string {
    return dataColumns(this.pack)[0];
  }

  // ------------------------------------------------------------------------------ environments
  private instanceCell(
    inst: RefInstance,
    r: RespondentData | undefined,
    type: ScalarType
  ): Compiled {
    if (inst.kind === "field") {
      // Input fields and derived cells alike have their Data cell; a field not asked has none.
      if (!r) return EMPTY;
      const ref = this.data.get(inst.id)?.get(respondentKey(r));
      return ref ? cellRef(ref, type) : EMPTY;
    }
    if (inst.kind === "calc") {
      const key = `${inst.id}.${inst.element}`;
      const ref = r
        ? this.respCalc.get(key)?.get(respondentKey(r))
        : this.samletCalc.get(`${key}|nu`);
      return ref ? cellRef(ref, type) : EMPTY;
    }
    const who = inst.table.form === "pr_respondent" ? (r?.name ?? "") : "";
    if (inst.table.form === "pr_respondent" && !r) return EMPTY;
    const ref =
      this.inputCells.get(`${inst.table.id}|${who}|${inst.key}|${inst.column}`) ??
      this.inputCells.get(`${inst.table.id}|${who}|${inst.key}|*`);
    if (ref) return cellRef(ref, "tal");
    const def = inst.table.defaults[inst.key];
    if (def && r) {
      const id = def.replace("{år}", inst.column);
      const own = this.data.get(id)?.get(respondentKey(r));
      if (own) return cellRef(own, "tal");
    }
    return EMPTY;
  }

  private calcCompiled(
    c: ExprCalculation,
    r: RespondentData | undefined,
    record?: number,
    period: Period = "nu",
    group?: readonly RespondentData[]
  ): CompiledValue | undefined {
    const type: ScalarType = c.format ? KINDS[c.format].exprType : "vilkaarlig";
    const ref = (x: string | undefined) => (x ? cellRef(x, type) : EMPTY);
    if (c.level === "samlet") return ref(this.samletCalc.get(`${c.id}|${period}`));
    const key = respondentKey;
    // Over a group of forms when given, else over the period's respondents.
    const all = group ?? this.respondentsOf(period);
    if (c.level === "respondent") {
      if (r) return ref(this.respCalc.get(c.id)?.get(key(r)));
      return all.map((x) => ref(this.respCalc.get(c.id)?.get(key(x))));
    }
    const max = this.maxRecords(c);
    const cells = (x: RespondentData) =>
      Array.from({ length: max }, (_, i) =>
        ref(this.postCalc.get(c.id)?.get(`${key(x)}|${i + 1}`))
      );
    if (r && record !== undefined) return ref(this.postCalc.get(c.id)?.get(`${key(r)}|${record}`));
    if (r) return cells(r);
    if (group) return group.flatMap(cells);
    // Every record of the period: asked for by each row of a table that sums over them.
    return remembered(this.allRecordCells, `${c.id}|${period}|${type}`, () => all.flatMap(cells));
  }

  /** `calcCompiled`'s cells of every record of a period, by calculation, period and type. */
  private readonly allRecordCells = new Map<string, CompiledValue>();

  private maxRecords(c: ExprCalculation): number {
    const b = this.pack.templates
      .find((t) => t.id === c.records?.template)
      ?.blocks.find((x) => x.id === c.records?.block);
    return b?.type === "liste" ? b.max : 0;
  }

  /**
   * The compile environment for one context. Inside FORRIGE(…) (`previous`) it is the period
   * before's: the respondent's previous return, that period's respondents and calculations, and
   * of the local names only the row's constants (`constants`).
   */
  private env(
    bound: {
      respondent?: RespondentData;
      vars?: Readonly<Record<string, string>>;
      record?: number;
      group?: readonly RespondentData[];
      period?: Period;
      constants?: LocalNames;
    },
    local: LocalNames = () => undefined
  ): ExcelEnv {
    const period = bound.period ?? "nu";
    const before = this.input.result.previousRespondents;
    return {
      ...(period === "nu" && before
        ? {
            previous: () =>
              this.env(
                {
                  ...(bound.respondent
                    ? {
                        respondent: before.find((x) => x.name === bound.respondent!.name) ?? {
                          name: bound.respondent.name,
                          values: {},
                        },
                      }
                    : {}),
                  ...(bound.vars ? { vars: bound.vars } : {}),
                  period: "foer",
                },
                bound.constants ?? (() => undefined)
              ),
          }
        : {}),
      ref: (node) => {
        const t = targetOfNode(this.pack, node);
        const type = targetType(t);
        const insts = expandRef(t, { ...this.settingVars, ...bound.vars }, (id) =>
          this.pack.fields.has(id)
        );
        if (perRespondent(t) && !bound.respondent) {
          const out: Compiled[] = [];
          for (const r of bound.group ?? this.respondentsOf(period))
            for (const i of insts) out.push(this.instanceCell(i, r, type));
          return out;
        }
        const cells = insts.map((i) => this.instanceCell(i, bound.respondent, type));
        return spreadsWithin(t) ? cells : (cells[0] ?? EMPTY);
      },
      name: (node) => {
        const own = local(node.name);
        if (own !== undefined) return own;
        const c = this.pack.calculations.find((x) => x.id === node.name);
        if (c?.type === "udtryk") {
          const v = this.calcCompiled(c, bound.respondent, bound.record, period, bound.group);
          if (v !== undefined) return v;
        }
        const st = this.settings.get(node.name);
        if (st) {
          const def = this.pack.settings.find((x) => x.id === node.name)!;
          return cellRef(st, def.type === "tal" ? "tal" : "tekst");
        }
        const v = bound.vars?.[node.name];
        if (v !== undefined) return constant(v);
        return EMPTY;
      },
      materialise: (items) => this.helper.add(items, this.helperLabel),
      rangeOf: (refs) => {
        // One column's consecutive cells, or no range: stops at the first cell out of line.
        const first = refs.length > 0 ? parseRef(refs[0]) : undefined;
        if (!first) return undefined;
        for (let i = 1; i < refs.length; i++)
          if (refs[i] !== `${first.sheet}!$${first.col}$${first.row + i}`) return undefined;
        return `${first.sheet}!$${first.col}$${first.row}:$${first.col}$${first.row + refs.length - 1}`;
      },
    };
  }

  /** A record's fields (Data cells) and its block's post calculations, as names. */
  private recordNames(template: string, block: string, r: RespondentData, n: number): LocalNames {
    const b = this.pack.templates
      .find((t) => t.id === template)
      ?.blocks.find((x) => x.id === block);
    const fields = new Map(b?.type === "liste" ? b.fields.map((f) => [f.id, f.kind] as const) : []);
    return (name) => {
      const kind = fields.get(name);
      if (kind) {
        const ref = this.data.get(recordFieldId(template, block, n, name))?.get(respondentKey(r));
        return ref ? cellRef(ref, KINDS[kind].exprType) : EMPTY;
      }
      const c = this.pack.calculations.find((x) => x.id === name);
      if (
        c?.type === "udtryk" &&
        c.level === "post" &&
        c.records?.template === template &&
        c.records.block === block
      )
        return this.calcCompiled(c, r, n);
      return undefined;
    };
  }

  // ------------------------------------------------------------------------------ calculations
  private calculationsSheet(): SheetPlan | undefined {
    const calcs = this.pack.calculations.filter((c): c is ExprCalculation => c.type === "udtryk");
    if (calcs.length === 0) return undefined;
    const s = new SheetBuilder(TABLES_SHEET.beregninger);
    const res = this.input.result.calculations;
    s.text(1, 1, "Beregninger", "title");
    let row = 4;
    const resp = calcs.filter((c) => c.level === "respondent");
    const samlet = calcs.filter((c) => c.level === "samlet");
    const post = calcs.filter((c) => c.level === "post");
    // Cells first (so calculations may refer to each other), formulas after.
    const plan: {
      row: number;
      col: number;
      calc: ExprCalculation;
      r?: RespondentData;
      n?: number;
      element?: string;
      value?: Result;
      period: Period;
    }[] = [];
    // A calculation over an axis has one column (or row) per element, keyed `id.element`.
    const copies = (c: ExprCalculation) =>
      c.axis
        ? (this.pack.axes.get(c.axis) ?? []).map((e) => ({
            key: `${c.id}.${e.key}`,
            element: String(e.key) as string | undefined,
            label: `${c.name}: ${e.label}`,
          }))
        : [{ key: c.id, element: undefined as string | undefined, label: c.name }];
    const respCols = resp.flatMap((c) => copies(c).map((x) => ({ ...x, calc: c })));
    const periods = this.input.result.periods;
    // In a pack with periods: the current period's calculations, then the previous period's.
    const sections: { period: Period; values: typeof res; title?: string }[] = [
      {
        period: "nu",
        values: res,
        ...(periods ? { title: `${this.periodHeading()} ${periods.current}` } : {}),
      },
      ...(periods && res.previous
        ? [
            {
              period: "foer" as const,
              values: { ...res.previous },
              title: `${this.periodHeading()} ${periods.previous} (forrige)`,
            },
          ]
        : []),
    ];
    for (const sec of sections) {
      if (sec.title) {
        s.text(row, 1, sec.title, "heading");
        row += 2;
      }
      const who = this.respondentsOf(sec.period);
      if (respCols.length) {
        s.text(row, 1, this.dataWho(), "tableHeader");
        respCols.forEach((x, i) => s.text(row, i + 2, x.label, "tableHeader"));
        if (respCols.some((x) => x.element !== undefined)) s.height(row, 60);
        row++;
        for (const r of who) {
          s.text(row, 1, r.name, "label");
          respCols.forEach((x, i) => {
            const m = this.respCalc.get(x.key) ?? new Map<string, string>();
            m.set(respondentKey(r), s.ref(row, i + 2));
            this.respCalc.set(x.key, m);
            plan.push({
              row,
              col: i + 2,
              calc: x.calc,
              r,
              ...(x.element !== undefined ? { element: x.element } : {}),
              value: sec.values.respondent.get(x.key)?.get(r.key ?? r.name),
              period: sec.period,
            });
          });
          row++;
        }
        row++;
      }
      if (samlet.length) {
        s.text(row, 1, "Beregning", "tableHeader");
        s.text(row, 2, "Værdi", "tableHeader");
        row++;
        for (const c of samlet) {
          for (const x of copies(c)) {
            s.text(row, 1, x.label, "label");
            this.samletCalc.set(`${x.key}|${sec.period}`, s.ref(row, 2));
            plan.push({
              row,
              col: 2,
              calc: c,
              ...(x.element !== undefined ? { element: x.element } : {}),
              value: sec.values.samlet.get(x.key),
              period: sec.period,
            });
            row++;
          }
        }
        row++;
      }
      if (post.length) {
        s.text(row, 1, this.dataWho(), "tableHeader");
        s.text(row, 2, "Post", "tableHeader");
        post.forEach((c, i) => s.text(row, i + 3, c.name, "tableHeader"));
        row++;
        const max = Math.max(...post.map((c) => this.maxRecords(c)));
        for (const r of who) {
          for (let n = 1; n <= max; n++) {
            s.text(row, 1, r.name, "label");
            s.set(row, 2, { value: n, style: "label" });
            post.forEach((c, i) => {
              if (n > this.maxRecords(c)) return;
              const m = this.postCalc.get(c.id) ?? new Map<string, string>();
              m.set(`${respondentKey(r)}|${n}`, s.ref(row, i + 3));
              this.postCalc.set(c.id, m);
              plan.push({ row, col: i + 3, calc: c, r, n, period: sec.period });
            });
            row++;
          }
        }
        row++;
      }
    }
    const valuesOf = new Map<string, unknown[]>();
    for (const p of plan)
      if (p.value) valuesOf.set(p.calc.id, [...(valuesOf.get(p.calc.id) ?? []), cached(p.value)]);
    for (const p of plan) {
      this.helperLabel = `${p.calc.name}${p.element !== undefined ? ` ${p.element}` : ""}${p.r ? ` (${p.r.name}${p.n ? ` post ${p.n}` : ""})` : ""}`;
      const element = p.element;
      const local: LocalNames | undefined =
        p.n !== undefined && p.r
          ? this.recordNames(p.calc.records!.template, p.calc.records!.block, p.r, p.n)
          : element !== undefined
            ? (name) => (name === "element" ? constant(element) : undefined)
            : undefined;
      const compiled = compileToExcel(
        p.calc.expr,
        this.env(
          {
            ...(p.r ? { respondent: p.r } : {}),
            ...(p.n ? { record: p.n } : {}),
            ...(element !== undefined ? { vars: { element } } : {}),
            period: p.period,
          },
          local
        )
      );
      // Always tom (a post the respondent does not have): a blank cell, which every formula
      // that refers to it reads as tom too.
      if ((compiled as Compiled).constEmpty) continue;
      const fmt = numFmtOf(p.calc.format, (compiled as Compiled).type, valuesOf.get(p.calc.id));
      s.set(p.row, p.col, {
        formula: cellFormula(compiled),
        value: p.value ? cached(p.value) : null,
        style: "number",
        ...(fmt ? { numFmt: fmt } : {}),
      });
    }
    const widths: Record<number, number> = { 1: 24, 2: 10 };
    const lastCol = 2 + Math.max(respCols.length, post.length, 1);
    for (let c = 2; c <= lastCol; c++) widths[c] = widths[c] ?? 16;
    s.text(
      2,
      1,
      "Pakkens beregninger som formler over arkene Data, Indstillinger og inddata.",
      "note",
      Math.max(3, lastCol)
    );
    return s.build({
      widths,
      gridlines: false,
      print: printOf(this.pack, lastCol > 6 ? "landscape" : "portrait"),
    });
  }

  // ------------------------------------------------------------------------------ report tables
  private rowHeader(t: ReportTableDef): string {
    if (t.rowTitle) return t.rowTitle;
    const r = t.rows;
    switch (r.kind) {
      case "blok": {
        const b = this.pack.templates
          .find((x) => x.id === r.template)
          ?.blocks.find((x) => x.id === r.block);
        return b?.title ?? "";
      }
      case "akse":
        return this.pack.source.akser?.find((a) => a.id === r.axis)?.navn ?? "";
      case "respondenter":
        return this.dataWho();
      case "kryds":
        return r.axes
          .map((id) => this.pack.source.akser?.find((a) => a.id === id)?.navn ?? id)
          .join(" / ");
      case "poster":
        return "Post";
      case "grupper":
        return r.bySource.charAt(0).toLocaleUpperCase("da") + r.bySource.slice(1);
    }
  }

  private tableSheet(tr: TableResult): SheetPlan {
    const t = tr.def;
    const s = new SheetBuilder(sheetName(t.title, this.taken));
    const shown = tr.columns.filter((c) => c.def.display === "tabel");
    const texts = tr.columns.filter((c) => c.def.display === "tekst");
    const plain = tr.columns.filter((c) => !c.def.repeat);
    const lastCol = 1 + shown.length;
    s.text(1, 1, t.title, "title");
    if (t.description) s.text(2, 1, t.description, "note", Math.max(lastCol, 4));
    const header = 4;
    s.text(header, 1, this.rowHeader(t), "tableHeader");
    shown.forEach((c, i) => s.text(header, i + 2, c.title, "tableHeader"));
    // A column's number format suits all its values (and its total).
    const columnValues = (c: TableColumn) => [
      ...tr.rows.map((r) => cached(r.values[c.id])),
      ...(tr.total ? [cached(tr.total.values[c.id])] : []),
    ];
    const firstRow = header + 1;
    const rows = tr.rows;
    const totalRow = firstRow + rows.length;
    const noteRow = totalRow + (tr.total ? 2 : 1);
    const textStart = noteRow + (t.note ? 2 : 0);
    // Where each column's cell of each row is.
    const cellOf = (ri: number, c: TableColumn): string => {
      const si = shown.indexOf(c);
      if (si >= 0) return s.ref(firstRow + ri, si + 2);
      const ti = texts.indexOf(c);
      return s.ref(textStart + 1 + ti * (rows.length + 1) + ri, 1);
    };
    const types = new Map<string, ScalarType>();
    const typeOf = (c: TableColumn): ScalarType =>
      types.get(c.id) ?? (c.def.format ? KINDS[c.def.format].exprType : "vilkaarlig");

    rows.forEach((row, ri) => {
      const r = firstRow + ri;
      s.text(r, 1, row.label, "label");
      const constants: LocalNames = (name) => {
        if (name === "rækkenavn") return constant(row.label);
        if (name === "række" && row.binding.key !== undefined) return constant(row.binding.key);
        const part = row.binding.parts?.[name];
        return part !== undefined ? constant(part) : undefined;
      };
      const bound = { ...this.boundOf(t, row), constants };
      const local: LocalNames = (name) => {
        const sib = plain.find((c) => c.id === name);
        if (sib) return cellRef(cellOf(ri, sib), typeOf(sib));
        return constants(name) ?? bound.local?.(name);
      };
      for (const c of tr.columns) {
        this.helperLabel = `${t.title}: ${c.title} (${row.label})`;
        const element = c.element;
        const colBound =
          element === undefined && !c.respondent
            ? bound
            : {
                ...bound,
                ...(c.respondent ? { respondent: c.respondent } : {}),
                vars: { ...bound.vars, ...(element !== undefined ? { kolonne: element } : {}) },
              };
        // A column's own id is not one of its names (a self-reference reads the calculation or setting).
        const own: LocalNames = (name) =>
          name === c.id ? (constants(name) ?? bound.local?.(name)) : local(name);
        const colLocal: LocalNames =
          element === undefined
            ? own
            : (name) =>
                name === "kolonne"
                  ? constant(element)
                  : name === "kolonnenavn"
                    ? constant(c.title)
                    : own(name);
        const compiled = compileToExcel(c.def.expr, this.env(colBound, colLocal)) as Compiled;
        types.set(c.id, compiled.type);
        const at = cellOf(ri, c);
        const p = parseRef(at)!;
        const col = p.col.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const fmt = numFmtOf(c.def.format, compiled.type, columnValues(c));
        s.set(p.row, col, {
          formula: cellFormula(compiled),
          value: cached(row.values[c.id]),
          style: c.def.display === "tekst" ? "body" : compiled.type === "tal" ? "number" : "label",
          ...(fmt && c.def.display !== "tekst" ? { numFmt: fmt } : {}),
        });
        if (c.def.display === "tekst") {
          s.merge(p.row, 1, p.row, Math.max(lastCol, 6));
          s.height(p.row, 30);
        }
      }
    });
    if (tr.total && t.total) {
      s.text(totalRow, 1, t.total.title, "result");
      for (const c of shown) {
        if (!c.def.total) continue;
        this.helperLabel = `${t.title}: ${c.title} (${t.total.title})`;
        const compiled = compileToExcel(
          c.def.total,
          this.env({}, (name) => {
            const col = c.def.repeat && name === c.def.id ? c : plain.find((x) => x.id === name);
            return col ? rows.map((_, ri) => cellRef(cellOf(ri, col), typeOf(col))) : undefined;
          })
        ) as Compiled;
        const fmt = numFmtOf(c.def.format, compiled.type, columnValues(c));
        s.set(totalRow, shown.indexOf(c) + 2, {
          formula: cellFormula(compiled),
          value: cached(tr.total.values[c.id]),
          style: "result",
          ...(fmt ? { numFmt: fmt } : {}),
        });
      }
    }
    if (t.note) s.text(noteRow, 1, t.note, "note", Math.max(lastCol, 6));
    texts.forEach((c, ti) => {
      const top = textStart + ti * (rows.length + 1);
      s.text(top, 1, c.title, "heading");
      s.keep(top, top + 1);
    });
    // Columns as wide as their longest label or text (within bounds); a row whose text still
    // wraps gets the height of its lines, so long target-group names and statuses stay readable.
    const textLength = (r: TableRow, c: TableColumn) => {
      const v = r.values[c.id];
      return v?.k === "v" && typeof v.v === "string" ? v.v.length : 0;
    };
    const widths: Record<number, number> = {
      1: Math.min(60, Math.max(34, ...rows.map((r) => r.label.length + 2))),
    };
    shown.forEach(
      (c, i) =>
        (widths[i + 2] = Math.min(40, Math.max(15, ...rows.map((r) => textLength(r, c) + 2))))
    );
    return s.build({
      widths,
      freezeRows: header,
      gridlines: false,
      print: {
        ...printOf(this.pack, lastCol > 6 ? "landscape" : "portrait"),
        titleRows: { first: header, last: header },
      },
    });
  }

  /** How a table row binds: respondent, record, group, and its local names. */
  private boundOf(
    t: ReportTableDef,
    row: TableRow
  ): {
    respondent?: RespondentData;
    vars?: Record<string, string>;
    record?: number;
    group?: readonly RespondentData[];
    local?: LocalNames;
  } {
    const vars: Record<string, string> = {};
    if (row.binding.key !== undefined) {
      vars["række"] = row.binding.key;
      vars["raekke"] = row.binding.key;
    }
    const axis = t.rows;
    if (axis.kind === "poster" && row.binding.respondent && row.binding.record !== undefined)
      return {
        respondent: row.binding.respondent,
        record: row.binding.record,
        vars,
        local: this.recordNames(
          axis.template,
          axis.block,
          row.binding.respondent,
          row.binding.record
        ),
      };
    if (axis.kind === "grupper" && row.binding.group) {
      const each = row.binding.group.map((g) =>
        this.recordNames(axis.template, axis.block, g.respondent, g.n)
      );
      return {
        vars,
        local: (name) => {
          if (each.length === 0 || each[0](name) === undefined) return undefined;
          return each.flatMap((f) => {
            const v = f(name)!;
            return Array.isArray(v) ? v : [v as Compiled];
          });
        },
      };
    }
    return {
      ...(row.binding.respondent ? { respondent: row.binding.respondent } : {}),
      ...(row.binding.units ? { group: row.binding.units } : {}),
      vars,
    };
  }

  // ------------------------------------------------------------------------------ summary and log
  private overblik(tableSheets: readonly SheetPlan[], others: readonly string[]): SheetPlan {
    const s = new SheetBuilder(TABLES_SHEET.overblik);
    const p = this.pack;
    const res = this.input.result;
    s.text(1, 1, p.report.title ?? p.name, "title");
    if (p.description) s.text(2, 1, p.description, "subtitle", 4);
    let row = 4;
    // Respondents in an input table only (no return) are not counted; several forms from one
    // respondent count once.
    const withReturn = res.respondents.filter((r) => r.returned !== false);
    const names = [...new Set(withReturn.map((r) => r.name))];
    const n = names.length;
    const total = p.respondents.names.length;
    s.text(row, 1, "Indberetninger", "label");
    const forms = p.respondents.separateForms
      ? `${plural(withReturn.length, "skema", "skemaer")} fra `
      : "";
    s.text(
      row,
      2,
      p.respondents.free
        ? `${forms}${n} ${n === 1 ? p.respondents.singular : p.respondents.plural}`
        : `${forms}${n} af ${total} ${total === 1 ? p.respondents.singular : p.respondents.plural}`,
      "body"
    );
    row++;
    if (res.periods) {
      const before = res.previousRespondents?.length ?? 0;
      s.text(row, 1, this.periodHeading()!, "label");
      s.text(
        row,
        2,
        `${res.periods.current} (forrige: ${res.periods.previous}, ${before} ${before === 1 ? "indberetning" : "indberetninger"})`,
        "body"
      );
      row++;
    }
    s.text(row, 1, "Pakke", "label");
    s.text(row, 2, `${p.id}, version ${p.version}`, "body");
    row++;
    const findings = this.input.returns.flatMap((r) => r.findings);
    const count = (sev: string) => findings.filter((f) => f.severity === sev).length;
    s.text(row, 1, "Fund i indberetningerne", "label");
    s.text(
      row,
      2,
      `${count("fejl")} fejl, ${plural(count("advarsel"), "advarsel", "advarsler")} (se ${TABLES_SHEET.log})`,
      "body"
    );
    row += 2;
    s.text(row, 1, "Tabeller", "heading");
    row++;
    res.tables.forEach((t, i) => {
      const sheet = tableSheets[i].name;
      s.set(row, 1, { formula: sheetLink(sheet, t.def.title), value: t.def.title, style: "link" });
      s.text(row, 2, `${t.rows.length} ${t.rows.length === 1 ? "række" : "rækker"}`, "label");
      row++;
    });
    row++;
    s.text(
      row,
      1,
      `${p.respondents.plural.charAt(0).toLocaleUpperCase("da")}${p.respondents.plural.slice(1)} med indberetning`,
      "heading"
    );
    row++;
    s.text(row, 1, names.join(", ") || "(ingen)", "body", 4);
    row += 2;
    s.text(row++, 1, "Øvrige ark", "heading");
    for (const name of others) {
      s.set(row, 1, { formula: sheetLink(name, name), value: name, style: "link" });
      row++;
    }
    return s.build({
      widths: { 1: 40, 2: 44, 3: 14, 4: 14 },
      gridlines: false,
      print: printOf(p, "portrait"),
    });
  }

  private logSheet(): SheetPlan {
    const s = new SheetBuilder(TABLES_SHEET.log);
    s.text(1, 1, "Valideringslog", "title");
    [this.dataWho(), "Fil", "Alvor", "Regel", "Celle", "Besked"].forEach((h, k) =>
      s.text(3, k + 1, h, "tableHeader")
    );
    s.text(2, 1, "Fund i de indsendte filer og bemærkninger fra beregningen.", "note", 6);
    let row = FIRST;
    for (const f of this.input.fileFindings ?? []) {
      [
        "",
        f.file ?? "",
        f.severity,
        f.rule,
        f.location ? `${f.location.sheet}!${f.location.cell}` : "",
        f.message,
      ].forEach((v, k) => s.text(row, k + 1, v, "label"));
      row++;
    }
    for (const r of this.input.returns) {
      for (const f of r.findings) {
        [
          r.kommune,
          f.file ?? r.file ?? "",
          f.severity,
          f.rule,
          f.location ? `${f.location.sheet}!${f.location.cell}` : (f.field ?? ""),
          f.message,
        ].forEach((v, k) => s.text(row, k + 1, v, "label"));
        row++;
      }
    }
    for (const l of this.input.result.log) {
      ["", "", "bemærkning", "beregning", "", l].forEach((v, k) => s.text(row, k + 1, v, "label"));
      row++;
    }
    if (row === FIRST) s.text(row, 1, "Ingen bemærkninger.", "note");
    return s.build({
      widths: { 1: 18, 2: 22, 3: 11, 4: 20, 5: 16, 6: 64 },
      freezeRows: 3,
      gridlines: false,
      print: { ...printOf(this.pack, "landscape"), titleRows: { first: 3, last: 3 } },
    });
  }

  // ------------------------------------------------------------------------------ figures
  /**
   * A table's figures: per number column a column chart with one bar per row, sorted ascending,
   * the highlighted row (a setting names it) in its own colour. Native formulas sort the table's
   * live values on a data sheet (a unique rank per row, then INDEX/MATCH by rank), so the charts
   * follow when a figure changes; the number of bars is the count when the report was made.
   */
  private figureSheets(tr: TableResult, tableSheet: SheetPlan): SheetPlan[] {
    const fig = tr.def.figure!;
    const rows = tr.rows;
    if (rows.length === 0) return [];
    const data = new SheetBuilder(sheetName("Figurdata", this.taken));
    const charts = new SheetBuilder(sheetName("Figurer", this.taken));
    const shown = tr.columns.filter((c) => c.def.display === "tabel");
    const first = 5; // the table sheet's first row (header at 4)
    const last = first + rows.length - 1;
    const src = (col: number) =>
      `${quoteSheet(tableSheet.name)}!$${columnLetter(col)}$${first}:$${columnLetter(col)}$${last}`;
    const names = src(1);
    const focusCell = fig.highlight ? this.settings.get(fig.highlight) : undefined;
    const focusName = fig.highlight ? String(this.input.result.settings[fig.highlight] ?? "") : "";
    const isFocus = (label: string) =>
      focusName !== "" && label.toLocaleLowerCase("da") === focusName.toLocaleLowerCase("da");
    data.text(1, 1, `Figurdata: ${tr.def.title}`, "title");
    data.text(
      2,
      1,
      "Tabellens tal sorteret stigende til figurerne (rang pr. række, derefter rækkerne i rangorden). Ret tallene i tabellens kilder, ikke her.",
      "note"
    );
    charts.text(1, 1, `Figurer: ${tr.def.title}`, "title");
    if (tr.def.note) {
      charts.text(2, 1, tr.def.note, "note");
      charts.merge(2, 1, 2, 14);
      charts.height(2, 48);
    }
    if (focusCell) charts.merge(3, 1, 3, 14);
    if (focusCell)
      charts.set(3, 1, {
        formula: `IF(${focusCell}="","Ingen er fremhævet (indstillingen ${fig.highlight}).","Fremhævet: "&${focusCell})`,
        value: focusName
          ? `Fremhævet: ${focusName}`
          : `Ingen er fremhævet (indstillingen ${fig.highlight}).`,
        style: "body",
      });
    const widths: Record<number, number> = {};
    const plans: ChartPlan[] = [];
    let chartRow = 5;
    shown.forEach((c, ci) => {
      const values = rows.map((r) => r.values[c.id]);
      const nums = values.map((v) => (v?.k === "v" && typeof v.v === "number" ? v.v : undefined));
      if (!nums.some((x) => x !== undefined)) return;
      const col = ci + 2;
      const g = 1 + plans.length * 6; // this chart's columns on the data sheet
      const L = (k: number) => columnLetter(g + k);
      const V = src(col);
      const rankRange = `$${L(0)}$${first}:$${L(0)}$${last}`;
      ["Rang", "Nr.", this.rowHeaderOf(tr.def), "Øvrige", "Fremhævet"].forEach((h, k) =>
        data.text(4, g + k, h, "tableHeader")
      );
      data.text(3, g, c.title, "heading");
      // Rank: the number of smaller values, plus the equal ones up to this row (ties keep row order).
      const rank = nums.map((x, i) =>
        x === undefined
          ? undefined
          : nums.filter((y) => y !== undefined && y < x).length +
            nums.slice(0, i + 1).filter((y) => y === x).length
      );
      rows.forEach((_, i) => {
        const v = `${quoteSheet(tableSheet.name)}!$${columnLetter(col)}$${first + i}`;
        const upTo = `${quoteSheet(tableSheet.name)}!$${columnLetter(col)}$${first}:$${columnLetter(col)}$${first + i}`;
        data.set(first + i, g, {
          formula: `IF(ISNUMBER(${v}),SUMPRODUCT(ISNUMBER(${V})*(${V}<${v}))+SUMPRODUCT(ISNUMBER(${upTo})*(${upTo}=${v})),"")`,
          value: rank[i] ?? "",
          style: "number",
        });
      });
      const order = rank
        .map((r, i) => ({ r, i }))
        .filter((x): x is { r: number; i: number } => x.r !== undefined)
        .sort((a, b) => a.r - b.r);
      order.forEach(({ i }, k) => {
        const row = first + k;
        const at = `MATCH(${L(1)}${row},${rankRange},0)`;
        const label = rows[i].label;
        const name = `${L(2)}${row}`;
        const focus = focusCell ? `${name}=${focusCell}` : "FALSE";
        data.set(row, g + 1, { value: k + 1, style: "label" });
        data.set(row, g + 2, {
          formula: `IFERROR(INDEX(${names},${at}),"")`,
          value: label,
          style: "label",
        });
        data.set(row, g + 3, {
          formula: `IFERROR(IF(${focus},"",INDEX(${V},${at})),"")`,
          value: isFocus(label) ? "" : nums[i]!,
          style: "number",
          numFmt: "#,##0",
        });
        data.set(row, g + 4, {
          formula: `IFERROR(IF(${focus},INDEX(${V},${at}),""),"")`,
          value: isFocus(label) ? nums[i]! : "",
          style: "number",
          numFmt: "#,##0",
        });
      });
      [8, 6, 18, 12, 12].forEach((w, k) => (widths[g + k] = w));
      const n = order.length;
      const range = (k: number) =>
        `${quoteSheet(data.name)}!$${L(k)}$${first}:$${L(k)}$${first + n - 1}`;
      plans.push({
        kind: "column",
        name: `Figur ${plans.length + 1}`,
        title: c.title,
        categories: range(2),
        series: [
          { name: "Øvrige", values: range(3), color: "8FAADC" },
          ...(focusCell ? [{ name: "Fremhævet", values: range(4), color: "C55A11" }] : []),
        ],
        from: { row: chartRow, col: 1 },
        to: { row: chartRow + 22, col: 15 },
        ...(fig.axisTitle ? { valueAxisTitle: fig.axisTitle } : {}),
        overlap: 100,
        gapWidth: 30,
        categoryFontSize: 6,
      });
      charts.text(
        chartRow + 22,
        1,
        `N = ${formatDanishNumber(n)}. Sorteret stigende${focusCell ? "; den fremhævede i orange" : ""}.${tr.def.note ? " Se forbeholdet øverst på arket." : ""}`,
        "note"
      );
      charts.merge(chartRow + 22, 1, chartRow + 22, 14);
      chartRow += 25;
    });
    if (plans.length === 0) return [];
    const chartSheet = { ...charts.build({ widths: { 1: 12 } }), charts: plans };
    return [chartSheet, data.build({ widths, freezeRows: 4 })];
  }

  private rowHeaderOf(t: ReportTableDef): string {
    return this.rowHeader(t) || "Række";
  }

  build(): WorkbookPlan {
    const data = this.dataSheet();
    const settings = this.settingsSheet();
    const inputs = this.inputSheets();
    const calcs = this.calculationsSheet();
    const tables = this.input.result.tables.map((t) => this.tableSheet(t));
    const helper = this.helper.used ? [this.helper.build()] : [];
    const log = this.logSheet();
    const figures = this.input.result.tables.flatMap((t, i) =>
      t.def.figure ? this.figureSheets(t, tables[i]) : []
    );
    const others = [...(calcs ? [calcs] : []), ...inputs, settings, data, ...helper, log];
    const overblik = this.overblik(
      tables,
      [...figures, ...others].map((x) => x.name)
    );
    return {
      title: this.pack.report.title ?? this.pack.name,
      fullCalcOnLoad: true,
      sheets: [overblik, ...tables, ...figures, ...others],
    };
  }
}

/** Settings a pack uses as placeholders in references (`{aar}`): fixed once the report is built. */
function positionalSettings(pack: Pack): Set<string> {
  const ids = new Set(pack.settings.map((x) => x.id));
  const out = new Set<string>();
  const visit = (seg: Segment) => {
    if (seg.kind === "var" && ids.has(seg.name)) out.add(seg.name);
    if (seg.kind === "range") {
      visit(seg.from);
      visit(seg.to);
    }
  };
  for (const n of packExpressions(pack)) if (n.k === "ref") n.segments.forEach(visit);
  return out;
}

/** Each respondent's filled field ids, sorted (worked out once per respondent). */
const filledIds = new WeakMap<RespondentData, readonly string[]>();

/** Whether the respondent filled any field of the record `f` belongs to. */
function recordFilled(r: RespondentData, template: string, f: FieldDef): boolean {
  const prefix = recordFieldId(template, f.block!, f.record!, "");
  const ids = remembered(filledIds, r, () =>
    Object.keys(r.values)
      .filter((id) => r.values[id] !== null && r.values[id] !== undefined)
      .sort()
  );
  // The first filled id at or after the prefix starts with it when any does.
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo].startsWith(prefix);
}

function plural(n: number, one: string, many: string): string {
  return `${formatDanishNumber(n)} ${n === 1 ? one : many}`;
}

/** The report workbook of a pack's tables as a plan. */
export function buildTablesReport(input: TablesReportInput): WorkbookPlan {
  return new TablesReport(input).build();
}

export type { Scalar, Node };
export { absA1 };
