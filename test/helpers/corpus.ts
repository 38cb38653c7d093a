/**
 * The generated test corpora, shared by every suite that uses them: the bad returns
 * (scripts/build-bad-fixtures.ts) and the hostile returns (scripts/build-hostile-returns.ts).
 * Building them takes seconds each, and several suites need them. Jest's global setup
 * (./globalSetup.js) names the directory: one kept between runs and named by a hash of the code
 * the corpora are made from, so they are built again exactly when that code changes. The first
 * suite to ask builds a corpus there while holding a lock directory (with its process id, so a
 * lock left by a run that was stopped is seen as such), and writes what the builder returned
 * beside it (v8's serialisation keeps dates as dates); the others wait for that and read it. A
 * corpus whose files are not all there is built again. A suite run without the global setup
 * builds into its own directory. The files are shared: a suite that needs copies or new files
 * makes them in a directory of its own, and never changes these.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { deserialize, serialize } from "v8";
import { type BuiltFixture, buildBadFixtures } from "../../scripts/build-bad-fixtures";
import { type BuiltHostile, buildHostileReturns } from "../../scripts/build-hostile-returns";

/** Set by ./globalSetup.js: this run's directory for shared corpora. */
export const CORPUS_ENV = "BYRDE_TEST_KORPUS";

/** The bad returns, each with its expected findings. */
export function badFixtures(): Promise<BuiltFixture[]> {
  return shared("bad", buildBadFixtures);
}

/** The good return and every hostile case. */
export function hostileReturns(): Promise<{ good: string; cases: BuiltHostile[] }> {
  return shared("hostile", buildHostileReturns);
}

const WAIT_MS = 300_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every file path in a built corpus's value (the cases' `path`, the good return). */
function pathsIn(value: unknown, root: string): string[] {
  if (typeof value === "string") return value.startsWith(root) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => pathsIn(v, root));
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.values(value).flatMap((v) => pathsIn(v, root));
  return [];
}

/** A built corpus, if it is there whole. */
function builtCorpus<T>(made: string, dir: string): T | undefined {
  if (!existsSync(made)) return undefined;
  const value = deserialize(readFileSync(made)) as T;
  const paths = pathsIn(value, dir);
  return paths.length > 0 && paths.every((p) => existsSync(p)) ? value : undefined;
}

/** A lock whose process has ended (a run stopped mid-build). */
function abandoned(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    // Made a moment ago and its process id not yet written, or removed meanwhile.
    return false;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

async function shared<T>(name: string, build: (dir: string) => Promise<T>): Promise<T> {
  const root = process.env[CORPUS_ENV];
  if (!root || !existsSync(root))
    return build(join(mkdtempSync(join(tmpdir(), `byrde-${name}-`)), name));
  const dir = join(root, name);
  const made = join(root, `${name}.v8`);
  const lock = join(root, `${name}.laas`);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = builtCorpus<T>(made, dir);
    if (value) return value;
    try {
      mkdirSync(lock);
    } catch {
      if (abandoned(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(
          `Testkorpusset »${name}« blev ikke bygget inden for ${WAIT_MS / 1000} s (${lock}).`
        );
      await sleep(100);
      continue;
    }
    try {
      writeFileSync(join(lock, "pid"), String(process.pid));
      // Built while this process holds the lock; checked again, as another may just have finished.
      const ready = builtCorpus<T>(made, dir);
      if (ready) return ready;
      rmSync(made, { force: true });
      rmSync(dir, { recursive: true, force: true });
      const built = await build(dir);
      writeFileSync(`${made}.tmp`, serialize(built));
      renameSync(`${made}.tmp`, made);
      return built;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
