import { META_FIELDS } from "../fieldId";
import type { TemplateDef } from "../catalogue/types";
import type { Pack } from "../pack/model";
import { absA1, quoteSheet } from "./a1";
import { SheetBuilder } from "./builder";
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
const VALUE_WIDTH = 90;
const NOT_GIVEN = "(ikke angivet)";

/** Where the meta cells sit on the front page. */
export const META_ROWS = { kommune: 4, skabelon: 5, version: 6, pakke: 7 } as const;

/** Formula reference to the front page's municipality cell, e.g. `Forside!$C$4`. */
export const KOMMUNE_REF = `${quoteSheet(FORSIDE)}!${absA1(META_ROWS.kommune, VALUE_COL)}`;

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
  options: TemplateOptions
): SheetPlan {
  const forside = pack.source.forside;
  const respondent = pack.respondents.singular;
  const s = new SheetBuilder(FORSIDE)
    .width(1, 2)
    .width(LABEL_COL, 24)
    .width(VALUE_COL, VALUE_WIDTH);
  s.set({
    row: 1,
    col: LABEL_COL,
    value: forside?.titel ?? pack.name,
    style: "title",
  }).height(1, 24);
  const intro = forside?.intro ?? pack.description ?? pack.name;
  s.set({ row: 2, col: LABEL_COL, value: intro, style: "subtitle" }).merge(
    2,
    LABEL_COL,
    2,
    VALUE_COL
  );
  s.fit(2, intro, 24 + VALUE_WIDTH);

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
      style: name === META_FIELDS.kommune ? "result" : "body",
      ...(typeof value === "number" ? { numFmt: "0" } : {}),
    });
  }

  let row = 9;
  s.set({ row, col: LABEL_COL, value: "Kontakt og frist", style: "heading" });
  row += 1;
  const k = options.kontakt ?? {};
  const contact: Array<[string, string | undefined]> = [
    ["Kontaktperson", k.navn],
    ["E-mail", k.email],
    ["Telefon", k.telefon],
    ["Frist for returnering", options.frist],
  ];
  for (const [label, value] of contact) {
    s.set({ row, col: LABEL_COL, value: `${label}:`, style: "label" });
    s.set({ row, col: VALUE_COL, value: value?.trim() ? value.trim() : NOT_GIVEN, style: "body" });
    row += 1;
  }

  row += 1;
  s.set({
    row,
    col: LABEL_COL,
    value: forside?.afsnit ?? "Skemaer i denne skabelon",
    style: "heading",
  });
  row += 1;
  for (const t of templates) {
    const sheets = [
      ...(t.vejledning.length ? [vejledningSheetName(t)] : []),
      ...(t.proces ? [procesSheetName(t)] : []),
      dataSheetName(t),
    ];
    const text = `${t.name}${t.area ? ` (${t.area})` : ""}. Ark: ${sheets.join(", ")}.`;
    s.set({ row, col: LABEL_COL, value: t.shortName, style: "result" });
    s.set({ row, col: VALUE_COL, value: text, style: "body" }).fit(row, text, VALUE_WIDTH);
    row += 1;
  }

  row += 1;
  s.set({ row, col: LABEL_COL, value: "Sådan udfylder I skabelonen", style: "heading" });
  row += 1;
  howTo(templates, pack).forEach((text, i) => {
    s.set({ row, col: LABEL_COL, value: `${i + 1}.`, style: "stepNo" });
    s.set({ row, col: VALUE_COL, value: text, style: "body" }).fit(row, text, VALUE_WIDTH);
    row += 1;
  });
  return s.build({ protect: true, tabColor: "1F3864" });
}
