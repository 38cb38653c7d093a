/* global require, module, process */
/**
 * Custom functions: BYRDE.ÅRSVÆRK over 100 000 cells in one call (a 100 000 × 1 range, as Excel
 * passes it), through the same code as in Excel minus office-js (src/functions/core, compiled
 * to dist/ by `npm run build:cli`). Goal: median ≤ 50 ms, of 15 timed runs after 3 warm-ups,
 * with min and max. Beside it, as a ratio: the same division written as a bare loop (the
 * anchor), measured in the same runs.
 */
const { performance } = require("perf_hooks");
const { dist, spread } = require("./lib");

const N = 100000;
const RUNS = 15;

function input() {
  const rows = new Array(N);
  // Mostly numbers, some empty cells, as in a column of returns.
  for (let i = 0; i < N; i++) rows[i] = [i % 50 === 0 ? "" : (i % 997) * 1.5];
  return rows;
}

/** The anchor: the arithmetic alone, no checks. */
function bare(rows) {
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][0];
    out[i] = [typeof v === "number" ? v / 1400 : ""];
  }
  return out;
}

async function run(report) {
  const { aarsvaerkRange } = dist("functions/core.js");
  const rows = input();
  let out;
  for (let i = 0; i < 3; i++) {
    out = aarsvaerkRange(rows);
    bare(rows);
  }
  const times = [];
  const anchors = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    out = aarsvaerkRange(rows);
    times.push(performance.now() - t);
    t = performance.now();
    bare(rows);
    anchors.push(performance.now() - t);
  }
  if (!Array.isArray(out) || out.length !== N || out[1][0] !== 1.5 / 1400 || out[0][0] !== "") {
    throw new Error("BYRDE.ÅRSVÆRK gav et forkert resultat i benchmark");
  }
  const r2 = (x) => Math.round(x * 100) / 100;
  const s = spread(times);
  report("BYRDE.ÅRSVÆRK: 100 000 celler i ét kald", r2(s.median), "ms", 50, { min: r2(s.min), max: r2(s.max) });
  const q = spread(times.map((t, i) => t / anchors[i]));
  report("  ÷ anker: samme division som bar løkke", r2(q.median), "×", undefined, { min: r2(q.min), max: r2(q.max) });
}

module.exports = { run };

if (require.main === module) {
  run((name, value, unit, goal) => process.stdout.write(`${name}: ${value} ${unit}${goal !== undefined ? ` (mål ≤ ${goal})` : ""}\n`));
}
