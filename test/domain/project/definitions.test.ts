/** The method definitions and the examples speak the catalogue's field ids. */
import { ALL_FIELDS, NEDSLAGSPUNKTER } from "../../../src/domain/catalogue";
import type { Node } from "../../../src/domain/expr/ast";
import { defaultPack } from "../../../src/domain/pakker";
import { METHODS, computedYears, fieldsRead, projectionScope } from "../../../src/domain/project";
import { exampleReturns } from "./examples";

describe("method definitions", () => {
  it("cover the catalogue's nine nedslagspunkter, with the same templates", () => {
    expect(METHODS.map((m) => m.id)).toEqual(NEDSLAGSPUNKTER.map((n) => n.id));
    for (const m of METHODS)
      expect([...m.templates]).toEqual([...NEDSLAGSPUNKTER.find((n) => n.id === m.id)!.templates]);
  });

  it.each(METHODS.map((m) => [m.id, m] as const))(
    "%s reads only catalogue fields in its computed years",
    (_id, m) => {
      const exprs: Node[] = m.components.flatMap((c) => [
        ...c.ratios.flatMap((r) => [r.burden, r.driver]),
        c.units,
        ...(c.weight ? [c.weight] : []),
      ]);
      const ids = computedYears(m, m.basis, m.slut).flatMap((y) =>
        exprs.flatMap((e) => fieldsRead(e, y, projectionScope(defaultPack(), "kommunedata")))
      );
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !ALL_FIELDS.has(id))).toEqual([]);
    }
  );
});

describe("examples", () => {
  it("hold only catalogue field ids", () => {
    for (const r of exampleReturns())
      expect(Object.keys(r.values).filter((id) => !ALL_FIELDS.has(id))).toEqual([]);
  });
});

describe("definitions and the catalogue share one description per nedslagspunkt", () => {
  it("every method has a catalogue nedslagspunkt with a description for the Overblik", () => {
    for (const m of METHODS) {
      const np = NEDSLAGSPUNKTER.find((n) => n.id === m.id);
      expect(np?.description?.length ?? 0).toBeGreaterThan(40);
      // The method's name and area are the catalogue's (the report shows both side by side).
      expect([m.navn, m.omraade]).toEqual([np?.name, np?.area]);
    }
  });
});
