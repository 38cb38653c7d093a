/**
 * The streaming writer (ExcelJS's WorkbookWriter, used for the report) writes the same workbook
 * as the in-memory writer, for the report, a template and a plan that uses every part of the
 * layout model; its XML follows the schema's element order; styles are shared by name.
 */
import { materialized } from "../../src/domain/layout/rows";
import { strFromU8, unzipSync } from "fflate";
import { buildTemplateWorkbook, type SheetPlan, type StreamedRow, type WorkbookPlan } from "../../src/domain/layout";
import { computeTables } from "../../src/domain/tables/compute";
import { buildTablesReport } from "../../src/domain/tables/report";
import { StyleCache, renderSheet, renderWorkbook } from "../../src/xlsx/render";
import { renderWorkbookStreamed } from "../../src/xlsx/node/stream";
import { Workbook } from "../../src/xlsx/excelWorkbook";
import { exampleReport } from "../domain/project/examples";
import {
  fullCalcOnLoad,
  partDifferences,
  workbookDifferences,
  xmlParts,
} from "../helpers/workbookDiff";
import { ugeskemaPack, ugeskemaReturns } from "../helpers/ugeskema";

const reportPlan = exampleReport;

/** Every feature of the layout model on two small sheets, cells deliberately out of order. */
function featurePlan(): WorkbookPlan {
  const first: SheetPlan = {
    name: "Alt på én gang",
    cells: [
      { row: 9, col: 2, value: "under en fletning", style: "body" },
      { row: 1, col: 1, value: "Titel", style: "title" },
      { row: 2, col: 1, value: "=ikke en formel", style: "body" },
      { row: 3, col: 1, value: 12.5, style: "input", input: true, name: "felt.a", numFmt: "0.0" },
      {
        row: 3,
        col: 2,
        value: null,
        style: "input",
        input: true,
        name: "felt.b",
        validation: {
          kind: "pct",
          type: "decimal",
          operator: "between",
          formulae: [0, 100],
          allowBlank: true,
          promptTitle: "Procent",
          prompt: "0–100",
          errorTitle: "Fejl",
          error: "Mellem 0 og 100",
        },
      },
      { row: 4, col: 1, formula: "A3*2", value: 25, style: "result", numFmt: "#,##0.0" },
      { row: 4, col: 2, formula: 'IF(A3>10,"OK","nej")', style: "check" },
      { row: 5, col: 1, formula: "A3>1", value: true, style: "number" },
      { row: 8, col: 1, value: "fletning over tre rækker", style: "note" },
      { row: 8, col: 3, value: "samme række, fletningen dækker", style: "body" },
    ],
    merges: [
      { top: 8, left: 1, bottom: 10, right: 3 },
      { top: 1, left: 1, bottom: 1, right: 4 },
    ],
    columnWidths: { 1: 30, 2: 14, 4: 9 },
    rowHeights: { 1: 28, 6: 40, 12: 22 },
    conditionalFormats: [
      { top: 4, left: 2, bottom: 4, right: 2, formula: 'B4="OK"', style: "checkOk" },
      { top: 4, left: 2, bottom: 4, right: 2, formula: 'AND(B4<>"",B4<>"OK")', style: "checkBad" },
    ],
    protect: true,
    freezeRows: 2,
    tabColor: "548235",
    gridlines: false,
    hiddenRows: [12],
    rowBreaks: [9],
    print: {
      orientation: "landscape",
      scale: 90,
      titleRows: { first: 1, last: 2 },
      header: { left: "Dokument", right: "&A" },
      footer: { right: "Side &P af &N" },
    },
  };
  const second: SheetPlan = {
    name: "Andet ark",
    cells: [
      { row: 2, col: 2, formula: "'Alt på én gang'!A4+1", value: 26, style: "number" },
      { row: 4, col: 2, value: "Navn", style: "tableHeader" },
      { row: 4, col: 3, value: "Tal", style: "tableHeader" },
      { row: 5, col: 2, value: "Aarhus", style: "label" },
      { row: 5, col: 3, value: 3, style: "number" },
      { row: 6, col: 2, value: "Ærø", style: "label" },
      { row: 6, col: 3, formula: "C5*2", value: 6, style: "number" },
    ],
    merges: [],
    columnWidths: {},
    protect: false,
    tables: [
      { name: "Liste_tabel", top: 4, bottom: 6, left: 2, right: 3, style: "TableStyleLight9" },
    ],
  };
  const hidden: SheetPlan = {
    name: "Skjult",
    cells: [{ row: 1, col: 1, value: "ikke i udskriften", style: "body" }],
    merges: [],
    columnWidths: {},
    protect: false,
    hidden: true,
    print: { orientation: "portrait", fit: { wide: 1, tall: 1 }, area: { top: 1, left: 1, bottom: 1, right: 2 } },
  };
  // Streamed rows: plain ones (written as XML directly) and each kind the direct path leaves
  // to ExcelJS (a truth value, a formula, a name, columns out of order), an empty row with and
  // without a height, and text that starts like a formula.
  const rows: StreamedRow[] = [
    { cells: [{ row: 3, col: 1, value: "Aarhus", style: "cell" }, { row: 3, col: 2, value: 12.25, style: "number", numFmt: "0.00" }] },
    { cells: [{ row: 4, col: 1, value: "=SUM(A1)", style: "cell" }, { row: 4, col: 3, value: "", style: "label" }], height: 29.5 },
    { cells: [{ row: 5, col: 1, value: true, style: "center" }] },
    { cells: [{ row: 6, col: 2, value: 2, style: "number" }, { row: 6, col: 1, value: "bagfra", style: "cell" }] },
    { cells: [{ row: 7, col: 1, formula: "B3*2", value: 24.5, style: "number" }] },
    { cells: [{ row: 8, col: 1, value: null, style: "input", input: true }] },
    { cells: [], height: 40 },
    { cells: [{ row: 10, col: 1, value: "Ærø & »Fanø« <ø>", style: "label" }, { row: 10, col: 2, value: -0.000125, style: "number" }] },
    { cells: [{ row: 11, col: 1, value: 1, style: "number", name: "stream.navn" }] },
  ];
  const streamed: SheetPlan = {
    name: "Løbende rækker",
    cells: [
      { row: 1, col: 1, value: "Navn", style: "tableHeader" },
      { row: 1, col: 2, value: "Tal", style: "tableHeader" },
    ],
    merges: [],
    columnWidths: { 1: 20 },
    protect: false,
    rowStream: { first: 3, count: rows.length, rows: () => rows },
  };
  return { sheets: [first, second, hidden, streamed], title: "Alle egenskaber", fullCalcOnLoad: true };
}

