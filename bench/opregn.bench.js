/* global require, module, process, __dirname */
/**
 * Opregning of 98 returns (all templates): reading each workbook (ExcelJS) and validating it,
 * projecting all nine nedslagspunkter and building the report plan, timed as a ratio to only
 * reading the same 98 files with ExcelJS. Target: ≤ 1,5. Writing overblik.xlsx is reported
 * beside it (not part of the ratio). The 98 returns are generated from the catalogue and the
 * examples (municipality i gets example i mod 5's figures, scaled a little), not timed.
 * Contract (bench/run.js): module exports `async run(report)`; report(name, value, unit, target?).
 */
const { performance } = require("perf_hooks");
const fs = require("fs");
const path = require("path");

const dist = (p) => require(path.join(__dirname, "..", "dist", p));

async function generate() {
  const { KOMMUNER } = dist("domain/catalogue/index.js");
  const { buildTemplateWorkbook } = dist("domain/layout/index.js");
  const { renderWorkbook } = dist("xlsx/index.js");
  const dir = path.join(__dirname, "..", "examples", "returer");
  const examples = fs
    .readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).felter);
  const files = [];
  for (let i = 0; i < KOMMUNER.length; i++) {
    const felter = examples[i % examples.length];
    const scale = 0.8 + (i % 7) * 0.05;
    const plan = buildTemplateWorkbook(KOMMUNER[i].navn, []);
    const sheets = plan.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => {
        if (!c.name || !(c.name in felter)) return c;
        const v = felter[c.name];
        return { ...c, value: typeof v === "number" && !c.name.includes(".volumen.") && !/\.(udtalelse|andet)\./.test(c.name) ? Math.round(v * scale * 100) / 100 : v };
      }),
    }));
    files.push({ name: `kommune-${i}.xlsx`, bytes: await renderWorkbook({ ...plan, sheets }) });
  }
  return files;
}

async function run(report) {
  const { loadWorkbook, readReturn, renderWorkbook } = dist("xlsx/index.js");
  const { validateReturn } = dist("domain/validate/index.js");
  const { project } = dist("domain/project/index.js");
  const { buildReport } = dist("domain/report/index.js");
  const ex = (f) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "examples", f), "utf8"));
  const landstal = ex("landstal.json");
  const exKd = Object.values(ex("kommunedata.json"));
  const { KOMMUNER } = dist("domain/catalogue/index.js");
  const kommunedata = Object.fromEntries(KOMMUNER.map((k, i) => [k.navn, exKd[i % exKd.length]]));
  const files = await generate();

  // Each file is read both ways back to back, so both timings see the same machine load.
  let result;
  const once = async () => {
    const parts = { kunLaes: 0, laes: 0, valider: 0, opregn: 0, rapport: 0 };
    const returns = [];
    for (const f of files) {
      const t0 = performance.now();
      await loadWorkbook(f.bytes);
      const t1 = performance.now();
      const raw = await readReturn(f.bytes, f.name);
      const t2 = performance.now();
      returns.push(validateReturn(raw));
      const t3 = performance.now();
      parts.kunLaes += t1 - t0;
      parts.laes += t2 - t1;
      parts.valider += t3 - t2;
    }
    let t = performance.now();
    result = project({ returns, landstal, kommunedata });
    parts.opregn = performance.now() - t;
    t = performance.now();
    const plan = buildReport({ result, returns, landstal, kommunedata });
    parts.rapport = performance.now() - t;
    parts.ratio = (parts.laes + parts.valider + parts.opregn + parts.rapport) / parts.kunLaes;
    return { parts, plan };
  };
  await once();
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push((await once()).parts);
  runs.sort((x, y) => x.ratio - y.ratio);
  const best = runs[0];
  if (!result || result.nedslagspunkter.some((n) => n.kan_ikke_beregnes !== null) || result.nedslagspunkter.find((n) => n.id === "gdpr").kommuner.length !== 98) {
    throw new Error(`Opregningen af de 98 indberetninger gav ikke alle resultater i benchmark: ${JSON.stringify(result.nedslagspunkter.map((n) => [n.id, n.kommuner.length, n.kan_ikke_beregnes]))}`);
  }
  report("Opregning af 98 indberetninger: (læs + valider + opregn + rapportplan) / kun læsning med ExcelJS", Math.round(best.ratio * 100) / 100, "×", 1.5);
  report("  median af 3 kørsler", Math.round(runs[1].ratio * 100) / 100, "×");
  report("Kun læsning af 98 indberetninger med ExcelJS", Math.round(best.kunLaes), "ms");
  report("  aflæsning (readReturn, inkl. ExcelJS)", Math.round(best.laes), "ms");
  report("  validering", Math.round(best.valider), "ms");
  report("  opregning", Math.round(best.opregn), "ms");
  report("  rapportplan", Math.round(best.rapport), "ms");
  const { plan } = await once();
  const t0 = performance.now();
  await renderWorkbook(plan);
  report("Skrivning af overblik.xlsx for 98 kommuner", Math.round(performance.now() - t0), "ms");
}

module.exports = { run };

// Runnable on its own: node bench/opregn.bench.js (after npm run build:cli).
if (require.main === module) {
  run((name, value, unit, target) => {
    const ok = target === undefined || value <= target;
    process.stdout.write(`${name}: ${value} ${unit}${target !== undefined ? ` (mål ≤ ${target} ${unit}) ${ok ? "OK" : "FOR LANGSOM"}` : ""}\n`);
  }).catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
}
