/**
 * The rammeaftale area's calculators as custom functions (src/functions/core.ts over
 * src/domain/project/takster.ts), on the seed's golden figures: Socialtilsyn's tariffs looked up by
 * size, task and year in the pack (G004-01/04), the comparison with the five supervisory
 * authorities (G004-05), Table A's price per place and development (G004-21), occupancy, the
 * Kofoedsminde rate (G004-20) and the 5 % self-risk (B6), and both holiday-escort models (G004-18,
 * G004-19 line by line, the printed overhead 753,02 as the seed's known discrepancy). Errors are
 * Danish; #N/A »udgået« reaches Excel as notAvailable with its message.
 */
import {
  belaegningsPct,
  efterregulering,
  fastepriser,
  isCellError,
  ledsagelse1,
  ledsagelse2,
  objfin,
  prisPrPlads,
  takstudvikling,
  tilsynstakst,
  type CellError,
} from "../../src/functions/core";
import { builtinPack } from "../../src/domain/pakker";
import {
  ledsagelseModel2,
  ledsagelseSatser2,
  packConstant,
} from "../../src/domain/project/takster";

function errorOf(r: unknown): CellError {
  if (!isCellError(r)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r;
}
const pack = builtinPack("rammeaftale_li")!;
/** The pack the rate functions read (in Excel, loaded on their first call). */
const RAMME = pack;

describe("BYRDE.TILSYNSTAKST (B1)", () => {
  it("looks the tariff up by size band, task and year in the pack", () => {
    expect(tilsynstakst(RAMME, 7, "tilsyn", 2019)).toBe(33795);
    expect(tilsynstakst(RAMME, 8, "tilsyn", 2019)).toBe(40554);
    expect(tilsynstakst(RAMME, 49, "skærpet", 2019)).toBe(6759);
    expect(tilsynstakst(RAMME, 50, "tilsyn", 2019)).toBe(150210);
    expect(tilsynstakst(RAMME, 120, "Tilsyn", 2018)).toBe(98536);
    expect(tilsynstakst(RAMME, 3, "ny", 2018)).toBe(22108);
    expect(tilsynstakst(RAMME, 30, "ændring", 2019)).toBe(12332);
  });

  it("a year without tariffs, an unknown task, no places: Danish errors", () => {
    expect(errorOf(tilsynstakst(RAMME, 10, "tilsyn", 2020))).toEqual({
      error: "value",
      message:
        "Kan ikke beregnes: »Socialtilsyn Midts takster« har intet tal for »tilsyn.p8_24« i 2020 (kun 2018, 2019).",
    });
    expect(errorOf(tilsynstakst(RAMME, 10, "kontrol", 2019)).message).toBe(
      'Kan ikke beregnes: opgaven »kontrol« findes ikke; skriv "tilsyn", "skærpet", "ny", "ændring".'
    );
    expect(errorOf(tilsynstakst(RAMME, 0, "tilsyn", 2019)).error).toBe("num");
    expect(errorOf(tilsynstakst(RAMME, "", "tilsyn", 2019)).message).toBe("pladser mangler.");
    expect(errorOf(tilsynstakst(RAMME, 5, "tilsyn", "")).message).toBe("år mangler.");
  });
});

describe("BYRDE.FASTEPRISER (G004-04, G004-06)", () => {
  it("50+ tilsyn: 150.210 / (98.536 × 1,0197) − 1 = +49,5 %; ny godkendelse −0,4 %; objective financing −2,1 %", () => {
    expect(fastepriser(150210, 98536, 1.0197) as number).toBeCloseTo(0.495, 3);
    expect(fastepriser(22460, 22108, 1.0197) as number).toBeCloseTo(-0.0037, 4);
    expect(fastepriser(27260156, 27319289, 1.0197) as number).toBeCloseTo(-0.021, 3);
    expect(errorOf(fastepriser(1, 0, 1.0197)).error).toBe("div0");
    expect(errorOf(fastepriser(1, 1, "x")).message).toBe(
      'pl_faktor indeholder teksten "x", hvor der skal stå et tal.'
    );
  });
});

describe("BYRDE.PRISPRPLADS and BYRDE.TAKSTUDVIKLING (G004-21, G004-05)", () => {
  it("Favrskov 2017: 118.332 × 1.000 / 292,4 = 404.692 kr.; Holstebro 247.347 → 291.716 is +17,94 %", () => {
    expect(prisPrPlads(118332, 292.4) as number).toBeCloseTo(404692.2, 1);
    expect(takstudvikling(247347, 291716) as number).toBeCloseTo(0.1794, 4);
  });

  it("the comparison with the five supervisory authorities: +1,29 % and −23,84 % (the seed prints 23,9: F004-05)", () => {
    expect(takstudvikling(33366, 33795) as number).toBeCloseTo(0.0129, 4);
    const vaesentlig = takstudvikling(8096, 6166) as number;
    expect(vaesentlig).toBeCloseTo(-0.2384, 4);
    expect(Math.round(-vaesentlig * 1000) / 10).not.toBe(23.9);
  });

  it("Hedensted 2017 (belægning 0): no price (#DIV/0!) and the development #N/A »udgået«", () => {
    expect(errorOf(prisPrPlads(0, 0)).error).toBe("div0");
    expect(errorOf(takstudvikling(1000853, 0))).toEqual({
      error: "na",
      message: "Udgået: ingen pris i året (belægning 0).",
    });
    expect(errorOf(takstudvikling(1000853, "")).error).toBe("na");
  });
});

describe("BYRDE.BELÆGNINGSPCT (B7.3)", () => {
  it("Σ forbrug / Σ normering over rows with both; above 1 is overbelægning", () => {
    expect(belaegningsPct([[90], [100], [null]], [[100], [100], [50]])).toBeCloseTo(0.95, 10);
    expect(belaegningsPct([[110.2]], [[100]])).toBeCloseTo(1.102, 10);
    expect(errorOf(belaegningsPct([[1]], [[null]])).error).toBe("div0");
    expect(errorOf(belaegningsPct([[1], [2]], [[1]])).message).toBe(
      "forbrug og normering skal have lige mange celler (2 og 1)."
    );
  });
});

describe("BYRDE.OBJFIN and BYRDE.EFTERREGULERING (B6, G004-20)", () => {
  it("the 2017 rate 27,79 kr. × the implied 1.304.356 inhabitants of Midtjylland gives its 36.248.047 kr.", () => {
    expect(objfin(27.79, 1304356) as number).toBeCloseTo(36248053, -1);
    expect(Math.abs((objfin(27.79, 36248047 / 27.79) as number) - 36248047)).toBeLessThan(1e-6);
    expect(errorOf(objfin(-1, 10)).error).toBe("num");
  });

  it("the rate per inhabitant in the pack: 2014 14,19, 2017 27,79, 2019 34,22 (+95,8 % and +23,1 %)", () => {
    const sats = (y: number) =>
      (packConstant(pack, "kofoedsminde", "sats", y) as { value: number }).value;
    expect(sats(2017) / sats(2014) - 1).toBeCloseTo(0.958, 3);
    expect(sats(2019) / sats(2017) - 1).toBeCloseTo(0.231, 3);
  });

  it("the self-risk: the first 5 % of the base are the operator's, on either side", () => {
    expect(efterregulering(RAMME, -637000, 10000000)).toBe(-137000);
    expect(efterregulering(RAMME, 300000, 10000000)).toBe(0);
    expect(efterregulering(RAMME, 800000, 10000000, 0.05)).toBe(300000);
    expect(efterregulering(RAMME, 800000, 10000000, 0.02)).toBe(600000);
    expect(errorOf(efterregulering(RAMME, 1, 1, 5)).error).toBe("num");
    expect(errorOf(efterregulering(RAMME, 1, "")).message).toBe("grundlag mangler.");
  });
});

describe("BYRDE.LEDSAGELSE1 (G004-18)", () => {
  it("the hourly rates with 5,4 % administration: 422, 463, 232, by number or by the pack's name", () => {
    expect(ledsagelse1(RAMME, 1, 400)).toBe(422);
    expect(ledsagelse1(RAMME, 1, 439)).toBe(463);
    expect(ledsagelse1(RAMME, 1, 220)).toBe(232);
    expect(ledsagelse1(RAMME, 10, "dag", 2018)).toBe(4220);
    expect(ledsagelse1(RAMME, 2, "Nat")).toBe(926);
    expect(ledsagelse1(RAMME, 1, "ledsager")).toBe(232);
  });

  it("errors: an unknown rate, a year the pack has no rates for", () => {
    expect(errorOf(ledsagelse1(RAMME, 1, "weekend")).message).toBe(
      'sats skal være kr. pr. time eller "dag", "nat" eller "ledsager" (ikke "weekend").'
    );
    expect(errorOf(ledsagelse1(RAMME, 1, 400, 2019)).message).toMatch(
      /^Kan ikke beregnes: .* i 2019 \(kun 2018\)\.$/
    );
  });
});

describe("BYRDE.LEDSAGELSE2, the London example (G004-19)", () => {
  // Wednesday 7:00 to Friday 15:30 with 2 staff: 40 + 17 = 57 hours, 3 started days, 2 full days, 8,5 rest hours.
  const trip = {
    timerKoloni: 57,
    doegnPaabegyndt: 3,
    doegnDagpenge: 2,
    timerDagpenge: 8.5,
    medarbejdere: 2,
    besparelsePrTime: 45.39,
  };
  const satser = ledsagelseSatser2(pack, 2018);

  it("every line in »formel« mode: 218,30; 12.443,10; 1.706,64; 1.992,00; 352,75; overhead 759,03; 17.253,52; 2.587,23", () => {
    expect(satser.ok).toBe(true);
    const r = ledsagelseModel2(
      trip,
      (satser as { value: Parameters<typeof ledsagelseModel2>[1] }).value
    );
    expect(r).toEqual({
      ok: true,
      value: {
        timeloen: 218.3,
        loen: 12443.1,
        kolonitillaeg: 1706.64,
        dagpengeDoegn: 1992,
        dagpengeTimer: 352.75,
        overhead: 759.03,
        iAlt: 17253.52,
        fradrag: 2587.23,
        egenbetaling: 14666.29,
      },
    });
  });

  it("»seed« mode: the printed overhead 753,02 (6,05 %, F004-20) gives the printed 17.247,51 and own payment 14.660,28", () => {
    const r = ledsagelseModel2(
      { ...trip, overheadKr: 753.02 },
      (satser as { value: Parameters<typeof ledsagelseModel2>[1] }).value
    );
    expect(r.ok && [r.value.iAlt, r.value.egenbetaling]).toEqual([17247.51, 14660.28]);
    expect((753.02 / 12443.1) * 100).toBeCloseTo(6.05, 2);
  });

  it("as the custom function: 14.666,29 by the formula, 14.660,28 with the printed overhead", () => {
    expect(ledsagelse2(RAMME, 57, 3, 2, 8.5, 2, 45.39)).toBe(14666.29);
    expect(ledsagelse2(RAMME, 57, 3, 2, 8.5, 2, 45.39, 2018, 753.02)).toBe(14660.28);
    expect(errorOf(ledsagelse2(RAMME, 0, 3, 2, 8.5, 2)).message).toBe(
      "timer_koloni mangler; model 2 kræver timer efter koloniaftalen."
    );
    expect(errorOf(ledsagelse2(RAMME, 57, 3, 2, 8.5, 2, 45.39, 2017)).message).toMatch(
      /^Kan ikke beregnes: .* i 2017 \(kun 2018\)\.$/
    );
  });
});
