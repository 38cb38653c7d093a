/**
 * "Ud over rapporten": figures that are not the report's, to show how much the result depends
 * on the method: per nedslagspunkt the report's increase beside the ratio-of-sums estimate, the
 * range with one municipality left out at a time and the increase in kroner; and, apart from
 * them, the final year's level with its 95 % t-interval (an interval of the level, never shown
 * beside an increase). Then, per nedslagspunkt, the national figure of the final year by group
 * (block) and sub-task (the pct rows), hours-weighted over the municipalities.
 */
import { SheetBuilder } from "../layout/builder";
import type { SheetPlan } from "../layout/types";
import type { MethodDef } from "../project/definitions";
import type { NedslagspunktResultat, ProjectionResult } from "../project/engine";
import { AARSVAERK_FMT } from "./calculation";
import type { ReportContext } from "./context";
import type { FactSheet } from "./factSheet";
import { SHEET } from "./schema";
import { danish } from "./text";

/** Column A names the row; B–I hold the figures. */
const WIDTHS = { 1: 46, 2: 12, 3: 12, 4: 12, 5: 12, 6: 12, 7: 12, 8: 12, 9: 12 } as const;
const LAST = 9;

export function udOverSheet(
  result: ProjectionResult,
  facts: ReadonlyMap<string, FactSheet>,
  loen: string,
  ctx: ReportContext
): SheetPlan {
  const s = new SheetBuilder(SHEET.udOver);
  s.text(1, 1, "Ud over rapporten: hvor følsomt er resultatet for metoden?", "title");
  s.text(
    2,
    1,
    "Ikke rapportens tal. Rapportens stigning er gennemsnittet af kommunernes forhold; »forhold af summer« deler summen af byrderne med summen af enhederne; »uden én kommune« er den laveste og højeste stigning, når én kommune ad gangen udelades; kroner er stigningen gange lønnen pr. årsværk; 95 %-intervallet (t-fordeling) gælder niveauet i slutåret, ikke stigningen. Rapportens tal, niveauet og kronerne er formler over faktaarkene og Indstillinger; de andre tal er beregnet ved kørslen og følger ikke med, hvis tal i projektmappen ændres.",
    "note",
    LAST
  );
  const g = 4;
  const h = 5;
  s.text(g, 1, "Nedslagspunkt", "tableHeader").merge(g, 1, h, 1);
  s.text(g, 2, "Stigning, alle kommuner (årsværk)", "tableHeader", 5);
  for (let c = 3; c <= 5; c++) s.set(g, c, { value: null, style: "tableHeader" });
  s.text(g, 6, `Niveau i slutåret, alle kommuner (årsværk)`, "tableHeader", 7);
  s.set(g, 7, { value: null, style: "tableHeader" });
  [
    [2, "Rapportens"],
    [3, "Forhold af summer"],
    [4, "Uden én kommune"],
    [5, "I kroner"],
    [6, "Rapportens"],
    [7, "95 %-interval"],
  ].forEach(([c, t]) => s.text(h, c as number, t as string, "tableHeader"));
  let row = h + 1;
  const details: string[] = [];
  for (const m of ctx.methods) {
    const np = result.nedslagspunkter.find((n) => n.id === m.id);
    const f = facts.get(m.id);
    if (!np || !f) continue;
    s.text(row, 1, m.navn, "label");
    const e = np.ekstra;
    if (np.kan_ikke_beregnes || !e) {
      s.text(row, 2, "kan ikke beregnes", "note", 5);
      row++;
      continue;
    }
    s.set(row, 2, {
      formula: f.increase,
      value: np.alle.stigning,
      style: "number",
      numFmt: AARSVAERK_FMT,
    });
    const rs = e.forholdAfSummer;
    if ("grund" in rs) s.text(row, 3, "kan ikke beregnes", "note");
    else s.set(row, 3, { value: rs.stigning, style: "number", numFmt: AARSVAERK_FMT });
    s.text(
      row,
      4,
      e.udenEnMin !== null && e.udenEnMax !== null
        ? `${danish(e.udenEnMin)}–${danish(e.udenEnMax)}`
        : "–",
      "center"
    );
    s.set(row, 5, {
      formula: `${f.increase}*${loen}`,
      value: (np.alle.stigning ?? 0) * ctx.settings.loen_pr_aarsvaerk,
      style: "number",
      numFmt: "#,##0",
    });
    s.set(row, 6, {
      formula: f.national,
      value: np.alle.slut,
      style: "number",
      numFmt: AARSVAERK_FMT,
    });
    const t = e.tInterval;
    s.text(
      row,
      7,
      "grund" in t ? "kan ikke beregnes" : `${danish(t.lav)}–${danish(t.hoej)}`,
      "center"
    );
    if (e.udenEn.length > 0)
      details.push(
        `${m.navn}: ${e.udenEn.map((u) => `uden ${u.kommune} ${u.stigning === null ? "kan ikke beregnes" : danish(u.stigning)}`).join("; ")}.`
      );
    row++;
  }
  s.keep(g, row - 1);
  row++;
  if (ctx.settings.loen_pr_aarsvaerk === 0) {
    s.text(
      row++,
      1,
      "Lønomkostningen pr. årsværk er ikke angivet (0), så kronebeløbene er 0. Angiv den på arket Indstillinger.",
      "note",
      LAST
    );
  }
  for (const m of ctx.methods) {
    const np = result.nedslagspunkter.find((n) => n.id === m.id);
    if (np && !np.kan_ikke_beregnes) row = distribution(s, row + 1, m, np);
  }
  if (details.length > 0) {
    row++;
    const top = row;
    s.text(row++, 1, "Stigningen med én kommune udeladt ad gangen (årsværk)", "heading");
    for (const d of details) s.text(row++, 1, d, "body", LAST);
    s.keep(top, row - 1);
  }
  return s.build({
    widths: WIDTHS,
    gridlines: false,
    print: { ...ctx.print, orientation: "landscape" },
  });
}

