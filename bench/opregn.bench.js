/* global require, module, process, __dirname */
/**
 * Opregning of 98 returns (all templates): reading each workbook (ExcelJS) and validating it,
 * projecting all nine nedslagspunkter and building the report plan, timed as a ratio to only
 * reading the same 98 files with ExcelJS. Target: ≤ 1,5. Writing overblik.xlsx is reported
 * beside it (not part of the ratio). The 98 returns are generated from the catalogue and the
 * examples (municipality i gets example i mod 5's figures, scaled a little), not timed.
 * Each file is read both ways back to back (plain `new Workbook().xlsx.load`, then readReturn
 * with its file checks), one warm-up pass, then five timed passes; every part's median is
 * reported and the ratio is the median aggregation time over the median plain-read time.
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
        return {
          ...c,
          value:
            typeof v === "number" &&
            !c.name.includes(".volumen.") &&
            !/\.(udtalelse|andet)\./.test(c.name)
              ? Math.round(v * scale * 100) / 100
              : v,
        };
      }),
    }));
    files.push({ name: `kommune-${i}.xlsx`, bytes: await renderWorkbook({ ...plan, sheets }) });
  }
  return files;
}

async function run(report) {
  const { readReturn, renderWorkbook } = dist("xlsx/index.js");
  const { Workbook } = require("exceljs");
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
      await new Workbook().xlsx.load(f.bytes);
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
  const RUNS = 5;
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push((await once()).parts);
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const med = Object.fromEntries(
    Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))])
  );
  const ratio = median(runs.map((r) => r.laes + r.valider + r.opregn + r.rapport)) / med.kunLaes;
  const ratios = runs.map((r) => r.ratio).sort((a, b) => a - b);
  if (
    !result ||
    result.nedslagspunkter.some((n) => n.kan_ikke_beregnes !== null) ||
    result.nedslagspunkter.find((n) => n.id === "gdpr").kommuner.length !== 98
  ) {
    throw new Error(
      `Opregningen af de 98 indberetninger gav ikke alle resultater i benchmark: ${JSON.stringify(result.nedslagspunkter.map((n) => [n.id, n.kommuner.length, n.kan_ikke_beregnes]))}`
    );
  }
  const r2 = (x) => Math.round(x * 100) / 100;
  report(
    `Opregning af 98 indberetninger: (læs + valider + opregn + rapportplan) / kun læsning med ExcelJS, medianer af ${RUNS} kørsler`,
    r2(ratio),
    "×",
    1.5
  );
  report(
    `  forhold pr. kørsel: bedste / median / værste`,
    `${r2(ratios[0])} / ${r2(median(ratios))} / ${r2(ratios[ratios.length - 1])}`,
    "×"
  );
  report("Kun læsning af 98 indberetninger med ExcelJS (median)", Math.round(med.kunLaes), "ms");
  report(
    "  aflæsning (readReturn: kontrol af filen, ExcelJS og navne/etiketter; median)",
    Math.round(med.laes),
    "ms"
  );
  report("  validering (median)", Math.round(med.valider), "ms");
  report("  opregning (median)", Math.round(med.opregn), "ms");
  report("  rapportplan (median)", Math.round(med.rapport), "ms");
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
    process.stdout.write(
      `${name}: ${value} ${unit}${target !== undefined ? ` (mål ≤ ${target} ${unit}) ${ok ? "OK" : "FOR LANGSOM"}` : ""}\n`
    );
  }).catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
}