const PLANS = {
  report: reportPlan(),
  packReport: buildTablesReport({
    result: computeTables({ pack: ugeskemaPack(), returns: ugeskemaReturns() }),
    returns: ugeskemaReturns(),
  }),
  template: buildTemplateWorkbook("Høje-Taastrup", []),
  features: featurePlan(),
};
const NAMES = {
  report: "the report for the example returns",
  packReport: "the report of a pack's tables (the test pack ugeskema)",
  template: "a template with every nedslagspunkt",
  features: "a plan using every part of the layout model",
};
type Which = keyof typeof PLANS;
const named = (which: Which[]) => which.map((w) => [NAMES[w], w] as const);

/** Each plan written by both writers, once for the whole file. */
const written = {} as Record<Which, { memory: Uint8Array; streamed: Uint8Array }>;
beforeAll(async () => {
  for (const which of Object.keys(PLANS) as Which[]) {
    written[which] = {
      memory: await renderWorkbook(PLANS[which]),
      streamed: await renderWorkbookStreamed(PLANS[which]),
    };
  }
}, 120_000);

describe("streamed and in-memory writers", () => {
  // Cell by cell for the report and the feature plan; the template's parts are compared as XML.
  it.each(named(["report", "features"]))(
    "write the same workbook, cell by cell: %s",
    async (_name, which) => {
      const { memory, streamed } = written[which];
      expect(await workbookDifferences(memory, streamed)).toEqual([]);
    }
  );

  it.each(named(["report", "packReport", "template", "features"]))(
    "write the same XML, part by part: %s",
    (_name, which) => {
      // docProps differ in empty elements only (the two writers fill in different blanks).
      const skip = ["docProps/app.xml", "docProps/core.xml"];
      const memory = xmlParts(written[which].memory, skip);
      const streamed = xmlParts(written[which].streamed, skip);
      expect(partDifferences(memory, streamed)).toEqual([]);
    }
  );

  it("both draw the print and view settings of the layout model (not merely equally absent)", () => {
    const parts = xmlParts(written.features.streamed, []);
    const sheet1 = parts.get("xl/worksheets/sheet1.xml")!;
    const book = parts.get("xl/workbook.xml")!;
    expect(sheet1).toContain('showGridLines="0"');
    expect(sheet1).toMatch(/<row r="12"[^>]*hidden="1"/);
    expect(sheet1).toMatch(/<rowBreaks[^>]*><brk id="8"[^>]*man="1"\/><\/rowBreaks>/);
    expect(sheet1).toContain('scale="90"');
    expect(sheet1).toContain("<oddHeader>&amp;LDokument&amp;R&amp;A</oddHeader>");
    expect(sheet1).toContain("<oddFooter>&amp;RSide &amp;P af &amp;N</oddFooter>");
    expect(book).toMatch(/<sheet [^>]*name="Skjult" state="hidden"/);
    expect(book).toContain("_xlnm.Print_Titles");
    expect(book).toContain("_xlnm.Print_Area");
  });

  it("asks for recalculation on load when the plan says so, and only then", async () => {
    const plan = PLANS.features;
    expect(fullCalcOnLoad(written.features.streamed)).toBe(true);
    expect(fullCalcOnLoad(await renderWorkbookStreamed({ ...plan, fullCalcOnLoad: false }))).toBe(
      false
    );
  });
});

