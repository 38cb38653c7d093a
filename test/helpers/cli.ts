/**
 * Runs `byrde` in the test's own process, from the sources (so a stale dist/ is never what is
 * tested, and no Node start-up per call), capturing what it writes to stdout and stderr.
 * test/cli/bin.test.ts runs the installed bin/byrde.js once as a separate process.
 */
import { main } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function byrde(...args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const line = (t: string) => (t.endsWith("\n") ? t : `${t}\n`);
  const code = await main(["node", "byrde", ...args], {
    out: (t) => (out += line(t)),
    err: (t) => (err += line(t)),
  });
  return { code, out, err };
}

/** The same runner under the name the pack tests use. */
export const runByrde = byrde;
