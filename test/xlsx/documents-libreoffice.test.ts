/**
 * Issue 12's acceptance in print: the template and the report workbooks rendered by LibreOffice
 * with a Danish profile to PDF. Every printed page's footer names its sheet (header and footer
 * are part of the layout), so the pages are counted per sheet: every template sheet on one page;
 * Overblik on one page (at 85 % or more); each fact sheet on at most two; the report without
 * its Data sheet under 30 pages; a pack's tables report with its summary on one page. The pages are saved as PNGs under test/__artifacts__/dokumenter
 * (git-ignored) to be looked at, beside the PDF itself.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import type { WorkbookPlan } from "../../src/domain/layout/types";
import { METHODS, project } from "../../src/domain/project";
import { SHEET, buildReport } from "../../src/domain/report";
import { computeTables } from "../../src/domain/tables/compute";
import { TABLES_SHEET, buildTablesReport } from "../../src/domain/tables/report";
import { renderWorkbook } from "../../src/xlsx";
import { renderWorkbookStreamed } from "../../src/xlsx/node/stream";
import { exampleIndstillinger, exampleKommunedata, exampleLandstal, exampleReturns } from "../domain/project/examples";
import { danishProfile } from "../helpers/libreoffice";
import { ugeskemaPack, ugeskemaReturns } from "../helpers/ugeskema";
import { LIBREOFFICE_PDF, itWith } from "../helpers/requirements";

const run = (title: string, fn: jest.ProvidesCallback, timeout?: number) =>
  itWith(LIBREOFFICE_PDF, title, fn, timeout);

export const ARTIFACTS = join(__dirname, "..", "__artifacts__", "dokumenter");

/** The plan printed by LibreOffice (Danish): the sheet named in each page's footer, and the text. */
async function printed(
  plan: WorkbookPlan,
  name: string,
  render: (plan: WorkbookPlan) => Promise<Uint8Array>
): Promise<{ sheets: string[]; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), "byrde-pdf-"));
  try {
    writeFileSync(join(dir, `${name}.xlsx`), await render(plan));
    const conv = spawnSync(
      "soffice",
      [`-env:UserInstallation=${danishProfile(dir)}`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, `${name}.xlsx`)],
      { encoding: "utf8", timeout: 240_000 }
    );
    if (conv.status !== 0) throw new Error(`soffice: ${conv.stderr}`);
    const pdf = join(dir, `${name}.pdf`);
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).stdout;
    // The footer is each page's last line: the sheet's name, then "Side x af y".
    const sheets = text
      .split("\f")
      .filter((p) => p.trim() !== "")
      .map((p) => {
        const last = p.split("\n").filter((l) => l.trim() !== "").pop() ?? "";
        return last.replace(/\s+Side \d+ af \d+\s*$/, "").trim();
      });
    const out = join(ARTIFACTS, name);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    copyFileSync(pdf, join(out, `${name}.pdf`));
    spawnSync("pdftoppm", ["-r", "80", "-png", pdf, join(out, "side")]);
    return { sheets, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function count(sheets: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sheets) out.set(s, (out.get(s) ?? 0) + 1);
  return out;
}

describe("documents printed by LibreOffice (Danish)", () => {
  run("a pack's tables report: the summary on one page, every sheet with its header and footer", async () => {
    const pack = ugeskemaPack();
    const returns = ugeskemaReturns();
    const plan = buildTablesReport({ result: computeTables({ pack, returns }), returns });
    const { sheets } = await printed(plan, "tabelrapport", renderWorkbookStreamed);
    const pages = count(sheets);
    expect([...pages.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
    expect(pages.get(TABLES_SHEET.overblik)).toBe(1);
    // The Data sheet prints only its title and header.
    expect(pages.get(TABLES_SHEET.data)).toBe(1);
    expect(readdirSync(join(ARTIFACTS, "tabelrapport")).filter((f) => f.endsWith(".png"))).toHaveLength(sheets.length);
  }, 300000);

  run("every sheet of the template with all nedslagspunkter prints on one page", async () => {
    const plan = buildTemplateWorkbook("Høje-Taastrup", [], {
      kontakt: { navn: "Navn Navnesen", email: "navn.navnesen@example.dk", telefon: "12 34 56 78" },
      frist: "7. februar 2025 kl. 12",
    });
    // As `byrde skabelon` writes it (in memory, rendered once per set of templates).
    const { sheets, text } = await printed(plan, "skabelon", renderWorkbook);
    const pages = count(sheets);
    expect([...pages.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
    for (const [sheet, n] of pages) expect([sheet, n]).toEqual([sheet, 1]);
    // The header names the respondent on every page; the machine fields stay out of sight.
    expect(text.split("\f").filter((p) => p.includes("Høje-Taastrup")).length).toBeGreaterThanOrEqual(plan.sheets.length);
    expect(text).not.toContain("Skabeloner (id)");
    expect(readdirSync(join(ARTIFACTS, "skabelon")).filter((f) => f.endsWith(".png"))).toHaveLength(sheets.length);
  }, 300000);

  run("the report: Overblik one page, each fact sheet at most two, under 30 pages without Data", async () => {
    const returns = exampleReturns();
    const landstal = exampleLandstal();
    const kommunedata = exampleKommunedata();
    const result = project({ returns, landstal, kommunedata, indstillinger: exampleIndstillinger() });
    const plan = buildReport({ result, returns, landstal, kommunedata });
    // As `byrde opregn` writes it: streamed.
    const { sheets, text } = await printed(plan, "rapport", renderWorkbookStreamed);
    const pages = count(sheets);
    expect([...pages.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
    expect(pages.get(SHEET.overblik)).toBe(1);
    expect(plan.sheets[0].print?.scale).toBeGreaterThanOrEqual(85);
    for (const m of METHODS) expect([m.arkNavn, pages.get(m.arkNavn)! <= 2]).toEqual([m.arkNavn, true]);
    expect(sheets.length - (pages.get(SHEET.data) ?? 0)).toBeLessThan(30);
    // Only the Data sheet's header prints by default.
    expect(pages.get(SHEET.data)).toBe(1);
    // Danish numbers: decimal commas and the spans as the report prints them.
    expect(text).toContain("37-45 (41)");
    expect(text).toMatch(/\b41,0\b/);
    expect(readdirSync(join(ARTIFACTS, "rapport")).filter((f) => f.endsWith(".png"))).toHaveLength(sheets.length);
  }, 300000);
});
