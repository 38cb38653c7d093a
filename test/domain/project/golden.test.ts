/**
 * Golden test: the examples reproduce the report's published table (method.md) to the report's
 * rounding: all nine nedslagspunkter, studied and all municipalities, baseline, final year and
 * increase, and the six spans on the overview page.
 */
import {
  project,
  roundHalfAwayFromZero,
  type NedslagspunktResultat,
} from "../../../src/domain/project";
import {
  exampleIndstillinger,
  exampleKommunedata,
  exampleLandstal,
  exampleReturns,
} from "./examples";
import { PUBLISHED, SPANS } from "./published";

describe("the examples reproduce the report's published table", () => {
  const result = project({
    returns: exampleReturns(),
    landstal: exampleLandstal(),
    kommunedata: exampleKommunedata(),
    indstillinger: exampleIndstillinger(),
  });
  const byId = new Map<string, NedslagspunktResultat>(result.nedslagspunkter.map((n) => [n.id, n]));

  it.each(PUBLISHED)(
    "%s: %i → %i, studied and all municipalities",
    (id, basis, slut, digits, studied, all) => {
      const n = byId.get(id)!;
      expect(n.kan_ikke_beregnes).toBeNull();
      expect([n.basisaar, n.slutaar]).toEqual([basis, slut]);
      const r = (v: number | null) => roundHalfAwayFromZero(v as number, digits);
      expect([r(n.undersoegte.basis), r(n.undersoegte.slut), r(n.undersoegte.stigning)]).toEqual(
        studied
      );
      expect([r(n.alle.basis), r(n.alle.slut), r(n.alle.stigning)]).toEqual(all);
    }
  );

  it.each(Object.entries(SPANS))("%s: span %s", (id, span) => {
    expect(byId.get(id)!.spaend!.tekst).toBe(span);
  });

  it("UKN's average is the report's 37,4 hours per case, from 16 to 65, over four municipalities", () => {
    const ukn = byId.get("ukn")!;
    const c = ukn.aar[0].components[0];
    expect(roundHalfAwayFromZero(c.rbar!, 1)).toBe(37.4);
    expect(Math.min(...c.ratios.map((x) => x.r))).toBe(16);
    expect(Math.max(...c.ratios.map((x) => x.r))).toBe(65);
    expect(ukn.kommuner).toHaveLength(4);
    expect(ukn.udeladt).toEqual([
      { kommune: "Holbæk", grund: "udeladt efter indstilling (»udelad«)" },
    ]);
  });

  it("parallel uses the two municipalities that had parallelsamfundstilsyn in 2023", () => {
    expect(byId.get("parallel")!.kommuner).toEqual(["Aalborg", "Odense"]);
  });
});
