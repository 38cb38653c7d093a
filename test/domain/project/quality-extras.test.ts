/** Outlier suggestions, settings that override them, Datakvalitet, and the figures beyond the report. */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import {
  getMethod,
  project,
  type Indstillinger,
  type NedslagspunktResultat,
} from "../../../src/domain/project";
import type { KommuneReturn } from "../../../src/domain/model";
import { ret } from "./helpers";

const close = (v: number | null | undefined, expected: number) =>
  expect(v as number).toBeCloseTo(expected, 6);

function gdpr(ratios2023: number[], indstillinger?: Indstillinger) {
  const names = ["Aalborg", "Odense", "Vejle", "Holbæk", "Frederiksberg", "Esbjerg"];
  const returns: KommuneReturn[] = ratios2023.map((r, i) =>
    ret(names[i], {
      "gdpr.indsats.aarsvaerk_i_alt.2018": 1,
      "gdpr.indsats.aarsvaerk_i_alt.2023": r * 1000,
    })
  );
  const kommunedata = Object.fromEntries(names.map((n) => [n, { ansatte: 1000 }]));
  return project({
    returns,
    landstal: { ansatte: 100000 },
    kommunedata,
    indstillinger,
    methods: [getMethod("gdpr")!],
  });
}

describe("outlier suggestions", () => {
  it("suggests (never applies) leaving out a ratio with |modified z| > 3,5, and logs it", () => {
    const p = gdpr([0.01, 0.011, 0.012, 0.013, 0.05]);
    const n = p.nedslagspunkter[0];
    // median 0,012, MAD 0,001: z(0,05) = 0,6745 × 0,038 / 0,001 = 25,6
    expect(n.forslag).toEqual([
      {
        kommune: "Frederiksberg",
        komponent: "ansatte",
        aar: 2023,
        z: expect.closeTo(25.631, 3),
        medtaget: false,
      },
    ]);
    expect(n.kommuner).toContain("Frederiksberg");
    expect(
      p.log.some(
        (l) =>
          l.kilde === "forslag" &&
          l.kommune === "Frederiksberg" &&
          /ikke gjort automatisk/.test(l.besked)
      )
    ).toBe(true);
  });

  it("»medtag« marks the suggestion as overridden; »udelad« always leaves out and is logged", () => {
    const kept = gdpr([0.01, 0.011, 0.012, 0.013, 0.05], { medtag: { gdpr: ["Frederiksberg"] } })
      .nedslagspunkter[0];
    expect(kept.forslag[0].medtaget).toBe(true);
    const p = gdpr([0.01, 0.011, 0.012, 0.013, 0.05], { udelad: { gdpr: ["Frederiksberg"] } });
    expect(p.nedslagspunkter[0].kommuner).not.toContain("Frederiksberg");
    expect(p.log.some((l) => l.kilde === "indstilling" && l.kommune === "Frederiksberg")).toBe(
      true
    );
    close(p.nedslagspunkter[0].alle.slut, ((0.01 + 0.011 + 0.012 + 0.013) / 4) * 100000);
  });

  it("says why no suggestion is made with fewer than 4 municipalities", () => {
    const n = gdpr([0.01, 0.02, 0.5]).nedslagspunkter[0];
    expect(n.forslag).toEqual([]);
    expect(n.afvigerNoter.join(" ")).toMatch(/For få værdier \(3\)/);
  });
});

describe("Datakvalitet", () => {
  it("Høj with full coverage and a small spread", () => {
    const n = gdpr([0.01, 0.011, 0.012]).nedslagspunkter[0];
    expect(n.datakvalitet.niveau).toBe("Høj");
    expect(n.datakvalitet.daekning).toBe(1);
  });
  it("Middel when the coefficient of variation is above 0,5", () => {
    // mean 0,02, sd 0,0173: cv 0,87
    expect(gdpr([0.01, 0.01, 0.04]).nedslagspunkter[0].datakvalitet.niveau).toBe("Middel");
  });
  it("Lav with coverage under 50 %", () => {
    const n = gdpr([0.01, 0.011, 0.012], { udelad: { gdpr: ["Odense", "Vejle"] } })
      .nedslagspunkter[0];
    expect(n.datakvalitet.niveau).toBe("Lav");
    expect(n.alleUndersoegte).toBe(false);
  });
});

