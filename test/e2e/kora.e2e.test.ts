/**
 * The task pane with the kora_enhedsudgifter pack in Chromium (the shared harness): the reference
 * data imported from the one-row-per-municipality .csv extract into its sheet, Indstillinger
 * created with the pack's defaults, eight municipalities' kora_egnetal returns collected, and
 * Opregn computing the unit costs and deviations (the engine's figures, computed in Node from the
 * same files) and writing the report with one native chart per delområde.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { computeTables } from "../../src/domain/tables/compute";
import { resultText } from "../../src/domain/tables/text";
import { KORA_DIR, koraEnhed, koraPack, koraReturns } from "../helpers/kora";
import {
  describeBrowser,
  fakeWorkbook,
  filledReturnUpload,
  fitsAt,
  poll,
  show,
  paneForTests,
  type PaneSession,
} from "./harness";

const PACK = koraPack();
const EGNETAL = fs
  .readdirSync(path.join(KORA_DIR, "returer"))
  .filter((f) => f.startsWith("egnetal-"))
  .sort();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describeBrowser("task pane with the kora_enhedsudgifter pack in Chromium", () => {
  let session: PaneSession;
  let page: Page;
  paneForTests((s) => {
    session = s;
    page = s.page;
  }, 240000);

  const wb = (cellsOf?: readonly string[]) => fakeWorkbook(page, cellsOf);
  const packName = () => page.getByTestId("pakke-navn").innerText();

  test("the reference data from the .csv extract and the settings become sheets", async () => {
    await show(page, "Konsulent", "Opregn");
    await page.getByRole("button", { name: "Skift pakke" }).click();
    await page
      .getByRole("combobox", { name: "Indbygget pakke" })
      .selectOption({ label: PACK.name });
    await poll(packName, PACK.name);
    await page.getByRole("list", { name: "Trin i beregningen" }).waitFor();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Indlæs fra fil …" }).click();
    await (
      await chooser
    ).setFiles({
      name: "enhed.csv",
      mimeType: "text/csv",
      buffer: fs.readFileSync(path.join(KORA_DIR, "enhed.csv")),
    });
    const def = PACK.inputs[0];
    await page.getByText(`»${def.name}« er skrevet til arket`).waitFor({ timeout: 60000 });
    await page.getByRole("button", { name: "Opret arket" }).click();
    await page.getByText(/er oprettet med pakkens standardværdier/).waitFor({ timeout: 30000 });
    const names = (await wb([])).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([def.name, "Indstillinger"]));
    // Every municipality of the extract is a row of the input sheet.
    const sheet = (await wb([def.name])).sheets.find((s) => s.name === def.name)!;
    const values = new Set(Object.values(sheet.cells).map((c) => c.value));
    for (const k of Object.keys(koraEnhed())) expect([k, values.has(k)]).toEqual([k, true]);
  }, 120000);

  test("Indsaml collects the eight kora_egnetal returns; Beregn gives the engine's unit costs and deviations", async () => {
    await show(page, "Konsulent", "Indsaml");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Vælg filer …" }).click();
    await (
      await chooser
    ).setFiles(
      await Promise.all(
        EGNETAL.map((f) =>
          filledReturnUpload(path.join(KORA_DIR, "returer", f), PACK, ["kora_egnetal"])
        )
      )
    );
    await page.getByText("Data indsamlet").waitFor({ timeout: 60000 });

    await show(page, "Konsulent", "Opregn");
    await page.getByRole("button", { name: "Beregn", exact: true }).click();
    const engine = computeTables({
      pack: PACK,
      returns: koraReturns("egnetal-"),
      inputs: { enhed: koraEnhed() },
    });
    for (const id of ["enhedsudgifter", "afvigelse_pct"]) {
      const table = engine.tables.find((x) => x.def.id === id)!;
      const shown = page.getByRole("table", { name: table.def.title, exact: true });
      if (!(await shown.isVisible()))
        await page.getByRole("button", { name: table.def.title, exact: true }).click();
      await shown.waitFor();
      // The first column shown: for afvigelse_pct the first municipality with a return (a repeated column).
      const first = table.columns.filter((c) => c.def.display === "tabel")[0];
      await shown.getByRole("columnheader", { name: first.title, exact: true }).waitFor();
      const wanted = table.rows.slice(0, 4).map((row) => resultText(row.values[first.id]));
      expect(wanted.filter((w) => w !== "–").length).toBeGreaterThan(1);
      for (const [i, row] of table.rows.slice(0, 4).entries()) {
        const cells = shown
          .getByRole("row", { name: new RegExp(`^${escape(row.label)}`) })
          .getByRole("cell");
        await expect(cells.first().innerText()).resolves.toBe(wanted[i]);
      }
    }
    expect(await fitsAt(page, [320, 450], "kora-opregn")).toEqual([]);
  }, 180000);

  test("Skriv rapport writes the report with one chart per delområde on Figurer", async () => {
    await page.getByRole("button", { name: "Skriv rapport" }).click();
    await page.getByText("Rapport skrevet").waitFor({ timeout: 120000 });
    const sheets = (await wb([])).sheets;
    const figurer = sheets.find((s) => s.name === "Figurer")!;
    expect(figurer.charts).toBe(10);
    expect(sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Enhedsudgifter", "Enhedsudgift pr. kommune", "Figurdata"])
    );
  }, 180000);

  test("a clean console", async () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
