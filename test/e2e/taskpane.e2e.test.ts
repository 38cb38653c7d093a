/**
 * The task pane in a real browser (scripts/taskpane-browser.js): the production build served on
 * localhost, Debian's headless Chromium driven by playwright-core, a fake Office/Excel
 * (fakeOffice.js) injected before the page loads and the office.js CDN request answered locally
 * (there is no internet). Skipped, saying why, where Chromium is absent and under test:hurtig.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { fillWorkbook } from "../../src/xlsx/fill";
import { renderWorkbook } from "../../src/xlsx/render";
import { CHROMIUM, CHROMIUM_PATH, describeWith } from "../helpers/requirements";
import { ensureBuild, launchTaskpane } from "./server";

/** A filled UKN return as the municipality would send it back. */
async function returnFile(kommune: string, hours: number): Promise<Buffer> {
  const filled = await fillWorkbook(await renderWorkbook(buildTemplateWorkbook(kommune, ["ukn"])), {
    "ukn.hovedsager.timer_pr_sag.2022": hours,
    "ukn.volumen.hovedsager.2022": 10,
    "ukn.volumen.genindbringelsessager.2022": 2,
    "ukn.volumen.sager_i_alt.2022": 12,
  });
  if (!filled.ok) throw new Error("kunne ikke udfylde skabelonen");
  return Buffer.from(filled.bytes);
}

const SHOTS = path.join(__dirname, "__screenshots__");

/** Waits until `read()` gives `expected` (the pane writes asynchronously), then asserts it. */
async function poll<T>(read: () => Promise<T>, expected: T, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  expect(last).toBe(expected);
}

interface FakeWorkbook {
  sheets: { name: string; protected: boolean }[];
  names: Record<string, string>;
  selected: string | null;
  valueOf(name: string): unknown;
  addressOf(name: string): string | undefined;
}

