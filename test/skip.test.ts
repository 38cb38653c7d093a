/**
 * Every skipped test says why (issue 11 part 7): skips go through test/helpers/requirements.ts,
 * which puts a Danish reason in the title, and the summary reporter lists them after the run.
 */
import { readFileSync, readdirSync, statSync } from "fs";
import { join, relative } from "path";
import { describeWith, itWith } from "./helpers/requirements";

const ROOT = __dirname;

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "fixtures" ? [] : testFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe("skipped tests say why", () => {
  it("no test file skips on its own (it.skip, describe.skip, xit, xdescribe, test.skip)", () => {
    const offenders = testFiles(ROOT)
      .filter((p) => !p.endsWith(join("helpers", "requirements.ts")) && p !== __filename)
      .filter((p) => /\b(?:it|describe|test)\.skip\b|\bx(?:it|describe|test)\(/.test(readFileSync(p, "utf8")))
      .map((p) => relative(ROOT, p));
    expect(offenders).toEqual([]);
  });

  it("a skipped test's title carries its reason", () => {
    const seen: string[] = [];
    const fakeSkip = (name: string) => seen.push(name);
    const realIt = it.skip;
    const realDescribe = describe.skip;
    (it as unknown as { skip: unknown }).skip = fakeSkip;
    (describe as unknown as { skip: unknown }).skip = fakeSkip;
    try {
      itWith({ missing: "LibreOffice (soffice) er ikke installeret" }, "regner om", () => undefined);
      describeWith({ missing: "Chromium findes ikke" }, "opgaveruden", () => undefined);
    } finally {
      (it as unknown as { skip: unknown }).skip = realIt;
      (describe as unknown as { skip: unknown }).skip = realDescribe;
    }
    expect(seen).toEqual([
      "regner om [sprunget over: LibreOffice (soffice) er ikke installeret]",
      "opgaveruden [sprunget over: Chromium findes ikke]",
    ]);
  });

  it("the summary reporter lists skipped tests with their reasons", () => {
    const Reporter = require("./helpers/summary-reporter.js"); // eslint-disable-line @typescript-eslint/no-require-imports
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, "write").mockImplementation(((s: string) => {
      written.push(s);
      return true;
    }) as typeof process.stdout.write);
    const once = jest.spyOn(process, "once").mockImplementation(((_e: string, f: () => void) => {
      f();
      return process;
    }) as typeof process.once);
    try {
      new Reporter().onRunComplete(null, {
        numPassedTests: 3,
        numFailedTests: 0,
        numPendingTests: 1,
        numTodoTests: 0,
        testResults: [
          {
            testFilePath: join(process.cwd(), "test", "x.test.ts"),
            testResults: [
              { status: "passed", fullName: "a" },
              { status: "pending", fullName: "LibreOffice regner om [sprunget over: soffice mangler]" },
            ],
          },
        ],
      });
    } finally {
      write.mockRestore();
      once.mockRestore();
    }
    expect(written.join("")).toBe(
      "Sprunget over (1):\n  - LibreOffice regner om [sprunget over: soffice mangler]\nTests: 3 passed, 0 failed, 1 skipped\n"
    );
  });
});
