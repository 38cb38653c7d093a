/* global require, process */
/**
 * Child process of bench/hukommelse.bench.js: runs `byrde opregn` (the compiled CLI) on the
 * arguments it is given, with nothing printed, and writes its peak memory as JSON on stdout:
 * { "code": exit code, "maxRssKb": process.resourceUsage().maxRSS }. With the argument
 * "--kun-indlaes" it only loads the CLI (the baseline).
 */
const path = require("path");

async function main() {
  const args = process.argv.slice(2);
  const { main: byrde } = require(path.join(__dirname, "..", "dist", "cli", "main.js"));
  let code = 0;
  if (args[0] !== "--kun-indlaes") {
    const quiet = { out: () => undefined, err: () => undefined };
    code = await byrde(["node", "byrde", "opregn", ...args], quiet);
  }
  process.stdout.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
}

main();
