/**
 * The compiled CLI (dist/), rebuilt when any source it is built from is newer, so tests that
 * run worker threads (which load dist/cli/readWorker.js) never test stale code.
 */
import { spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureCliBuild(): void {
  const stamp = join(ROOT, "dist", "cli", "readWorker.js");
  if (existsSync(stamp) && statSync(stamp).mtimeMs > newest(join(ROOT, "src"))) return;
  const b = spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  if (b.status !== 0) throw new Error(`build:cli fejlede: ${b.stdout}${b.stderr}`);
}
