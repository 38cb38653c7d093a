/**
 * The browser harness shared by the task pane's browser tests: Debian's headless Chromium driven
 * by playwright-core, a fake Office/Excel (fakeOffice.js) injected before the page loads, the
 * office.js CDN request answered locally (there is no internet), and small helpers.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);
export const SHOTS = path.join(__dirname, "__screenshots__");

if (!hasChromium) {
  console.warn(`Browsertesten springes over: Chromium findes ikke på ${CHROMIUM}.`);
}
export const describeBrowser = hasChromium ? describe : describe.skip;

/** Waits until `read()` gives `expected` (the pane writes asynchronously), then asserts it. */
export async function poll<T>(read: () => Promise<T>, expected: T, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  expect(last).toBe(expected);
}

export interface FakeWorkbook {
  /** Office document settings (saved with the workbook). */
  settings: Record<string, unknown>;
  sheets: { name: string; protected: boolean; cells: Record<string, { value?: unknown }>; charts?: number }[];
  names: Record<string, string>;
  tables: { name: string; sheet: string; address: string }[];
  selected: string | null;
  taskpaneShown: number;
  runOptions: { delayForCellEdit?: boolean }[];
  valueOf(name: string): unknown;
  addressOf(name: string): string | undefined;
  type(sheet: string, address: string, value: unknown): void;
  select(sheet: string, address: string): void;
  actions: Record<string, () => Promise<void>>;
}

export type Fake = { __workbook: FakeWorkbook };

export async function openPane(browser: Browser, url: string, consoleErrors: string[], width = 350): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "da-DK" });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  // No internet: answer office.js locally (the fake is injected below), refuse anything else.
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(url.replace(/taskpane\.html.*$/, ""))) return route.continue();
    if (u.includes("appsforoffice.microsoft.com")) {
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js: fake injected by the test */" });
    }
    return route.abort();
  });
  await page.addInitScript({ path: path.join(__dirname, "fakeOffice.js") });
  await page.goto(url);
  await page.getByRole("heading", { name: "Byrdeberegner" }).waitFor();
  return page;
}

export async function show(page: Page, mode: string, step: string): Promise<void> {
  await page.getByRole("tab", { name: mode, exact: true }).click();
  await page.getByRole("tab", { name: step, exact: true }).click();
  await page.waitForTimeout(150);
}

export async function axeViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) hand focus on at
    // once and are never read; axe's aria-hidden-focus rule cannot tell, so they are left out.
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  });
}


/** Chromium and the built pane served on localhost, opened once for a test file. */
export interface PaneSession {
  readonly browser: Browser;
  readonly page: Page;
  readonly url: string;
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

export async function startPane(): Promise<PaneSession> {
  const { chromium } = await import("playwright-core");
  const { ensureBuild, serve } = await import("./server");
  ensureBuild();
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const consoleErrors: string[] = [];
  const url = `${server.url}taskpane.html`;
  const page = await openPane(browser, url, consoleErrors);
  return {
    browser,
    page,
    url: server.url,
    consoleErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The page at each width: a problem for any sideways scroll, and a full-page screenshot
 * (`<name>-<width>.png` in __screenshots__, git-ignored) to look at. Leaves the width at 350 px.
 */
export async function fitsAt(page: Page, widths: readonly number[], name: string): Promise<string[]> {
  const problems: string[] = [];
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(100);
    const { scroll, inner } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    if (scroll > inner) problems.push(`${name} ${width}px: scrollWidth ${scroll} > ${inner}`);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 350, height: 900 });
  return problems;
}
