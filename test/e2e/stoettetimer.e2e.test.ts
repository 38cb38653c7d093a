/**
 * The task pane with the `stoettetimer` pack in Chromium (the shared harness): respondents without
 * a fixed list take the typed name of a tilbud, but never a CPR number; the døgnrytme template is
 * inserted; Udfyld shows the fields to fill in (not the derived columns and totals, which are
 * formulas in the sheet), writes a time slot to the workbook, and refuses a CPR-like text for the
 * citizen without writing it. Screenshots at 320 and 450 px, no sideways scroll.
 */
import type { Page } from "playwright-core";
import { builtinPack } from "../../src/domain/pakker";
import {
  describeBrowser,
  fitsAt,
  poll,
  show,
  fakeWorkbook,
  paneForTests,
  type Fake,
  type PaneSession,
} from "./harness";

const PACK = builtinPack("stoettetimer")!;
const TILBUD = "Bostedet Solhøj";

describeBrowser("task pane with the stoettetimer pack in Chromium", () => {
  let session: PaneSession;
  let page: Page;
  paneForTests((s) => {
    session = s;
    page = s.page;
  });

  const wb = (cellsOf?: readonly string[]) => fakeWorkbook(page, cellsOf);
  const valueOf = (name: string) =>
    page.evaluate((n) => (window as unknown as Fake).__workbook.valueOf(n), name);
  const field = (id: string) => page.locator(`[data-field="${id}"]`);
  /** A clock time in the workbook (a fraction of a day) as minutes after midnight. */
  const minutesOf = async (name: string) => Math.round(Number(await valueOf(name)) * 1440);

  test("Skabeloner: a tilbud is any typed name, a CPR number is refused; the døgnrytme template is inserted", async () => {
    await show(page, "Kommune", "Skabeloner");
    await page.getByRole("button", { name: "Skift pakke" }).click();
    await page
      .getByRole("combobox", { name: "Indbygget pakke" })
      .selectOption({ label: PACK.name });
    await poll(() => page.getByTestId("pakke-navn").innerText(), PACK.name);
    const who = page.getByRole("combobox", { name: /Tilbud/ });
    const insert = page.getByRole("button", { name: "Indsæt skabeloner" });
    await who.fill("010180-1234");
    await page.getByText("Skriv tilbuddets navn, ikke et CPR-nummer").waitFor();
    expect(await insert.isDisabled()).toBe(true);
    await who.fill(TILBUD);
    await page.getByRole("button", { name: "Fravælg alle" }).click();
    await page
      .getByRole("checkbox", { name: PACK.templates.find((t) => t.id === "doegnrytme")!.name })
      .check();
    expect(await insert.isDisabled()).toBe(false);
    await insert.click();
    await page.getByText("Skabeloner indsat").waitFor({ timeout: 30000 });
    expect(await valueOf("meta.pakke")).toBe("stoettetimer");
    expect(await valueOf("meta.kommune")).toBe(TILBUD);
    expect(await valueOf("meta.skabelon")).toBe("doegnrytme");
  });

  test("Udfyld: a time slot reaches the workbook; derived columns and totals are not form fields; a CPR-like citizen is not written", async () => {
    await show(page, "Kommune", "Udfyld");
    const start = field("doegnrytme.dag.1.start");
    await start.waitFor();
    // The derived columns (personale, borgere, varighed, omregnet) and the totals block are formulas.
    for (const id of ["personale", "borgere", "varighed", "omregnet"])
      expect(await field(`doegnrytme.dag.1.${id}`).count()).toBe(0);
    expect(await field("doegnrytme.tid.dag_min.i_alt").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Tidsforbrug (regnes ud)" }).count()).toBe(0);

    await start.fill("07:45");
    await start.press("Tab");
    await poll(() => minutesOf("doegnrytme.dag.1.start"), 7 * 60 + 45);
    const end = field("doegnrytme.dag.1.slut");
    await end.fill("08:15");
    await end.press("Tab");
    await poll(() => minutesOf("doegnrytme.dag.1.slut"), 8 * 60 + 15);
    const staffing = field("doegnrytme.dag.1.normering");
    await staffing.fill("1:4");
    await staffing.press("Tab");
    await poll(() => valueOf("doegnrytme.dag.1.normering"), "1:4");

    const citizen = field("doegnrytme.hoved.borger.svar");
    await citizen.fill("0101801234");
    await citizen.press("Tab");
    await page
      .getByText(/ser ud til at indeholde et CPR-nummer/)
      .first()
      .waitFor();
    expect([null, undefined, ""]).toContain(await valueOf("doegnrytme.hoved.borger.svar"));
    const cells = (await wb()).sheets.flatMap((s) =>
      Object.values(s.cells).map((c) => String(c.value ?? ""))
    );
    expect(cells.some((v) => v.includes("0101801234"))).toBe(false);
    await citizen.fill("AB");
    await citizen.press("Tab");
    await poll(() => valueOf("doegnrytme.hoved.borger.svar"), "AB");
    expect(await fitsAt(page, [320, 450], "stoettetimer-udfyld")).toEqual([]);
  });

  test("a clean console", async () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
