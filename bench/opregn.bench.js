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

  const readOnly = async () => {
    for (const f of files) await loadWorkbook(f.bytes);
  };
  let result;
  let returns;
  const parts = { laes: [], valider: [], opregn: [], rapport: [] };
  const aggregate = async () => {
    returns = [];
    let tl = 0;
    let tv = 0;
    for (const f of files) {
      const t0 = performance.now();
      const raw = await readReturn(f.bytes, f.name);
      const t1 = performance.now();
      returns.push(validateReturn(raw));
      tv += performance.now() - t1;
      tl += t1 - t0;
    }
    let t = performance.now();
    result = project({ returns, landstal, kommunedata });
    parts.opregn.push(performance.now() - t);
    t = performance.now();
    const plan = buildReport({ result, returns, landstal, kommunedata });
    parts.rapport.push(performance.now() - t);
    parts.laes.push(tl);
    parts.valider.push(tv);
    return plan;
  };
  await readOnly();
  await aggregate();
  const tRead = [];
  const tAgg = [];
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    await readOnly();
    tRead.push(performance.now() - t0);
    t0 = performance.now();
    await aggregate();
    tAgg.push(performance.now() - t0);
  }
  const min = (xs) => Math.min(...xs);
  if (!result || result.nedslagspunkter.some((n) => n.kan_ikke_beregnes !== null) || result.nedslagspunkter.find((n) => n.id === "gdpr").kommuner.length !== 98) {
    throw new Error(`Opregningen af de 98 indberetninger gav ikke alle resultater i benchmark: ${JSON.stringify(result.nedslagspunkter.map((n) => [n.id, n.kommuner.length, n.kan_ikke_beregnes]))}`);
  }
  report("Opregning af 98 indberetninger: (læs + valider + opregn + rapportplan) / kun læsning med ExcelJS", Math.round((min(tAgg) / min(tRead)) * 100) / 100, "×", 1.5);
  report("Kun læsning af 98 indberetninger med ExcelJS", Math.round(min(tRead)), "ms");
  report("  heraf: aflæsning (readReturn, inkl. ExcelJS)", Math.round(min(parts.laes)), "ms");
  report("  heraf: validering", Math.round(min(parts.valider)), "ms");
  report("  heraf: opregning", Math.round(min(parts.opregn)), "ms");
  report("  heraf: rapportplan", Math.round(min(parts.rapport)), "ms");
  const plan = await aggregate();
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
