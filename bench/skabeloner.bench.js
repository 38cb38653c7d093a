/* global require, module, process, __dirname */
/**
 * Templates: generate the fill-in workbook (all templates) for all 98 municipalities, in memory,
 * through the same code as `byrde skabelon --kommune alle` minus the file writes (dist/, built by
 * `npm run build:cli`). Also: file size, and filling + reading one complete workbook.
 * Contract (bench/run.js): module exports `async run(report)`; report(name, value, unit, target?).
 */
const { performance } = require("perf_hooks");
const path = require("path");

const dist = (p) => require(path.join(__dirname, "..", "dist", p));

async function run(report) {
  const { KOMMUNER, TEMPLATES, fieldsOf } = dist("domain/catalogue");
  const { buildTemplateWorkbook } = dist("domain/layout");
  const { renderWorkbook, fillWorkbook, readReturn } = dist("xlsx");
  const ids = TEMPLATES.map((t) => t.id);

  // Warm-up.
  await renderWorkbook(buildTemplateWorkbook(KOMMUNER[0].navn, ids));

  const t0 = performance.now();
  let bytes = 0;
  let largest = 0;
  let first;
  for (const k of KOMMUNER) {
    const b = await renderWorkbook(buildTemplateWorkbook(k.navn, ids));
    bytes += b.length;
    largest = Math.max(largest, b.length);
    if (!first) first = b;
  }
  const total = performance.now() - t0;
  report(`Skabeloner til alle ${KOMMUNER.length} kommuner (${ids.length} skabeloner hver)`, Math.round(total), "ms", 40000);
  report("Pr. kommune", Math.round(total / KOMMUNER.length), "ms");
  report("Filstørrelse pr. kommune (gennemsnit)", Math.round(bytes / KOMMUNER.length / 1024), "KB");
  report("Største fil", Math.round(largest / 1024), "KB", 500);

  // Fill every field of one workbook and read it back.
  const values = {};
  let i = 1;
  for (const t of TEMPLATES) {
    for (const f of fieldsOf(t)) {
      values[f.id] = f.kind === "tekst" ? `Kommentar ${i}` : f.kind === "x" ? "x" : f.kind === "pct" ? i % 101 : i;
      i += 1;
    }
  }
  const t1 = performance.now();
  const filled = await fillWorkbook(first, values);
  const t2 = performance.now();
  if (!filled.ok) throw new Error(filled.errors.map((e) => e.message).join("; "));
  const raw = await readReturn(filled.bytes);
  const t3 = performance.now();
  if (Object.keys(raw.cells).length !== Object.keys(values).length) throw new Error("læs fandt ikke alle felter");
  report(`Udfyld alle ${Object.keys(values).length} felter i én skabelon`, Math.round(t2 - t1), "ms", 5000);
  report("Læs en udfyldt skabelon", Math.round(t3 - t2), "ms", 5000);
}

module.exports = { run };

if (require.main === module) {
  run((name, value, unit, target) => process.stdout.write(`${name}: ${value} ${unit}${target !== undefined ? ` (mål ≤ ${target})` : ""}\n`));
}
