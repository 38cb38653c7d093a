/* global require, module, process */
/**
 * Templates: `byrde skabelon --kommune alle` (all templates, 98 files written) ÷ `byrde
 * skabelon --kommune Aarhus` (one file), both through the CLI's own `main` in this process into
 * a temporary folder. Goal: ≤ 2 (the set is rendered once and specialised per municipality).
 * Two warm-ups, seven runs timed back to back (the order alternating); median of the per-run
 * ratios, with min and max.
 *
 * Beside it, each ÷ loading the same template with ExcelJS: filling every field of one
 * template (fillWorkbook) and reading it back (readReturn).
 */
const { performance } = require("perf_hooks");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { QUIET, dist, spread } = require("./lib");

const RUNS = 7;
const r2 = (x) => Math.round(x * 100) / 100;

async function run(report) {
  const { main } = dist("cli/main.js");
  const { TEMPLATES, fieldsOf, KOMMUNER } = dist("domain/catalogue/index.js");
  const { fillWorkbook, readReturn } = dist("xlsx/index.js");
  const { Workbook } = require("exceljs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byrde-bench-skabeloner-"));
  try {
    const skabelon = async (kommune, ud) => {
      const t = performance.now();
      const code = await main(["node", "byrde", "skabelon", "--kommune", kommune, "-o", path.join(dir, ud), "--overskriv"], QUIET);
      if (code !== 0) throw new Error(`byrde skabelon sluttede med kode ${code}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 2; i++) {
      await skabelon("Aarhus", "en");
      await skabelon("alle", "alle");
    }
    const one = [];
    const all = [];
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        one.push(await skabelon("Aarhus", "en"));
        all.push(await skabelon("alle", "alle"));
      } else {
        all.push(await skabelon("alle", "alle"));
        one.push(await skabelon("Aarhus", "en"));
      }
    }
    const written = fs.readdirSync(path.join(dir, "alle"));
    if (written.length !== KOMMUNER.length) throw new Error(`${written.length} skabeloner skrevet, ikke ${KOMMUNER.length}`);
    const s = spread(all.map((x, i) => x / one[i]));
    report(`Skabeloner til ${KOMMUNER.length} kommuner ÷ skabelon til én`, r2(s.median), "×", 2, {
      min: r2(s.min),
      max: r2(s.max),
    });
    for (const [name, xs] of [
      ["  anker: skabelon til én kommune", one],
      [`  skabeloner til ${KOMMUNER.length} kommuner`, all],
    ]) {
      const m = spread(xs);
      report(name, Math.round(m.median), "ms", undefined, { min: Math.round(m.min), max: Math.round(m.max) });
    }
    const sizes = written.map((f) => fs.statSync(path.join(dir, "alle", f)).size);
    report("  filstørrelse pr. kommune (gennemsnit)", Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024), "KB");

    // Fill every field of one template and read it back, each ÷ loading the template.
    const template = fs.readFileSync(path.join(dir, "en", written.find((f) => f.includes("aarhus")) || fs.readdirSync(path.join(dir, "en"))[0]));
    const values = {};
    let n = 1;
    for (const t of TEMPLATES) {
      for (const f of fieldsOf(t)) {
        values[f.id] = f.kind === "tekst" ? `Kommentar ${n}` : f.kind === "x" ? "x" : f.kind === "pct" ? n % 101 : n;
        n += 1;
      }
    }
    const load = [];
    const fill = [];
    const read = [];
    let filled;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await new Workbook().xlsx.load(template);
      load.push(performance.now() - t);
      t = performance.now();
      filled = await fillWorkbook(template, values);
      fill.push(performance.now() - t);
      if (!filled.ok) throw new Error(filled.errors.map((e) => e.message).join("; "));
      t = performance.now();
      const raw = await readReturn(filled.bytes);
      read.push(performance.now() - t);
      if (Object.keys(raw.cells).length !== Object.keys(values).length) throw new Error("læs fandt ikke alle felter");
    }
    const anchor = spread(load).median;
    for (const [name, xs] of [
      [`  udfyld alle ${Object.keys(values).length} felter i én skabelon ÷ ExcelJS-indlæsning af den`, fill],
      ["  læs en udfyldt skabelon ÷ ExcelJS-indlæsning af skabelonen", read],
    ]) {
      const m = spread(xs.map((x) => x / anchor));
      report(name, r2(m.median), "×", undefined, { min: r2(m.min), max: r2(m.max) });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  run((name, value, unit, goal) => process.stdout.write(`${name}: ${value} ${unit}${goal !== undefined ? ` (mål ≤ ${goal})` : ""}\n`));
}
