/**
 * Tests that need something this machine may lack (LibreOffice, Chromium): where it is missing
 * the test is skipped, and its title says why, in Danish ("… (sprunget over: LibreOffice
 * (soffice) er ikke installeret)"). The summary reporter (summary-reporter.js) lists every
 * skipped test with its reason after the run. Every skip in the tests goes through here
 * (test/skip.test.ts checks it).
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";

/** The marker the summary reporter looks for. */
export const SKIP_MARK = "sprunget over:";

function titled(name: string, reason: string): string {
  return `${name} (${SKIP_MARK} ${reason})`;
}

/** `it` when the condition holds; else `it.skip` with the reason in the title. */
export function itWhen(condition: boolean, reason: string): typeof it {
  if (condition) return it;
  const skip = ((name: string, fn?: jest.ProvidesCallback, timeout?: number) =>
    it.skip(titled(name, reason), fn, timeout)) as typeof it;
  return skip;
}

/** `describe` when the condition holds; else `describe.skip` with the reason in the title. */
export function describeWhen(condition: boolean, reason: string): typeof describe {
  if (condition) return describe;
  const skip = ((name: string, fn: jest.EmptyFunction) =>
    describe.skip(titled(name, reason), fn)) as typeof describe;
  return skip;
}

/** LibreOffice headless, for the recalculation tests. */
export const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
export const NO_SOFFICE =
  "LibreOffice (soffice) er ikke installeret; installér pakken libreoffice-calc-nogui";

/** Debian's Chromium, for the task pane's browser test. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM = `Chromium findes ikke på ${CHROMIUM}; installér pakken chromium (eller sæt CHROMIUM_PATH)`;

/** `it` for tests that need LibreOffice. */
export const itLo = itWhen(hasSoffice, NO_SOFFICE);
