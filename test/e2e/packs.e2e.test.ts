/**
 * The task pane with another survey pack, in Chromium (the harness of taskpane.e2e.test.ts): a
 * broken pack file is refused with its JSON paths, the built-in `kkr_kapacitet` is chosen and
 * remembered in the workbook, its template is inserted for a municipality and filled in the form,
 * the 22 example returns are imported (a kl2024 return is refused: another pack), and Opregn
 * computes the report tables from the workbook's sheets (the same figures as the engine in Node)
 * and writes the report. Screenshots of the views at 320 and 450 px, no sideways scroll.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import { builtinPack } from "../../src/domain/pakker";
import { computeTables } from "../../src/domain/tables/compute";
import { dataColumns } from "../../src/domain/tables/report";
import { resultText } from "../../src/domain/tables/text";
import { fillWorkbook } from "../../src/xlsx/fill";
import { renderWorkbook } from "../../src/xlsx/render";
import { packReturnsIn } from "../helpers/packReturns";
import {
  describeBrowser,
  fakeWorkbook,
  filledReturnUpload,
  fitsAt,
  poll,
  show,
  paneForTests,
  type Fake,
  type PaneSession,
  type Upload,
  XLSX_MIME,
} from "./harness";

const PACK = builtinPack("kkr_kapacitet")!;
const EXAMPLES = path.join(__dirname, "../../examples/kkr_kapacitet");

/** A kl2024 return (another pack). */
async function kl2024File(): Promise<Upload> {
  const filled = await fillWorkbook(
    await renderWorkbook(buildTemplateWorkbook("Odense", ["ukn"])),
    {
      "ukn.hovedsager.timer_pr_sag.2022": 20,
    }
  );
  if (!filled.ok) throw new Error("kunne ikke udfylde skabelonen");
  return { name: "ukn-odense.xlsx", mimeType: XLSX_MIME, buffer: Buffer.from(filled.bytes) };
}

