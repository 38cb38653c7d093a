/**
 * Compares two .xlsx files as a spreadsheet program sees them: reopened by ExcelJS, sheet by
 * sheet and cell by cell, property by property (value, formula and cached result, font, fill,
 * border, alignment, number format, protection), and per sheet the merges, column widths, row
 * heights, conditional formats, data validations, Excel tables, protection, views (freeze
 * panes), tab colour and page setup; per workbook the defined names, title and `fullCalcOnLoad`. Returns every
 * difference as a line of text (empty when they agree), so a failing test says what differs.
 *
 * And compares them part by part as XML, after removing what legitimately differs between two
 * writers or two runs (timestamps, the optional `<dimension>` and row `spans`, the shared
 * strings' total count).
 */
import { strFromU8, unzipSync } from "fflate";
import type { Workbook, Worksheet } from "exceljs";
import { definedNames, loadWorkbook } from "../../src/xlsx";

const json = (v: unknown) => JSON.stringify(v ?? null);

interface TableModel {
  name: string;
  tableRef: string;
  headerRow: boolean;
  totalsRow: boolean;
  style: unknown;
  columns: { name: string }[];
}

function sheetFacts(ws: Worksheet) {
  const m = ws.model as unknown as {
    merges?: string[];
    cols?: Array<{ min: number; max: number; width?: number }>;
    views?: unknown[];
    pageSetup?: Record<string, unknown>;
    sheetProtection?: unknown;
    properties?: { tabColor?: unknown };
  };
  const page = ws.pageSetup as Record<string, unknown>;
  return {
    merges: [...(m.merges ?? [])].sort(),
    cols: (m.cols ?? []).map((c) => [c.min, c.max, c.width]),
    views: (ws.views ?? []).map((v) => {
      const x = v as unknown as Record<string, unknown>;
      return { state: x.state, ySplit: x.ySplit, xSplit: x.xSplit };
    }),
    page: {
      orientation: page.orientation,
      fitToPage: page.fitToPage,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      paperSize: page.paperSize,
      printTitlesRow: page.printTitlesRow,
      printArea: page.printArea,
    },
    headerFooter: ws.headerFooter,
    protection: (ws as unknown as { sheetProtection?: unknown }).sheetProtection,
    tabColor: ws.properties.tabColor,
    conditional: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    tables: Object.values((ws as unknown as { tables: Record<string, { table: TableModel }> }).tables)
      .map(({ table: t }) => ({
        name: t.name,
        ref: t.tableRef,
        header: t.headerRow,
        totals: t.totalsRow,
        style: t.style,
        columns: t.columns.map((c) => c.name),
      }))
      .sort((x, y) => x.name.localeCompare(y.name)),
    state: ws.state,
  };
}

/** Every row number with a height or a cell, and every cell address with a value or a style. */
function rowsOf(ws: Worksheet) {
  const rows = new Map<number, { height?: number; cells: Map<string, unknown> }>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells = new Map<string, unknown>();
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.set(cell.address, {
        type: cell.type,
        value:
          cell.isMerged && cell.master !== cell ? { mergedInto: cell.master.address } : cell.value,
        font: cell.font,
        fill: cell.fill,
        border: cell.border,
        alignment: cell.alignment,
        numFmt: cell.numFmt,
        protection: cell.protection,
      });
    });
    rows.set(r, { height: row.height, cells });
  });
  return rows;
}

function workbookFacts(wb: Workbook) {
  const names = [...definedNames(wb).values()]
    .map((n) => `${n.name}=${n.location ? `${n.location.sheet}!${n.location.cell}` : n.broken}`)
    .sort();
  return { names, title: wb.title, sheets: wb.worksheets.map((w) => w.name) };
}

export async function workbookDifferences(a: Uint8Array, b: Uint8Array): Promise<string[]> {
  const diffs: string[] = [];
  const same = (what: string, x: unknown, y: unknown) => {
    if (json(x) !== json(y)) diffs.push(`${what}: ${json(x)} ≠ ${json(y)}`);
  };
  const [wa, wb] = [await loadWorkbook(a), await loadWorkbook(b)];
  same("workbook", workbookFacts(wa), workbookFacts(wb));
  same("fullCalcOnLoad", fullCalcOnLoad(a), fullCalcOnLoad(b));
  for (const sa of wa.worksheets) {
    const sb = wb.getWorksheet(sa.name);
    if (!sb) continue;
    same(`${sa.name}: sheet`, sheetFacts(sa), sheetFacts(sb));
    const [ra, rb] = [rowsOf(sa), rowsOf(sb)];
    same(`${sa.name}: rows`, [...ra.keys()], [...rb.keys()]);
    for (const [r, rowA] of ra) {
      const rowB = rb.get(r);
      if (!rowB) continue;
      same(`${sa.name}!row ${r} height`, rowA.height, rowB.height);
      same(`${sa.name}!row ${r} cells`, [...rowA.cells.keys()], [...rowB.cells.keys()]);
      for (const [addr, ca] of rowA.cells) same(`${sa.name}!${addr}`, ca, rowB.cells.get(addr));
    }
  }
  return diffs;
}

/** Whether the workbook asks for a full recalculation on load (ExcelJS does not read it back). */
export function fullCalcOnLoad(bytes: Uint8Array): boolean {
  const xml = strFromU8(
    unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" })["xl/workbook.xml"]
  );
  return /<calcPr[^>]*fullCalcOnLoad="1"/.test(xml);
}

/** A part's XML without what legitimately differs between writers and runs. */
function normalisedPart(name: string, xml: string): string {
  let s = xml.replace(/^<\?xml[^>]*\?>\s*/, "").replace(/<dimension ref="[^"]*"\/>/, "");
  if (name === "xl/sharedStrings.xml") s = s.replace(/ count="\d+"/, "");
  // A row's spans is an optional hint; ExcelJS's in-memory tables create empty cells that widen it.
  if (name.startsWith("xl/worksheets/")) s = s.replace(/ spans="\d+:\d+"/g, "");
  if (name === "docProps/core.xml")
    s = s.replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, "");
  return s;
}

/** The .xlsx parts (folders left out) as normalised XML text, by name. */
export function xmlParts(bytes: Uint8Array, skip: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (name.endsWith("/") || skip.includes(name)) continue;
    out.set(name, normalisedPart(name, strFromU8(data)));
  }
  return out;
}

/**
 * Where two sets of parts differ, one short line per part: a part missing on one side, or the
 * first differing place with some text around it (whole parts are too long to print).
 */
export function partDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (x === undefined || y === undefined) {
      out.push(`${name}: ${x === undefined ? "kun i den anden" : "mangler i den anden"}`);
      continue;
    }
    if (x === y) continue;
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    out.push(`${name} @${i}: …${x.slice(Math.max(0, i - 80), i + 120)}… ≠ …${y.slice(Math.max(0, i - 80), i + 120)}…`);
  }
  return out;
}
