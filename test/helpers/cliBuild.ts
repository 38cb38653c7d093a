/**
 * The compiled CLI (dist/), rebuilt when any source it is built from is newer than the last
 * build, so tests that run worker threads (which load dist/cli/readWorker.js) never test stale
 * code. The rebuild only emits (`--noCheck`: the type check is its own step) and is incremental
 * (tsconfig.cli.json), a few seconds. Two suites may ask at once: one builds while holding a
 * lock directory, the other waits and then finds the build done.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");

/** Written after each build the tests made; `npm test`'s own CLI build leaves dist/'s files newer. */
const STAMP = join(ROOT, "dist", ".bygget");
const LOCK = join(ROOT, "dist", ".bygger");
const WAIT_MS = 180_000;
const STALE_MS = 120_000;

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function built(): boolean {
  const worker = join(ROOT, "dist", "cli", "readWorker.js");
  if (!existsSync(worker)) return false;
  const last = Math.max(statSync(worker).mtimeMs, existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0);
  return last > newest(join(ROOT, "src"));
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureCliBuild(): void {
  const deadline = Date.now() + WAIT_MS;
  while (!built()) {
    try {
      mkdirSync(join(ROOT, "dist"), { recursive: true });
      mkdirSync(LOCK);
    } catch {
      // A lock left behind by a run that was stopped mid-build.
      if (existsSync(LOCK) && statSync(LOCK).mtimeMs < Date.now() - STALE_MS) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`CLI'en blev ikke bygget inden for ${WAIT_MS / 1000} s (${LOCK}).`);
      pause(200);
      continue;
    }
    try {
      const tsc = require.resolve("typescript/bin/tsc");
      const b = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--noCheck"], {
        cwd: ROOT,
        encoding: "utf8",
      });
      if (b.status !== 0) throw new Error(`CLI-bygningen fejlede: ${b.stdout}${b.stderr}`);
      writeFileSync(STAMP, new Date().toISOString());
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
