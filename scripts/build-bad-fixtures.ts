/**
 * Builds test/fixtures/bad/: bad returns made from the real templates (rendered from the
 * catalogue and layout, then spoiled one way each), with the exact findings each must give.
 *
 * The files are generated at test time (test/validate/badFixtures.test.ts calls
 * `buildBadFixtures`) and git-ignored, not committed: they are a function of the catalogue and
 * the layout, so committed copies would go stale the moment a label, a row or a year changes,
 * and binary .xlsx files cannot be reviewed in a diff. The expectations below name fields, not
 * cells; the cells come from the same layout that renders the template.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import type { Style } from "exceljs";
import { Workbook } from "../src/xlsx/excelWorkbook";
import JSZip from "jszip";
import { partsOf, zipParts } from "./zip";
import { buildTemplateWorkbook, namedCells } from "../src/domain/layout";
import type { Severity } from "../src/domain/model";
import { definedNames, loadWorkbook, renderWorkbook, workbookBytes } from "../src/xlsx";
import { plainValue } from "../src/xlsx/names";
import { goodUknValues } from "../test/helpers/values";

export interface ExpectedFinding {
  readonly rule: string;
  readonly severity: Severity;
  /** The field the finding points at (its cell comes from the layout); none for file-level findings. */
  readonly field?: string;
}

export interface BadFixture {
  readonly name: string;
  readonly why: string;
  readonly expected: readonly ExpectedFinding[];
}

interface Spec extends BadFixture {
  readonly templates?: readonly string[];
  readonly kommune?: string;
  /** Raw cell values by field id (or meta.*), written as they are (text, numbers, dates). */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly numFmt?: Readonly<Record<string, string>>;
  /** Further damage to the workbook, or the whole file's bytes. */
  readonly spoil?: (wb: Workbook) => void | Promise<void>;
  readonly bytes?: () => Promise<Uint8Array>;
  /** Sheets copied as values into a fresh workbook without names (from → to). */
  readonly copyAs?: Readonly<Record<string, string>>;
}

function goodTilsyn(): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const y of [2020, 2023]) {
    Object.assign(v, {
      [`tilsyn.volumen.antal_dagtilbud.${y}`]: 40,
      [`tilsyn.volumen.antal_tilsyn.${y}`]: 30,
      [`tilsyn.volumen.tilsyn_handleplan.${y}`]: 5,
      [`tilsyn.forvaltning.timer_pr_tilsyn.${y}`]: 10,
      [`tilsyn.dagtilbud.timer_pr_tilsyn.${y}`]: 6,
    });
  }
  return v;
}

function goodKvalitet(): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const y of [2018, 2023]) {
    Object.assign(v, {
      [`kvalitet.volumen.antal_folkeskoler.${y}`]: 20,
      [`kvalitet.volumen.henvendelser.${y}`]: 4,
      [`kvalitet.volumen.bekymrende.${y}`]: 1,
      [`kvalitet.volumen.handleplan.${y}`]: 1,
      [`kvalitet.volumen.paalagt.${y}`]: 1,
      [`kvalitet.bekymrende_forvaltning.timer_i_alt.${y}`]: 100,
      [`kvalitet.bekymrende_skole.timer_i_alt.${y}`]: 50,
      [`kvalitet.handleplan_forvaltning.timer_i_alt.${y}`]: 80,
      [`kvalitet.handleplan_skole.timer_i_alt.${y}`]: 40,
    });
  }
  return v;
}

const goodParallel = (): Record<string, unknown> => ({
  "parallel.volumen.antal_folkeskoler.2023": 20,
  "parallel.volumen.henvendelser.2023": 3,
  "parallel.volumen.tilsyn.2023": 1,
  "parallel.tilfredsstillende_forvaltning.timer_i_alt.2023": 30,
  "parallel.tilfredsstillende_skole.timer_i_alt.2023": 10,
  "parallel.tilsyn_forvaltning.timer_i_alt.2023": 200,
  "parallel.tilsyn_skole.timer_i_alt.2023": 50,
});

