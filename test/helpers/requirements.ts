/**
 * Tests that need a program beside Node (LibreOffice, Chromium) run where it is installed and
 * are skipped, saying why, where it is not, or under `npm run test:hurtig` (BYRDE_HURTIG=1),
 * which leaves both out for speed, and with them what needs a build (the browser tests' web
 * build, and the compiled CLI that runs as its own process and in worker threads) and the
 * comparisons over whole test corpora. `npm test` runs everything. A skipped test's title ends with "[sprunget over: <why>]",
 * and the summary reporter (test/helpers/summary-reporter.js) lists every skipped test with it.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";

export interface Requirement {
  /** Why the tests that need it are skipped; undefined when they run. */
  readonly missing?: string;
}

const HURTIG = process.env.BYRDE_HURTIG === "1";

function requirement(name: string, present: () => boolean, absent: string): Requirement {
  if (HURTIG) return { missing: `npm run test:hurtig kører uden ${name}` };
  return present() ? {} : { missing: absent };
}

/** LibreOffice headless (Debian: libreoffice-calc-nogui). */
export const LIBREOFFICE: Requirement = requirement(
  "LibreOffice",
  () => spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0,
  "LibreOffice (soffice) findes ikke på denne maskine"
);

/** LibreOffice and poppler-utils (pdftotext, pdfinfo, pdftoppm): printing to PDF and reading it back. */
export const LIBREOFFICE_PDF: Requirement = LIBREOFFICE.missing
  ? LIBREOFFICE
  : requirement(
      "poppler-utils",
      () => spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0,
      "poppler-utils (pdftotext, pdfinfo) findes ikke på denne maskine"
    );

/** What is always there, and only `npm run test:hurtig` leaves out. */
const leftOutOfHurtig = (name: string): Requirement => requirement(name, () => true, "");

/**
 * The compiled CLI (dist/, rebuilt by test/helpers/cliBuild.ts when a source is newer): the
 * installed command as its own process, and reading in worker threads. test:hurtig runs the
 * sources in-process only, so an edit never waits for a build.
 */
export const BUILT_CLI = leftOutOfHurtig("den byggede CLI (dist/)");

/**
 * Comparisons over a whole generated corpus: every bad and hostile file through both `valider`
 * and `opregn`, and every template, return and bad file through both the streaming reader and
 * the ExcelJS reader it replaced. They are slow by design; test:hurtig leaves them to `npm test`
 * and still checks each of those files on its own (test/validate/badFixtures.test.ts,
 * test/xlsx/hostile.test.ts).
 */
export const WHOLE_CORPUS = leftOutOfHurtig("sammenligningerne over hele testkorpusset");

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, driven by playwright-core. */
export const CHROMIUM: Requirement = requirement(
  "browser",
  () => existsSync(CHROMIUM_PATH),
  `Chromium findes ikke på ${CHROMIUM_PATH}`
);

const skipped = (title: string, r: Requirement) => `${title} [sprunget over: ${r.missing}]`;

/** `it`, or `it.skip` with the reason in its title. */
export function itWith(r: Requirement, title: string, fn: jest.ProvidesCallback, timeout?: number) {
  if (r.missing) it.skip(skipped(title, r), fn);
  else it(title, fn, timeout);
}

/** `describe`, or `describe.skip` with the reason in its title. */
export function describeWith(r: Requirement, title: string, fn: jest.EmptyFunction) {
  if (r.missing) describe.skip(skipped(title, r), fn);
  else describe(title, fn);
}
