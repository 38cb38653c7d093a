/** The bad-file guard on its own, with small limits, and on a real .xls written by LibreOffice. */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { LIMITS, XlsxRejected, checkXlsxBytes, readReturn, renderWorkbook } from "../../src/xlsx";
import { LIBREOFFICE, itWith } from "../helpers/requirements";

async function rule(bytes: Uint8Array, limits = LIMITS): Promise<string | undefined> {
  try {
    await checkXlsxBytes(bytes, limits);
    return undefined;
  } catch (e) {
    return e instanceof XlsxRejected ? e.rule : `uventet: ${(e as Error).message}`;
  }
}

let template: Uint8Array;
beforeAll(async () => {
  template = await renderWorkbook(buildTemplateWorkbook("Aarhus", ["ukn"]));
});

describe("checkXlsxBytes", () => {
  it("accepts a real template", async () => {
    expect(await rule(template)).toBeUndefined();
  });

  it("applies each limit: file size, total uncompressed size, ratio, entries, sheet size", async () => {
    expect(await rule(template, { ...LIMITS, maxFileBytes: 1000 })).toBe("fil_for_stor");
    expect(await rule(template, { ...LIMITS, maxUncompressedBytes: 1000 })).toBe("zipbombe");
    expect(await rule(template, { ...LIMITS, maxEntries: 3 })).toBe("zipbombe");
    expect(await rule(template, { ...LIMITS, maxSheetXmlBytes: 100 })).toBe("for_mange_celler");
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", new Uint8Array(2 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(await rule(bomb)).toBe("zipbombe");
    expect(await rule(bomb, { ...LIMITS, maxRatio: 1e9 })).toBeUndefined();
  });

  it("names what a non-workbook is", async () => {
    const msg = async (b: Uint8Array) => (await readReturn(b)).findings[0].message;
    expect(await msg(new TextEncoder().encode("%PDF-1.7\n"))).toContain("en PDF-fil");
    expect(await msg(new TextEncoder().encode("<!DOCTYPE html><html>"))).toContain("en HTML-side");
    expect(await msg(new TextEncoder().encode("a;b\n1;2\n"))).toContain("en tekstfil (fx CSV)");
  });
});

itWith(
  LIBREOFFICE,
  "refuses a real .xls (saved by LibreOffice) with fil_xls, not a crash",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "byrde-xls-"));
    try {
      writeFileSync(join(dir, "skabelon.xlsx"), template);
      const res = spawnSync(
        "soffice",
        [
          `-env:UserInstallation=file://${join(dir, "profil")}`,
          "--headless",
          "--convert-to",
          "xls",
          "--outdir",
          join(dir, "ud"),
          join(dir, "skabelon.xlsx"),
        ],
        { encoding: "utf8", timeout: 120_000 }
      );
      expect(res.status).toBe(0);
      const raw = await readReturn(readFileSync(join(dir, "ud", "skabelon.xls")), "skabelon.xls");
      expect(raw.findings.map((f) => `${f.rule}|${f.severity}`)).toEqual(["fil_xls|fejl"]);
      expect(raw.findings[0].message).toContain("Gem som");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  150_000
);