describeBrowser("task pane with the kkr_kapacitet pack in Chromium", () => {
  let session: PaneSession;
  let page: Page;
  paneForTests((s) => {
    session = s;
    page = s.page;
  });

  const wb = (cellsOf?: readonly string[]) => fakeWorkbook(page, cellsOf);
  const valueOf = (name: string) =>
    page.evaluate((n) => (window as unknown as Fake).__workbook.valueOf(n), name);
  const packName = () => page.getByTestId("pakke-navn").innerText();

  test("a broken pack file is refused with each problem's JSON path; the pack in use stays", async () => {
    await show(page, "Kommune", "Skabeloner");
    expect(await packName()).toBe(builtinPack("kl2024")!.name);
    await page.getByRole("button", { name: "Skift pakke" }).click();
    const broken = JSON.parse(JSON.stringify(PACK.source)) as {
      id: string;
      skabeloner: { blokke: { id: string }[] }[];
    };
    broken.id = "min_pakke";
    broken.skabeloner[0].blokke[1].id = broken.skabeloner[0].blokke[0].id; // a duplicate block id
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Åbn pakkefil …" }).click();
    await (
      await chooser
    ).setFiles({
      name: "min-pakke.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = page.getByRole("alert").filter({ hasText: "»min-pakke.json« kan ikke bruges" });
    await alert.waitFor();
    await expect(alert.locator("code").first().innerText()).resolves.toMatch(
      /^skabeloner\[0\]\.blokke\[1\]/
    );
    expect(await packName()).toBe(builtinPack("kl2024")!.name);
    expect((await wb([])).settings["byrde.pakke"]).toBeUndefined();
  });

  test("choosing kkr_kapacitet: remembered in the workbook; Skabeloner speaks of myndigheder", async () => {
    await page
      .getByRole("combobox", { name: "Indbygget pakke" })
      .selectOption({ label: PACK.name });
    await poll(packName, PACK.name);
    expect((await wb([])).settings["byrde.pakke"]).toEqual({ id: "kkr_kapacitet" });
    const combo = page.getByRole("combobox", { name: /Myndighed/ });
    await combo.click();
    await combo.pressSequentially("Odens");
    await page.getByRole("option", { name: "Odense" }).click();
    await page.getByRole("button", { name: "Indsæt skabeloner" }).click();
    await page.getByText("Skabeloner indsat").waitFor({ timeout: 30000 });
    expect(await valueOf("meta.pakke")).toBe("kkr_kapacitet");
    expect(await valueOf("meta.kommune")).toBe("Odense");
    expect((await wb([])).sheets.length).toBeGreaterThan(1);
  });

  test("Udfyld: the pack's form; a number, an x and a text reach the workbook", async () => {
    await show(page, "Kommune", "Udfyld");
    const planned = page.locator('input[data-field="kkr_kapacitet.planlagt.autisme.2023"]');
    await planned.waitFor();
    await planned.fill("12");
    await planned.press("Tab");
    await poll(() => valueOf("kkr_kapacitet.planlagt.autisme.2023"), 12);
    await page.locator('input[data-field="kkr_kapacitet.vilje.autisme.2023"]').check();
    await poll(() => valueOf("kkr_kapacitet.vilje.autisme.2023"), "x");
    const comment = page.locator('textarea[data-field="kkr_kapacitet.kommentarer"]');
    await comment.fill("Tal fra budgetforslaget.");
    await comment.press("Tab");
    await poll(() => valueOf("kkr_kapacitet.kommentarer"), "Tal fra budgetforslaget.");
    expect(await fitsAt(page, [320, 450], "pakke-udfyld")).toEqual([]);
  });

  test("Indsaml reads the 22 returns with the pack and refuses a kl2024 return; Opregn computes and writes the report", async () => {
    const files = fs
      .readdirSync(EXAMPLES)
      .filter((f) => f.endsWith(".json"))
      .sort();
    const upload = [
      ...(await Promise.all(
        files.map((f) => filledReturnUpload(path.join(EXAMPLES, f), PACK, [PACK.templates[0].id]))
      )),
      await kl2024File(),
    ];
    await show(page, "Konsulent", "Indsaml");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Vælg filer …" }).click();
    await (await chooser).setFiles(upload);
    await page.getByText("Data indsamlet").waitFor({ timeout: 60000 });
    const results = page.getByRole("list", { name: "Resultat pr. fil" });
    await expect(results.getByText("Afvist").count()).resolves.toBe(1);
    await results.getByText(/lavet med pakken ».*« \(kl2024\)/).waitFor();
    const data = (await wb(["Data"])).sheets.find((s) => s.name === "Data")!;
    expect(Object.values(data.cells).map((c) => c.value)).toEqual(
      expect.arrayContaining([...dataColumns(PACK), "Fil", "Odense"])
    );

    await show(page, "Konsulent", "Opregn");
    await page.getByRole("list", { name: "Trin i beregningen" }).waitFor();
    await page.getByRole("button", { name: "Beregn", exact: true }).click();
    const bilag = page.getByRole("table", { name: PACK.report.tables[0].title });
    await bilag.waitFor();
    // The pane's figures are the engine's, computed in Node from the same returns.
    const engine = computeTables({ pack: PACK, returns: packReturnsIn(PACK, EXAMPLES) });
    const total = engine.tables[0].total!;
    const first = engine.tables[0].def.columns[0];
    expect(resultText(total.values[first.id])).toBe("221");
    const totalRow = bilag.getByRole("row", { name: new RegExp(`^${total.label}`) });
    await expect(totalRow.getByRole("cell").first().innerText()).resolves.toBe("221");
    for (const row of engine.tables[0].rows.slice(0, 5)) {
      const cells = bilag
        .getByRole("row", { name: new RegExp(`^${row.label.replace(/[()]/g, ".")}`) })
        .getByRole("cell");
      await expect(cells.first().innerText()).resolves.toBe(resultText(row.values[first.id]));
    }
    expect(await fitsAt(page, [320, 450], "pakke-opregn")).toEqual([]);

    await page.getByRole("button", { name: "Skriv rapport" }).click();
    await page.getByText("Rapport skrevet").waitFor({ timeout: 30000 });
    const names = (await wb([])).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Overblik", "Data", "Valideringslog"]));
    expect(names.some((n) => n.startsWith("Byggeplaner"))).toBe(true);
  }, 180000);

  test("a clean console", async () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
