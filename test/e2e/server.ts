/** Builds the production bundle when it is missing or older than the sources, and serves it on localhost. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist-web");

function newest(dir: string): number {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Runs `webpack --mode production` unless dist-web is newer than src/ and webpack.config.js.
 * Browser tests run in parallel Jest workers: one builds while the others wait for its lock.
 */
export function ensureBuild(): void {
  const lock = path.join(ROOT, ".dist-web.bygger");
  const waitUntil = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after ten minutes.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000 || Date.now() > waitUntil) fs.rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    buildIfStale();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function buildIfStale(): void {
  // webpack leaves unchanged files alone, so a stamp written after each build tells the age.
  const stamp = path.join(DIST, ".gebygget");
  const sources = Math.max(
    newest(path.join(ROOT, "src")),
    fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs
  );
  if (
    fs.existsSync(stamp) &&
    fs.existsSync(path.join(DIST, "taskpane.html")) &&
    fs.statSync(stamp).mtimeMs > sources
  )
    return;
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
    {
      cwd: ROOT,
      stdio: "pipe",
      env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" },
    }
  );
  fs.writeFileSync(stamp, new Date().toISOString());
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/** A tiny static server for dist-web on 127.0.0.1 (random port). */
export async function serve(dir = DIST): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel =
      decodeURIComponent((req.url ?? "/").split("?")[0]).replace(/^\/+/, "") || "taskpane.html";
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
