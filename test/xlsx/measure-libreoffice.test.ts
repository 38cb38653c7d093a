/**
 * The measure function against LibreOffice's own wrapping: real texts from the kl2024 pack in
 * cells of several widths, fonts and weights, printed to PDF by LibreOffice (Danish profile,
 * Carlito for Calibri); the lines of each cell are read back from the PDF with pdftotext. The
 * measure must never count fewer lines than LibreOffice draws (a row it sizes would clip the
 * text) and at most one more (rows would gape).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook } from "../../src/xlsx/excelWorkbook";
import { EXCEL, LIBREOFFICE, lineCount } from "../../src/domain/layout/measure";
import { defaultPack } from "../../src/domain/pakker";
import { danishProfile } from "../helpers/libreoffice";
import { LIBREOFFICE_PDF, itWith } from "../helpers/requirements";

const run = (title: string, fn: jest.ProvidesCallback, timeout?: number) =>
  itWith(LIBREOFFICE_PDF, title, fn, timeout);

const CASES: { width: number; size: number; bold: boolean }[] = [
  { width: 20, size: 11, bold: false },
  { width: 40, size: 11, bold: false },
  { width: 62, size: 11, bold: true },
  { width: 90, size: 9, bold: false },
  { width: 30, size: 12, bold: true },
];

function texts(): string[] {
  const pack = defaultPack();
  const out: string[] = [];
  for (const t of pack.templates) out.push(...t.vejledning.slice(0, 2), ...t.blocks.map((b) => b.title));
  return out.filter((t) => t.length > 25).slice(0, 24);
}

/** Lines per marked cell, read from pdftotext's bounding-box output. */
function linesPerCell(html: string, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  let current = -1;
  for (const line of html.split("<line ").slice(1)) {
    const words = [...line.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]);
    const mark = /^(\d+)§$/.exec(words[0] ?? "");
    if (mark) current = Number(mark[1]);
    if (current >= 0) counts[current]++;
  }
  return counts;
}

run("the measure's line counts match LibreOffice's wrapping (never fewer, at most one more)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "byrde-maal-"));
  try {
    const all = texts();
    const wb = new Workbook();
    CASES.forEach((c, k) => {
      const ws = wb.addWorksheet(`S${k}`);
      ws.getColumn(1).width = c.width;
      ws.pageSetup = { paperSize: 9, orientation: "portrait", margins: { left: 0.3, right: 0.3, top: 0.3, bottom: 0.3, header: 0, footer: 0 } };
      all.forEach((t, i) => {
        const cell = ws.getCell(i + 1, 1);
        // The marker sits alone on the first line, so the text's own lines follow it.
        cell.value = `${i}§\n${t}`;
        cell.style = { font: { name: "Calibri", size: c.size, bold: c.bold }, alignment: { wrapText: true, vertical: "top" } };
        ws.getRow(i + 1).height = 300;
        ws.getRow(i + 1).addPageBreak();
      });
    });
    await wb.xlsx.writeFile(join(dir, "maal.xlsx"));
    const conv = spawnSync("soffice", [`-env:UserInstallation=${danishProfile(dir)}`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "maal.xlsx")], { encoding: "utf8", timeout: 180_000 });
    expect(conv.status).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [join(dir, "maal.pdf")], { encoding: "utf8" }).stdout)![1]);
    const wrong: string[] = [];
    let compared = 0;
    let exact = 0;
    CASES.forEach((c, k) => {
      // One page per text: extract this sheet's pages.
      const first = k * all.length + 1;
      expect(pages).toBeGreaterThanOrEqual(first + all.length - 1);
      const out = join(dir, `s${k}.html`);
      spawnSync("pdftotext", ["-bbox-layout", "-f", String(first), "-l", String(first + all.length - 1), join(dir, "maal.pdf"), out]);
      const lo = linesPerCell(readFileSync(out, "utf8"), all.length);
      all.forEach((t, i) => {
        const drawn = lo[i] - 1; // the marker's own line
        const font = { size: c.size, bold: c.bold };
        // With LibreOffice's column geometry the count should be LibreOffice's own; with
        // Excel's (narrower columns, what the builders use) never fewer.
        const measured = lineCount(t, c.width, font, 0, LIBREOFFICE);
        const forExcel = lineCount(t, c.width, font, 0, EXCEL);
        compared++;
        if (measured === drawn) exact++;
        if (measured < drawn || measured > drawn + 1 || forExcel < drawn)
          wrong.push(`${c.width} tegn, ${c.size} pt${c.bold ? " fed" : ""}: målt ${measured} (Excel ${forExcel}), LibreOffice ${drawn}: ${t.slice(0, 50)}`);
      });
    });
    expect(wrong).toEqual([]);
    expect(compared).toBe(CASES.length * all.length);
    // With LibreOffice's geometry, exact (the wrapping and the font metrics are LibreOffice's).
    expect(exact / compared).toBeGreaterThan(0.95);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 240000);
