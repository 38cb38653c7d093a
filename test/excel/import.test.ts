/**
 * Importing returns into the Data sheet: three returned .xlsx files read with the CLI's reader,
 * validated, merged and written through the adapter (office-addin-mock); the Data sheet's values,
 * the replace-only-when-asked rule, and the sync count (the same for 1 and for 50 returns).
 */
import { buildTemplateWorkbook } from "../../src/domain/layout";
import type { KommuneReturn } from "../../src/domain/model";
import { readTable, writeTable } from "../../src/excel/table";
import { readOne } from "../../src/taskpane/collect";
import {
  DATA_SHEET,
  DATA_TABLE,
  DATA_WRITE,
  kommunerIn,
  mergeData,
  valuesByKommune,
} from "../../src/taskpane/dataSheet";
import { fillWorkbook } from "../../src/xlsx/fill";
import { renderWorkbook } from "../../src/xlsx/render";
import { createMockWorkbook } from "./mockWorkbook";

async function returned(kommune: string, hours: number, file: string) {
  const template = await renderWorkbook(buildTemplateWorkbook(kommune, ["ukn"]));
  const filled = await fillWorkbook(template, {
    "ukn.hovedsager.timer_pr_sag.2022": hours,
    "ukn.volumen.hovedsager.2022": 10,
    "ukn.volumen.genindbringelsessager.2022": 2,
    "ukn.volumen.sager_i_alt.2022": 12,
    "ukn.kommentarer": '=HYPERLINK("http://x")',
  });
  if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
  return readOne(file, filled.bytes);
}

describe("import returns into the Data sheet", () => {
  let three: KommuneReturn[];

  beforeAll(async () => {
    const results = await Promise.all([
      returned("Aarhus", 37.4, "aarhus.xlsx"),
      returned("Odense", 20, "odense.xlsx"),
      returned("Vejle", 41.5, "vejle.xlsx"),
    ]);
    for (const r of results) expect(r.status).not.toBe("afvist");
    three = results.map((r) => r.result as KommuneReturn);
  }, 60000);

  test("three returns land in Data with their values, as text where text was returned", async () => {
    const wb = createMockWorkbook();
    const table = mergeData(undefined, three, new Set());
    const result = await writeTable(wb.context, DATA_SHEET, table, DATA_WRITE);
    expect(result.syncs).toBe(2);
    expect(wb.syncs()).toBe(2);
    expect(wb.cell("Data", "A3")?.value).toBe("Kommune");
    expect(wb.cell("Data", "F3")?.value).toBe("Værdi");
    // An Excel table from the header row to the last row, with a Danish name.
    const rows = table.rows.length + 1;
    expect(wb.state.tables).toEqual([
      expect.objectContaining({ name: DATA_TABLE, sheet: "Data", address: `A3:G${rows}`, hasHeaders: true }),
    ]);
    wb.resetSyncs();
    const back = await readTable(wb.context, DATA_SHEET, DATA_TABLE);
    expect(back.syncs).toBe(2);
    expect(wb.syncs()).toBe(2);
    expect(back.table?.source).toBe("tabel");
    expect(back.table?.header).toEqual(["Kommune", "Felt", "Etiket", "Skabelon", "År", "Værdi", "Fil"]);
    const values = valuesByKommune(back.table);
    expect([...values.keys()]).toEqual(["Aarhus", "Odense", "Vejle"]);
    expect(values.get("Aarhus")?.values["ukn.hovedsager.timer_pr_sag.2022"]).toBe(37.4);
    expect(values.get("Vejle")?.values["ukn.hovedsager.timer_pr_sag.2022"]).toBe(41.5);
    expect(values.get("Odense")?.values["ukn.volumen.sager_i_alt.2022"]).toBe(12);
    expect(values.get("Odense")?.file).toBe("odense.xlsx");
    // A returned comment that looks like a formula stays text.
    expect(values.get("Aarhus")?.values["ukn.kommentarer"]).toBe('=HYPERLINK("http://x")');
    const commentRow = [...wb.sheet("Data").cells.entries()].find(
      ([, c]) => c.value === '=HYPERLINK("http://x")'
    );
    expect(commentRow?.[1].formula).toBeUndefined();
    expect(wb.sheet("Data").frozenRows).toBe(3);
    // Written again (a second import): the old table goes, one table over the new rows.
    await writeTable(wb.context, DATA_SHEET, mergeData(back.table, [], new Set()), DATA_WRITE);
    expect(wb.state.tables.map((t) => t.name)).toEqual([DATA_TABLE]);
  });

  test("read by column name: columns moved around in the table are still found", async () => {
    const table = mergeData(undefined, three, new Set());
    const [note, header, ...rows] = table.rows as unknown as (string | number | null)[][];
    const order = [5, 0, 6, 1, 2, 3, 4]; // Værdi first
    const moved = {
      header: table.header,
      rows: [note, order.map((i) => header[i]), ...rows.map((r) => order.map((i) => r[i]))],
    };
    const values = valuesByKommune(moved as never);
    expect(values.get("Aarhus")?.values["ukn.hovedsager.timer_pr_sag.2022"]).toBe(37.4);
    expect(values.get("Aarhus")?.file).toBe("aarhus.xlsx");
  });

  test("a municipality already in Data is kept unless the user chose to replace it", async () => {
    const first = mergeData(undefined, three.slice(0, 1), new Set());
    const second = { ...three[1], kommune: "Aarhus", file: "aarhus-ny.xlsx" };
    const kept = mergeData(first, [second], new Set());
    expect(valuesByKommune(kept).get("Aarhus")?.values["ukn.hovedsager.timer_pr_sag.2022"]).toBe(
      37.4
    );
    const replaced = mergeData(first, [second], new Set(["Aarhus"]));
    expect(
      valuesByKommune(replaced).get("Aarhus")?.values["ukn.hovedsager.timer_pr_sag.2022"]
    ).toBe(20);
    expect(kommunerIn(replaced).get("Aarhus")).toBe("aarhus-ny.xlsx");
  });

  test("the same number of syncs for 1 and for 50 returns", async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => ({
      ...three[i % 3],
      kommune: `Kommune ${i + 1}`,
    }));
    const one = createMockWorkbook();
    await writeTable(one.context, DATA_SHEET, mergeData(undefined, fifty.slice(0, 1), new Set()));
    const many = createMockWorkbook();
    await writeTable(many.context, DATA_SHEET, mergeData(undefined, fifty, new Set()));
    expect(many.syncs()).toBe(one.syncs());
    expect(many.syncs()).toBeLessThanOrEqual(3);
    const back = await readTable(many.context, DATA_SHEET);
    expect(valuesByKommune(back.table).size).toBe(50);
  });

  test("a file that is not .xlsx is rejected with a Danish reason", async () => {
    const r = await readOne("svar.xls", new Uint8Array([1, 2, 3]));
    expect(r.status).toBe("afvist");
    expect(r.text).toMatch(/Ikke en \.xlsx-fil/);
    const broken = await readOne("svar.xlsx", new Uint8Array([1, 2, 3]));
    expect(broken.status).toBe("afvist");
  });
});
