/**
 * A chart of the layout model in both renderers: office-js (worksheet.charts.add, recorded by
 * the mock) and the .xlsx file (DrawingML added after ExcelJS, read back from the zip). Both
 * follow the plan: type, title, series names, ranges, colours, overlap, gap and position.
 */
import { unzipSync, strFromU8, zipSync, strToU8 } from "fflate";
import type { ChartPlan, WorkbookPlan } from "../../src/domain/layout/types";
import { renderWorkbookPlan } from "../../src/excel/render";
import { renderWorkbook } from "../../src/xlsx";
import { addCharts, CHART_LIMITS, withDrawing } from "../../src/xlsx/charts";
import { createMockWorkbook } from "./mockWorkbook";

const CHART: ChartPlan = {
  kind: "column",
  name: "Figur 1",
  title: "Døgninstitution",
  categories: "'Figur data'!$B$2:$B$4",
  series: [
    { name: "Øvrige", values: "'Figur data'!$C$2:$C$4", color: "8FAADC" },
    { name: "Fremhævet", values: "'Figur data'!$D$2:$D$4", color: "C55A11" },
  ],
  from: { row: 3, col: 1 },
  to: { row: 20, col: 10 },
  valueAxisTitle: "Kr. pr. bruger",
  overlap: 100,
  gapWidth: 30,
  categoryFontSize: 6,
};

const PLAN: WorkbookPlan = {
  sheets: [
    {
      name: "Figurer",
      cells: [{ row: 1, col: 1, value: "Figurer", style: "title" }],
      merges: [],
      columnWidths: {},
      protect: false,
      charts: [CHART],
    },
    {
      name: "Figur data",
      cells: [
        { row: 1, col: 2, value: "Kommune" },
        { row: 1, col: 3, value: "Øvrige" },
        { row: 1, col: 4, value: "Fremhævet" },
        { row: 2, col: 2, value: "Aarhus" },
        { row: 3, col: 2, value: "Odense" },
        { row: 4, col: 2, value: "Syddjurs" },
        { row: 2, col: 3, value: 10 },
        { row: 3, col: 3, value: 20 },
        { row: 4, col: 3, formula: '""', value: "" },
        { row: 4, col: 4, value: 30 },
      ],
      merges: [],
      columnWidths: {},
      protect: false,
      tables: [
        { name: "Tabel_data", top: 1, left: 2, bottom: 4, right: 4, style: "TableStyleLight9" },
      ],
    },
  ],
};

describe("a chart in the open workbook (office-js)", () => {
  it("adds a clustered column chart over the plan's ranges, in the same write batch", async () => {
    const wb = createMockWorkbook();
    const r = await renderWorkbookPlan(wb.context, PLAN);
    expect(r.syncs).toBe(2);
    const [log] = wb.sheet("Figurer").charts as Record<string, unknown>[];
    expect(log).toMatchObject({
      type: "ColumnClustered",
      source: "'Figur data'!C2:C4",
      seriesBy: "Columns",
      name: "Figur 1",
      "title.text": "Døgninstitution",
      "legend.visible": true,
      "legend.position": "Bottom",
      "series.add()": ["Fremhævet"],
      "axes.valueAxis.title.text": "Kr. pr. bruger",
      "axes.categoryAxis.format.font.size": 6,
      "setPosition()": ["A3", "I19"],
    });
    // The recorder keeps the last write per path: the second series' values and colour.
    expect(log["series.add().format.fill.setSolidColor()"]).toEqual(["#C55A11"]);
    expect(log["series.getItemAt().format.fill.setSolidColor()"]).toEqual(["#8FAADC"]);
    expect(log["series.getItemAt().overlap"]).toBe(100);
    expect(log["series.getItemAt().gapWidth"]).toBe(30);
  });
});

describe("a report written again", () => {
  it("replaces the chart sheet whole (no second chart on top of the first)", async () => {
    const wb = createMockWorkbook();
    await renderWorkbookPlan(wb.context, PLAN);
    await renderWorkbookPlan(wb.context, PLAN, { replace: PLAN.sheets.map((s) => s.name) });
    expect(wb.sheet("Figurer").charts).toHaveLength(1);
    expect(wb.state.sheets.filter((s) => s.name === "Figurer")).toHaveLength(1);
  });
});

