/**
 * The generated test corpora, built once per test run and shared by every suite that uses them:
 * the bad returns (scripts/build-bad-fixtures.ts) and the hostile returns
 * (scripts/build-hostile-returns.ts). Building them takes seconds each, and six suites need
 * them. Jest's global setup (./globalSetup.js) makes a directory for the run; the first suite
 * to ask builds a corpus there while holding a lock directory, and writes what the builder
 * returned beside it (v8's serialisation keeps dates as dates); the others wait for that and
 * read it. A suite run on its own without the global setup builds into its own directory. The
 * files are shared: a suite that needs copies or new files makes them in a directory of its own.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "fs";
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

async function shared<T>(name: string, build: (dir: string) => Promise<T>): Promise<T> {
  const root = process.env[CORPUS_ENV];
  if (!root || !existsSync(root)) return build(join(mkdtempSync(join(tmpdir(), `byrde-${name}-`)), name));
  const dir = join(root, name);
  const made = join(root, `${name}.v8`);
  const lock = join(root, `${name}.laas`);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (existsSync(made)) return deserialize(readFileSync(made)) as T;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline)
        throw new Error(`Testkorpusset »${name}« blev ikke bygget inden for ${WAIT_MS / 1000} s (${lock}).`);
      await sleep(100);
      continue;
    }
    try {
      const value = await build(dir);
      writeFileSync(`${made}.tmp`, serialize(value));
      renameSync(`${made}.tmp`, made);
      return value;
    } catch (e) {
      // Another suite may try again.
      rmSync(lock, { recursive: true, force: true });
      throw e;
    }
  }
}
