import { META_FIELDS } from "../fieldId";
import type { TemplateDef } from "../catalogue/types";
import type { Pack } from "../pack/model";
import { absA1, quoteSheet } from "./a1";
import { SheetBuilder, type PrintOptions } from "./builder";
import { FORSIDE, dataSheetName, procesSheetName, vejledningSheetName } from "./names";
import type { SheetPlan } from "./types";

/** Contact and deadline shown on the front page: settings, never built-in data. */
export interface TemplateOptions {
  readonly kontakt?: {
    readonly navn?: string;
    readonly email?: string;
    readonly telefon?: string;
  };
  /** Deadline for returning the template, as free text (e.g. "7. februar 2025 kl. 12"). */
  readonly frist?: string;
  /** The survey pack the template is made from (default kl2024). */
  readonly pack?: Pack;
}

const LABEL_COL = 2;
const VALUE_COL = 3;
/** Columns of the links to a template's sheets (Vejledning, Proces, Data). */
const LINK_COLS = [4, 5, 6] as const;
const LAST_COL = 6;

/** Where the meta cells sit on the front page (skabelon, version and pakke in hidden rows). */
export const META_ROWS = { kommune: 4, skabelon: 5, version: 6, pakke: 7 } as const;

/** Formula reference to the front page's municipality cell, e.g. `Forside!$C$4`. */
export const KOMMUNE_REF = `${quoteSheet(FORSIDE)}!${absA1(META_ROWS.kommune, VALUE_COL)}`;