const goodBarometre = (): Record<string, unknown> => ({
  "barometre.boernesag_volumen.udvalgt.2021": "x",
  "barometre.boernesag_volumen.sager.2021": 12,
  "barometre.boernesag.timer_i_alt.2021": 60,
});

const styleOf = (c: { style: Partial<Style> }): Partial<Style> => c.style;

/** Sets a named cell's value as it is (bypassing fillWorkbook's kind checks: these are bad returns). */
function writeRaw(
  wb: Workbook,
  values: Readonly<Record<string, unknown>>,
  numFmt: Readonly<Record<string, string>> = {}
): void {
  const names = definedNames(wb);
  for (const [id, value] of Object.entries(values)) {
    const loc = names.get(id)?.location;
    if (!loc) throw new Error(`Intet navn ${id} i skabelonen`);
    const cell = wb.getWorksheet(loc.sheet)!.getCell(loc.cell);
    cell.value = value as never;
    // A style object of its own: after loading, ExcelJS shares one style between many cells.
    if (numFmt[id]) cell.style = { ...structuredClone(styleOf(cell)), numFmt: numFmt[id] };
  }
}

/** A workbook-level minimal OLE/CFB container with one directory entry (the guard looks no further). */
function cfb(streamName: string): Uint8Array {
  const out = new Uint8Array(2048);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const name = [...streamName].flatMap((c) => [c.charCodeAt(0), 0]);
  out.set(name, 1024);
  return out;
}

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  return zipParts(Object.entries(files));
}

/** A valid .xlsx whose one sheet holds `rows` × 10 numbers, written as raw sheet XML (fast). */
async function manyCells(rows: number): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.addWorksheet("Ark1").getCell("A1").value = 1;
  const zip = await JSZip.loadAsync(await workbookBytes(wb));
  const sheetFile = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const xml = await zip.file(sheetFile)!.async("string");
  const cols = "ABCDEFGHIJ";
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    parts.push(`<row r="${r}">`);
    for (let c = 0; c < cols.length; c++) parts.push(`<c r="${cols[c]}${r}"><v>${r}</v></c>`);
    parts.push("</row>");
  }
  zip.file(
    sheetFile,
    xml.replace(
      /<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/,
      `<sheetData>${parts.join("")}</sheetData>`
    )
  );
  return zipParts(await partsOf(zip));
}

/** Copies sheets' values (no names, no formulas) into a fresh workbook, as a municipality might. */
async function copyWithoutNames(
  wb: Workbook,
  sheets: ReadonlyArray<readonly [string, string]>
): Promise<Workbook> {
  const dst = new Workbook();
  for (const [from, to] of sheets) {
    const a = wb.getWorksheet(from)!;
    const b = dst.addWorksheet(to);
    a.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = plainValue(cell.value);
        if (v !== null) b.getCell(r, c).value = v as never;
      });
    });
  }
  return dst;
}

const e = (rule: string, severity: Severity, field?: string): ExpectedFinding =>
  field ? { rule, severity, field } : { rule, severity };

