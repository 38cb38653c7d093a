/* global require, module, process, __dirname */
/**
 * The production bundle of the task pane (dist-web/), built at most once and never used stale.
 *
 * `ensureWebBuild()` hashes everything the bundle is made from (src/, webpack.config.js,
 * tsconfig.json, package-lock.json, manifest.xml and manifest.json, assets/) and what the last build produced.
 * The bundle is reused only when both hashes match the stamp that build left behind; otherwise
 * it runs `webpack --mode production` and writes a new stamp. A build by hand (`npm run build`,
 * `npm run build:dev`) changes the outputs, so its bundle is not mistaken for this one. A lock
 * folder makes a second caller (another Jest worker, the bench) wait for a running build and
 * then reuse it instead of building again.
 *
 * Used by the browser test (test/e2e) and the task pane bench (bench/taskpane.bench.js).
 */
const { execFileSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist-web");
const INPUTS = ["src", "assets", "webpack.config.js", "tsconfig.json", "package-lock.json"];
/** A lock older than this is left over from a build that died. */
const STALE_LOCK_MS = 15 * 60 * 1000;

function files(p) {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((f) => files(path.join(p, f)));
}

function hashOf(root, paths) {
  const h = crypto.createHash("sha256");
  for (const f of paths) {
    h.update(path.relative(root, f));
    h.update("\0");
    h.update(fs.readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

const stampOf = (root) => path.join(root, "dist-web", ".bygget.json");

function sourceHash(root) {
  const manifests = fs.readdirSync(root).filter((f) => /^manifest.*\.(xml|json)$/.test(f));
  return hashOf(
    root,
    [...INPUTS, ...manifests].flatMap((p) => files(path.join(root, p)))
  );
}

function outputHash(root) {
  return hashOf(
    root,
    files(path.join(root, "dist-web")).filter((f) => f !== stampOf(root))
  );
}

/** Records that dist-web holds the production build of the current sources. */
function writeStamp(root = ROOT) {
  const stamp = {
    sources: sourceHash(root),
    outputs: outputHash(root),
    built: new Date().toISOString(),
  };
  fs.writeFileSync(stampOf(root), JSON.stringify(stamp));
}

/** Whether dist-web holds the production build of the current sources. */
function isFresh(root = ROOT) {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampOf(root), "utf8"));
    return stamp.sources === sourceHash(root) && stamp.outputs === outputHash(root);
  } catch {
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock(lock) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(500);
    }
  }
}

/**
 * Builds dist-web unless it already holds the production build of the current sources.
 * Returns whether it built.
 */
function ensureWebBuild() {
  if (isFresh()) return false;
  const lock = path.join(ROOT, ".tmp", "web-build.lock");
  takeLock(lock);
  try {
    // Someone else may have built while we waited for the lock.
    if (isFresh()) return false;
    fs.rmSync(stampOf(ROOT), { force: true });
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: ROOT,
        stdio: "pipe",
        env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" },
      }
    );
    writeStamp();
    return true;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureWebBuild, isFresh, writeStamp, DIST, ROOT };

// node scripts/web-build.js: build if needed, say which.
if (require.main === module) {
  process.stdout.write(
    ensureWebBuild()
      ? "dist-web bygget.\n"
      : "dist-web er allerede bygget af de nuværende kilder.\n"
  );
}
