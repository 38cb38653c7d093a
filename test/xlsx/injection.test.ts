/** Text from returns that looks like a formula is written back as text by both ExcelJS writers. */
import JSZip from "jszip";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { fillWorkbook, loadWorkbook, readReturn, renderWorkbook } from "../../src/xlsx";

const EVIL = [
  '=HYPERLINK("http://evil.example","klik")',
  "+SUM(1,2)",
  "-1+1",
  "@SUM(A1)",
  '=cmd|" /C calc"!A0',
];

async function formulasIn(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const f of Object.values(zip.files)) {
    if (!/^xl\/worksheets\/.*\.xml$/.test(f.name)) continue;
    const xml = await f.async("string");
    for (const m of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) out.push(m[1]);
  }
  return out;
}

describe("formula injection", () => {
  it.each(EVIL)(
    "fillWorkbook writes the comment %p as text and it reads back unchanged",
    async (text) => {
      const template = await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn"]));
      const before = await formulasIn(template);
      const r = await fillWorkbook(template, { "ukn.kommentarer": text });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(await formulasIn(r.bytes)).toEqual(before);
      const wb = await loadWorkbook(r.bytes);
      const cell = wb
        .getWorksheet("UKN Data")!
        .getCell((await readReturn(r.bytes)).cells["ukn.kommentarer"].location!.cell);
      expect(cell.type).toBe(3); // ExcelJS ValueType.String
      expect((await readReturn(r.bytes)).cells["ukn.kommentarer"].value).toBe(text);
    }
  );

  it("renderWorkbook writes a formula-like municipality name as text", async () => {
    const evil = EVIL[0];
    const bytes = await renderWorkbook(buildTemplateWorkbook(evil, ["ukn"]));
    expect((await formulasIn(bytes)).some((f) => f.includes("evil.example"))).toBe(false);
    const raw = await readReturn(bytes);
    expect(raw.meta.kommune).toBe(evil);
  });
});
