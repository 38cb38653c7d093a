/**
 * The task pane with the rammeaftale_li pack in Chromium (the harness of packs.e2e.test.ts): the
 * pack is chosen in the pack bar, the 19 driftsherrers' 2017 returns (filled templates made from
 * examples/rammeaftale_li) are imported in Indsaml, and Opregn computes the report tables from the
 * workbook's sheets (the engine's figures for 2017) and writes the report. The pane keeps one
 * return per respondent on its Data sheet, so a second year of the same driftsherrer cannot be
 * imported there yet (a 2016 return asks to replace the 2017 one); two years go through the CLI
 * (test/cli/rammeaftale.test.ts) and the report workbook (test/xlsx/rammeaftale-libreoffice.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { builtinPack } from "../../src/domain/pakker";
import { computeTables } from "../../src/domain/tables/compute";
import { resultText } from "../../src/domain/tables/text";
import { packReturn, type FelterReturn } from "../helpers/packReturns";
import {
  describeBrowser,
  filledReturnUpload,
  fitsAt,
  poll,
  show,
  fakeWorkbook,
  paneForTests,
  type PaneSession,
} from "./harness";

const PACK = builtinPack("rammeaftale_li")!;
const EXAMPLES = path.join(__dirname, "../../examples/rammeaftale_li");
const filesOf = (year: number) =>
  fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(`-${year}.json`))
    .sort();
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), "utf8")) as FelterReturn;

describeBrowser("task pane with the rammeaftale_li pack in Chromium", () => {
  let session: PaneSession;
  let page: Page;
  paneForTests((s) => {
    session = s;
    page = s.page;
  });

  const wb = (cellsOf?: readonly string[]) => fakeWorkbook(page, cellsOf);
  const packName = () => page.getByTestId("pakke-navn").innerText();

  async function importFiles(year: number): Promise<void> {
    const upload = await Promise.all(
      filesOf(year).map((f) =>
        filledReturnUpload(path.join(EXAMPLES, f), PACK, [PACK.templates[0].id])
      )
    );
    await show(page, "Konsulent", "Indsaml");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Vælg filer …" }).click();
    await (await chooser).setFiles(upload);
    await page.getByText("Data indsamlet").waitFor({ timeout: 60000 });
  }

  async function computeInPane(): Promise<void> {
    await show(page, "Konsulent", "Opregn");
    await page.getByRole("list", { name: "Trin i beregningen" }).waitFor();
    await page.getByRole("button", { name: "Beregn", exact: true }).click();
    await page.getByRole("table", { name: PACK.report.tables[0].title }).waitFor();
  }

  /** The pane's cell for a report table's row (by label) and column (by position among the shown ones). */
  async function paneCell(tableTitle: string, rowLabel: string, index: number): Promise<string> {
    const table = page.getByRole("table", { name: tableTitle });
    const row = table.getByRole("row", { name: new RegExp(`^${rowLabel}`) });
    return row.getByRole("cell").nth(index).innerText();
  }

  test("choosing rammeaftale_li in the pack bar: remembered in the workbook", async () => {
    await show(page, "Kommune", "Skabeloner");
    await page.getByRole("button", { name: "Skift pakke" }).click();
    await page
      .getByRole("combobox", { name: "Indbygget pakke" })
      .selectOption({ label: PACK.name });
    await poll(packName, PACK.name);
    expect((await wb([])).settings["byrde.pakke"]).toEqual({ id: "rammeaftale_li" });
  });

  test("Indsaml reads the 19 returns of 2017; Opregn shows the engine's figures and writes the report", async () => {
    await importFiles(2017);
    const results = page.getByRole("list", { name: "Resultat pr. fil" });
    await expect(results.getByText("Afvist").count()).resolves.toBe(0);
    const data = (await wb(["Data"])).sheets.find((s) => s.name === "Data")!;
    expect(Object.values(data.cells).map((c) => c.value)).toEqual(
      expect.arrayContaining(["Favrskov", "Region Midtjylland", 118332])
    );

    await computeInPane();
    const returns = filesOf(2017).map((f) => packReturn(PACK, read(f), f));
    const engine = computeTables({ pack: PACK, returns });
    // Takstudvikling (open first): the pane shows its first three columns, the year before's, empty for one year.
    const takst = engine.tables.find((t) => t.def.id === "takstudvikling")!;
    await expect(paneCell(takst.def.title, "Hovedtotal", 0)).resolves.toBe(
      resultText(takst.total!.values.belaegning_foer)
    );
    // Over- og underskud: the year's results and the hovedtotal, as the engine computes them.
    const overskud = engine.tables.find((t) => t.def.id === "overskud")!;
    await page.getByRole("button", { name: overskud.def.title, exact: true }).click();
    await page.getByRole("table", { name: overskud.def.title }).waitFor();
    expect(overskud.total!.values.nu).toEqual(expect.objectContaining({ v: -31583 }));
    await expect(paneCell(overskud.def.title, "Hovedtotal", 1)).resolves.toBe(
      resultText(overskud.total!.values.nu)
    );
    const favrskov = overskud.rows.find((r) => r.id === "Favrskov")!;
    await expect(paneCell(overskud.def.title, "Favrskov", 1)).resolves.toBe(
      resultText(favrskov.values.nu)
    );
    expect(await fitsAt(page, [320, 450], "rammeaftale-opregn")).toEqual([]);

    await page.getByRole("button", { name: "Skriv rapport" }).click();
    await page.getByText("Rapport skrevet").waitFor({ timeout: 30000 });
    const names = (await wb([])).sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Overblik",
        "Data",
        "Takstudvikling på regnskab",
        "Over- og underskud",
        "Pladser pr. målgruppe",
        "Observationer",
      ])
    );
    // The report's cells are live formulas (the fake workbook stores them without computing).
    const overskudSheet = (await wb(["Over- og underskud"])).sheets.find(
      (s) => s.name === "Over- og underskud"
    )!;
    const cells = Object.values(overskudSheet.cells) as { value?: unknown; formula?: string }[];
    expect(cells.map((c) => c.value)).toEqual(
      expect.arrayContaining(["Driftsherre", "Favrskov", "Hovedtotal"])
    );
    expect(cells.filter((c) => c.formula).length).toBeGreaterThan(40);
  }, 240000);

  test("a clean console", async () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
