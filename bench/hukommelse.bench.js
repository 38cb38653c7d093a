/* global require, module, process */
/**
 * Peak memory of `byrde opregn` (read, validate, project, write overblik.xlsx), each run in a
 * child process of its own (bench/opregn-child.js reports process.resourceUsage().maxRSS), at 98
 * respondents (goal ≤ 300 MB) and at 490 (goal ≤ 400 MB: flat, not per respondent). The 490 are
 * the 98 municipalities' returns and 392 copies under other names (bench/lib.js); those are no
 * municipalities, so validation warns and the projection leaves them out where it needs
 * Kommunedata, but they are read, validated and written to the report's Data sheet like the
 * rest. Anchor: a child that only loads the CLI. Three runs each; median, min and max.
 */
const { execFileSync } = require("child_process");
const path = require("path");
const { returnsFor, spread } = require("./lib");

const RUNS = 3;
const CHILD = path.join(__dirname, "opregn-child.js");

function peakMb(args) {
  const out = execFileSync(process.execPath, [CHILD, ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  const r = JSON.parse(out);
  if (r.code !== 0) throw new Error(`byrde opregn sluttede med kode ${r.code}`);
  return r.maxRssKb / 1024;
}

function measure(report, name, args, goal) {
  const xs = Array.from({ length: RUNS }, () => peakMb(args));
  const s = spread(xs);
  report(name, Math.round(s.median), "MB", goal, { min: Math.round(s.min), max: Math.round(s.max) });
}

async function run(report) {
  measure(report, "anker: CLI indlæst, intet gjort (maxRSS)", ["--kun-indlaes"]);
  for (const [n, goal] of [
    [98, 300],
    [490, 400],
  ]) {
    const g = await returnsFor(n);
    const args = [...g.files, "--landstal", g.landstal, "--kommunedata", g.kommunedata, "-o", path.join(g.dir, "overblik.xlsx"), "--overskriv", ...g.pakkeArgs];
    measure(report, `byrde opregn, ${n} respondenter: største hukommelsesforbrug (maxRSS)`, args, goal);
  }
}

module.exports = { run };

if (require.main === module) {
  run((name, value, unit, goal) => process.stdout.write(`${name}: ${value} ${unit}${goal !== undefined ? ` (mål ≤ ${goal})` : ""}\n`));
}
