/* global require, module, process, __dirname */
/**
 * Reading 98 returns: the streaming reader (readReturn, src/xlsx/reader) against a plain ExcelJS
 * load of the same files (`new Workbook().xlsx.load`, nothing else), as a ratio taken within
 * each run. Each file is loaded both ways back to back, so both timings see the same machine
 * load; one warm-up pass, then seven timed passes; reported: the median ratio with the best and
 * the worst run, and the median times. Also, as a command meets it: a fresh process reading the
 * 98 files from disk in two worker threads (the CLI's isolation) against one reading them in its
 * own thread.
 * The 98 returns are all templates for all 98 municipalities, filled with the examples'
 * figures (municipality i gets example i mod 5), made once and not timed.
 * Contract (bench/run.js): module exports `async run(report)`; report(name, value, unit, target?).
 */
const { performance } = require("perf_hooks");
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const dist = (p) => require(path.join(ROOT, "dist", p));

async function returns() {
  const { KOMMUNER } = dist("domain/catalogue/index.js");
  const { buildTemplateWorkbook } = dist("domain/layout/index.js");
  const { renderWorkbook } = dist("xlsx/index.js");
  const dir = path.join(ROOT, "examples", "returer");
  const examples = fs
    .readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).felter);
  const files = [];
  for (let i = 0; i < KOMMUNER.length; i++) {
    const felter = examples[i % examples.length];
    const plan = buildTemplateWorkbook(KOMMUNER[i].navn, []);
    const sheets = plan.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => (c.name && c.name in felter ? { ...c, value: felter[c.name] } : c)),
    }));
    files.push({ name: `kommune-${i}.xlsx`, bytes: await renderWorkbook({ ...plan, sheets }) });
  }
  return files;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r2 = (x) => Math.round(x * 100) / 100;
const da = (x) => r2(x).toLocaleString("da-DK");

async function run(report) {
  const { readReturn } = dist("xlsx/read.js");
  const { Workbook } = require("exceljs");
  const files = await returns();

  const sanity = await readReturn(files[0].bytes, files[0].name);
  if (sanity.findings.length > 0 || Object.keys(sanity.cells).length < 700)
    throw new Error(`Benchmarkens indberetning læses ikke rent: ${JSON.stringify(sanity.findings)}`);

  const pass = async () => {
    let excel = 0;
    let reader = 0;
    for (const f of files) {
      const t0 = performance.now();
      await new Workbook().xlsx.load(f.bytes);
      const t1 = performance.now();
      await readReturn(f.bytes, f.name);
      reader += performance.now() - t1;
      excel += t1 - t0;
    }
    return { excel, reader, ratio: reader / excel };
  };
  await pass();
  const RUNS = 7;
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await pass());
  const ratios = runs.map((r) => r.ratio).sort((a, b) => a - b);
  report(
    `Læsning af 98 indberetninger: læseren / indlæsning med ExcelJS, median af ${RUNS} kørsler`,
    r2(median(ratios)),
    "×"
  );
  report("  forhold pr. kørsel: bedste / værste", `${da(ratios[0])} / ${da(ratios[RUNS - 1])}`, "×");
  report("  læseren, 98 filer (median)", Math.round(median(runs.map((r) => r.reader))), "ms");
  report("  ExcelJS-indlæsning, 98 filer (median)", Math.round(median(runs.map((r) => r.excel))), "ms");
  report(
    "  læseren pr. fil (median)",
    r2(median(runs.map((r) => r.reader)) / files.length),
    "ms"
  );

  // Isolation, as a command meets it: a fresh process reads the 98 files from disk, in two
  // worker threads (readReturnFiles, as valider does) or in its own thread (readReturns).
  const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "byrde-laesning-"));
  try {
    const paths = files.map((f) => {
      const p = path.join(dir, f.name);
      fs.writeFileSync(p, f.bytes);
      return p;
    });
    const list = path.join(dir, "filer.json");
    fs.writeFileSync(list, JSON.stringify(paths));
    const timed = (mode) => {
      const out = execFileSync(process.execPath, [__filename, "--proces", mode, list], {
        encoding: "utf8",
      });
      return JSON.parse(out).ms;
    };
    const batch = [];
    for (let i = 0; i < 3; i++) {
      const inThread = timed("samme-traad");
      const workers = timed("arbejdstraade");
      batch.push({ inThread, workers, ratio: workers / inThread });
    }
    report(
      "98 filer i en ny proces: 2 arbejdstråde / samme tråd (median af 3)",
      r2(median(batch.map((b) => b.ratio))),
      "×"
    );
    report("  i 2 arbejdstråde (median)", Math.round(median(batch.map((b) => b.workers))), "ms");
    report("  i samme tråd (median)", Math.round(median(batch.map((b) => b.inThread))), "ms");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The child process of the isolation figure: reads the listed files one way, prints the time. */
async function child(mode, list) {
  const t0 = performance.now();
  const paths = JSON.parse(fs.readFileSync(list, "utf8"));
  const read =
    mode === "arbejdstraade"
      ? await dist("cli/readPool.js").readReturnFiles(paths)
      : await dist("xlsx/batch.js").readReturns(
          paths.map((p) => ({ name: p, bytes: fs.readFileSync(p) }))
        );
  const ms = performance.now() - t0;
  if (read.some((r) => r.findings.length > 0)) throw new Error("En fil blev ikke læst rent.");
  process.stdout.write(JSON.stringify({ ms }));
}

module.exports = { run };

// Runnable on its own: node bench/laesning.bench.js (after npm run build:cli).
if (require.main === module && process.argv[2] === "--proces") {
  child(process.argv[3], process.argv[4]).catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
} else if (require.main === module) {
  run((name, value, unit) => process.stdout.write(`${name}: ${value} ${unit}\n`)).catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
}
