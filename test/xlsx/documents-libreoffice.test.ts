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
import { METHODS } from "../../src/domain/project";
import { SHEET } from "../../src/domain/report";
import { computeTables } from "../../src/domain/tables/compute";
import { TABLES_SHEET, buildTablesReport } from "../../src/domain/tables/report";
import { renderWorkbook } from "../../src/xlsx";
import { renderWorkbookStreamed } from "../../src/xlsx/node/stream";
import { exampleReport } from "../domain/project/examples";
import { danishProfile } from "../helpers/libreoffice";
import { ugeskemaPack, ugeskemaReturns } from "../helpers/ugeskema";
import { LIBREOFFICE_PDF, itWith } from "../helpers/requirements";

const run = (title: string, fn: jest.ProvidesCallback, timeout?: number) =>
  itWith(LIBREOFFICE_PDF, title, fn, timeout);

export const ARTIFACTS = join(__dirname, "..", "__artifacts__", "dokumenter");

interface Printed {
  readonly sheets: string[];
  readonly text: string;
}

/**
 * The plans printed by LibreOffice (Danish), all in one soffice run: for each, the sheet named in
 * each page's footer, and the text.
 */
async function printed(
  jobs: Record<string, { plan: WorkbookPlan; render: (plan: WorkbookPlan) => Promise<Uint8Array> }>
): Promise<Record<string, Printed>> {
  const dir = mkdtempSync(join(tmpdir(), "byrde-pdf-"));
  try {
    const names = Object.keys(jobs);
    for (const name of names)
      writeFileSync(join(dir, `${name}.xlsx`), await jobs[name].render(jobs[name].plan));
    const conv = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=${danishProfile(dir)}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...names.map((name) => join(dir, `${name}.xlsx`)),
      ],
      { encoding: "utf8", timeout: 300_000 }
    );
    if (conv.status !== 0) throw new Error(`soffice: ${conv.stderr}`);
    const out: Record<string, Printed> = {};
    for (const name of names) {
      const pdf = join(dir, `${name}.pdf`);
      const text = spawnSync("pdftotext", ["-layout", pdf, "-"], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      }).stdout;
      // The footer is each page's last line: the sheet's name, then "Side x af y".
      const sheets = text
        .split("\f")
        .filter((p) => p.trim() !== "")
        .map((p) => {
          const last =
            p
              .split("\n")
              .filter((l) => l.trim() !== "")
              .pop() ?? "";
          return last.replace(/\s+Side \d+ af \d+\s*$/, "").trim();
        });
      const saved = join(ARTIFACTS, name);
      rmSync(saved, { recursive: true, force: true });
      mkdirSync(saved, { recursive: true });
      copyFileSync(pdf, join(saved, `${name}.pdf`));
      spawnSync("pdftoppm", ["-r", "80", "-png", pdf, join(saved, "side")]);
      out[name] = { sheets, text };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function count(sheets: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sheets) out.set(s, (out.get(s) ?? 0) + 1);
  return out;
}

const tablesPlan = () => {
  const returns = ugeskemaReturns();
  return buildTablesReport({ result: computeTables({ pack: ugeskemaPack(), returns }), returns });
};
const templatePlan = () =>
  buildTemplateWorkbook("Høje-Taastrup", [], {
    kontakt: { navn: "Navn Navnesen", email: "navn.navnesen@example.dk", telefon: "12 34 56 78" },
    frist: "7. februar 2025 kl. 12",
  });

describe("documents printed by LibreOffice (Danish)", () => {
  let plans: { tabelrapport: WorkbookPlan; skabelon: WorkbookPlan; rapport: WorkbookPlan };
  let pdf: Record<string, Printed>;
  // The three workbooks in one LibreOffice run: the tables report and the report as `byrde
  // opregn` writes them (streamed), the template as `byrde skabelon` does (in memory).
  beforeAll(async () => {
    if (LIBREOFFICE_PDF.missing) return;
    plans = { tabelrapport: tablesPlan(), skabelon: templatePlan(), rapport: exampleReport() };
    pdf = await printed({
      tabelrapport: { plan: plans.tabelrapport, render: renderWorkbookStreamed },
      skabelon: { plan: plans.skabelon, render: renderWorkbook },
      rapport: { plan: plans.rapport, render: renderWorkbookStreamed },
    });
  }, 300000);

  run(
    "a pack's tables report: the summary on one page, every sheet with its header and footer",
    async () => {
      const plan = plans.tabelrapport;
      const { sheets } = pdf.tabelrapport;
      const pages = count(sheets);
      expect([...pages.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
      expect(pages.get(TABLES_SHEET.overblik)).toBe(1);
      // The Data sheet prints only its title and header.
      expect(pages.get(TABLES_SHEET.data)).toBe(1);
      expect(
        readdirSync(join(ARTIFACTS, "tabelrapport")).filter((f) => f.endsWith(".png"))
      ).toHaveLength(sheets.length);
    },
    300000
  );

  run(
    "every sheet of the template with all nedslagspunkter prints on one page",
    async () => {
      const plan = plans.skabelon;
      const { sheets, text } = pdf.skabelon;
      const pages = count(sheets);
      expect([...pages.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
      for (const [sheet, n] of pages) expect([sheet, n]).toEqual([sheet, 1]);
      // The header names the respondent on every page; the machine fields stay out of sight.
      expect(
        text.split("\f").filter((p) => p.includes("Høje-Taastrup")).length
      ).toBeGreaterThanOrEqual(plan.sheets.length);
      expect(text).not.toContain("Skabeloner (id)");
      expect(
        readdirSync(join(ARTIFACTS, "skabelon")).filter((f) => f.endsWith(".png"))
      ).toHaveLength(sheets.length);
    },
    300000
  );

  run(
    "the report: Overblik one page, each fact sheet at most two, under 30 pages without Data",
    async () => {
      const plan = plans.rapport;
      const { sheets, text } = pdf.rapport;
      const pages = count(sheets);
      expect([...pages.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
      expect(pages.get(SHEET.overblik)).toBe(1);
      expect(plan.sheets[0].print?.scale).toBeGreaterThanOrEqual(85);
      for (const m of METHODS)
        expect([m.arkNavn, pages.get(m.arkNavn)! <= 2]).toEqual([m.arkNavn, true]);
      expect(sheets.length - (pages.get(SHEET.data) ?? 0)).toBeLessThan(30);
      // Only the Data sheet's header prints by default.
      expect(pages.get(SHEET.data)).toBe(1);
      // Danish numbers: decimal commas and the spans as the report prints them.
      expect(text).toContain("37-45 (41)");
      expect(text).toMatch(/\b41,0\b/);
      expect(
        readdirSync(join(ARTIFACTS, "rapport")).filter((f) => f.endsWith(".png"))
      ).toHaveLength(sheets.length);
    },
    300000
  );
});
