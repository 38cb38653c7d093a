/**
 * `byrde opregn … --pdf FIL` and `byrde skabelon … --pdf`: PDF through LibreOffice (Danish), only
 * Overblik and the fact sheets for the report; and, without LibreOffice, a Danish message on how
 * to install it, exit 2 and nothing written.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { byrde as runByrde } from "../helpers/cli";
import { LIBREOFFICE_PDF, itWith } from "../helpers/requirements";

const ROOT = join(__dirname, "..", "..");
const EX = join(ROOT, "examples");
const RETURER = ["aalborg", "frederiksberg", "holbaek", "odense", "vejle"].map((k) => join(EX, "returer", `${k}.json`));
const INPUTS = ["--landstal", join(EX, "landstal.json"), "--kommunedata", join(EX, "kommunedata.json"), "--indstillinger", join(EX, "indstillinger.json")];
/** Makes a PDF: needs LibreOffice and poppler (the missing-LibreOffice message is tested without). */
const withLo = (title: string, fn: jest.ProvidesCallback, timeout?: number) =>
  itWith(LIBREOFFICE_PDF, title, fn, timeout);

/** `byrde` from the sources, in this process, with `env` added to the environment meanwhile. */
async function byrde(env: Record<string, string>, ...args: string[]) {
  const saved = Object.keys(env).map((k) => [k, process.env[k]] as const);
  Object.assign(process.env, env);
  try {
    return await runByrde(...args);
  } finally {
    for (const [k, v] of saved) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)![1]);
const footers = (pdf: string) =>
  spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .stdout.split("\f")
    .filter((p) => p.trim())
    .map((p) => (p.split("\n").filter((l) => l.trim()).pop() ?? "").replace(/\s+Side \d+ af \d+\s*$/, "").trim());

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "byrde-pdf-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("PDF from the CLI", () => {
  withLo("opregn --pdf: Overblik and the nine fact sheets, two pages each", async () => {
    const pdf = join(dir, "rapport.pdf");
    const r = await byrde({}, "opregn", ...RETURER, ...INPUTS, "--pdf", pdf);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Skrev ${pdf} (Overblik og faktaark).`);
    const sheets = footers(pdf);
    expect(pages(pdf)).toBe(sheets.length);
    expect(sheets[0]).toBe("Overblik");
    expect(sheets.filter((s) => s === "Overblik")).toHaveLength(1);
    expect(sheets).toHaveLength(1 + 9 * 2);
    for (const hidden of ["Data", "Kommunedata", "Landstal", "Indstillinger", "Valideringslog", "Ud over rapporten"])
      expect(sheets).not.toContain(hidden);
  }, 300000);

  withLo("skabelon --pdf: a PDF beside each template, one page per sheet", async () => {
    const out = join(dir, "skabeloner");
    const r = await byrde({}, "skabelon", "--kommune", "Aarhus", "--punkter", "ukn", "--pdf", "-o", out, "--kontakt-navn", "N. N.", "--frist", "1. marts");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(readdirSync(out).sort()).toEqual(["skabelon-aarhus.pdf", "skabelon-aarhus.xlsx"]);
    expect(footers(join(out, "skabelon-aarhus.pdf"))).toEqual(["Forside", "UKN Vejledning", "UKN Proces", "UKN Data"]);
  }, 300000);

  it("without LibreOffice: how to install it, exit 2, nothing written", async () => {
    const none = { BYRDE_SOFFICE: join(dir, "ingen", "soffice") };
    const pdf = join(dir, "ingen.pdf");
    const xlsx = join(dir, "ingen.xlsx");
    const r = await byrde(none, "opregn", ...RETURER, ...INPUTS, "-o", xlsx, "--pdf", pdf);
    expect(r.code).toBe(2);
    expect(r.err).toContain("PDF kræver LibreOffice");
    expect(r.err).toContain("sudo apt-get install libreoffice-calc-nogui");
    expect(existsSync(pdf) || existsSync(xlsx)).toBe(false);
    const t = await byrde(none, "skabelon", "--kommune", "Aarhus", "--pdf", "-o", join(dir, "ingen-skabeloner"));
    expect(t.code).toBe(2);
    expect(t.err).toContain("PDF kræver LibreOffice");
    expect(existsSync(join(dir, "ingen-skabeloner"))).toBe(false);
  }, 120000);

  it("skabelon without contact or deadline says so", async () => {
    const r = await byrde({}, "skabelon", "--kommune", "Aarhus", "--punkter", "ukn", "-o", join(dir, "uden-kontakt"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Bemærk: Skabelonerne er lavet uden kontaktperson og frist.");
  }, 120000);
});
