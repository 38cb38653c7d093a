/**
 * Reading returns whose defined names were lost or left behind: rows inserted above a block,
 * and a sheet copied into a fresh workbook without names. Every field has a distinct value
 * (test/helpers/values.ts), so a field read from the wrong cell cannot pass.
 */
import { Workbook } from "../../src/xlsx/excelWorkbook";
import { parseA1 } from "../../src/domain/layout/a1";
import { buildTemplateWorkbook, dataSheetName } from "../../src/domain/layout";
import { TEMPLATES, getTemplate } from "../../src/domain/catalogue";
import { validateReturn } from "../../src/domain/validate";
import {
  fillWorkbook,
  loadWorkbook,
  readReturn,
  renderWorkbook,
  workbookBytes,
} from "../../src/xlsx";
import { plainValue } from "../../src/xlsx/names";
import { sampleValues } from "../helpers/values";

const IDS = ["ukn", "tilsyn"];
const values = sampleValues(IDS);
let filled: Uint8Array;

beforeAll(async () => {
  const r = await fillWorkbook(await renderWorkbook(buildTemplateWorkbook("Aarhus", IDS)), values);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  filled = r.bytes;
});

function readValues(raw: Awaited<ReturnType<typeof readReturn>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of Object.keys(values)) out[id] = raw.cells[id]?.value ?? null;
  return out;
}

/**
 * Inserts `count` empty rows before `row` on a sheet. ExcelJS moves the defined names along,
 * as Excel and LibreOffice do; `keepNames` puts them back where they were, as a tool that
 * ignores names would leave them.
 */
async function insertRows(
  sheet: string,
  row: number,
  count: number,
  keepNames: boolean
): Promise<Uint8Array> {
  const wb = await loadWorkbook(filled);
  const before = JSON.parse(JSON.stringify(wb.definedNames.model));
  wb.getWorksheet(sheet)!.spliceRows(row, 0, ...Array.from({ length: count }, () => []));
  if (keepNames) wb.definedNames.model = before;
  return workbookBytes(wb);
}

/** The row of a block's title on a Data sheet of the filled template. */
async function titleRow(sheet: string, title: string): Promise<number> {
  const wb = await loadWorkbook(filled);
  let found = 0;
  wb.getWorksheet(sheet)!.eachRow((row, n) => {
    if (!found && row.getCell(2).value === title) found = n;
  });
  return found;
}

describe("reading a return by defined names", () => {
  it("reads every field of an untouched return by name", async () => {
    const raw = await readReturn(filled, "aarhus.xlsx");
    expect(raw.locatedBy).toBe("navne");
    expect(readValues(raw)).toEqual(values);
    expect(raw.findings).toEqual([]);
  });
});

describe("rows inserted above a block", () => {
  const ukn = getTemplate("ukn")!;
  const sheet = dataSheetName(ukn);

  it("with the names moved along (as Excel and LibreOffice do): read by name, nothing to report", async () => {
    const row = await titleRow(sheet, ukn.blocks[2].title);
    const raw = await readReturn(await insertRows(sheet, row, 3, false));
    expect(raw.locatedBy).toBe("navne");
    expect(readValues(raw)).toEqual(values);
    const loc = raw.cells["ukn.volumen.sager_i_alt.2019"].location!;
    expect(parseA1(loc.cell)!.row).toBeGreaterThan(row + 3);
  });

  it("with the names left behind: the values are read beside their labels and years, with a navne_flyttet advarsel", async () => {
    const row = await titleRow(sheet, ukn.blocks[2].title);
    const raw = await readReturn(await insertRows(sheet, row, 3, true));
    expect(readValues(raw)).toEqual(values);
    expect(raw.locatedBy).toBe("etiketter");
    expect(raw.findings.map((f) => `${f.rule}|${f.severity}`)).toEqual(["navne_flyttet|advarsel"]);
    // 3 volume rows × 5 years + the 2 comment boxes below them
    expect(raw.findings[0].message).toMatch(/^17 navngivne felter i UKN/);
  });
});

