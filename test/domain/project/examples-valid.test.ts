/** The examples pass validation (no fejl), so the demo projects every municipality the golden test expects. */
import { CATALOGUE_VERSION } from "../../../src/domain/catalogue";
import { rawReturnFromFelter } from "../../../src/domain/project";
import { validateReturn } from "../../../src/domain/validate";
import { exampleReturns } from "./examples";

describe("examples", () => {
  it.each(exampleReturns().map((r) => [r.kommune, r] as const))("%s validates without fejl", (_k, r) => {
    const v = validateReturn(rawReturnFromFelter({ kommune: r.kommune, felter: r.values as Record<string, number | string | null> }, r.file, CATALOGUE_VERSION));
    expect(v.findings.filter((f) => f.severity === "fejl").map((f) => `${f.field}: ${f.message}`)).toEqual([]);
    expect(v.kommune).toBe(r.kommune);
  });
});
