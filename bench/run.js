/* global require, process, __dirname */
/**
 * Bench harness: runs every bench/*.bench.js module (or those whose file name contains one of
 * the arguments) and prints a table of named figures. Run with `npm run bench` (builds dist/ first).
 *
 * Contract for a bench module: `module.exports = { run: async (report) => { ... } }`, where
 * `report(name, value, unit, target?)` records one figure; `target` is an upper bound
 * (a figure above it is flagged, not failed). A module that throws fails the run (exit code 1).
 * `--json` prints the figures as JSON instead of a table.
 */
const fs = require("fs");
const path = require("path");

function pad(s, n, right = false) {
  const str = String(s);
  return right ? str.padStart(n) : str.padEnd(n);
}

function formatNumber(v) {
  if (typeof v !== "number") return String(v);
  return v.toLocaleString("da-DK", { maximumFractionDigits: 2 });
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const filters = args.filter((a) => !a.startsWith("--"));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.js"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  const rows = [];
  let failed = 0;
  for (const file of files) {
    const bench = file.replace(/\.bench\.js$/, "");
    try {
      const mod = require(path.join(__dirname, file));
      if (typeof mod.run !== "function") throw new Error("eksporterer ingen run(report)");
      await mod.run((name, value, unit, target) => rows.push({ bench, name, value, unit, target }));
    } catch (e) {
      failed += 1;
      rows.push({ bench, name: `FEJL: ${e && e.message ? e.message : String(e)}`, value: "", unit: "", target: undefined, error: true });
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const head = ["Benchmark", "Måling", "Værdi", "Enhed", "Mål", "Status"];
    const body = rows.map((r) => {
      const over = typeof r.value === "number" && typeof r.target === "number" && r.value > r.target;
      return [
        r.bench,
        r.name,
        formatNumber(r.value),
        r.unit,
        r.target === undefined ? "" : `≤ ${formatNumber(r.target)}`,
        r.error ? "FEJL" : r.target === undefined ? "" : over ? "OVER MÅL" : "OK",
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
    const line = (cells) => cells.map((c, i) => pad(c, widths[i], i === 2)).join("  ");
    process.stdout.write(`${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
    for (const b of body) process.stdout.write(`${line(b)}\n`);
    if (files.length === 0) process.stdout.write("(ingen bench-filer fundet)\n");
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
