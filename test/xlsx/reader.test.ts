/**
 * The streaming reader's own behaviour: the pack-ready catalogue option and meta.pakke, name
 * scopes, the zip layer (stored parts, case-insensitive duplicates, encryption, truncation),
 * each limit with its Danish refusal, and XML that leaves out cell positions.
 */
import JSZip from "jszip";
import { getTemplate } from "../../src/domain/catalogue";
import { buildTemplateWorkbook, namedCells } from "../../src/domain/layout";
import { LIMITS, fillWorkbook, readReturn, renderWorkbook } from "../../src/xlsx";
import type { RawReturn } from "../../src/domain/model";
import { goodUknValues } from "../helpers/values";
import { patchDeclaredSize } from "../../scripts/build-hostile-returns";

let filled: Uint8Array;
const cells = namedCells(buildTemplateWorkbook("Aarhus", ["ukn"]));
const HOURS_2019 = "ukn.hovedsager.timer_pr_sag.2019";

beforeAll(async () => {
  const r = await fillWorkbook(
    await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn"])),
    goodUknValues()
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  filled = r.bytes;
});

async function edit(
  part: string,
  fn: (xml: string) => string,
  options: { compression?: "STORE" | "DEFLATE" } = {}
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(filled);
  zip.file(part, fn(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: options.compression ?? "DEFLATE" });
}

const SHEET = "xl/worksheets/sheet4.xml"; // UKN Data in a UKN-only template
const rules = (raw: RawReturn) => raw.findings.map((f) => `${f.rule}|${f.severity}`);

describe("pack-ready catalogue", () => {
  it("reads meta.pakke and asks the caller, after the meta cells, which names are fields", async () => {
    const bytes = await edit("xl/workbook.xml", (s) =>
      s.replace(
        "<definedNames>",
        '<definedNames><definedName name="meta.pakke">Forside!$B$2</definedName><definedName name="pakke2.blok.felt.2020">\'UKN Data\'!$D$8</definedName>'
      )
    );
    const seen: RawReturn["meta"][] = [];
    const raw = await readReturn(bytes, "p.xlsx", {
      catalogue: (meta) => {
        seen.push(meta);
        return {
          hasField: (id) => id === "pakke2.blok.felt.2020" || id === HOURS_2019,
          templates: [],
        };
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ kommune: "Aarhus", skabelon: "ukn" });
    expect(typeof seen[0].pakke).toBe("string");
    expect(raw.meta.pakke).toBe(seen[0].pakke);
    expect(Object.keys(raw.cells).sort()).toEqual([HOURS_2019, "pakke2.blok.felt.2020"].sort());
    expect(raw.cells["pakke2.blok.felt.2020"]).toMatchObject({
      value: 40,
      location: { sheet: "UKN Data", cell: "D8" },
    });
    // The default catalogue reads no name it does not know.
    const plain = await readReturn(bytes, "p.xlsx");
    expect(plain.cells["pakke2.blok.felt.2020"]).toBeUndefined();
    expect(plain.cells[HOURS_2019]?.value).toBe(40);
  });

  it("the label fallback looks only for the catalogue's templates", async () => {
    // Without names, UKN's fields are found by labels only if the catalogue offers UKN.
    const bytes = await edit("xl/workbook.xml", (s) =>
      s.replace(/<definedName name="ukn\.[^"]*">[^<]*<\/definedName>/g, "")
    );
    const ukn = getTemplate("ukn")!;
    const withUkn = await readReturn(bytes, "x.xlsx", {
      catalogue: () => ({ hasField: () => true, templates: [ukn] }),
    });
    expect(withUkn.locatedBy).toBe("etiketter");
    expect(withUkn.cells[HOURS_2019]?.value).toBe(40);
    const without = await readReturn(bytes, "x.xlsx", {
      catalogue: () => ({ hasField: () => true, templates: [] }),
    });
    expect(without.cells[HOURS_2019]).toBeUndefined();
    expect(rules(without)).toEqual(["ingen_felter|fejl"]);
  });
});

describe("defined names", () => {
  it("a workbook-level name wins over a sheet-level copy (Excel makes these when a sheet is copied)", async () => {
    const at = cells.get(HOURS_2019)!.cell;
    const bytes = await edit("xl/workbook.xml", (s) =>
      s.replace(
        "<definedNames>",
        `<definedNames><definedName name="${HOURS_2019}" localSheetId="0">Forside!$B$2</definedName>`
      )
    );
    const raw = await readReturn(bytes);
    expect(raw.cells[HOURS_2019]).toMatchObject({
      value: 40,
      location: { sheet: "UKN Data", cell: at },
    });
  });

  it("a name that points at #REF! is a fejl naming the field; a formula name is no cell", async () => {
    const bytes = await edit("xl/workbook.xml", (s) =>
      s
        .replace(
          new RegExp(`<definedName name="${HOURS_2019.replace(/\./g, "\\.")}">[^<]*</definedName>`),
          `<definedName name="${HOURS_2019}">'UKN Data'!#REF!</definedName>`
        )
        .replace(
          "<definedNames>",
          '<definedNames><definedName name="formel">SUM(1,2)</definedName>'
        )
    );
    const raw = await readReturn(bytes);
    // The field is then found by its label and year, and that is reported too.
    expect(rules(raw)).toEqual(["navn_uden_celle|fejl", "laest_via_etiketter|advarsel"]);
    expect(raw.findings[0].message).toContain("#REF!");
    expect(raw.cells[HOURS_2019]).toMatchObject({ value: 40 });
  });
});

describe("the zip layer", () => {
  it("reads stored (uncompressed) parts as it reads deflated ones", async () => {
    const zip = await JSZip.loadAsync(filled);
    const stored = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
    expect(await readReturn(stored, "f")).toEqual(await readReturn(filled, "f"));
  });

  it("refuses a part twice, also when the names differ only in case", async () => {
    const zip = await JSZip.loadAsync(filled);
    zip.file("XL/Worksheets/Sheet4.xml", await zip.file(SHEET)!.async("string"));
    const raw = await readReturn(await zip.generateAsync({ type: "uint8array" }));
    expect(rules(raw)).toEqual(["dobbelt_del|fejl"]);
    expect(raw.findings[0].message).toContain("to gange");
  });

  it("refuses an encrypted part and a file cut short as damaged, in Danish", async () => {
    const copy = Uint8Array.from(filled);
    const view = new DataView(copy.buffer);
    for (let i = 0; i + 4 < copy.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint16(i + 6, view.getUint16(i + 6, true) | 1, true);
      if (sig === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
    }
    const enc = await readReturn(copy);
    expect(rules(enc)).toEqual(["fil_beskadiget|fejl"]);
    expect(enc.findings[0].message).toContain("krypteret");
    const cut = await readReturn(filled.subarray(0, filled.length - 30));
    expect(rules(cut)).toEqual(["fil_beskadiget|fejl"]);
  });

  it("counts the real size of a part that declares another, small or large", async () => {
    const real = (await (await JSZip.loadAsync(filled)).file(SHEET)!.async("uint8array")).length;
    for (const declared of [real - 10, real + 10, 1]) {
      const bytes = Uint8Array.from(filled);
      patchDeclaredSize(bytes, SHEET, declared);
      const raw = await readReturn(bytes);
      expect(rules(raw)).toEqual(["fil_beskadiget|fejl"]);
      expect(raw.findings[0].message).toContain(
        `fylder ${real.toLocaleString("da-DK")} byte udpakket, men zip-filen oplyser ${declared.toLocaleString("da-DK")}`
      );
    }
  });

  it("refuses malformed XML with a Danish message naming the part", async () => {
    const raw = await readReturn(
      await edit(SHEET, (s) => s.replace("</sheetData>", "</sheetDta>"))
    );
    expect(rules(raw)).toEqual(["fil_beskadiget|fejl"]);
    expect(raw.findings[0].message).toBe(
      `Filen er beskadiget: delen ${SHEET} er ikke gyldig XML. Gem den igen fra Excel, og send den på ny.`
    );
  });
});

describe("limits", () => {
  it.each([
    ["maxDefinedNames", 10, "over_graense", "navngivne celler"],
    ["maxSheets", 2, "over_graense", "ark"],
    ["maxMerges", 1, "over_graense", "flettede områder"],
    ["maxDataValidations", 1, "over_graense", "datavalidering"],
    ["maxSharedStrings", 10, "over_graense", "tekster"],
    ["maxCells", 50, "for_mange_celler", "celler"],
    ["maxUncompressedBytes", 50_000, "zipbombe", "zip-bombe"],
  ] as const)("%s below the file's count: %s", async (limit, value, rule, word) => {
    const raw = await readReturn(filled, "f", { limits: { ...LIMITS, [limit]: value } });
    expect(rules(raw)).toEqual([`${rule}|fejl`]);
    expect(raw.findings[0].message).toContain(word);
    expect(raw.cells).toEqual({});
  });
});

describe("sheet XML", () => {
  it("places cells without an r attribute after the one before them, as Excel does", async () => {
    const at = cells.get(HOURS_2019)!.cell; // C8: the row's first year
    const bytes = await edit(SHEET, (s) =>
      s.replace(/(<row r="8"[^>]*>.*?<\/row>)/, (row) =>
        row.replace(/<c r="([A-Z]+)8"/g, (_m, col: string) => (col === "B" ? '<c r="B8"' : "<c"))
      )
    );
    const raw = await readReturn(bytes);
    expect(raw.findings).toEqual([]);
    expect(raw.cells[HOURS_2019]).toMatchObject({ value: 40, location: { cell: at } });
    expect(raw.cells["ukn.hovedsager.timer_pr_sag.2023"].value).toBe(40);
  });

  it("keeps an empty string result apart from a formula without one", async () => {
    const at = cells.get(HOURS_2019)!.cell;
    const bytes = await edit(SHEET, (s) =>
      s.replace(
        new RegExp(`<c r="${at}"([^>]*?)(?:/>|>.*?</c>)`),
        `<c r="${at}" t="str"><f>""</f><v></v></c>`
      )
    );
    const raw = await readReturn(bytes);
    expect(raw.findings).toEqual([]);
    expect(raw.cells[HOURS_2019].value).toBeNull();
  });
});