const SPECS: readonly Spec[] = [
  // --- UKN: kinds, sums, consistency -------------------------------------------------------
  {
    name: "ukn_sum_forkert",
    why: "10 hovedsager + 2 genindbringelsessager = 12, men sager i alt = 14 (2021)",
    values: { ...goodUknValues(), "ukn.volumen.sager_i_alt.2021": 14 },
    expected: [e("ukn_sager_sum", "fejl", "ukn.volumen.sager_i_alt.2021")],
  },
  {
    name: "ukn_negative_timer",
    why: "−5 timer pr. hovedsag (2019): negativ, og under plausibilitetsgrænsen 1",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2019": -5 },
    expected: [
      e("negativ", "fejl", "ukn.hovedsager.timer_pr_sag.2019"),
      e("ukn_timer_pr_sag", "advarsel", "ukn.hovedsager.timer_pr_sag.2019"),
    ],
  },
  {
    name: "ukn_broek_antal",
    why: "9,5 hovedsager og 11,5 sager i alt (2020): antal skal være hele tal (summen passer)",
    values: {
      ...goodUknValues(),
      "ukn.volumen.hovedsager.2020": 9.5,
      "ukn.volumen.sager_i_alt.2020": 11.5,
    },
    expected: [
      e("ikke_heltal", "fejl", "ukn.volumen.sager_i_alt.2020"),
      e("ikke_heltal", "fejl", "ukn.volumen.hovedsager.2020"),
    ],
  },
  {
    name: "ukn_pct_over_100",
    why: "Andet = 120 % (2023): uden for 0–100, og fordelingen giver 120",
    values: { ...goodUknValues(), "ukn.hovedsager.andet.2023": 120 },
    expected: [
      e("pct_interval", "fejl", "ukn.hovedsager.andet.2023"),
      e("pct_sum", "fejl", "ukn.hovedsager.andet.2023"),
    ],
  },
  {
    name: "ukn_pct_sum_90",
    why: "50 % + 40 % = 90 % (2021)",
    values: {
      ...goodUknValues(),
      "ukn.hovedsager.udtalelse.2021": 50,
      "ukn.hovedsager.andet.2021": 40,
    },
    expected: [e("pct_sum", "fejl", "ukn.hovedsager.udtalelse.2021")],
  },
  {
    name: "ukn_pct_negativ",
    why: "−10 % og 110 % giver 100, men begge er uden for 0–100 (2020)",
    values: {
      ...goodUknValues(),
      "ukn.genindbringelse.udtalelse.2020": -10,
      "ukn.genindbringelse.andet.2020": 110,
    },
    expected: [
      e("pct_interval", "fejl", "ukn.genindbringelse.udtalelse.2020"),
      e("pct_interval", "fejl", "ukn.genindbringelse.andet.2020"),
    ],
  },
  {
    name: "ukn_tekst_i_talfelt",
    why: "»mange« hovedsager (2022): fejl; timerne pr. hovedsag mangler så en volumen, og 2022 mangler i opregningen",
    values: { ...goodUknValues(), "ukn.volumen.hovedsager.2022": "mange" },
    expected: [
      e("ugyldigt_tal", "fejl", "ukn.volumen.hovedsager.2022"),
      e("ukn_timer_volumen_hovedsager", "advarsel", "ukn.hovedsager.timer_pr_sag.2022"),
      e("mangler_aar", "advarsel", "ukn.volumen.hovedsager.2022"),
    ],
  },
  {
    name: "ukn_interval_i_talfelt",
    why: "»30-40« timer (2019) er ikke ét tal",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2019": "30-40" },
    expected: [
      e("ugyldigt_tal", "fejl", "ukn.hovedsager.timer_pr_sag.2019"),
      e("ukn_timer_volumen_hovedsager", "advarsel", "ukn.hovedsager.timer_pr_sag.2019"),
    ],
  },
  {
    name: "ukn_dato_i_talfelt",
    why: "Excel har gjort 1.4 til 1. april (2020)",
    values: {
      ...goodUknValues(),
      "ukn.genindbringelse.timer_pr_sag.2020": new Date(Date.UTC(2020, 3, 1)),
    },
    numFmt: { "ukn.genindbringelse.timer_pr_sag.2020": "d-m-yyyy" },
    expected: [
      e("ugyldigt_tal", "fejl", "ukn.genindbringelse.timer_pr_sag.2020"),
      e("ukn_timer_volumen_genindbringelse", "advarsel", "ukn.genindbringelse.timer_pr_sag.2020"),
    ],
  },
  {
    name: "ukn_ca_tal",
    why: "»ca. 40« timer (2020): læst som 40 med en advarsel",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2020": "ca. 40" },
    expected: [e("tal_omtrentligt", "advarsel", "ukn.hovedsager.timer_pr_sag.2020")],
  },
  {
    name: "ukn_tilde_tal",
    why: "»~20« timer (2021)",
    values: { ...goodUknValues(), "ukn.genindbringelse.timer_pr_sag.2021": "~20" },
    expected: [e("tal_omtrentligt", "advarsel", "ukn.genindbringelse.timer_pr_sag.2021")],
  },
  {
    name: "ukn_tal_med_enhed",
    why: "»40 timer« (2021)",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2021": "40 timer" },
    expected: [e("tal_med_enhed", "advarsel", "ukn.hovedsager.timer_pr_sag.2021")],
  },
  {
    name: "ukn_dansk_decimal_som_tekst",
    why: "»37,4« som tekst (2022): læst som 37,4 med en info",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2022": "37,4" },
    expected: [e("tal_fortolket", "info", "ukn.hovedsager.timer_pr_sag.2022")],
  },
  {
    name: "ukn_tusindtal_med_punktum",
    why: "»1.400« timer (2019) er 1400 (info) og langt over 200 timer pr. sag (advarsel)",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2019": "1.400" },
    expected: [
      e("tal_fortolket", "info", "ukn.hovedsager.timer_pr_sag.2019"),
      e("ukn_timer_pr_sag", "advarsel", "ukn.hovedsager.timer_pr_sag.2019"),
    ],
  },
  {
    name: "ukn_engelsk_decimal",
    why: "»37.4« (2023): punktum som decimaltegn",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2023": "37.4" },
    expected: [e("tal_engelsk_format", "advarsel", "ukn.hovedsager.timer_pr_sag.2023")],
  },
  {
    name: "ukn_ved_ikke",
    why: "»ved ikke« genindbringelsessager (2019): tomt; timerne har så ingen volumen",
    values: { ...goodUknValues(), "ukn.volumen.genindbringelsessager.2019": "ved ikke" },
    expected: [
      e("tom_markering", "info", "ukn.volumen.genindbringelsessager.2019"),
      e("ukn_timer_volumen_genindbringelse", "advarsel", "ukn.genindbringelse.timer_pr_sag.2019"),
    ],
  },
  {
    name: "ukn_procenttegn",
    why: "»100 %« i Andet (2019): læst som 100",
    values: { ...goodUknValues(), "ukn.hovedsager.andet.2019": "100 %" },
    expected: [e("pct_tegn", "info", "ukn.hovedsager.andet.2019")],
  },
  {
    name: "ukn_procentformat",
    why: "0,25 og 0,75 i procentformaterede celler (2019): læst som 25 og 75",
    values: {
      ...goodUknValues(),
      "ukn.hovedsager.udtalelse.2019": 0.25,
      "ukn.hovedsager.andet.2019": 0.75,
    },
    numFmt: { "ukn.hovedsager.udtalelse.2019": "0%", "ukn.hovedsager.andet.2019": "0%" },
    expected: [
      e("pct_som_broek", "info", "ukn.hovedsager.udtalelse.2019"),
      e("pct_som_broek", "info", "ukn.hovedsager.andet.2019"),
    ],
  },
  {
    name: "ukn_broeker_uden_procentformat",
    why: "0,25 og 0,75 uden procentformat (2019): fordelingen giver 1, ikke 100",
    values: {
      ...goodUknValues(),
      "ukn.hovedsager.udtalelse.2019": 0.25,
      "ukn.hovedsager.andet.2019": 0.75,
    },
    expected: [e("pct_sum", "fejl", "ukn.hovedsager.udtalelse.2019")],
  },
  {
    name: "ukn_timer_uden_sager",
    why: "Timer pr. genindbringelsessag (2019), men 0 genindbringelsessager",
    values: {
      ...goodUknValues(),
      "ukn.volumen.genindbringelsessager.2019": 0,
      "ukn.volumen.sager_i_alt.2019": 10,
    },
    expected: [
      e("ukn_timer_volumen_genindbringelse", "advarsel", "ukn.genindbringelse.timer_pr_sag.2019"),
    ],
  },
  {
    name: "ukn_sager_uden_timer",
    why: "10 hovedsager (2020), men ingen timer pr. hovedsag",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2020": null },
    expected: [e("ukn_timer_volumen_hovedsager", "advarsel", "ukn.hovedsager.timer_pr_sag.2020")],
  },
  {
    name: "ukn_mangler_2022",
    why: "Hele 2022 er tomt: opregningens år",
    values: Object.fromEntries(
      Object.entries(goodUknValues()).filter(([k]) => !k.endsWith(".2022"))
    ),
    // Derived from the calculation: the first of the fields 2022 needs, in sheet order.
    expected: [e("mangler_aar", "advarsel", "ukn.hovedsager.timer_pr_sag.2022")],
  },
  {
    name: "ukn_uplausibel",
    why: "250 timer pr. hovedsag (2023)",
    values: { ...goodUknValues(), "ukn.hovedsager.timer_pr_sag.2023": 250 },
    expected: [e("ukn_timer_pr_sag", "advarsel", "ukn.hovedsager.timer_pr_sag.2023")],
  },
  // --- meta ---------------------------------------------------------------------------------
  {
    name: "ukn_kommune_mangler",
    why: "Forsidens kommunenavn er slettet",
    values: { ...goodUknValues(), "meta.kommune": null },
    expected: [e("kommune_mangler", "fejl")],
  },
  {
    name: "ukn_ukendt_kommune",
    why: "»Atlantis« er ingen kommune",
    values: { ...goodUknValues(), "meta.kommune": "Atlantis" },
    expected: [e("ukendt_kommune", "fejl")],
  },
  {
    name: "ukn_ukendt_skabelon",
    why: "meta.skabelon nævner en skabelon, kataloget ikke har",
    values: { ...goodUknValues(), "meta.skabelon": "ukn,nyt_punkt" },
    expected: [e("ukendt_skabelon", "fejl")],
  },
  {
    name: "ukn_gammel_version",
    why: "Skabelonen er lavet med en ældre katalogversion",
    values: { ...goodUknValues(), "meta.version": 2024010101 },
    expected: [e("gammel_version", "advarsel")],
  },
  // --- located reading ----------------------------------------------------------------------
  {
    name: "ukn_kopieret_uden_navne",
    why: "Forside og dataark kopieret som værdier ind i en ny projektmappe: ingen navne",
    values: goodUknValues(),
    copyAs: { Forside: "Ark1", "UKN Data": "Ark2" },
    expected: [
      e("meta_via_etiketter", "info", "meta.kommune"),
      e("meta_via_etiketter", "info", "meta.skabelon"),
      e("meta_via_etiketter", "info", "meta.version"),
      e("meta_via_etiketter", "info", "meta.pakke"),
      e("laest_via_etiketter", "advarsel"),
    ],
  },
  {
    name: "ukn_raekker_indsat_navne_efterladt",
    why: "Tre rækker indsat over volumenblokken af et værktøj, der lod navnene blive stående",
    values: goodUknValues(),
    expected: [e("navne_flyttet", "advarsel")],
  },
  // --- other templates ----------------------------------------------------------------------
  {
    name: "tilsyn_handleplan_flere_end_tilsyn",
    why: "31 tilsyn med handleplan, men 30 gennemførte tilsyn (2023)",
    templates: ["tilsyn"],
    values: { ...goodTilsyn(), "tilsyn.volumen.tilsyn_handleplan.2023": 31 },
    expected: [e("tilsyn_handleplan_max", "fejl", "tilsyn.volumen.tilsyn_handleplan.2023")],
  },
  {
    name: "kvalitet_flere_udtagne_end_henvendelser",
    why: "2 + 2 + 1 = 5 udtagne skoler, men 4 henvendelser (2023)",
    templates: ["kvalitet"],
    values: {
      ...goodKvalitet(),
      "kvalitet.volumen.bekymrende.2023": 2,
      "kvalitet.volumen.handleplan.2023": 2,
    },
    expected: [e("kvalitet_skoler_kaede", "fejl", "kvalitet.volumen.bekymrende.2023")],
  },
  {
    name: "parallel_flere_tilsyn_end_henvendelser",
    why: "4 skoler i tilsyn, men 3 henvendelser (2023); tilfredsstillende skoler bliver 3 − 4 = −1",
    templates: ["parallel"],
    values: { ...goodParallel(), "parallel.volumen.tilsyn.2023": 4 },
    expected: [
      e("parallel_skoler_kaede", "fejl", "parallel.volumen.tilsyn.2023"),
      e(
        "parallel_timer_volumen_tilfredsstillende",
        "advarsel",
        "parallel.tilfredsstillende_forvaltning.timer_i_alt.2023"
      ),
    ],
  },
  {
    name: "barometre_kryds_uden_sager",
    why: "2021 markeret med x, men 0 indsendte sager (timerne er fjernet)",
    templates: ["barometre"],
    values: {
      ...goodBarometre(),
      "barometre.boernesag_volumen.sager.2021": 0,
      "barometre.boernesag.timer_i_alt.2021": null,
    },
    expected: [
      e("barometre_udvalgt_boernesag", "fejl", "barometre.boernesag_volumen.udvalgt.2021"),
    ],
  },
  {
    name: "barometre_sager_uden_kryds",
    why: "12 indsendte sager i 2021, men året er ikke markeret med x",
    templates: ["barometre"],
    values: { ...goodBarometre(), "barometre.boernesag_volumen.udvalgt.2021": null },
    expected: [
      e("barometre_udvalgt_boernesag", "fejl", "barometre.boernesag_volumen.udvalgt.2021"),
    ],
  },
  {
    name: "barometre_ugyldigt_kryds",
    why: "»måske« i stedet for x (2021): ugyldigt, og året tæller derfor som ikke udvalgt",
    templates: ["barometre"],
    values: { ...goodBarometre(), "barometre.boernesag_volumen.udvalgt.2021": "måske" },
    expected: [
      e("ugyldigt_kryds", "fejl", "barometre.boernesag_volumen.udvalgt.2021"),
      e("barometre_udvalgt_boernesag", "fejl", "barometre.boernesag_volumen.udvalgt.2021"),
    ],
  },
  // --- bad files ----------------------------------------------------------------------------
  {
    name: "fil_csv",
    why: "En CSV-fil med .xlsx-endelse",
    bytes: async () => new TextEncoder().encode("kommune;timer\nAarhus;40\n"),
    expected: [e("ikke_xlsx", "fejl")],
  },
  {
    name: "fil_tom",
    why: "En tom fil",
    bytes: async () => new Uint8Array(0),
    expected: [e("tom_fil", "fejl")],
  },
  {
    name: "fil_beskadiget_zip",
    why: "En gyldig skabelon, afskåret midt i",
    bytes: async () => {
      const b = await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn"]));
      return b.subarray(0, Math.floor(b.length / 2));
    },
    expected: [e("fil_beskadiget", "fejl")],
  },
  {
    name: "fil_adgangskode",
    why: "En adgangskodebeskyttet projektmappe (OLE/CFB-container med EncryptedPackage)",
    bytes: async () => cfb("EncryptedPackage"),
    expected: [e("fil_krypteret", "fejl")],
  },
  {
    name: "fil_xls",
    why: "Det gamle .xls-format (OLE/CFB-container med Workbook-strøm)",
    bytes: async () => cfb("Workbook"),
    expected: [e("fil_xls", "fejl")],
  },
  {
    name: "fil_word",
    why: "Et Word-dokument (zip, men ingen projektmappe)",
    bytes: () => zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    expected: [e("ikke_xlsx", "fejl")],
  },
  {
    name: "fil_zipbombe",
    why: "20 MB nuller pakket til få KB",
    bytes: () =>
      zipOf({
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": "<workbook/>",
        "xl/worksheets/sheet1.xml": new Uint8Array(20 * 1024 * 1024),
      }),
    expected: [e("zipbombe", "fejl")],
  },
  {
    name: "fil_for_stor",
    why: "21 MB",
    bytes: async () => {
      const b = new Uint8Array(21 * 1024 * 1024);
      b.set([0x50, 0x4b, 0x03, 0x04]);
      return b;
    },
    expected: [e("fil_for_stor", "fejl")],
  },
  {
    name: "fil_for_mange_celler",
    why: "31.000 rækker × 10 kolonner = 310.000 celler",
    bytes: () => manyCells(31_000),
    expected: [e("for_mange_celler", "fejl")],
  },
];

