/**
 * The aggregation workbook ("overblik.xlsx") as SheetPlans: Overblik, one fact sheet per
 * nedslagspunkt, Ud over rapporten, Kommunedata, Landstal, Indstillinger, Data and
 * Valideringslog, one module per sheet kind. Computed cells are native Excel formulas
 * (invariant syntax) over the Data, Kommunedata, Landstal and Indstillinger cells, compiled
 * from the same method definitions the engine ran, each with the engine's value as its cached
 * result. Change a national figure in Excel or LibreOffice and every result follows.
 */
import type { WorkbookPlan } from "../layout/types";
import type { Node } from "../expr/ast";
import type { Finding, KommuneReturn } from "../model";
import type { Pack } from "../pack/model";
import { defaultPack } from "../pakker";
import type { KommunedataKey, MethodDef } from "../project/definitions";
import { mergeReturns, projectionOf, type Member, type ProjectionResult } from "../project/engine";
import { kommunedataRead, projectionScope } from "../project/expr";
import type { Kommunedata, Landstal } from "../project/inputs";
import { computedYears } from "../project/tal";
import { reportPrint, type ReportContext } from "./context";
import { factSheet, type FactSheet } from "./factSheet";
import { dataSheet, indstillingerSheet, kommunedataSheet, landstalSheet } from "./inputs";
import { logSheet } from "./log";
import { overblikSheet } from "./overblik";
import { SHEET } from "./schema";
import { udOverSheet } from "./udOver";

export { SHEET, TABLE, DATA_COLUMNS, LANDSTAL_COLUMNS, KOMMUNEDATA_FIRST_COLUMN } from "./schema";

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

/** The Landstal keys and Kommunedata columns (key, year) the methods read in their years. */
function neededInputs(ctx: ReportContext, result: ProjectionResult) {
  const landstal = new Map<string, Set<number>>();
  const kd: Array<[KommunedataKey, number]> = [];
  const addKd = (k: KommunedataKey, y: number) => {
    if (!kd.some(([a, b]) => a === k && b === y)) kd.push([k, y]);
  };
  const addL = (k: string, y: number) => landstal.set(k, (landstal.get(k) ?? new Set()).add(y));
  const kdOf = (e: Node): KommunedataKey[] => kommunedataRead(e, ctx.scope);
  for (const m of ctx.methods) {
    const np = result.nedslagspunkter.find((n) => n.id === m.id);
    for (const y of computedYears(m, np?.basisaar ?? m.basis, np?.slutaar ?? m.slut)) {
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
  kd.sort((a, b) => ctx.kdKeys.indexOf(a[0]) - ctx.kdKeys.indexOf(b[0]) || a[1] - b[1]);
  return { landstal, kd };
}

/** The whole aggregation workbook as a plan. */
export function buildReport(input: ReportInput): WorkbookPlan {
  const pack = input.pack ?? defaultPack();
  const calc = projectionOf(pack);
  if (!calc) throw new Error(`pakken »${pack.id}« har ingen opregning`);
  const table = (id: string) => pack.inputs.find((t) => t.id === id);
  const labels = (id: string) =>
    Object.fromEntries((table(id)?.keys ?? []).map((k) => [k.key, k.label]));
  const ctx: ReportContext = {
    pack,
    methods: input.methods ?? calc.methods,
    scope: projectionScope(pack, calc.kommunedata),
    landstalLabels: labels(calc.landstal),
    kdLabels: labels(calc.kommunedata),
    kdKeys: (table(calc.kommunedata)?.keys ?? []).map((k) => k.key),
    kdDefaults: table(calc.kommunedata)?.defaults ?? {},
    landstal: input.landstal,
    settings: input.result.indstillinger,
    print: reportPrint(`${pack.name}: opregning`),
  };
  const merged = input.result.returer ?? mergeReturns(input.returns);
  const needed = neededInputs(ctx, input.result);
  const data = dataSheet(merged, ctx);
  const landstal = landstalSheet(input.landstal, needed.landstal, ctx);
  const kommunedata = kommunedataSheet(merged, input.kommunedata, needed.kd, data, ctx);
  const indstillinger = indstillingerSheet(input.result, ctx);
  const cells = {
    member: (m: Member) => ({
      field: (id: string) => data.cell(m.kommune, id),
      kommunedata: (key: KommunedataKey, year: number) => kommunedata.ref(m.kommune, key, year),
    }),
    landstal: landstal.ref,
    timer: indstillinger.timer,
    spaend: indstillinger.spaend,
  };
  const facts = new Map<string, FactSheet>();
  for (const m of ctx.methods) {
    const np = input.result.nedslagspunkter.find((n) => n.id === m.id);
    if (np) facts.set(m.id, factSheet(m, np, ctx, cells));
  }
  const others = [
    SHEET.udOver,
    SHEET.kommunedata,
    SHEET.landstal,
    SHEET.indstillinger,
    SHEET.data,
    SHEET.log,
  ];
  return {
    title: `${pack.name}: opregning`,
    fullCalcOnLoad: true,
    sheets: [
      overblikSheet(input.result, facts, others, ctx),
      ...[...facts.values()].map((f) => f.plan),
      udOverSheet(input.result, facts, indstillinger.loen, ctx),
      kommunedata.plan,
      landstal.plan,
      indstillinger.plan,
      data.plan,
      logSheet(input, ctx),
    ],
  };
}
