/** The JSON input files are checked with Danish messages naming the key. */
import { METHODS, parseIndstillinger, parseKommunedata, parseLandstal, valueForYear } from "../../../src/domain/project";

describe("landstal.json", () => {
  it("accepts one number for every year or numbers by year", () => {
    const r = parseLandstal({ dagtilbud: { "2023": 4000 }, kvalitet_bekymrende: 8 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(valueForYear(r.value.dagtilbud, 2023)).toBe(4000);
      expect(valueForYear(r.value.kvalitet_bekymrende, 2031)).toBe(8);
    }
  });
  it("names an unknown key and a bad value", () => {
    const r = parseLandstal({ dagtilbudd: 1, ansatte: { "2023": "mange" } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatch(/ukendt nøgle »dagtilbudd«/);
      expect(r.errors[1]).toBe('»ansatte«.2023 skal være et tal (fandt "mange").');
    }
  });
});

describe("kommunedata.json", () => {
  it("names the municipality and key", () => {
    const r = parseKommunedata({ Aalborg: { ansatte: { "2023": -1 } }, Atlantis: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(["»Aalborg«.»ansatte«.2023 må ikke være negativ (fandt -1).", "»Atlantis« er ikke en dansk kommune."]);
  });
});

describe("indstillinger.json", () => {
  const ids = METHODS.map((m) => m.id);
  it("accepts the documented keys", () => {
    expect(parseIndstillinger({ timer_pr_aarsvaerk: 1600, perioder: { gdpr: { basis: 2019 } }, udelad: { ukn: ["Holbæk"] } }, ids).ok).toBe(true);
  });
  it("names bad keys and values", () => {
    const r = parseIndstillinger({ timer_pr_aarsvaerk: 0, udelad: { uknn: ["Holbæk"] }, medtag: { ukn: ["Atlantis"] } }, ids);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain("»timer_pr_aarsvaerk« skal være et tal større end 0 (fandt 0).");
      expect(r.errors.some((e) => e.startsWith("»udelad«: ukendt nedslagspunkt »uknn«"))).toBe(true);
      expect(r.errors).toContain("»medtag«.»ukn«: »Atlantis« er ikke en dansk kommune.");
    }
  });
});
