/** `byrde opregn`: validates, projects, prints the overview, writes the workbook; bad input files exit 2. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { roundHalfAwayFromZero } from "../../src/domain/project";
import { loadWorkbook } from "../../src/xlsx";
import { PUBLISHED, SPANS } from "../domain/project/published";
import { byrde } from "../helpers/cli";

const ROOT = join(__dirname, "..", "..");
const EX = join(ROOT, "examples");
const RETURER = ["aalborg", "frederiksberg", "holbaek", "odense", "vejle"].map((k) => join(EX, "returer", `${k}.json`));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "byrde-opregn-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inputs = ["--landstal", join(EX, "landstal.json"), "--kommunedata", join(EX, "kommunedata.json"), "--indstillinger", join(EX, "indstillinger.json")];

describe("byrde opregn", () => {
  it("prints the overview and writes a workbook whose Overblik holds the spans", async () => {
    const out = join(dir, "overblik.xlsx");
    const r = await byrde("opregn", ...RETURER, ...inputs, "-o", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Minimumsnormeringer");
    expect(r.out).toContain("76-92 (84)");
    expect(r.out).toContain("Holbæk udeladt: udeladt efter indstilling");
    const wb = await loadWorkbook(readFileSync(out));
    const overblik = wb.getWorksheet("Overblik")!;
    const spans: unknown[] = [];
    overblik.getColumn(5).eachCell((c) => spans.push((c.value as { result?: unknown })?.result ?? c.value));
    expect(spans).toEqual(expect.arrayContaining(["76-92 (84)", "52-64 (58)", "48-58 (53)", "68-84 (76)", "131-160 (145)"]));
  });

  it("--json prints the contract with unrounded årsværk", async () => {
    const r = await byrde("opregn", ...RETURER, ...inputs, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.nedslagspunkter).toHaveLength(9);
    const gdpr = j.nedslagspunkter.find((n: { id: string }) => n.id === "gdpr");
    expect(Object.keys(gdpr)).toEqual(["id", "basisaar", "slutaar", "undersoegte", "alle", "spaend", "kommuner", "udeladt", "kan_ikke_beregnes"]);
    expect(gdpr.alle.stigning).toBeGreaterThan(145);
    expect(gdpr.alle.stigning).toBeLessThan(145.5);
    expect(gdpr.kan_ikke_beregnes).toBeNull();
    expect(r.err).toContain("Øget administrativ belastning");
    // Through validation and the JSON contract, the examples still give the report's table.
    for (const [id, basis, slut, digits, studied, all] of PUBLISHED) {
      const n = j.nedslagspunkter.find((x: { id: string }) => x.id === id);
      const rd = (v: number) => roundHalfAwayFromZero(v, digits);
      expect([n.basisaar, n.slutaar]).toEqual([basis, slut]);
      expect([rd(n.undersoegte.basis), rd(n.undersoegte.slut), rd(n.undersoegte.stigning)]).toEqual(studied);
      expect([rd(n.alle.basis), rd(n.alle.slut), rd(n.alle.stigning)]).toEqual(all);
      if (SPANS[id]) expect(n.spaend.tekst).toBe(SPANS[id]);
    }
  });

  it("a missing input file: Danish error naming the file, exit 2", async () => {
    const r = await byrde("opregn", ...RETURER, "--landstal", join(dir, "findes-ikke.json"), "--kommunedata", join(EX, "kommunedata.json"), "--json");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Filen findes ikke");
    expect(r.err).toContain("findes-ikke.json");
  });

  it("a bad key in landstal.json: Danish error naming file and key, exit 2", async () => {
    const bad = join(dir, "landstal.json");
    writeFileSync(bad, JSON.stringify({ dagtilbud: { "2023": "mange" } }));
    const r = await byrde("opregn", ...RETURER, "--landstal", bad, "--kommunedata", join(EX, "kommunedata.json"), "--json");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: »dagtilbud«.2023 skal være et tal`);
  });
});