describe("a sheet copied into a fresh workbook without names", () => {
  async function copyInto(sheets: Array<[string, string]>): Promise<Uint8Array> {
    const src = await loadWorkbook(filled);
    const dst = new Workbook();
    for (const [from, to] of sheets) {
      const a = src.getWorksheet(from)!;
      const b = dst.addWorksheet(to);
      a.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const v = plainValue(cell.value);
          if (v !== null) b.getCell(r + 2, c + 1).value = v as never; // and shifted: 2 rows down, 1 column right
        });
      });
    }
    return workbookBytes(dst);
  }

  it("Forside and both Data sheets, renamed and shifted: every field and the meta are read by labels", async () => {
    const bytes = await copyInto([
      ["Forside", "Ark1"],
      ["UKN Data", "Ark2"],
      ["Tilsyn Data", "Ark3"],
    ]);
    const raw = await readReturn(bytes, "kopi.xlsx");
    expect(readValues(raw)).toEqual(values);
    expect(raw.locatedBy).toBe("etiketter");
    expect(raw.meta).toMatchObject({ kommune: "Aarhus", skabelon: "ukn,tilsyn" });
    expect(raw.findings.map((f) => `${f.rule}|${f.severity}`)).toEqual([
      "meta_via_etiketter|info",
      "meta_via_etiketter|info",
      "meta_via_etiketter|info",
      "meta_via_etiketter|info",
      "laest_via_etiketter|advarsel",
      "laest_via_etiketter|advarsel",
    ]);
    expect(raw.cells["ukn.volumen.sager_i_alt.2019"].location?.sheet).toBe("Ark2");
    const ret = validateReturn(raw);
    expect(ret.kommune).toBe("Aarhus");
    expect(ret.skabeloner).toEqual(["ukn", "tilsyn"]);
  });

  it("only the UKN Data sheet: its fields are found, the template is inferred, and the missing municipality is a fejl", async () => {
    const raw = await readReturn(await copyInto([["UKN Data", "UKN Data"]]));
    const ukn = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith("ukn.")));
    for (const [id, v] of Object.entries(ukn)) expect([id, raw.cells[id]?.value]).toEqual([id, v]);
    const ret = validateReturn(raw);
    expect(ret.skabeloner).toEqual(["ukn"]);
    const rules = ret.findings.map((f) => `${f.rule}|${f.severity}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        "laest_via_etiketter|advarsel",
        "skabelon_udledt|advarsel",
        "kommune_mangler|fejl",
      ])
    );
  });
});

describe("every template", () => {
  const ALL = TEMPLATES.map((t) => t.id);
  const allValues = sampleValues(ALL);
  let all: Uint8Array;

  beforeAll(async () => {
    const r = await fillWorkbook(
      await renderWorkbook(buildTemplateWorkbook("Odense", ALL)),
      allValues
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    all = r.bytes;
  });

  it("by name: every field read, no fallback and no finding", async () => {
    const raw = await readReturn(all);
    expect(raw.locatedBy).toBe("navne");
    expect(raw.findings).toEqual([]);
    for (const [id, v] of Object.entries(allValues))
      expect([id, raw.cells[id]?.value]).toEqual([id, v]);
  });

  it("copied as values into a fresh workbook: every field of every template found by its labels", async () => {
    const src = await loadWorkbook(all);
    const dst = new Workbook();
    for (const ws of src.worksheets) {
      const b = dst.addWorksheet(ws.name);
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const v = plainValue(cell.value);
          if (v !== null) b.getCell(r, c).value = v as never;
        });
      });
    }
    const raw = await readReturn(await workbookBytes(dst));
    expect(raw.locatedBy).toBe("etiketter");
    const wrong = Object.entries(allValues).filter(([id, v]) => raw.cells[id]?.value !== v);
    expect(wrong).toEqual([]);
    expect(raw.findings.filter((f) => f.rule === "laest_via_etiketter")).toHaveLength(
      TEMPLATES.length
    );
  });
});