describeWith(CHROMIUM, "task pane in Chromium", () => {
  let pane: Awaited<ReturnType<typeof launchTaskpane>>;
  let page: Page;

  beforeAll(async () => {
    ensureBuild();
    pane = await launchTaskpane({ executablePath: CHROMIUM_PATH });
    page = await pane.newPane();
  }, 240000);

  afterAll(async () => {
    await pane?.close();
  });

  const wb = () =>
    page.evaluate(() => (window as unknown as { __workbook: FakeWorkbook }).__workbook);
  const valueOf = (name: string) =>
    page.evaluate(
      (n) => (window as unknown as { __workbook: FakeWorkbook }).__workbook.valueOf(n),
      name
    );

  test("the pane renders in Danish", async () => {
    await page.getByRole("heading", { name: "Byrdeberegner" }).waitFor();
    await page.getByRole("tab", { name: "Skabeloner" }).waitFor();
    for (const name of ["Skabeloner", "Udfyld", "Valider", "Indsaml", "Opregn"]) {
      await expect(page.getByRole("tab", { name, exact: true }).count()).resolves.toBe(1);
    }
  });

  test("a template is inserted into the workbook", async () => {
    const combo = page.getByRole("combobox", { name: /Kommune/ });
    await combo.click();
    await combo.pressSequentially("Aarh");
    await page.getByRole("option", { name: "Aarhus" }).click();
    await page.getByRole("button", { name: "Fravælg alle" }).click();
    await page.getByRole("checkbox", { name: "Ungdomskriminalitetsnævnet" }).check();
    await page.getByRole("button", { name: "Indsæt skabeloner" }).click();
    await page.getByText("Skabeloner indsat").waitFor();
    const book = await wb();
    expect(book.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Forside", "UKN Vejledning", "UKN Proces", "UKN Data"])
    );
    expect(book.sheets.find((s) => s.name === "UKN Data")?.protected).toBe(true);
    expect(await valueOf("meta.kommune")).toBe("Aarhus");
    expect(await valueOf("meta.skabelon")).toBe("ukn");
    expect(Object.keys(book.names)).toContain("ukn.hovedsager.timer_pr_sag.2019");
  });

  test("a value typed with a decimal comma reaches the workbook as a number", async () => {
    await page.getByRole("tab", { name: "Udfyld" }).click();
    const input = page.locator('input[data-field="ukn.hovedsager.timer_pr_sag.2019"]');
    await input.waitFor();
    await input.fill("37,4");
    await input.press("Tab");
    await poll(() => valueOf("ukn.hovedsager.timer_pr_sag.2019"), 37.4);
  });

  test("a validation finding appears and a click selects its cell", async () => {
    const pct = page.locator('input[data-field="ukn.hovedsager.udtalelse.2019"]');
    await pct.fill("150");
    await pct.press("Tab");
    await poll(() => valueOf("ukn.hovedsager.udtalelse.2019"), 150);
    await page.getByRole("tab", { name: "Valider" }).click();
    await page.getByRole("button", { name: "Valider projektmappen" }).click();
    const list = page.getByRole("list", { name: "Bemærkninger" });
    await list.waitFor();
    const address = (await page.evaluate(
      (n) => (window as unknown as { __workbook: FakeWorkbook }).__workbook.addressOf(n),
      "ukn.hovedsager.udtalelse.2019"
    )) as string; // "UKN Data!C12"
    const cell = address.split("!")[1];
    const button = list.getByRole("button", { name: `Vis UKN Data!${cell} i arket` }).first();
    await button.click();
    await poll(async () => (await wb()).selected, `UKN Data!${cell}`);
  });

  test("a second template joins the first; the first keeps its answers", async () => {
    await page.getByRole("tab", { name: "Skabeloner" }).click();
    await page
      .getByRole("checkbox", { name: "Ungdomskriminalitetsnævnet (findes allerede)" })
      .waitFor();
    await page.getByRole("button", { name: "Fravælg alle" }).click();
    await page.getByRole("checkbox", { name: "Minimumsnormeringer" }).check();
    await page.getByRole("button", { name: "Indsæt skabeloner" }).click();
    await page.getByText("1 nedslagspunkt indsat for Aarhus", { exact: false }).waitFor();
    expect(await valueOf("meta.skabelon")).toBe("ukn,normering");
    expect(await valueOf("ukn.hovedsager.timer_pr_sag.2019")).toBe(37.4);
    expect((await wb()).sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Normering Data", "UKN Data"])
    );
  });

  test("Indsaml reads returned files and writes them to the Data sheet", async () => {
    await page.getByRole("tab", { name: "Indsaml" }).click();
    const input = page.locator('input[type="file"]');
    await input.waitFor({ state: "attached" });
    const mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    await input.setInputFiles([
      { name: "aarhus.xlsx", mimeType: mime, buffer: await returnFile("Aarhus", 37.4) },
      { name: "odense.xlsx", mimeType: mime, buffer: await returnFile("Odense", 20) },
      { name: "noter.txt", mimeType: "text/plain", buffer: Buffer.from("ikke en skabelon") },
    ]);
    await page.getByText("Data indsamlet").waitFor({ timeout: 30000 });
    const results = page.getByRole("list", { name: "Resultat pr. fil" });
    await expect(results.getByText("Afvist").count()).resolves.toBe(1);
    await expect(results.getByText(/Ikke en \.xlsx-fil/).count()).resolves.toBe(1);
    const data = await page.evaluate(() => {
      const w = (
        window as unknown as {
          __workbook: { sheets: { name: string; cells: Record<string, { value?: unknown }> }[] };
        }
      ).__workbook;
      const s = w.sheets.find((x) => x.name === "Data");
      return s ? Object.values(s.cells).map((c) => c.value) : [];
    });
    expect(data).toEqual(
      expect.arrayContaining(["Aarhus", "Odense", 37.4, 20, "ukn.hovedsager.timer_pr_sag.2022"])
    );
  });

  test("Opregn creates the input sheets, computes and writes Overblik with a chart", async () => {
    await page.getByRole("tab", { name: "Opregn" }).click();
    await page.getByRole("button", { name: /^Opret / }).click();
    await page.getByText(/Oprettet: /).waitFor();
    await page.getByRole("button", { name: "Beregn" }).click();
    await page.getByRole("list", { name: "Resultat pr. nedslagspunkt" }).waitFor();
    await page.getByRole("button", { name: "Skriv Overblik og faktaark" }).click();
    await page.getByText("Opregning skrevet").waitFor();
    const book = await wb();
    expect(book.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        "Overblik",
        "Landstal",
        "Kommunedata",
        "Indstillinger",
        "Data",
        "Diagram",
      ])
    );
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, "opregn.png"), fullPage: false });
  });

  test("axe-core finds no serious or critical accessibility violations", async () => {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (ctx: Document) => Promise<{
              violations: {
                id: string;
                impact: string;
                help: string;
                nodes: { target: string[] }[];
              }[];
            }>;
          };
        }
      ).axe;
      // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) hand focus on at
      // once and are never read; axe's aria-hidden-focus rule cannot tell, so they are left out.
      const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3),
      }));
    });
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
  });

  test("screenshot and a clean console", async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.getByRole("tab", { name: "Udfyld" }).click();
    await page.locator('input[data-field="ukn.hovedsager.timer_pr_sag.2019"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, "udfyld.png"), fullPage: false });
    await page.getByRole("tab", { name: "Valider" }).click();
    await page.getByRole("button", { name: "Valider projektmappen" }).click();
    await page.getByRole("list", { name: "Bemærkninger" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "valider.png"), fullPage: false });
    expect(pane.consoleErrors).toEqual([]);
  });
});
