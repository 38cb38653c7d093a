/**
 * The browser harness shared by the task pane's browser tests: the production bundle and Debian's
 * headless Chromium over a fake Office/Excel, opened by scripts/taskpane-browser.js (as the bench
 * opens it), and small helpers. Skipped, saying why, where Chromium is absent and under
 * `npm run test:hurtig`.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { buildTemplateWorkbook } from "../../src/domain/layout";
import type { Pack } from "../../src/domain/pack/model";
import { fillWorkbook } from "../../src/xlsx/fill";
import { renderWorkbook } from "../../src/xlsx/render";
import { CHROMIUM, CHROMIUM_PATH, describeWith } from "../helpers/requirements";

export const SHOTS = path.join(__dirname, "__screenshots__");

/** A file for the pane's file chooser (Playwright's `setFiles`). */
export interface Upload {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A return written as JSON (`{ kommune, felter }`, the shape of examples/) as the filled .xlsx a
 * respondent sends back: the pack's templates for the respondent, filled with its values.
 */
export async function filledReturnUpload(
  jsonFile: string,
  pack: Pack,
  templates: readonly string[]
): Promise<Upload> {
  const r = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as {
    kommune: string;
    felter: Record<string, unknown>;
  };
  const template = await renderWorkbook(buildTemplateWorkbook(r.kommune, templates, { pack }));
  const filled = await fillWorkbook(template, r.felter);
  if (!filled.ok) throw new Error(`${jsonFile}: ${JSON.stringify(filled.errors)}`);
  return {
    name: path.basename(jsonFile).replace(/\.json$/, ".xlsx"),
    mimeType: XLSX_MIME,
    buffer: Buffer.from(filled.bytes),
  };
}

/** `describe` for a browser test, or skipped with the reason in its title. */
export const describeBrowser = (title: string, fn: jest.EmptyFunction) =>
  describeWith(CHROMIUM, title, fn);

/** Waits until `read()` gives `expected` (the pane writes asynchronously), then asserts it. */
export async function poll<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 10000
): Promise<void> {
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
  sheets: {
    name: string;
    protected: boolean;
    cells: Record<string, { value?: unknown }>;
    charts?: number;
  }[];
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

/**
 * The page's fake workbook, with the cells of only the sheets named (every sheet's when none
 * are): handing a written report's tens of thousands of cells over from the page takes seconds.
 */
export function fakeWorkbook(page: Page, cellsOf?: readonly string[]): Promise<FakeWorkbook> {
  return page.evaluate((wanted) => {
    const book = (window as unknown as Fake).__workbook;
    if (!wanted) return book;
    return {
      ...book,
      sheets: book.sheets.map((s) => (wanted.includes(s.name) ? s : { ...s, cells: {} })),
    };
  }, cellsOf);
}

/** Waits until the page has laid out and painted what it just changed (two animation frames). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
  );
}

export async function show(page: Page, mode: string, step: string): Promise<void> {
  await page.getByRole("tab", { name: mode, exact: true }).click();
  await page.getByRole("tab", { name: step, exact: true }).click();
  // A view's code loads when it is first shown (React.lazy): wait for it, not for a fixed time.
  await page
    .getByText(/^Indlæser /)
    .first()
    .waitFor({ state: "hidden" });
  await settled(page);
}

export async function axeViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: unknown) => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) hand focus on at
    // once and are never read; axe's aria-hidden-focus rule cannot tell, so they are left out.
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3),
      }));
  });
}

/** Chromium and the built pane served on localhost, opened once for a test file. */
export interface PaneSession {
  /** The first pane, opened over a fresh fake workbook. */
  readonly page: Page;
  /** Another pane in a fresh page (optional query such as "?tema=moerk"). */
  newPane(options?: { width?: number; query?: string }): Promise<Page>;
  /** Console and page errors of every page. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

export async function startPane(): Promise<PaneSession> {
  const { ensureBuild, launchTaskpane } = await import("./server");
  // npm test builds the bundle before Jest starts; run alone, the build happens here (about 45 s
  // on an idle 2-core machine, several minutes when the machine is busy).
  ensureBuild();
  const pane = await launchTaskpane({ executablePath: CHROMIUM_PATH });
  const page = await pane.newPane();
  return { page, newPane: pane.newPane, consoleErrors: pane.consoleErrors, close: pane.close };
}

/**
 * The pane for one describe block: started before its tests (building the bundle first when it
 * is stale, hence the long default allowance) and closed after them; `use` receives the session.
 */
export function paneForTests(use: (session: PaneSession) => void, setupTimeoutMs = 900000): void {
  let session: PaneSession | undefined;
  beforeAll(async () => {
    session = await startPane();
    use(session);
  }, setupTimeoutMs);
  afterAll(async () => {
    await session?.close();
  });
}

/**
 * The page at each width: a problem for any sideways scroll, and a full-page screenshot
 * (`<name>-<width>.png` in __screenshots__, git-ignored) to look at. Leaves the width at 350 px.
 */
export async function fitsAt(
  page: Page,
  widths: readonly number[],
  name: string
): Promise<string[]> {
  const problems: string[] = [];
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await settled(page);
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
