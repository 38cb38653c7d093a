/* global require, process, __dirname */
/**
 * `npm test`: two chains side by side, one per core, then Jest. One chain type-checks, builds
 * the CLI and checks that src/domain compiles without DOM or Node types; the other builds the
 * task pane's production bundle (for the browser test) and lints. Each chain takes about 25 s
 * on a 2-core machine. scripts/web-build.js builds only when the bundle is missing or stale,
 * and the browser test reuses what it built, so one `npm test` builds at most once. Where
 * Chromium is missing (the browser test is then skipped) nothing is built. Arguments are passed
 * on to Jest.
 */
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: path.join(__dirname, "..") });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

/** Runs the steps one after another; the first failure's exit code, or 0. */
async function chain(steps) {
  for (const [command, args] of steps) {
    const code = await run(command, args);
    if (code !== 0) return code;
  }
  return 0;
}

async function main() {
  const web = fs.existsSync(CHROMIUM_PATH)
    ? run(process.execPath, [path.join(__dirname, "web-build.js")])
    : Promise.resolve(0);
  // The CLI build skips a second type check: the first one covered every file it emits.
  const tsc = require.resolve("typescript/bin/tsc");
  const checked = chain([
    ["npm", ["run", "--silent", "typecheck"]],
    [process.execPath, [tsc, "-p", "tsconfig.cli.json", "--noCheck"]],
    // The domain's purity check (test/domain/purity.test.ts) keeps what it found
    // (tsconfig.domain.json is incremental), so the test then takes a second.
    [process.execPath, [tsc, "-p", "tsconfig.domain.json"]],
  ]);
  const linted = web.then((webCode) => {
    if (webCode !== 0)
      process.stderr.write(
        "Opgaverudens produktionsbygning fejlede; browsertesten prøver igen og viser fejlen.\n"
      );
    return run("npm", ["run", "--silent", "lint"]);
  });
  const [checkCode, lintCode] = await Promise.all([checked, linted]);
  if (checkCode !== 0) process.exit(checkCode);
  if (lintCode !== 0) process.exit(lintCode);
  // Jest as `npm run test:unit` starts it (with its Node options), with this command's arguments.
  process.exit(await run("npm", ["run", "--silent", "test:unit", "--", ...process.argv.slice(2)]));
}

main();
