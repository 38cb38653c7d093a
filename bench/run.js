/* global require, process, __dirname */
/**
 * Bench harness: runs every bench/*.bench.js module (or those whose file name contains one of
 * the arguments) and prints a table of figures. Run with `npm run bench` (builds dist/ first).
 *
 * Contract for a bench module: `module.exports = { run: async (report) => { ... } }`, where
 * `report(name, value, unit, goal?, spread?)` records one figure: `value` is the median of
 * several runs, `goal` an upper bound, `spread` `{ min, max }` over the runs, or
 * `{ skipped: "why" }` when the figure cannot be measured on this machine.
 *
 * Exit code 1 when a figure misses its goal or a bench fails, so a regression is seen; 0 when
 * every goal is met. `--json` prints the figures as JSON instead of a table.
 */
const fs = require("fs");
const path = require("path");

const da = (v) => (typeof v === "number" ? v.toLocaleString("da-DK", { maximumFractionDigits: 2 }) : String(v));

function status(r) {
  if (r.error) return "FEJL";
  if (r.spread && r.spread.skipped) return "SPRUNGET OVER";
  if (typeof r.goal !== "number") return "";
  return r.value <= r.goal ? "OK" : "OVER MÅL";
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
  for (const file of files) {
    const bench = file.replace(/\.bench\.js$/, "");
    if (!json) process.stderr.write(`${bench} …\n`);
    try {
      const mod = require(path.join(__dirname, file));
      if (typeof mod.run !== "function") throw new Error("eksporterer ingen run(report)");
      await mod.run((name, value, unit, goal, spread) => rows.push({ bench, name, value, unit, goal, spread }));
    } catch (e) {
      rows.push({ bench, name: `FEJL: ${e && e.message ? e.message : String(e)}`, value: "", unit: "", error: true });
    }
  }
  for (const r of rows) r.status = status(r);
  const missed = rows.filter((r) => r.status === "OVER MÅL" || r.status === "FEJL");
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const head = ["Benchmark", "Måling", "Median", "Min–maks", "Enhed", "Mål", "Status"];
    const body = rows.map((r) => [
      r.bench,
      r.name,
      r.spread && r.spread.skipped ? "–" : da(r.value),
      r.spread && r.spread.skipped ? r.spread.skipped : r.spread ? `${da(r.spread.min)}–${da(r.spread.max)}` : "",
      r.unit,
      typeof r.goal === "number" ? `≤ ${da(r.goal)}` : "",
      r.status,
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
    const line = (cells) =>
      cells
        .map((c, i) => (i === 2 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
        .join("  ")
        .trimEnd();
    process.stdout.write(`${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
    for (const b of body) process.stdout.write(`${line(b)}\n`);
    if (files.length === 0) process.stdout.write("(ingen bench-filer fundet)\n");
    const goals = rows.filter((r) => r.status === "OK" || r.status === "OVER MÅL").length;
    process.stdout.write(
      missed.length === 0
        ? `\nAlle ${goals} mål nået.\n`
        : `\n${missed.length} af ${goals} mål ikke nået eller fejlet: ${missed.map((r) => r.name.trim()).join("; ")}\n`
    );
  }
  process.exitCode = missed.length > 0 ? 1 : 0;
}

main();