/** Each template (municipality and templates) rendered once for all the fixtures built from it. */
const rendered = new Map<string, Promise<Uint8Array>>();
function templateBytes(kommune: string, templates: readonly string[]): Promise<Uint8Array> {
  const key = `${kommune}|${templates.join(",")}`;
  if (!rendered.has(key))
    rendered.set(key, renderWorkbook(buildTemplateWorkbook(kommune, templates)));
  return rendered.get(key)!;
}

async function buildOne(spec: Spec): Promise<Uint8Array> {
  if (spec.bytes) return spec.bytes();
  const templates = spec.templates ?? ["ukn"];
  const wb = await loadWorkbook(await templateBytes(spec.kommune ?? "Aarhus", templates));
  writeRaw(wb, spec.values ?? {}, spec.numFmt);
  if (spec.copyAs) return workbookBytes(await copyWithoutNames(wb, Object.entries(spec.copyAs)));
  if (spec.name === "ukn_raekker_indsat_navne_efterladt") {
    const before = JSON.parse(JSON.stringify(wb.definedNames.model));
    const ws = wb.getWorksheet("UKN Data")!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (!row && r.getCell(2).value === "Opgavens volumen") row = n;
    });
    ws.spliceRows(row, 0, [], [], []);
    wb.definedNames.model = before;
  }
  if (spec.spoil) await spec.spoil(wb);
  return workbookBytes(wb);
}

