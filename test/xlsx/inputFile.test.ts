/**
 * An input table from the file the consultant picks (the CLI's --data and the pane's »Indlæs fra
 * fil …« call the same function): the example's reference data as .json, .csv and .xlsx give the
 * same table; a bad file is a Danish reason, never an exception.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Workbook } from "../../src/xlsx/excelWorkbook";
import { parseCsv } from "../../src/domain/parse/csv";
import { fileEnding, inputTableFromFile } from "../../src/xlsx/inputFile";
import { koraEnhed, koraPack, KORA_DIR } from "../helpers/kora";

const pack = koraPack();
const def = pack.inputs.find((t) => t.id === "enhed")!;
const bytesOf = (f: string) => new Uint8Array(readFileSync(join(KORA_DIR, f)));

describe("inputTableFromFile", () => {
  it("the example's enhed.json, enhed.csv and the same rows as .xlsx give one table", async () => {
    const want = { ok: true, value: koraEnhed() };
    expect(inputTableFromFile(pack, def, "enhed.json", bytesOf("enhed.json"))).toEqual(want);
    expect(inputTableFromFile(pack, def, "ENHED.CSV", bytesOf("enhed.csv"))).toEqual(want);
    const csv = parseCsv(readFileSync(join(KORA_DIR, "enhed.csv"), "utf8"));
    if (!csv.ok) throw new Error(csv.error);
    const wb = new Workbook();
    const ws = wb.addWorksheet("Udtræk");
    for (const row of csv.rows) ws.addRow(row.map((c) => (c === "" ? null : c)));
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(inputTableFromFile(pack, def, "udtraek.xlsx", xlsx)).toEqual(want);
  });

  it("a bad file is a reason: invalid JSON, a CSV in an .xlsx name, another ending", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const json = inputTableFromFile(pack, def, "enhed.json", text("{ nej"));
    expect(json.ok === false && json.errors[0]).toMatch(
      /^filen er ikke gyldig JSON \(linje 1, kolonne 3\)/
    );
    const xlsx = inputTableFromFile(pack, def, "enhed.xlsx", text("Kommune;a\nAarhus;1"));
    expect(xlsx.ok).toBe(false);
    expect(inputTableFromFile(pack, def, "enhed.txt", text(""))).toEqual({
      ok: false,
      errors: ["inddata læses fra .json, .csv eller .xlsx, ikke .txt."],
    });
    expect([fileEnding("a/b.c/enhed"), fileEnding("x.JSON")]).toEqual(["", ".json"]);
  });
});
