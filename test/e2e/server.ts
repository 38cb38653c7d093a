/** Serves the production bundle of the task pane on localhost (built once: scripts/web-build.js). */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webBuild = require("../../scripts/web-build.js") as {
  ensureWebBuild(): boolean;
  DIST: string;
  ROOT: string;
};

export const ROOT = webBuild.ROOT;
export const DIST = webBuild.DIST;

/**
 * Builds dist-web with `webpack --mode production` unless it already holds the production build
 * of the current sources (a content hash, not file times; see scripts/web-build.js).
 */
export function ensureBuild(): boolean {
  return webBuild.ensureWebBuild();
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
