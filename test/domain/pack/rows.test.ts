/**
 * A register extract laid out one row per municipality (.csv, .xlsx or the open workbook's sheet)
 * read into the kora_enhedsudgifter pack's input table: the same table as the JSON file.
 */
import { Workbook } from "../../../src/xlsx/excelWorkbook";
import { parseInputRows, rowsOfGrid } from "../../../src/domain/pack/rows";
import { parseCsv } from "../../../src/domain/parse/csv";
import { readSheetRows } from "../../../src/xlsx";
import { koraEnhed, koraPack, KORA_DIR } from "../../helpers/kora";
import { readFileSync } from "fs";
import { join } from "path";

const pack = koraPack();
const def = pack.inputs.find((t) => t.id === "enhed")!;

describe("an input table from rows", () => {
  it("the example's enhed.csv is the example's enhed.json", () => {
    const csv = parseCsv(readFileSync(join(KORA_DIR, "enhed.csv"), "utf8"));
    expect(csv.ok).toBe(true);
    const r = parseInputRows(pack, def, csv.ok ? csv.rows : []);
    expect(r).toEqual({ ok: true, value: koraEnhed() });
  });

  it("reads names and three-digit codes, Danish number text and numbers; empty and »-« are no figure", () => {
    const r = parseInputRows(pack, def, [
      [
        "Kommune",
        "doegninst.udgift.2014",
        "doegninst.helaarsbrugere.2014",
        "doegninst.udgift.2015",
      ],
      ["Aarhus kommune", "1.234.567,5", 2.5, ""],
      ["461", 100, "-", "2.000"],
    ]);
    expect(r).toEqual({
      ok: true,
      value: {
        Aarhus: {
          "doegninst.udgift": { 2014: 1234567.5 },
          "doegninst.helaarsbrugere": { 2014: 2.5 },
        },
        Odense: { "doegninst.udgift": { 2014: 100, 2015: 2000 } },
      },
    });
  });

  it("names every bad cell: unknown column, unknown municipality, a twice-listed one, text where a number belongs", () => {
    const r = parseInputRows(pack, def, [
      ["Kommune", "doegninst.udgift.2014", "saerlig_dagtilbud.helaarsbrugere.2014"],
      ["Atlantis", 1, 2],
      ["Aarhus", "ca. 40", null],
      ["Århus", 5, null],
    ]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      "C1: kolonnen »saerlig_dagtilbud.helaarsbrugere.2014« er ikke »nøgle.kolonne« med en nøgle fra »enhed« (fx doegninst.udgift.<kolonne>).",
      "A2: »Atlantis« er ikke på pakkens liste over kommuner.",
      "B3: »ca. 40« er ikke et tal.",
      "A4: Aarhus står også i række 3.",
    ]);
  });

  it("an .xlsx extract's first sheet, through the bad-file guard, gives the same rows", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Udtræk");
    ws.addRow(["Kommune", "doegninst.udgift.2014", "doegninst.helaarsbrugere.2014"]);
    ws.addRow(["Aarhus", 1234567.5, 2.5]);
    ws.addRow([]);
    ws.addRow(["Odense", "100", null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = readSheetRows(bytes);
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    expect(parseInputRows(pack, def, sheet.rows)).toEqual({
      ok: true,
      value: {
        Aarhus: {
          "doegninst.udgift": { 2014: 1234567.5 },
          "doegninst.helaarsbrugere": { 2014: 2.5 },
        },
        Odense: { "doegninst.udgift": { 2014: 100 } },
      },
    });
    expect(readSheetRows(new TextEncoder().encode("Kommune;a\nAarhus;1"))).toEqual({
      ok: false,
      error: expect.stringMatching(/ikke en Excel-projektmappe|ikke .xlsx|zip/i),
    });
  });

  it("a national table cannot be read as rows; a sheet larger than the limits is refused", () => {
    const national = { ...def, form: "national" as const };
    expect(parseInputRows(pack, national, [["x"]]).ok).toBe(false);
    expect(
      rowsOfGrid({ name: "x", rowCount: 20_000, columnCount: 3, value: () => null })
    ).toBeUndefined();
  });
});
