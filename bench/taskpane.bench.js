/* eslint-disable */
/* global require, module, __dirname, process */
// Task pane figures: reading 98 returns in the pane in Chromium ÷ the same read in Node (goal
// ≤ 2), the gzipped JS that taskpane.html loads at start (goal ≤ 150 KB), and context.sync()
// calls per Excel operation (goal ≤ 3, the same for 1 and for 50 returns), measured on the
// adapter itself against an in-memory fake of the Excel API. The production bundle is the one
// the browser test uses (scripts/web-build.js: built once, never stale).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { performance } = require("perf_hooks");
const { ensureWebBuild } = require("../scripts/web-build");
const { launchTaskpane } = require("../scripts/taskpane-browser");
const { dist, returnsFor, spread } = require("./lib");

const ROOT = path.resolve(__dirname, "..");
const DIST_WEB = path.join(ROOT, "dist-web");
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const READ_RUNS = 3;
const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Scripts taskpane.html loads itself (not the office.js CDN, not chunks loaded on demand). */
function startupScripts() {
  const html = fs.readFileSync(path.join(DIST_WEB, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]).filter((src) => !/^https?:/.test(src));
}

/** Compiles src/excel next to the CLI build (dist/), so it can run in Node against a fake. */
function loadAdapter() {
  const ts = require("typescript");
  const out = path.join(ROOT, "dist", "excel");
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, "src", "excel"))) {
    if (!f.endsWith(".ts")) continue;
    const src = fs.readFileSync(path.join(ROOT, "src", "excel", f), "utf8");
    const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    fs.writeFileSync(path.join(out, f.replace(/\.ts$/, ".js")), js);
  }
  return require(path.join(out, "index.js"));
}

/** A fresh fake Excel (the browser test's fake, run in Node). */
async function fakeExcel() {
  const src = fs.readFileSync(path.join(ROOT, "test", "e2e", "fakeOffice.js"), "utf8");
  const window = {};
  new Function("window", src)(window);
  let context;
  await window.Excel.run((ctx) => (context = ctx));
  return { context, book: window.__workbook };
}

async function syncsOf(op) {
  const { context, book } = await fakeExcel();
  const setup = op.setup ? await op.setup(context) : undefined;
  const before = book.syncs;
  await op.run(context, setup);
  return book.syncs - before;
}

/**
 * In the page, before the files are picked: the time of the file input's change event (a
 * capturing listener on the document runs before the pane's own), and the time the pane first
 * shows "<n> af <n> filer" for all n files. Both with the page's own clock.
 */
