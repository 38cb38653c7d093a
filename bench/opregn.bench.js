/* global require, module, process */
/**
 * `byrde opregn` for 98 valid returns (bench/lib.js: all templates, 0 fejl, fixed seed),
 * everything included: reading and validating every file, projecting, and writing
 * overblik.xlsx to disk, through the CLI's own `main` in this process. Anchor: loading the same
 * 98 files with ExcelJS (`new Workbook().xlsx.load`) and doing nothing else. Goal: ≤ 1,0.
 *
 * One warm-up of each, then five runs; in each run both are timed back to back (the order
 * alternating), so both see the same machine load. The figure is the median of the five
 * per-run ratios, with the smallest and largest. Then each part on its own (read, validate,
 * project, report plan, write) as a ratio to the anchor's median, from three more runs.
 */
const { performance } = require("perf_hooks");
const fs = require("fs");
const path = require("path");
const { QUIET, dist, returnsFor, spread } = require("./lib");

const RUNS = 5;
const PART_RUNS = 3;

async function run(report) {
  const { Workbook } = require("exceljs");
  const { main } = dist("cli/main.js");
  const { readReturn } = dist("xlsx/index.js");
  const { streamWorkbook } = dist("xlsx/node/stream.js");
  const { validateReturn } = dist("domain/validate/index.js");
  const { project, parseLandstal, parseKommunedata } = dist("domain/project/index.js");
  const { buildReport } = dist("domain/report/index.js");
  const g = await returnsFor(98);
  const out = path.join(g.dir, "overblik.xlsx");

  const anchor = async () => {
    const t = performance.now();
    for (const f of g.files) await new Workbook().xlsx.load(fs.readFileSync(f));
    return performance.now() - t;
  };
  let json = "";
  const opregn = async () => {
    json = "";
    const io = { out: (s) => (json += s), err: QUIET.err };
    const t = performance.now();
    const code = await main(
      ["node", "byrde", "opregn", ...g.files, "--landstal", g.landstal, "--kommunedata", g.kommunedata, "-o", out, "--json", "--overskriv", ...g.pakkeArgs],
      io
    );
    const ms = performance.now() - t;
    if (code !== 0) throw new Error(`byrde opregn sluttede med kode ${code}`);
    return ms;
  };

  await anchor();
  await opregn();
  const anchors = [];
  const opregns = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      anchors.push(await anchor());
      opregns.push(await opregn());
    } else {
      opregns.push(await opregn());
      anchors.push(await anchor());
    }
  }
  // The work was the real work: every nedslagspunkt computed from all 98 municipalities.
  const result = JSON.parse(json);
  const short = result.nedslagspunkter.filter((n) => n.kan_ikke_beregnes !== null || n.kommuner.length === 0);
  if (short.length > 0 || result.nedslagspunkter.length !== 9) {
    throw new Error(`opregningen af de 98 indberetninger gav ikke alle resultater: ${JSON.stringify(short.map((n) => n.id))}`);
  }
  const ratios = opregns.map((o, i) => o / anchors[i]);
  const r = spread(ratios);
  const r2 = (x) => Math.round(x * 100) / 100;
  report(
    "byrde opregn, 98 indberetninger, alt medregnet ÷ ExcelJS-indlæsning af de samme filer",
    r2(r.median),
    "×",
    1.0,
    { min: r2(r.min), max: r2(r.max) }
  );
  const a = spread(anchors);
  report("  anker: ExcelJS-indlæsning af 98 filer", Math.round(a.median), "ms", undefined, {
    min: Math.round(a.min),
    max: Math.round(a.max),
  });
  const o = spread(opregns);
  report("  byrde opregn, 98 indberetninger", Math.round(o.median), "ms", undefined, {
    min: Math.round(o.min),
    max: Math.round(o.max),
  });

  // Each part on its own, as a ratio to the anchor's median.
  const landstal = parseLandstal(JSON.parse(fs.readFileSync(g.landstal, "utf8"))).value;
  const kommunedata = parseKommunedata(JSON.parse(fs.readFileSync(g.kommunedata, "utf8"))).value;
  const parts = { laes: [], valider: [], opregn: [], plan: [], skriv: [] };
  for (let i = 0; i < PART_RUNS; i++) {
    const raws = [];
    let t = performance.now();
    for (const f of g.files) raws.push(await readReturn(fs.readFileSync(f), path.basename(f)));
    parts.laes.push(performance.now() - t);
    t = performance.now();
    const returns = raws.map((r) => validateReturn(r));
    parts.valider.push(performance.now() - t);
    t = performance.now();
    const res = project({ returns, landstal, kommunedata });
    parts.opregn.push(performance.now() - t);
    t = performance.now();
    const plan = buildReport({ result: res, returns, landstal, kommunedata });
    parts.plan.push(performance.now() - t);
    t = performance.now();
    await streamWorkbook(plan, fs.createWriteStream(out));
    parts.skriv.push(performance.now() - t);
  }
  const names = {
    laes: "aflæsning (readReturn)",
    valider: "validering",
    opregn: "opregning",
    plan: "rapportplan",
    skriv: "skrivning af overblik.xlsx (streamet)",
  };
  for (const [k, xs] of Object.entries(parts)) {
    const s = spread(xs.map((x) => x / a.median));
    report(`  del: ${names[k]} ÷ anker`, r2(s.median), "×", undefined, { min: r2(s.min), max: r2(s.max) });
  }
}

module.exports = { run };

// Runnable on its own: node bench/opregn.bench.js (after npm run build:cli).
if (require.main === module) {
  run((name, value, unit, goal) => process.stdout.write(`${name}: ${value} ${unit}${goal !== undefined ? ` (mål ≤ ${goal})` : ""}\n`)).catch(
    (e) => {
      process.stderr.write(`${e.stack}\n`);
      process.exitCode = 1;
    }
  );
}
