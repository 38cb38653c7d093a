import { Workbook } from "../../src/xlsx/excelWorkbook";
import { definedNames, parseRef } from "../../src/xlsx";

/** What definedNames gave before it bypassed ExcelJS's model getter: the model's first range. */
function viaModel(wb: Workbook) {
  const model = wb.definedNames.model as unknown as Array<{ name: string; ranges: string[] }>;
  return model.map(({ name, ranges }) => {
    const first = ranges[0] ?? "";
    const location = parseRef(first);
    return [name.toLowerCase(), location ? { location } : { broken: first || "(tom)" }] as const;
  });
}

async function roundTrip(wb: Workbook): Promise<Workbook> {
  const back = new Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as never);
  return back;
}

describe("definedNames", () => {
  it("gives the same names, order and cells as ExcelJS's definedNames.model", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Data");
    wb.addWorksheet("UKN Data");
    wb.addWorksheet("Kim's ark");
    wb.definedNames.add("Data!$C$7", "ukn.a.b.2017");
    wb.definedNames.add("'UKN Data'!$AB$120", "UKN.Sager.Antal.2022");
    wb.definedNames.add("'Kim''s ark'!$D$4", "meta.kommune");
    wb.definedNames.add("'UKN Data'!$B$2:$C$3", "omraade");
    wb.definedNames.add("Data!$E$5", "tom");
    wb.definedNames.remove("Data!$E$5", "tom");
    const back = await roundTrip(wb);
    for (const book of [wb, back]) {
      const got = [...definedNames(book)].map(
        ([k, v]) => [k, v.location ? { location: v.location } : { broken: v.broken }] as const
      );
      expect(got).toEqual(viaModel(book));
    }
    expect(definedNames(back).get("ukn.sager.antal.2022")?.location).toEqual({
      sheet: "UKN Data",
      cell: "AB120",
    });
    expect(definedNames(back).get("meta.kommune")?.location).toEqual({
      sheet: "Kim's ark",
      cell: "D4",
    });
    expect(definedNames(back).get("omraade")?.location).toEqual({ sheet: "UKN Data", cell: "B2" });
    expect(definedNames(back).has("tom")).toBe(false);
  });
});
