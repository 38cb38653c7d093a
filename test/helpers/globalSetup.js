/* global require, module, process, __dirname */
/**
 * Jest's global setup: the directory for the shared test corpora (./corpus.ts), named in an
 * environment variable the test workers inherit.
 *
 * The corpora are made by code (scripts/build-*.ts with what they import from src/ and
 * test/helpers/), so a corpus built by an earlier run is the same as a new one as long as none
 * of that code, the installed packages or Node changed. The directory is therefore named by a
 * hash of all of it, under node_modules/.cache/byrde/korpus/, and kept between runs: a run after
 * any change to those files gets a new, empty directory and builds afresh; directories of other
 * hashes are removed when no run has started with them for a quarter of an hour. BYRDE_TEST_KORPUS_NY=1 builds in a directory of this run's own, removed at
 * the end (./globalTeardown.js).
 */
const { createHash } = require("crypto");
const {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
} = require("fs");
const { tmpdir } = require("os");
const { join, relative } = require("path");

const ROOT = join(__dirname, "..", "..");
const CACHE = join(ROOT, "node_modules", ".cache", "byrde", "korpus");
const UNUSED_MS = 15 * 60 * 1000;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** A hash of everything a corpus is made from. */
function corpusKey() {
  const h = createHash("sha256");
  h.update(`${process.version}\n`);
  const inputs = [
    ...["src", "scripts", join("test", "helpers")].flatMap((d) => files(join(ROOT, d))),
    join(ROOT, "package-lock.json"),
  ];
  for (const f of inputs) {
    h.update(`${relative(ROOT, f)}\n`);
    h.update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 16);
}

module.exports = async () => {
  if (process.env.BYRDE_TEST_KORPUS_NY === "1") {
    process.env.BYRDE_TEST_KORPUS = mkdtempSync(join(tmpdir(), "byrde-korpus-"));
    process.env.BYRDE_TEST_KORPUS_FJERN = "1";
    return;
  }
  const key = corpusKey();
  // Another hash's corpora go once no run has used them for a while (a run of npm test started
  // before an edit may still be reading its own).
  if (existsSync(CACHE))
    for (const old of readdirSync(CACHE))
      if (old !== key && statSync(join(CACHE, old)).mtimeMs < Date.now() - UNUSED_MS)
        rmSync(join(CACHE, old), { recursive: true, force: true });
  const dir = join(CACHE, key);
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  utimesSync(dir, now, now);
  process.env.BYRDE_TEST_KORPUS = dir;
};
