/**
 * Overblik: the report's overview table (p. 7): Område, Nedslagspunkt (a link to its fact
 * sheet), data from all studied municipalities, Datakvalitet, the increase as a span and where
 * it comes from. Only the published columns; the figures beyond the report have their own
 * sheet. Readable at 100 % on screen and printed on one landscape page at 85 % or more.
 */
import { SheetBuilder } from "../layout/builder";
import { widthFor } from "../layout/measure";
import { sheetLink } from "../layout/forside";
import type { SheetPlan } from "../layout/types";
import type { ProjectionResult } from "../project/engine";
import { datakvalitetTekst } from "../project/quality";
import type { ReportContext } from "./context";
import type { FactSheet } from "./factSheet";
import { SHEET } from "./schema";

const HEAD = 4;
const WIDTHS = { 1: 17, 2: 25, 3: 12, 4: 12, 5: 16, 6: 70 } as const;
const LAST = 6;

export function overblikSheet(
  result: ProjectionResult,
  facts: ReadonlyMap<string, FactSheet>,
  others: readonly string[],
  ctx: ReportContext
): SheetPlan {
  const s = new SheetBuilder(SHEET.overblik);
  s.text(1, 1, "Overblik over nedslagspunkter og samlet belastning", "title");
  s.text(
    2,
    1,
    "Den estimerede administrative belastning er angivet i et spænd for at tydeliggøre, at opregningen er et estimat baseret på de undersøgte kommuners data.",
    "subtitle",
    LAST
  );
  [
    "Område",
    "Nedslagspunkt",
    "Data fra alle undersøgte kommuner",
    "Datakvalitet",
    "Øget administrativ belastning (årsværk)",
    "Hvor kommer den øgede belastning fra",
  ].forEach((h, k) => s.text(HEAD, k + 1, h, "tableHeader"));
  let row = HEAD + 1;
  for (const m of ctx.methods) {
    const np = result.nedslagspunkter.find((n) => n.id === m.id);
    const f = facts.get(m.id);
    if (!np || !f) continue;
    s.text(row, 1, m.omraade, "tableText");
    s.set(row, 2, { formula: sheetLink(m.arkNavn, m.navn), value: m.navn, style: "link" });
    s.text(row, 3, np.kan_ikke_beregnes ? "" : np.alleUndersoegte ? "Ja" : "Nej", "center");
    s.text(row, 4, np.kan_ikke_beregnes ? "" : np.datakvalitet.niveau, "center");
    if (np.kan_ikke_beregnes) s.text(row, 5, `kan ikke beregnes: ${np.kan_ikke_beregnes}`, "note");
    else s.set(row, 5, { formula: f.spanText, value: np.spaend!.tekst, style: "resultCenter" });
    // "Hvor kommer den øgede belastning fra": the pack's description, kept in one place.
    s.text(row, 6, m.beskrivelse, "tableText");
    row++;
  }
  s.text(
    row++,
    1,
    `Spændet er ± ${ctx.settings.spaend_pct} % omkring stigningen for alle kommuner, afrundet til hele årsværk (arket Indstillinger). ${datakvalitetTekst()} Andre beregningsmåder og kroner står på arket »Ud over rapporten«; de er ikke rapportens tal.`,
    "note",
    LAST
  );
  // Links to the other sheets, each in the next column wide enough for its name.
  s.text(row, 1, "Øvrige ark:", "label");
  let col = 2;
  for (const name of others) {
    while (col <= LAST && widthFor(name) > WIDTHS[col as keyof typeof WIDTHS]) col++;
    if (col > LAST) {
      row++;
      col = 2;
    }
    s.set(row, col, { formula: sheetLink(name, name), value: name, style: "link" });
    col++;
  }
  return s.build({
    widths: WIDTHS,
    freezeRows: HEAD,
    gridlines: false,
    print: {
      ...ctx.print,
      orientation: "landscape",
      onePage: [{ top: 1, bottom: row }],
      titleRows: { first: HEAD, last: HEAD },
    },
  });
}
