/* global require, process, __dirname */
/**
 * `npm test`: the task pane's production bundle (for the browser test) builds in the background
 * while the type check, the lint and the CLI build run in turn; then Jest. On two cores this
 * takes the bundle's build (about 45 s of one core) off the critical path. scripts/web-build.js
 * builds only when the bundle is missing or stale, and the browser test reuses what it built,
 * so one `npm test` builds at most once. Where Chromium is missing (the browser test is then
 * skipped) nothing is built. Arguments are passed on to Jest.
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

async function main() {
  const web = fs.existsSync(CHROMIUM_PATH)
    ? run(process.execPath, [path.join(__dirname, "web-build.js")])
    : Promise.resolve(0);
  // The CLI build skips a second type check: the first one covered every file it emits.
  const steps = [
    ["npm", ["run", "--silent", "typecheck"]],
    ["npm", ["run", "--silent", "lint"]],
    [process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json", "--noCheck"]],
  ];
  for (const [command, args] of steps) {
    const code = await run(command, args);
    if (code !== 0) {
      await web;
      process.exit(code);
    }
  }
  if ((await web) !== 0)
    process.stderr.write(
      "Opgaverudens produktionsbygning fejlede; browsertesten prøver igen og viser fejlen.\n"
    );
  process.exit(
    await run(process.execPath, [require.resolve("jest/bin/jest"), ...process.argv.slice(2)])
  );
}

main();
