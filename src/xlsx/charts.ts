/**
 * Native charts in an .xlsx file. ExcelJS writes no charts, so the renderer's output is
 * post-processed: for every sheet of the plan with charts, a drawing part with one anchored
 * graphic frame per chart, a chart part (DrawingML `c:barChart`, formulas pointing at the
 * workbook's own cells, cached values from the plan), the relationships and content types, and a
 * `<drawing>` element in the sheet at its place in the schema's order. Excel and LibreOffice
 * draw the charts and recalculate them from the cells.
 *
 * Bounded: the file is our own renderer's, and still only so many entries, bytes, charts and
 * points are accepted (CHART_LIMITS); anything beyond is a programming error, not user data.
 */
import { unzipSync, zipSync, strFromU8, strToU8, type Unzipped } from "fflate";
import { SaxesParser } from "saxes";
import { parseSheetRange } from "../domain/layout/a1";
import { materialized } from "../domain/layout/rows";
import type { CellPlan, ChartPlan, SheetPlan, WorkbookPlan } from "../domain/layout/types";

export const CHART_LIMITS = {
  /** Bytes of the file to post-process, and its entries unpacked. */
  fileBytes: 100 * 1024 * 1024,
  unpackedBytes: 400 * 1024 * 1024,
  entries: 10_000,
  charts: 500,
  /** Cells one series or its categories may span. */
  points: 20_000,
} as const;

const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  pkg: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

const CT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** XML text with &, <, > and quotes escaped. */
function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Attributes of the elements named `tag` in an XML text (namespace prefixes kept). */
function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const p = new SaxesParser();
  p.on("opentag", (t) => {
    if (t.name === tag) out.push({ ...(t.attributes as Record<string, string>) });
  });
  p.write(xml).close();
  return out;
}

/** The plan's cached values over a range, in order (rows, then columns); "" where none. */
function cachedValues(plan: WorkbookPlan, ref: string): (string | number)[] {
  const r = parseSheetRange(ref);
  if (!r) throw new Error(`diagrammets område »${ref}« kan ikke læses`);
  const count = (r.bottom - r.top + 1) * (r.right - r.left + 1);
  if (count > CHART_LIMITS.points) throw new Error(`diagrammets område »${ref}« er for stort`);
  const sheet = plan.sheets.find((s) => s.name === r.sheet);
  if (!sheet) throw new Error(`diagrammet peger på arket »${r.sheet}«, som ikke findes`);
  const at = new Map<string, CellPlan>();
  for (const c of materialized(sheet).cells)
    if (c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right)
      at.set(`${c.row}:${c.col}`, c);
  const out: (string | number)[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const v = at.get(`${row}:${col}`)?.value;
      out.push(
        typeof v === "number" || typeof v === "string" ? v : typeof v === "boolean" ? String(v) : ""
      );
    }
  return out;
}

function strCache(values: readonly (string | number)[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`)
    .join("")}</c:strCache>`;
}

function numCache(values: readonly (string | number)[]): string {
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("")}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="da-DK" sz="${size * 100}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;
}

