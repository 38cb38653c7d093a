/**
 * Library errors in Danish (issue 11 part 5): real errors thrown by the libraries a user's file
 * passes through (Node's fs, ExcelJS, JSZip, fflate, saxes, JSON.parse, zod) become Danish
 * through the one mapping module, src/domain/libraryErrors.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook } from "../../src/xlsx/excelWorkbook";
import { inflateSync, unzipSync } from "fflate";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { z } from "zod";
import {
  fileErrorText,
  jsonErrorText,
  knownLibraryError,
  libraryErrorText,
} from "../../src/domain/libraryErrors";
import "../../src/domain/pack/schema"; // sets zod's Danish locale, as every pack check does

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("kastede ikke");
}

async function rejected(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("afviste ikke");
}

const ENGLISH = /\b(the|is|not|of|error|invalid|undefined|unexpected|zip file|mismatch|already|exists|entity|no such)\b/i;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "byrde-libfejl-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("library errors in Danish", () => {
  it("Node's file system: ENOENT, EISDIR, ENOTDIR and disk full", () => {
    const missing = thrown(() => readFileSync(join(dir, "nej.xlsx")));
    expect(fileErrorText(missing, "nej.xlsx", "læse")).toBe("Filen findes ikke: nej.xlsx");
    const folder = thrown(() => writeFileSync(dir, "x"));
    expect(fileErrorText(folder, dir, "skrive")).toBe(`Kan ikke skrive ${dir}: det er en mappe, ikke en fil.`);
    writeFileSync(join(dir, "fil"), "x");
    const notDir = thrown(() => writeFileSync(join(dir, "fil", "ud.xlsx"), "x"));
    expect(fileErrorText(notDir, "ud.xlsx", "skrive")).toBe(
      "Kan ikke skrive ud.xlsx: en del af stien er en fil, ikke en mappe."
    );
    const full = Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    expect(fileErrorText(full, "ud.xlsx", "skrive")).toBe("Kan ikke skrive ud.xlsx: der er ikke mere plads på disken.");
    expect(knownLibraryError(full)).toBe("der er ikke mere plads på disken.");
  });

  it("ExcelJS: a sheet name twice, a sheet name with a forbidden character", () => {
    const wb = new Workbook();
    wb.addWorksheet("Data");
    expect(libraryErrorText(thrown(() => wb.addWorksheet("data")))).toBe(
      "to ark hedder »data«; et arknavn skal være entydigt."
    );
    expect(libraryErrorText(thrown(() => wb.addWorksheet("a/b")))).toBe(
      "arknavnet »a/b« indeholder et tegn, Excel ikke tillader (* ? : \\ / [ ])."
    );
  });

  it("JSZip: not a zip, and a cut-off zip", async () => {
    expect(libraryErrorText(await rejected(JSZip.loadAsync(Buffer.from("kommune;timer\n"))))).toBe(
      "filen er ikke et gyldigt zip-arkiv (en .xlsx-fil er et zip-arkiv)."
    );
    const zip = new JSZip();
    zip.file("a.txt", "x".repeat(1000));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const cut = await rejected(JSZip.loadAsync(bytes.subarray(0, bytes.length - 30)));
    expect(knownLibraryError(cut)).toBeDefined();
    expect(libraryErrorText(cut)).not.toMatch(ENGLISH);
  });

  it("fflate: damaged deflate data and a damaged zip", () => {
    expect(libraryErrorText(thrown(() => inflateSync(new Uint8Array([0xff, 0xff, 0xff, 0xff]))))).toBe(
      "filen er beskadiget (en del kan ikke pakkes ud)."
    );
    expect(libraryErrorText(thrown(() => unzipSync(new Uint8Array([0x50, 0x4b, 1, 2, 3]))))).toBe(
      "filen er beskadiget (en del kan ikke pakkes ud)."
    );
  });

  it("saxes: an undefined entity and malformed XML", () => {
    // Without an error handler, saxes throws its (English) error.
    const parse = (xml: string) => () => new SaxesParser().write(xml).close();
    expect(libraryErrorText(thrown(parse("<a>&bomb;</a>")))).toBe("filen er beskadiget (en XML-del er ikke gyldig).");
    expect(libraryErrorText(thrown(parse("<a><b></a>")))).toBe("filen er beskadiget (en XML-del er ikke gyldig).");
  });

  it("JSON.parse: line and column in Danish", () => {
    const text = '{\n  "kommune": "Aarhus",\n  "felter": { "a": 1, }\n}';
    expect(jsonErrorText(thrown(() => JSON.parse(text)), text)).toBe(
      "filen er ikke gyldig JSON (linje 3, kolonne 23); tjek kommaer, anførselstegn og klammer."
    );
    const cut = '{ "kommune": "Aarhus"';
    expect(jsonErrorText(thrown(() => JSON.parse(cut)), cut)).toMatch(/^filen slutter midt i et JSON-udtryk/);
  });

  it("zod speaks Danish through its locale", () => {
    const r = z.object({ id: z.string() }).safeParse({ id: 1 });
    expect(r.success).toBe(false);
    const msg = r.error!.issues[0].message;
    expect(msg).not.toMatch(ENGLISH);
    expect(msg).toMatch(/[æøå]|Ugyldig|forventet/i);
  });

  it("an unknown error becomes Danish without the library's English", () => {
    expect(knownLibraryError(new Error("Something odd happened"))).toBeUndefined();
    expect(libraryErrorText(new Error("Something odd happened"))).toBe(
      "en uventet fejl i et programbibliotek."
    );
  });
});
