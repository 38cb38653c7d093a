/* eslint-disable */
/* global require, module, __dirname, process */
// Task pane figures: the gzipped JS that taskpane.html loads at start (target ≤ 150 KB), and
// context.sync() calls per Excel operation (target ≤ 3, the same for 1 and for 50 returns),
// measured on the adapter itself against an in-memory fake of the Excel API.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DIST_WEB = path.join(ROOT, "dist-web");

function buildWeb() {
  if (fs.existsSync(path.join(DIST_WEB, "taskpane.html"))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
}

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

async function run(report) {
  buildWeb();
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