/** A formula that links to cell A1 of `sheet` and shows `text`. */
export function sheetLink(sheet: string, text: string): string {
  const target = `#${quoteSheet(sheet)}!A1`.replace(/"/g, '""');
  return `HYPERLINK("${target}","${text.replace(/"/g, '""')}")`;
}

/**
 * What the front page says when the CLI was given no contact person or no deadline: the
 * respondent is told to ask, never left without a way to return the template.
 */
export function missingContactText(options: TemplateOptions): string | undefined {
  const k = options.kontakt ?? {};
  const contact = [k.navn, k.email, k.telefon].some((v) => v?.trim());
  const deadline = Boolean(options.frist?.trim());
  if (contact && deadline) return undefined;
  const what =
    !contact && !deadline ? "kontaktperson og frist" : !contact ? "kontaktperson" : "frist";
  const ask =
    !contact && !deadline
      ? "hvem I skal sende svaret til, og hvornår"
      : !contact
        ? "hvem I skal sende svaret til"
        : "hvornår svaret skal være sendt";
  return `Skabelonen er lavet uden ${what}. Spørg den, der sendte jer skabelonen, ${ask}.`;
}

/** How to fill in the workbook, shown on the front page (the pct step only where there are pct rows). */
export function howTo(templates: readonly TemplateDef[], pack: Pack): string[] {
  const unit = pack.source.forside?.enhed ?? "skema";
  const sheets = templates.every((t) => t.proces && t.vejledning.length > 0)
    ? `Skabelonen har tre ark for hvert ${unit}: en vejledning, en beskrivelse af opgavens proces og et dataark. Læs vejledningen og procesbeskrivelsen, før I udfylder dataarket.`
    : `Skabelonen har et dataark for hvert ${unit}${templates.some((t) => t.vejledning.length > 0) ? " og en vejledning" : ""}. Læs vejledningen, før I udfylder dataarket.`;
  const pct = templates.some((t) =>
    t.blocks.some((b) => b.type === "tabel" && b.rows.some((r) => r.kind === "pct"))
  );
  return [
    sheets,
    "Skriv kun i de gule celler på dataarkene. Alle andre celler er låst (arkbeskyttelse uden adgangskode).",
    `Skriv tal uden enheder: timer og årsværk som tal (decimaler er tilladt), antal som hele tal og beløb i kroner.${pct ? " Procenter skrives som tal mellem 0 og 100 uden %-tegn." : ""}`,
    ...(pct
      ? [
          "Fordelingen i procent på underopgaver er frivillig. Udfylder I den, skal procenterne for et år give 100. Kontrolrækken under hver fordeling viser OK, når summen passer.",
        ]
      : []),
    "Lad en celle stå tom, hvis I ikke kender tallet. Skriv ikke 0 for »ved ikke«.",
    "Omdøb ikke arkene, og flyt eller slet ikke celler: svarene læses maskinelt ud fra cellernes navne.",
    "Gem filen som Excel-fil (.xlsx), og send den til kontaktpersonen inden fristen.",
  ];
}

export function forsideSheet(
  kommune: string,
  templates: readonly TemplateDef[],
  pack: Pack,
  options: TemplateOptions,
  print: PrintOptions = {}
): SheetPlan {
  const forside = pack.source.forside;
  const respondent = pack.respondents.singular;
  const s = new SheetBuilder(FORSIDE).width(1, 2).width(LABEL_COL, 20).width(VALUE_COL, 56);
  for (const c of LINK_COLS) s.width(c, 11);
  s.text(1, LABEL_COL, forside?.titel ?? pack.name, "title");
  s.text(2, LABEL_COL, forside?.intro ?? pack.description ?? pack.name, "subtitle", LAST_COL);

  // The respondent is shown; the machine-read fields (template ids, version, pack) stay in
  // hidden rows, with their labels beside them for the label-based reader.
  const meta: Array<[number, string, string | number, string]> = [
    [
      META_ROWS.kommune,
      respondent.charAt(0).toLocaleUpperCase("da") + respondent.slice(1),
      kommune,
      META_FIELDS.kommune,
    ],
    [
      META_ROWS.skabelon,
      "Skabeloner (id)",
      templates.map((t) => t.id).join(","),
      META_FIELDS.skabelon,
    ],
    [META_ROWS.version, "Pakkens version", pack.version, META_FIELDS.version],
    [META_ROWS.pakke, "Pakke (id)", pack.id, META_FIELDS.pakke],
  ];
  for (const [row, label, value, name] of meta) {
    s.set({ row, col: LABEL_COL, value: `${label}:`, style: "label" });
    s.set({
      row,
      col: VALUE_COL,
      value,
      name,
      style: name === META_FIELDS.kommune ? "result" : "cell",
      ...(typeof value === "number" ? { numFmt: "0" } : {}),
    });
    if (name !== META_FIELDS.kommune) s.hideRow(row);
  }

  let row = 9;
  s.text(row, LABEL_COL, "Kontakt og frist", "heading");
  row += 1;
  const k = options.kontakt ?? {};
  const contact: Array<[string, string | undefined]> = [
    ["Kontaktperson", k.navn],
    ["E-mail", k.email],
    ["Telefon", k.telefon],
    ["Frist for returnering", options.frist],
  ];
  for (const [label, value] of contact) {
    if (!value?.trim()) continue;
    s.text(row, LABEL_COL, `${label}:`, "label");
    s.text(row, VALUE_COL, value.trim(), "body", LAST_COL);
    row += 1;
  }
  const missing = missingContactText(options);
  if (missing) {
    s.text(row, LABEL_COL, missing, "warning", LAST_COL);
    row += 1;
  }

  row += 1;
  s.text(row, LABEL_COL, forside?.afsnit ?? "Skemaer i denne skabelon", "heading");
  row += 1;
  for (const t of templates) {
    const sheets: Array<[string, string]> = [
      ...(t.vejledning.length ? [[vejledningSheetName(t), "Vejledning"] as [string, string]] : []),
      ...(t.proces ? [[procesSheetName(t), "Proces"] as [string, string]] : []),
      [dataSheetName(t), "Data"],
    ];
    s.text(row, LABEL_COL, t.shortName, "sideHeading");
    s.text(row, VALUE_COL, `${t.name}${t.area ? ` (${t.area})` : ""}`, "body");
    sheets.forEach(([sheet, text], i) =>
      s.set(row, LINK_COLS[i], { formula: sheetLink(sheet, text), value: text, style: "link" })
    );
    row += 1;
  }

  row += 1;
  s.text(row, LABEL_COL, "Sådan udfylder I skabelonen", "heading");
  row += 1;
  howTo(templates, pack).forEach((text, i) => {
    s.set({ row, col: LABEL_COL, value: `${i + 1}.`, style: "stepNo" });
    s.text(row, VALUE_COL, text, "body", LAST_COL);
    row += 1;
  });
  return s.build({
    protect: true,
    tabColor: "1F3864",
    gridlines: false,
    print: { ...print, orientation: "portrait", fit: "page" },
  });
}
