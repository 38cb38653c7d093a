/* global require, __dirname, process, console */
/**
 * npm run demo: from a fresh clone after install, generate the templates for the five example
 * municipalities, fill them from examples/returer/*.json, validate, project, print the overview and
 * write out/overblik.xlsx. Runs the compiled CLI (dist/, built by `npm run build:cli`).
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "out");
const EX = path.join(ROOT, "examples");
const { main } = require(path.join(ROOT, "dist", "cli", "main.js"));
const { templateFileName } = require(path.join(ROOT, "dist", "cli", "commands", "skabelon.js"));

async function byrde(...args) {
  console.log(`\n$ byrde ${args.map((a) => (/\s/.test(a) ? `"${a}"` : path.isAbsolute(a) ? path.relative(ROOT, a) : a)).join(" ")}`);
  const code = await main(["node", "byrde", ...args]);
  if (code !== 0) {
    console.error(`Demoen stoppede: byrde ${args[0]} sluttede med kode ${code}.`);
    process.exit(code);
  }
}

async function run() {
  const returer = fs
    .readdirSync(path.join(EX, "returer"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: path.join(EX, "returer", f), kommune: JSON.parse(fs.readFileSync(path.join(EX, "returer", f), "utf8")).kommune }));
  const skabeloner = path.join(OUT, "skabeloner");
  const udfyldte = path.join(OUT, "returer");
  fs.rmSync(skabeloner, { recursive: true, force: true });
  fs.rmSync(udfyldte, { recursive: true, force: true });
  fs.mkdirSync(udfyldte, { recursive: true });

  console.log("1. Skabeloner til de fem eksempelkommuner");
  await byrde("skabelon", "--kommune", returer.map((r) => r.kommune).join(","), "--ud", skabeloner);

  console.log("\n2. Skabelonerne udfyldes med eksemplernes tal (examples/returer/*.json)");
  const filled = [];
  for (const r of returer) {
    const ud = path.join(udfyldte, templateFileName(r.kommune).replace(/^skabelon-/, "retur-"));
    await byrde("udfyld", path.join(skabeloner, templateFileName(r.kommune)), r.file, "--ud", ud);
    filled.push(ud);
  }

  console.log("\n3. Indberetningerne valideres og opregnes; overblikket skrives");
  await byrde(
    "opregn",
    ...filled,
    "--landstal",
    path.join(EX, "landstal.json"),
    "--kommunedata",
    path.join(EX, "kommunedata.json"),
    "--indstillinger",
    path.join(EX, "indstillinger.json"),
    "-o",
    path.join(OUT, "overblik.xlsx"),
    "--overskriv",
  );
  console.log("\nFærdig: åbn out/overblik.xlsx i Excel eller LibreOffice.");
}

run().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