describe("beyond the report", () => {
  // normering: Aalborg 1200 h / 40 dagtilbud = 30, Odense 500 h / 20 = 25; 600 dagtilbud nationally
  const returns = [
    ret("Aalborg", {
      "normering.forvaltning.timer_i_alt.2023": 1000,
      "normering.dagtilbud.timer_i_alt.2023": 200,
      "normering.forvaltning.andet.2023": 100,
    }),
    ret("Odense", {
      "normering.forvaltning.timer_i_alt.2023": 300,
      "normering.dagtilbud.timer_i_alt.2023": 200,
    }),
  ];
  const kommunedata = { Aalborg: { dagtilbud: 40 }, Odense: { dagtilbud: 20 } };
  const n: NedslagspunktResultat = project({
    returns,
    landstal: { dagtilbud: 600 },
    kommunedata,
    indstillinger: { loen_pr_aarsvaerk: 500000 },
    methods: [getMethod("normering")!],
  }).nedslagspunkter[0];
  const national = (27.5 * 600) / 1400;

  it("t-interval on r̄ (n − 1 df) carried to årsværk", () => {
    const half = ((tQuantile(0.975, 1) * Math.sqrt(12.5)) / Math.sqrt(2)) * (600 / 1400);
    const t = n.ekstra!.tInterval as { lav: number; hoej: number };
    close(t.lav, national - half);
    close(t.hoej, national + half);
  });

  it("ratio-of-sums Σb/Σd × D beside the mean of ratios", () => {
    const rs = n.ekstra!.forholdAfSummer as { slut: number };
    close(rs.slut, ((1700 / 60) * 600) / 1400);
  });

  it("leave-one-out range", () => {
    expect(n.ekstra!.udenEn.map((u) => u.kommune)).toEqual(["Aalborg", "Odense"]);
    close(n.ekstra!.udenEnMin, (25 * 600) / 1400);
    close(n.ekstra!.udenEnMax, (30 * 600) / 1400);
  });

  it("by group (block), hours-weighted", () => {
    const g = n.ekstra!.grupper;
    expect(g.map((x) => x.blok)).toEqual(["normering.forvaltning", "normering.dagtilbud"]);
    close(g[0].aarsvaerk, (national * 1300) / 1700);
    close(g[1].aarsvaerk, (national * 400) / 1700);
  });

  it("kroner = årsværk × wage cost", () => {
    close(n.ekstra!.kroner!.slut, national * 500000);
  });

  it("by sub-task: the pct rows, hours-weighted over the municipalities that filled them", () => {
    const ukn = project({
      returns: [
        ret("Aalborg", {
          "ukn.hovedsager.timer_pr_sag.2022": 20,
          "ukn.volumen.hovedsager.2022": 10,
          "ukn.hovedsager.udtalelse.2022": 25,
          "ukn.hovedsager.undersoegelse.2022": 75,
        }),
        ret("Odense", {
          "ukn.hovedsager.timer_pr_sag.2022": 10,
          "ukn.volumen.hovedsager.2022": 20,
          "ukn.hovedsager.udtalelse.2022": 100,
        }),
      ],
      landstal: { ukn_sager: 1400 },
      methods: [getMethod("ukn")!],
    }).nedslagspunkter[0];
    const total = ukn.alle.slut as number; // r̄ = 20 → 20 årsværk
    const sub = ukn.ekstra!.underopgaver;
    const udtalelse = sub.find((s) => s.underopgave === "udtalelse")!;
    // Aalborg 200 h × 25 % + Odense 200 h × 100 % = 250 of 400 h
    close(udtalelse.andel, 250 / 400);
    close(udtalelse.aarsvaerk, total * (250 / 400));
    close(sub.find((s) => s.underopgave === "undersoegelse")!.andel, 150 / 400);
  });
});
