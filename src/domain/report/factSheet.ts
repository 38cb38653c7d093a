/**
 * A nedslagspunkt's fact sheet in the report's own shape, on one landscape page: the
 * administrative area, the description, the estimated resources (studied and all
 * municipalities at the baseline and final year, the increase and its span), the data and the
 * method written from the run, the data quality, and who the task falls on and whether it
 * creates value (prefilled from the pack, yellow: the consultant may edit). The calculation
 * detail follows on the next page under its own heading.
 */
import { SheetBuilder } from "../layout/builder";
import type { SheetPlan } from "../layout/types";
import type { MethodDef } from "../project/definitions";
import type { NedslagspunktResultat } from "../project/engine";
import { computedYears } from "../project/tal";
import { AARSVAERK_FMT, calculationTables, type InputCells } from "./calculation";
import type { ReportContext } from "./context";
import { dataText, municipalitiesText } from "./text";

export interface FactSheet {
  readonly plan: SheetPlan;
  /** Cells the overview and the comparison sheet refer to. */
  readonly increase: string;
  readonly spanText: string;
  readonly national: string;
}

/** Columns: A side headings (and municipalities below), B–H the content. */
const WIDTHS = { 1: 26, 2: 12, 3: 15, 4: 15, 5: 15, 6: 15, 7: 15, 8: 15 } as const;
/** Calculation tables may run further right than the fact sheet: their columns are as wide. */
const FIGURE_WIDTH = 15;
const LAST = 8;
/** The resources table: labels in B:C, baseline D, final year E, increase F. */
const ROW = { head: 6, studied: 7, all: 8, span: 9 } as const;