function installReadClock(n) {
  const w = window;
  w.__laesning = {};
  document.addEventListener("change", () => (w.__laesning.start = performance.now()), true);
  const seen = () => {
    const m = /(\d+) af (\d+) filer/.exec(document.body.textContent || "");
    if (m && Number(m[1]) === n && Number(m[2]) === n && !w.__laesning.end) w.__laesning.end = performance.now();
  };
  new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/**
 * Reading returns in the pane (Indsaml: read and validate every file, with its progress) in
 * Chromium ÷ the same read in Node (the pane's reader: readReturn + validateReturn, one file at a
 * time). Each Chromium run opens a fresh pane; one warm-up of each, then READ_RUNS runs.
 */
async function readInChromium(report) {
  const name = "Læsning af 98 indberetninger i opgaveruden (Chromium) ÷ samme læsning i Node";
  if (!fs.existsSync(CHROMIUM_PATH)) {
    report(name, null, "×", 2, { skipped: `Chromium findes ikke på ${CHROMIUM_PATH}` });
    return;
  }
  const { readReturn } = dist("xlsx/index.js");
  const { validateReturn } = dist("domain/validate/index.js");
  const g = await returnsFor(98);
  const files = g.files.map((f) => ({ name: path.basename(f), mimeType: MIME, buffer: fs.readFileSync(f) }));
  const inNode = async () => {
    const t = performance.now();
    for (const f of files) validateReturn(await readReturn(new Uint8Array(f.buffer), f.name));
    return performance.now() - t;
  };
  const browser = await launchTaskpane({ executablePath: CHROMIUM_PATH });
  const inChromium = async () => {
    const page = await browser.newPane();
    try {
      await page.getByRole("tab", { name: "Konsulent", exact: true }).click();
      await page.getByRole("tab", { name: "Indsaml", exact: true }).click();
      const input = page.locator('input[type="file"]');
      await input.waitFor({ state: "attached" });
      await page.evaluate(installReadClock, files.length);
      await input.setInputFiles(files);
      await page.waitForFunction(() => window.__laesning.end !== undefined, null, { timeout: 10 * 60 * 1000, polling: 200 });
      return await page.evaluate(() => window.__laesning.end - window.__laesning.start);
    } finally {
      await page.close();
    }
  };
  try {
    await inNode();
    await inChromium();
    const node = [];
    const chrome = [];
    for (let i = 0; i < READ_RUNS; i++) {
      node.push(await inNode());
      chrome.push(await inChromium());
    }
    const r2 = (x) => Math.round(x * 100) / 100;
    const s = spread(chrome.map((c, i) => c / node[i]));
    report(name, r2(s.median), "×", 2, { min: r2(s.min), max: r2(s.max) });
    for (const [label, xs] of [
      ["  anker: samme læsning i Node", node],
      ["  læsning i Chromium", chrome],
    ]) {
      const m = spread(xs);
      report(label, Math.round(m.median), "ms", undefined, { min: Math.round(m.min), max: Math.round(m.max) });
    }
  } finally {
    await browser.close();
  }
}

async function run(report) {
  ensureWebBuild();
  await readInChromium(report);
  const scripts = startupScripts();
  let gz = 0;
  for (const s of scripts) gz += zlib.gzipSync(fs.readFileSync(path.join(DIST_WEB, s)), { level: 9 }).length;
  report("taskpane.html: JS ved start (gzip)", Math.round(gz / 102.4) / 10, "KB", 150);

  const excel = loadAdapter();
  const { buildTemplateWorkbook } = require(path.join(ROOT, "dist", "domain", "layout"));
  const plan = buildTemplateWorkbook("Aarhus", []);
  const insert = () => ({ run: (ctx) => excel.renderWorkbookPlan(ctx, plan) });
  report("synk: indsæt alle skabeloner", await syncsOf(insert()), "sync", 3);
  const withTemplates = (then) => ({
    setup: (ctx) => excel.renderWorkbookPlan(ctx, plan),
    run: then,
  });
  report("synk: læs alle felter", await syncsOf(withTemplates((ctx) => excel.readWorkbookReturn(ctx))), "sync", 3);
  report(
    "synk: skriv et felt",
    await syncsOf(withTemplates((ctx) => excel.writeNamedCells(ctx, { "ukn.hovedsager.timer_pr_sag.2019": 37.4 }))),
    "sync",
    3,
  );
  report("synk: vælg celle", await syncsOf(withTemplates((ctx) => excel.selectCell(ctx, { sheet: "UKN Data", cell: "C7" }))), "sync", 3);
  const table = (n) => ({
    header: ["Kommune", "Felt", "Værdi", "Fil"],
    rows: Array.from({ length: n * 200 }, (_, i) => [`Kommune ${Math.floor(i / 200)}`, `ukn.felt.${i % 200}`, i, "fil.xlsx"]),
  });
  report("synk: skriv Data, 1 retur", await syncsOf({ run: (ctx) => excel.writeTable(ctx, "Data", table(1)) }), "sync", 3);
  report("synk: skriv Data, 50 returer", await syncsOf({ run: (ctx) => excel.writeTable(ctx, "Data", table(50)) }), "sync", 3);
  report("synk: læs Data", await syncsOf({ setup: (ctx) => excel.writeTable(ctx, "Data", table(50)), run: (ctx) => excel.readTable(ctx, "Data") }), "sync", 3);
}

module.exports = { run };