describe("a chart in the .xlsx file (DrawingML)", () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    const bytes = await renderWorkbook(PLAN);
    const z = unzipSync(bytes);
    files = Object.fromEntries(Object.entries(z).map(([k, v]) => [k, strFromU8(v)]));
  });

  it("adds a drawing to the chart's sheet, before tableParts, with its relationship and content types", () => {
    const sheet = Object.entries(files).find(
      ([k, v]) => k.startsWith("xl/worksheets/sheet") && v.includes("<drawing")
    )!;
    expect(sheet).toBeDefined();
    const rels = files[sheet[0].replace("worksheets/", "worksheets/_rels/") + ".rels"];
    const rid = /<drawing r:id="(rId\d+)"\/>/.exec(sheet[1])![1];
    expect(rels).toContain(
      `Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`
    );
    expect(files["[Content_Types].xml"]).toContain('PartName="/xl/drawings/drawing1.xml"');
    expect(files["[Content_Types].xml"]).toContain('PartName="/xl/charts/chart1.xml"');
    // The data sheet keeps its table part; drawing goes before tableParts where both exist.
    expect(
      withDrawing('<worksheet xmlns:r="x"><sheetData/><tableParts count="1"/></worksheet>', "rId9")
    ).toBe(
      '<worksheet xmlns:r="x"><sheetData/><drawing r:id="rId9"/><tableParts count="1"/></worksheet>'
    );
  });

  it("anchors the chart where the plan says (0-based cells in DrawingML)", () => {
    const d = files["xl/drawings/drawing1.xml"];
    expect(d).toMatch(
      /<xdr:from><xdr:col>0<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>2<\/xdr:row>/
    );
    expect(d).toMatch(
      /<xdr:to><xdr:col>9<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>19<\/xdr:row>/
    );
    expect(d).toContain('name="Figur 1"');
    expect(files["xl/drawings/_rels/drawing1.xml.rels"]).toContain('Target="../charts/chart1.xml"');
  });

  it("writes the chart's title, series, ranges, colours, overlap and gap, with the plan's values cached", () => {
    const c = files["xl/charts/chart1.xml"];
    expect(c).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(c).toContain("<a:t>Døgninstitution</a:t>");
    expect(c).toContain("<a:t>Kr. pr. bruger</a:t>");
    expect(c).toContain("<c:tx><c:v>Øvrige</c:v></c:tx>");
    expect(c).toContain('<a:srgbClr val="C55A11"/>');
    expect(c.match(/<c:f>'Figur data'!\$B\$2:\$B\$4<\/c:f>/g)).toHaveLength(2);
    expect(c).toContain("<c:f>'Figur data'!$D$2:$D$4</c:f>");
    expect(c).toContain('<c:gapWidth val="30"/><c:overlap val="100"/>');
    expect(c).toContain('<c:pt idx="2"><c:v>Syddjurs</c:v></c:pt>');
    // The empty third value of Øvrige is left out of the cache (a gap), the others are there.
    expect(c).toMatch(/<c:pt idx="1"><c:v>20<\/c:v><\/c:pt><\/c:numCache>/);
  });

  it("is bounded: a range past the limit, an unknown sheet, a sheet with a drawing already are refused", async () => {
    const big = { ...CHART, categories: `'Figur data'!$B$1:$B$${CHART_LIMITS.points + 5}` };
    const bytes = await renderWorkbook({
      sheets: PLAN.sheets.map((s) => ({ ...s, charts: undefined })),
    });
    const withChart = (c: ChartPlan) => ({
      sheets: [{ ...PLAN.sheets[0], charts: [c] }, PLAN.sheets[1]],
    });
    expect(() => addCharts(bytes, withChart(big))).toThrow(/for stort/);
    expect(() => addCharts(bytes, withChart({ ...CHART, categories: "'Nej'!$A$1:$A$2" }))).toThrow(
      /Nej/
    );
    const twice = addCharts(bytes, withChart(CHART));
    expect(() => addCharts(twice, withChart(CHART))).toThrow(/allerede en tegning/);
    // A zip with too many entries is refused before it is unpacked.
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= CHART_LIMITS.entries; i++) many[`x${i}`] = strToU8("");
    expect(() => addCharts(zipSync(many, { level: 0 }), withChart(CHART))).toThrow(/for mange/);
  });

  it("a plan without charts is written as ExcelJS writes it", async () => {
    const plain = { sheets: [PLAN.sheets[1]] };
    const z = unzipSync(await renderWorkbook(plain));
    expect(Object.keys(z).some((k) => k.includes("chart") || k.includes("drawing"))).toBe(false);
  });
});
