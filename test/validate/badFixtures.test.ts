/**
 * Every bad return in test/fixtures/bad/ (built by scripts/build-bad-fixtures.ts from the
 * templates, at test time) gives exactly its expected findings: rule, severity and cell.
 */
import type { BuiltFixture } from "../../scripts/build-bad-fixtures";
import { validateFile } from "../../src/cli/commands/valider";
import { cellRef } from "../../src/domain/findings";
import { badFixtures } from "../helpers/corpus";

let fixtures: BuiltFixture[] = [];

beforeAll(async () => {
  fixtures = await badFixtures();
}, 120_000);

describe("bad fixtures", () => {
  it("has at least 30", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it("every fixture gives exactly its expected findings (rule, severity, cell)", async () => {
    const failures: string[] = [];
    for (const fx of fixtures) {
      const r = await validateFile(fx.path);
      const got = r.findings
        .map((f) => `${f.rule}|${f.severity}|${cellRef(f.location) ?? "-"}`)
        .sort();
      if (JSON.stringify(got) !== JSON.stringify(fx.expectedKeys)) {
        failures.push(
          `${fx.name} (${fx.why}):\n  forventet ${JSON.stringify(fx.expectedKeys)}\n  fik       ${JSON.stringify(got)}`
        );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