/** OOXML's CT_Worksheet and CT_Workbook: the order their child elements must come in. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
  "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
  "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks",
  "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems",
  "tableParts", "extLst",
]; // prettier-ignore
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
  "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
  "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
  "fileRecoveryPr", "webPublishObjects", "extLst",
]; // prettier-ignore

/** The names of the root element's children, in document order. */
function childElements(xml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (close) depth--;
    else {
      if (depth === 1) out.push(name);
      if (!selfClosing) depth++;
    }
  }
  return out;
}

function outOfOrder(children: readonly string[], order: readonly string[]): string[] {
  const bad: string[] = [];
  let last = -1;
  for (const c of children) {
    const i = order.indexOf(c);
    if (i === -1) bad.push(`${c} (unknown)`);
    else if (i < last) bad.push(`${c} after ${order[last]}`);
    last = Math.max(last, i);
  }
  return bad;
}

describe("schema order", () => {
  it.each([
    ["streamed", "streamed"],
    ["in-memory", "memory"],
  ] as const)("every %s part lists its elements in the schema's order", (_w, writer) => {
    for (const which of ["report", "features"] as Which[]) {
      const parts = unzipSync(written[which][writer]);
      const problems: string[] = [];
      for (const [name, data] of Object.entries(parts)) {
        const order = /^xl\/worksheets\/sheet\d+\.xml$/.test(name)
          ? WORKSHEET_ORDER
          : name === "xl/workbook.xml"
            ? WORKBOOK_ORDER
            : undefined;
        if (!order) continue;
        for (const p of outOfOrder(childElements(strFromU8(data)), order))
          problems.push(`${name}: ${p}`);
      }
      expect(problems).toEqual([]);
    }
  });
});

describe("shared styles", () => {
  it("hands out one style object per style name, number format and lock state", () => {
    const plan = PLANS.report;
    const wanted = new Set(
      plan.sheets.flatMap((s) => materialized(s).cells.map((c) => `${c.style}|${c.numFmt}|${!c.input}`))
    );
    const cache = new StyleCache();
    const wb = new Workbook();
    for (const s of plan.sheets) renderSheet(wb.addWorksheet(s.name), s, cache);
    expect(cache.size).toBe(wanted.size);
    const ws = wb.getWorksheet("Data")!;
    // Two cells with the same style share one object.
    expect(ws.getCell("A4").style).toBe(ws.getCell("A5").style);
  });
});
