/**
 * The report's input sheets as one schema for their writer (this folder) and the task pane's
 * reader (src/taskpane/opregnSheets.ts, dataSheet.ts): sheet and table names, column names, the
 * Indstillinger rows with their labels, and where each table's header sits. A label changed
 * here changes both sides.
 */
import type { ResolvedIndstillinger } from "../project/inputs";

export const SHEET = {
  overblik: "Overblik",
  udOver: "Ud over rapporten",
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

/** Title (row 1), note (row 2, across the table): every input sheet's table header is on row 3. */
export const HEADER_ROW = 3;

/** Column names of the Data table (its header row); "Etiket" is the field's label beside its id. */
export const DATA_COLUMNS = ["Kommune", "Felt", "Etiket", "Skabelon", "År", "Værdi"] as const;
/** The Data table's value column (1-based), which the fact sheets' formulas refer to. */
export const DATA_VALUE_COL = DATA_COLUMNS.indexOf("Værdi") + 1;

/** Column names of the Landstal table. */
export const LANDSTAL_COLUMNS = ["Nøgle", "Beskrivelse", "År", "Værdi"] as const;
/** The Landstal row of a figure that holds for every year shows this in its year column. */
export const ALL_YEARS = "alle år";

/** The Kommunedata table's first column; the others are "<label> <år>". */
export const KOMMUNEDATA_FIRST_COLUMN = "Kommune";

/** A Kommunedata column's name for a key's label and a year, e.g. "Indbyggere 2023". */
export function kommunedataColumn(label: string, year: number): string {
  return `${label} ${year}`;
}

/** The settings the report's formulas read, in the order of the Indstillinger sheet. */
export const INDSTILLINGER_ROWS: readonly {
  readonly key: keyof Pick<
    ResolvedIndstillinger,
    "timer_pr_aarsvaerk" | "spaend_pct" | "loen_pr_aarsvaerk"
  >;
  readonly label: string;
  readonly numFmt: string;
}[] = [
  { key: "timer_pr_aarsvaerk", label: "Timer pr. effektivt årsværk", numFmt: "#,##0" },
  { key: "spaend_pct", label: "Spænd omkring landstallet (%)", numFmt: "0" },
  { key: "loen_pr_aarsvaerk", label: "Lønomkostning pr. årsværk (kr.)", numFmt: "#,##0" },
];

/** The Indstillinger sheet's table of periods and exclusions per nedslagspunkt. */
export const INDSTILLINGER_COLUMNS = [
  "Nedslagspunkt",
  "Basisår",
  "Slutår",
  "Udelad",
  "Medtag trods forslag",
] as const;