/**
 * A nedslagspunkt's national figure of the final year as a matrix: a column per group (block),
 * a row per sub-task (the pct rows, by label), the groups' totals and shares on top.
 */
function distribution(
  s: SheetBuilder,
  startRow: number,
  def: MethodDef,
  np: NedslagspunktResultat
): number {
  const e = np.ekstra;
  if (!e || e.grupper.length === 0) return startRow;
  const columns = LAST - 1;
  const groups = e.grupper.slice(0, columns);
  // Each group spans an equal share of the columns B–I (the first ones one more when uneven).
  const span = groups.map(
    (_, i) => Math.floor(columns / groups.length) + (i < columns % groups.length ? 1 : 0)
  );
  const left = span.map((_, i) => 2 + span.slice(0, i).reduce((a, b) => a + b, 0));
  const put = (
    row: number,
    i: number,
    value: number,
    style: "result" | "number",
    numFmt: string
  ) => {
    s.set(row, left[i], { value, style, numFmt });
    for (let c = left[i] + 1; c < left[i] + span[i]; c++) s.set(row, c, { value: null, style });
    s.merge(row, left[i], row, left[i] + span[i] - 1);
  };
  const part = (id: string) => def.components.find((c) => c.id === id)?.label ?? id;
  let row = startRow;
  const top = row;
  s.text(
    row++,
    1,
    `${def.navn}: alle kommuner ${np.slutaar} fordelt på grupper og underopgaver (årsværk)`,
    "heading"
  );
  s.text(row, 1, "Underopgave", "tableHeader");
  groups.forEach((g, i) => {
    s.text(
      row,
      left[i],
      def.components.length > 1 ? `${part(g.komponent)}: ${g.label}` : g.label,
      "tableHeader",
      left[i] + span[i] - 1
    );
    for (let c = left[i] + 1; c < left[i] + span[i]; c++)
      s.set(row, c, { value: null, style: "tableHeader" });
  });
  row++;
  s.text(row, 1, "Gruppen i alt", "sideHeading");
  groups.forEach((g, i) => put(row, i, g.aarsvaerk, "result", AARSVAERK_FMT));
  row++;
  s.text(row, 1, "Gruppens andel af alle årsværk", "label");
  groups.forEach((g, i) => put(row, i, g.andel, "number", "0 %"));
  row++;
  const labels = [...new Set(e.underopgaver.map((u) => u.label))];
  for (const label of labels) {
    s.text(row, 1, label, "sublabel");
    groups.forEach((g, i) => {
      const u = e.underopgaver.find(
        (x) => x.label === label && x.blok === g.blok && x.komponent === g.komponent
      );
      if (u) put(row, i, u.aarsvaerk, "number", AARSVAERK_FMT);
    });
    row++;
  }
  s.keep(top, row - 1);
  return row;
}
