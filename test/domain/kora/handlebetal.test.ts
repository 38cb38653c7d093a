/**
 * A4 of the KORA pack: placements counted by acting (handle) and paying (betaling) municipality.
 * G003-13 is Tab. 3.10 (Kommune A by placement type), G003-12 Tab. 3.9 (the two municipalities'
 * totals); the denominator is the paying municipality, and the unit-cost effect is
 * betaling / handle − 1. A4.5: a large percentage of a small number is information.
 */
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { rawReturnFromFelter } from "../../../src/domain/project";
import { validateReturn } from "../../../src/domain/validate";
import type { KommuneReturn } from "../../../src/domain/model";
import { koraPack } from "../../helpers/kora";

const TYPES = [
  "plejefamilie",
  "netvaerkspleje",
  "opholdssted",
  "kostskole",
  "eget_vaerelse",
  "doegninst",
];
// Tab. 3.10, Kommune A: [handle, betaling] per type.
const KOMMUNE_A: Record<string, [number, number]> = {
  plejefamilie: [100.5, 93.5],
  netvaerkspleje: [5.6, 5.6],
  opholdssted: [39.3, 44.2],
  kostskole: [2.4, 2.4],
  eget_vaerelse: [2.3, 1.4],
  doegninst: [15.9, 15.3],
};

function handleBetal(kommune: string, counts: Record<string, [number, number]>): KommuneReturn {
  const pack = koraPack();
  const felter: Record<string, number> = {};
  for (const [t, [h, b]] of Object.entries(counts)) {
    felter[`kora_handlebetal.anbringelser.${t}.handlekommune`] = h;
    felter[`kora_handlebetal.anbringelser.${t}.betalingskommune`] = b;
  }
  return validateReturn(
    rawReturnFromFelter({ kommune, pakke: pack.id, felter }, `${kommune}.json`, undefined, pack),
    pack
  );
}

type Row = Record<string, number | string | null>;
function table(returns: KommuneReturn[]): Row[] {
  const json = tablesJson(computeTables({ pack: koraPack(), returns, inputs: {} })) as Record<
    string,
    { raekker: Row[] }
  >;
  return json.handle_betal.raekker;
}

describe("G003-13: Tab. 3.10 (Kommune A by placement type)", () => {
  const rows = table([handleBetal("Aalborg", KOMMUNE_A)]);
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it("has one row per placement type and the total", () => {
    expect(rows.map((r) => r.id)).toEqual([...TYPES, "i_alt"]);
  });

  it("gives the printed deviations, as % of the paying municipality (computed, unrounded)", () => {
    const want: Record<string, [number, number]> = {
      plejefamilie: [7.0, 7 / 93.5],
      netvaerkspleje: [0, 0],
      opholdssted: [-4.9, -4.9 / 44.2],
      kostskole: [0, 0],
      // Printed 71 % comes from the rounded deviation (1 / 1,4); the exact figure is 64,3 % (F003-12).
      eget_vaerelse: [0.9, 0.9 / 1.4],
      doegninst: [0.6, 0.6 / 15.3],
    };
    for (const [t, [dev, share]] of Object.entries(want)) {
      expect(row(t).afvigelse).toBeCloseTo(dev, 9);
      expect(row(t).afvigelse_pct).toBeCloseTo(share * 100, 9);
    }
    expect(Math.round(row("opholdssted").afvigelse_pct as number)).toBe(-11);
    expect(Math.round(row("plejefamilie").afvigelse_pct as number)).toBe(7);
    expect(row("eget_vaerelse").afvigelse_pct).toBeCloseTo(64.29, 2);
  });

  it("the columns sum to 166,0 and 162,4; the total deviates 3,6 (2,2 %) and the unit cost is understated 2,2 %", () => {
    const t = row("i_alt");
    expect(t.handlekommune).toBeCloseTo(166.0, 9);
    expect(t.betalingskommune).toBeCloseTo(162.4, 9);
    expect(t.afvigelse).toBeCloseTo(3.6, 9);
    expect(t.afvigelse_pct).toBeCloseTo((3.6 / 162.4) * 100, 9);
    expect(t.effekt_pct).toBeCloseTo((162.4 / 166.0 - 1) * 100, 9);
    expect((t.effekt_pct as number).toFixed(1)).toBe("-2.2");
  });

  it("A4.5: eget værelse (64 % of 1,4 placements) is flagged as a small number; the others are not", () => {
    const f = handleBetal("Aalborg", KOMMUNE_A).findings.filter(
      (x) => x.rule === "handlebetal_smaa_tal"
    );
    expect(f.map((x) => [x.severity, x.field])).toEqual([
      ["info", "kora_handlebetal.anbringelser.eget_vaerelse.handlekommune"],
    ]);
  });
});

describe("G003-12: Tab. 3.9 (two municipalities' totals)", () => {
  it("Kommune A 166,0 − 162,4 = 3,6 (2,2 %); Kommune B 372,8 − 364,0 = 8,8 (2,4 %); summed over both", () => {
    const b = handleBetal("Frederiksberg", { plejefamilie: [372.8, 364.0] });
    expect(table([b]).find((r) => r.id === "i_alt")!.afvigelse_pct).toBeCloseTo(
      (8.8 / 364) * 100,
      9
    );
    expect(((8.8 / 364) * 100).toFixed(1)).toBe("2.4");
    const both = table([handleBetal("Aalborg", KOMMUNE_A), b]).find((r) => r.id === "i_alt")!;
    expect(both.handlekommune).toBeCloseTo(166.0 + 372.8, 9);
    expect(both.afvigelse).toBeCloseTo(12.4, 9);
  });
});
