/**
 * Text stays text (issue 11 part 6): text from returns that starts with =, +, - or @ is written
 * by the ExcelJS writers (templates, filled returns, reports) with Excel's quote prefix on its
 * cell format and read back unchanged; LibreOffice opens and saves it as text.
 */
import JSZip from "jszip";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { fillWorkbook, loadWorkbook, readReturn, renderWorkbook } from "../../src/xlsx";
import { renderWorkbookStreamed } from "../../src/xlsx/node/stream";
import { forRespondents } from "../../src/xlsx/node/respondents";
import { withQuotePrefix } from "../../src/xlsx/quotePrefix";
import { resavedByLibreOffice } from "../helpers/libreoffice";
import { LIBREOFFICE, itWith } from "../helpers/requirements";

const EVIL = ['=HYPERLINK("http://evil.example","klik")', "+SUM(1,2)", "-1+1", "@SUM(A1)"];

/** Each cell of a sheet part: address → { style index, shared string index, type }. */
async function cellsOf(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((m) => m[0]);
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&")).join("")
  );
  const out: { sheet: string; ref: string; text: string; prefixed: boolean }[] = [];
  for (const f of Object.values(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) continue;
    const xml = await f.async("string");
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><v>(\d+)<\/v><\/c>/g)) {
      if (!/t="s"/.test(m[2])) continue;
      const s = Number(/s="(\d+)"/.exec(m[2])?.[1] ?? 0);
      out.push({ sheet: f.name, ref: m[1], text: strings[Number(m[3])], prefixed: /quotePrefix="1"/.test(xfs[s]) });
    }
  }
  return out;
}

describe("Excel's quote prefix on formula-like text", () => {
  it("a template for a formula-like name: that text is quote-prefixed, nothing else is", async () => {
    const bytes = await renderWorkbook(buildTemplateWorkbook(EVIL[0], ["ukn"]));
    const cells = await cellsOf(bytes);
    const evil = cells.filter((c) => c.text === EVIL[0]);
    expect(evil.length).toBeGreaterThan(0);
    expect(evil.every((c) => c.prefixed)).toBe(true);
    expect(cells.filter((c) => c.text !== EVIL[0] && c.prefixed)).toEqual([]);
    expect((await readReturn(bytes)).meta.kommune).toBe(EVIL[0]);
  });

  it.each(EVIL)("a filled comment %p: quote-prefixed, read back as the same text, loads in ExcelJS", async (text) => {
    const template = await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn"]));
    const r = await fillWorkbook(template, { "ukn.kommentarer": text });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const raw = await readReturn(r.bytes);
    expect(raw.cells["ukn.kommentarer"].value).toBe(text);
    const loc = raw.cells["ukn.kommentarer"].location!;
    const cell = (await cellsOf(r.bytes)).find((c) => c.ref === loc.cell && c.text === text);
    expect(cell?.prefixed).toBe(true);
    const wb = await loadWorkbook(r.bytes);
    expect(wb.getWorksheet(loc.sheet)!.getCell(loc.cell).value).toBe(text);
    expect(raw.findings.filter((f) => f.severity === "fejl")).toEqual([]);
  });

  it("the streaming writer (reports) and the in-memory writer prefix the same cells alike", async () => {
    const plan = buildTemplateWorkbook(EVIL[1], ["ukn"]);
    const streamed = await cellsOf(await renderWorkbookStreamed(plan));
    const memory = await cellsOf(await renderWorkbook(plan));
    const evil = streamed.filter((c) => c.text === EVIL[1]);
    expect(evil.length).toBeGreaterThan(0);
    expect(evil.every((c) => c.prefixed)).toBe(true);
    expect(streamed.filter((c) => c.text !== EVIL[1] && c.prefixed)).toEqual([]);
    expect(streamed).toEqual(memory);
  });

  it("templates rendered once for many respondents: a formula-like name is still prefixed", async () => {
    const forName = await forRespondents((k) => buildTemplateWorkbook(k, ["ukn"]));
    const cells = await cellsOf(await forName(EVIL[3]));
    const evil = cells.filter((c) => c.text === EVIL[3]);
    expect(evil.length).toBeGreaterThan(0);
    expect(evil.every((c) => c.prefixed)).toBe(true);
    expect((await cellsOf(await forName("Aarhus"))).filter((c) => c.prefixed)).toEqual([]);
  });

  it("a package without formula-like text is returned as it is", async () => {
    const bytes = await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn"]));
    expect(withQuotePrefix(bytes)).toBe(bytes);
  });

  itWith(
    LIBREOFFICE,
    "LibreOffice opens it as text and saves it as text, not a formula (Danish profile)",
    async () => {
      const template = await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn"]));
      const r = await fillWorkbook(template, { "ukn.kommentarer": EVIL[1] });
      if (!r.ok) throw new Error("udfyld");
      const back = resavedByLibreOffice(r.bytes);
      const cells = await cellsOf(back);
      // LibreOffice reads the cell as text and saves it as text; it does not write Excel's
      // quotePrefix itself (in LibreOffice, editing such a text shows its own apostrophe).
      const hit = cells.filter((c) => c.text === EVIL[1]);
      expect(hit).toHaveLength(1);
      // And no formula came of it.
      const zip = await JSZip.loadAsync(back);
      for (const f of Object.values(zip.files))
        if (/^xl\/worksheets\/.*\.xml$/.test(f.name)) expect(await f.async("string")).not.toContain("SUM(1,2)</f>");
    },
    240_000
  );
});