export interface BuiltFixture extends BadFixture {
  readonly path: string;
  /** Expected findings as `rule|severity|Sheet!Cell` (or `-` for file-level findings), sorted. */
  readonly expectedKeys: readonly string[];
}

/** Writes every bad fixture into `dir` and returns each with its expected findings. */
export async function buildBadFixtures(dir: string): Promise<BuiltFixture[]> {
  mkdirSync(dir, { recursive: true });
  const out: BuiltFixture[] = [];
  for (const spec of SPECS) {
    const cells = namedCells(buildTemplateWorkbook("Aarhus", spec.templates ?? ["ukn"]));
    const expectedKeys = spec.expected
      .map((x) => {
        const at = x.field ? cells.get(x.field) : undefined;
        if (x.field && !at)
          throw new Error(`${spec.name}: feltet ${x.field} findes ikke i layoutet`);
        const sheet = at ? (spec.copyAs?.[at.sheet] ?? at.sheet) : undefined;
        return `${x.rule}|${x.severity}|${at ? `${sheet}!${at.cell}` : "-"}`;
      })
      .sort();
    const path = join(dir, `${spec.name}.xlsx`);
    writeFileSync(path, await buildOne(spec));
    out.push({ name: spec.name, why: spec.why, expected: spec.expected, path, expectedKeys });
  }
  writeFileSync(
    join(dir, "expected.json"),
    JSON.stringify(
      out.map(({ name, why, expectedKeys }) => ({ name, why, expected: expectedKeys })),
      null,
      2
    )
  );
  return out;
}