export function factSheet(
  def: MethodDef,
  np: NedslagspunktResultat,
  ctx: ReportContext,
  cells: InputCells & { readonly spaend: string }
): FactSheet {
  const s = new SheetBuilder(def.arkNavn);
  s.text(1, 1, def.navn, "title");
  const side = (
    row: number,
    heading: string,
    text: string,
    style: "body" | "inputText" = "body"
  ) => {
    s.text(row, 1, heading, "sideHeading");
    s.text(row, 2, text, style, LAST);
  };
  side(3, "Forvaltningsområde", def.omraade);
  side(4, "Beskrivelse af nedslagspunkt og afledte opgaver i kommunerne", def.beskrivelse);

  // Estimated resources.
  s.text(ROW.head, 1, "Estimeret ressourcetræk (årsværk)", "sideHeading").merge(
    ROW.head,
    1,
    ROW.span,
    1
  );
  s.text(ROW.head, 2, "", "tableHeader", 3);
  s.set(ROW.head, 3, { value: null, style: "tableHeader" });
  s.set(ROW.head, 4, { value: np.basisaar, style: "tableHeader", numFmt: "0" });
  s.set(ROW.head, 5, { value: np.slutaar, style: "tableHeader", numFmt: "0" });
  s.text(ROW.head, 6, "Stigning i ÅV", "tableHeader");
  s.text(ROW.studied, 2, "Undersøgte kommuner", "label", 3);
  s.text(ROW.all, 2, "Alle kommuner", "label", 3);
  s.set(ROW.span, 2, {
    formula: `"Spænd omkring stigningen (± "&${cells.spaend}&" %)"`,
    value: `Spænd omkring stigningen (± ${ctx.settings.spaend_pct} %)`,
    style: "label",
  });
  s.merge(ROW.span, 2, ROW.span, 5);
  const out = {
    increase: s.ref(ROW.all, 6),
    spanText: s.ref(ROW.span, 6),
    national: s.ref(ROW.all, 5),
  };

  let row = 11;
  side(row++, "Uddybet om data, beregningsmodel og antagelser", dataText(def, np, ctx));
  side(row++, "Kommuner", municipalitiesText(np));
  side(row++, "Datakvalitet", `${np.datakvalitet.niveau}. ${np.datakvalitet.begrundelse}`);
  row++;
  side(
    row++,
    "Hvem »rammer« opgaven?",
    def.hvem ?? "Skriv her, hvem den øgede belastning rammer.",
    "inputText"
  );
  side(
    row++,
    "Er nedslagspunktet værdiskabende?",
    def.vaerdiskabende ?? "Skriv her, om nedslagspunktet er værdiskabende.",
    "inputText"
  );
  s.text(
    row++,
    2,
    "De gule felter er udfyldt fra pakken og kan rettes. Tallene i tabellen er formler over beregningsgrundlaget på næste side.",
    "note",
    LAST
  );
  row++;

  const print = {
    ...ctx.print,
    orientation: "landscape" as const,
  };
  if (np.kan_ikke_beregnes) {
    for (const r of [ROW.studied, ROW.all]) s.text(r, 4, "kan ikke beregnes", "note", 6);
    s.text(ROW.span, 6, "", "resultCenter");
    s.text(row, 1, `Kan ikke beregnes: ${np.kan_ikke_beregnes}.`, "body", LAST);
    return {
      ...out,
      plan: s.build({
        widths: WIDTHS,
        gridlines: false,
        print: { ...print, onePage: [{ top: 1, bottom: row }] },
      }),
    };
  }

  // The calculation detail, on its own page.
  const detail = row;
  s.breakBefore(detail);
  s.text(row++, 1, `${def.navn}: beregningsgrundlag`, "blockTitle", LAST);
  s.text(
    row++,
    1,
    "Formler over arkene Data, Kommunedata, Landstal og Indstillinger. Sæt en kommunes »Medtaget« til 0 for at tage den ud af beregningen; resultaterne øverst på arket følger med.",
    "note",
    LAST
  );
  row++;
  const years = computedYears(def, np.basisaar, np.slutaar);
  const t = calculationTables(s, row, def, np, years, ctx, cells);
  row = t.nextRow;
  const sumOf = (xs: readonly string[]) => (xs.length === 1 ? xs[0] : xs.join("+"));
  const put = (r: number, col: number, formula: string | null, value: number | null) =>
    formula === null
      ? s.set(r, col, { value: 0, style: "number", numFmt: AARSVAERK_FMT })
      : s.set(r, col, { formula, value, style: "result", numFmt: AARSVAERK_FMT });
  const end = { s: t.studied.get(np.slutaar)!, n: t.national.get(np.slutaar)! };
  const start = def.ny ? null : { s: t.studied.get(np.basisaar)!, n: t.national.get(np.basisaar)! };
  put(ROW.studied, 4, start ? sumOf(start.s) : null, np.undersoegte.basis);
  put(ROW.studied, 5, sumOf(end.s), np.undersoegte.slut);
  s.set(ROW.studied, 6, {
    formula: "E7-D7",
    value: np.undersoegte.stigning,
    style: "result",
    numFmt: AARSVAERK_FMT,
  });
  put(ROW.all, 4, start ? sumOf(start.n) : null, np.alle.basis);
  put(ROW.all, 5, sumOf(end.n), np.alle.slut);
  s.set(ROW.all, 6, {
    formula: "E8-D8",
    value: np.alle.stigning,
    style: "result",
    numFmt: AARSVAERK_FMT,
  });
  s.set(ROW.span, 6, {
    formula: `ROUND(F8*(1-${cells.spaend}/100),0)&"-"&ROUND(F8*(1+${cells.spaend}/100),0)&" ("&ROUND(F8,0)&")"`,
    value: np.spaend!.tekst,
    style: "resultCenter",
  });
  const widths: Record<number, number> = { ...WIDTHS };
  for (let c = LAST + 1; c <= s.lastColumn(); c++) widths[c] = FIGURE_WIDTH;
  return {
    ...out,
    plan: s.build({
      widths,
      gridlines: false,
      print: {
        ...print,
        onePage: [
          { top: 1, bottom: detail - 1 },
          { top: detail, bottom: row - 1 },
        ],
      },
    }),
  };
}