/** The chart part of one ChartPlan (a clustered column chart; overlap 100 stacks the series' bars). */
export function chartXml(chart: ChartPlan, plan: WorkbookPlan): string {
  const cats = cachedValues(plan, chart.categories);
  const series = chart.series
    .map((s, i) => {
      const vals = cachedValues(plan, s.values);
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx><c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>${esc(chart.categories)}</c:f>${strCache(cats)}</c:strRef></c:cat><c:val><c:numRef><c:f>${esc(s.values)}</c:f>${numCache(vals)}</c:numRef></c:val></c:ser>`;
    })
    .join("");
  const catFont = chart.categoryFontSize
    ? `<c:txPr><a:bodyPr rot="-5400000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${chart.categoryFontSize * 100}"/></a:pPr><a:endParaRPr lang="da-DK"/></a:p></c:txPr>`
    : "";
  const valTitle = chart.valueAxisTitle
    ? `<c:title>${richText(chart.valueAxisTitle, 9, false)}</c:title>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.rel}"><c:roundedCorners val="0"/><c:chart><c:title>${richText(chart.title, 12, true)}</c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="${chart.gapWidth ?? 150}"/><c:overlap val="${chart.overlap ?? 0}"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart><c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${catFont}<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>${valTitle}<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>${chart.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : ""}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

/** The drawing part anchoring a sheet's charts (rIdN = the sheet's n-th chart). */
export function drawingXml(charts: readonly ChartPlan[]): string {
  const anchors = charts
    .map(
      (c, i) =>
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${c.from.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.from.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${c.to.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.to.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(c.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.rel}">${anchors}</xdr:wsDr>`;
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${NS.pkg}">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`)
    .join("")}</Relationships>`;
}

/** Elements that follow `<drawing>` in a worksheet (CT_Worksheet's order). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The sheet's XML with `<drawing r:id>` at its place. */
export function withDrawing(sheetXml: string, rId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("arket har allerede en tegning");
  const el = `<drawing r:id="${rId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("arkets XML mangler </worksheet>");
  const xml = sheetXml.slice(0, at) + el + sheetXml.slice(at);
  return /xmlns:r=/.test(xml) ? xml : xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
}

/** Adds the plan's charts to an .xlsx file rendered from the plan (bytes in, bytes out). */
export function addCharts(bytes: Uint8Array, plan: WorkbookPlan): Uint8Array {
  const withCharts = plan.sheets.filter((s): s is SheetPlan & { charts: readonly ChartPlan[] } =>
    Boolean(s.charts?.length)
  );
  if (withCharts.length === 0) return bytes;
  const total = withCharts.reduce((n, s) => n + s.charts.length, 0);
  if (total > CHART_LIMITS.charts) throw new Error(`for mange diagrammer (${total})`);
  if (bytes.length > CHART_LIMITS.fileBytes) throw new Error("filen er for stor til diagrammer");
  let entries = 0;
  let unpacked = 0;
  const files: Unzipped = unzipSync(bytes, {
    filter: (f) => {
      entries++;
      unpacked += f.originalSize;
      if (entries > CHART_LIMITS.entries || unpacked > CHART_LIMITS.unpackedBytes)
        throw new Error("filen har for mange eller for store dele til diagrammer");
      return true;
    },
  });
  const text = (path: string) => {
    const f = files[path];
    if (!f) throw new Error(`filen mangler ${path}`);
    return strFromU8(f);
  };
  // Sheet name → its part, through the workbook's relationships.
  const rels = new Map(
    elements(text("xl/_rels/workbook.xml.rels"), "Relationship").map((r) => [r.Id, r.Target])
  );
  const partOf = new Map(
    elements(text("xl/workbook.xml"), "sheet").map((s) => {
      const target = rels.get(s["r:id"]) ?? "";
      return [s.name, target.startsWith("/") ? target.slice(1) : `xl/${target}`];
    })
  );
  let types = text("[Content_Types].xml");
  const overrides: string[] = [];
  let chartNo = Object.keys(files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length;
  let drawingNo = Object.keys(files).filter((p) =>
    /^xl\/drawings\/drawing\d+\.xml$/.test(p)
  ).length;
  for (const sheet of withCharts) {
    const part = partOf.get(sheet.name);
    if (!part || !files[part]) throw new Error(`arket »${sheet.name}« findes ikke i filen`);
    drawingNo++;
    const drawing = `xl/drawings/drawing${drawingNo}.xml`;
    files[drawing] = strToU8(drawingXml(sheet.charts));
    overrides.push(`<Override PartName="/${drawing}" ContentType="${CT.drawing}"/>`);
    const chartRels = sheet.charts.map((c, i) => {
      chartNo++;
      const path = `xl/charts/chart${chartNo}.xml`;
      files[path] = strToU8(chartXml(c, plan));
      overrides.push(`<Override PartName="/${path}" ContentType="${CT.chart}"/>`);
      return { id: `rId${i + 1}`, type: NS.chart, target: `../charts/chart${chartNo}.xml` };
    });
    files[`xl/drawings/_rels/drawing${drawingNo}.xml.rels`] = strToU8(relsXml(chartRels));
    // The sheet's own relationships: keep them, add the drawing's.
    const dir = part.slice(0, part.lastIndexOf("/"));
    const relsPath = `${dir}/_rels/${part.slice(dir.length + 1)}.rels`;
    const existing = files[relsPath]
      ? elements(strFromU8(files[relsPath]), "Relationship").map((r) => ({
          id: r.Id,
          type: r.Type,
          target: r.Target,
          ...(r.TargetMode ? { mode: r.TargetMode } : {}),
        }))
      : [];
    let n = existing.length + 1;
    while (existing.some((r) => r.id === `rId${n}`)) n++;
    const rId = `rId${n}`;
    files[relsPath] = strToU8(
      relsXml([
        ...existing,
        { id: rId, type: NS.drawing, target: `../drawings/drawing${drawingNo}.xml` },
      ])
    );
    files[part] = strToU8(withDrawing(text(part), rId));
  }
  types = types.replace("</Types>", `${overrides.join("")}</Types>`);
  files["[Content_Types].xml"] = strToU8(types);
  return zipSync(files, { level: 6 });
}
