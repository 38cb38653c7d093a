/** One test group per method, on hand-computed cases (method.md). */
import {
  getMethod,
  project,
  type Indstillinger,
  type Kommunedata,
  type Landstal,
  type NedslagspunktResultat,
} from "../../../src/domain/project";
import type { KommuneReturn } from "../../../src/domain/model";
import { ret } from "./helpers";

function run(
  id: string,
  returns: KommuneReturn[],
  landstal: Landstal,
  kommunedata: Kommunedata = {},
  indstillinger?: Indstillinger
): NedslagspunktResultat {
  return project({ returns, landstal, kommunedata, indstillinger, methods: [getMethod(id)!] })
    .nedslagspunkter[0];
}

const close = (v: number | null, expected: number) => expect(v as number).toBeCloseTo(expected, 6);

describe("ukn: hours per case weighted by case type × UKN cases", () => {
  const a = ret("Aalborg", {
    "ukn.hovedsager.timer_pr_sag.2022": 20,
    "ukn.volumen.hovedsager.2022": 10,
    "ukn.genindbringelse.timer_pr_sag.2022": 30,
    "ukn.volumen.genindbringelsessager.2022": 2,
  }); // 260 / 12
  const b = ret("Odense", {
    "ukn.hovedsager.timer_pr_sag.2022": 40,
    "ukn.volumen.hovedsager.2022": 5,
    "ukn.genindbringelse.timer_pr_sag.2022": null,
    "ukn.volumen.genindbringelsessager.2022": 0,
  }); // 200 / 5 (no genindbringelse: empty hours × 0 cases = 0)
  const L = { ukn_sager: { "2022": 1400 } };

  it("averages the ratios and projects to studied and national årsværk; new task is 0 at baseline", () => {
    const r = run("ukn", [a, b], L);
    const rbar = (260 / 12 + 40) / 2;
    close(r.alle.slut, (rbar * 1400) / 1400);
    close(r.undersoegte.slut, (rbar * 17) / 1400);
    expect(r.alle.basis).toBe(0);
    close(r.alle.stigning, rbar);
    expect(r.kommuner).toEqual(["Aalborg", "Odense"]);
  });

  it("leaves out a municipality with a zero driver, saying why", () => {
    const c = ret("Vejle", {
      "ukn.volumen.hovedsager.2022": 0,
      "ukn.volumen.genindbringelsessager.2022": 0,
    });
    const r = run("ukn", [a, b, c], L);
    expect(r.udeladt).toEqual([{ kommune: "Vejle", grund: "antal sager er 0 i 2022" }]);
    close(r.alle.slut, (260 / 12 + 40) / 2);
  });

  it("leaves out a municipality whose final year is missing, naming the fields", () => {
    const d = ret("Holbæk", {
      "ukn.hovedsager.timer_pr_sag.2021": 30,
      "ukn.volumen.hovedsager.2021": 4,
    });
    const r = run("ukn", [a, d], L);
    expect(r.kommuner).toEqual(["Aalborg"]);
    expect(r.udeladt[0].kommune).toBe("Holbæk");
    expect(r.udeladt[0].grund).toContain("ukn.hovedsager.timer_pr_sag.2022");
  });

  it("every municipality excluded: kan ikke beregnes, never 0", () => {
    const r = run("ukn", [a, b], L, {}, { udelad: { ukn: ["Aalborg", "Odense"] } });
    expect(r.kan_ikke_beregnes).toBe("alle kommuner er udeladt efter indstilling");
    expect(r.alle).toEqual({ basis: null, slut: null, stigning: null });
    expect(r.spaend).toBeNull();
  });

  it("a missing national figure: kan ikke beregnes with the key and year", () => {
    const r = run("ukn", [a, b], { ukn_sager: { "2021": 1400 } });
    expect(r.kan_ikke_beregnes).toBe("Landstal mangler »ukn_sager« for 2022");
  });
});

describe("barometre: pooled børnesag ratio + handicap per inhabitant", () => {
  it("adds the two barometers, each with its own national count", () => {
    const a = ret("Aalborg", {
      "barometre.boernesag.timer_i_alt.2020": 50,
      "barometre.boernesag_volumen.sager.2020": 10,
      "barometre.boernesag.timer_i_alt.2023": 30,
      "barometre.boernesag_volumen.sager.2023": 10,
      "barometre.handicap.timer_i_alt.2023": 20,
      "barometre.handicap_volumen.sager.2023": 5,
    });
    const b = ret("Odense", {
      "barometre.handicap.timer_i_alt.2023": 60,
      "barometre.handicap_volumen.sager.2023": 10,
    });
    const kd = { Aalborg: { indbyggere: 100000 }, Odense: { indbyggere: { "2023": 50000 } } };
    const r = run(
      "barometre",
      [a, b],
      { boernesag_sager: { "2023": 700 }, indbyggere: 1500000 },
      kd
    );
    // børnesag: r̄ = 80/20 = 4 (Aalborg only); handicap: r̄ = (4 + 6)/2 = 5, national cases 15/150000 × 1.5 mio = 150
    close(r.alle.slut, (4 * 700) / 1400 + (5 * 150) / 1400);
    close(r.undersoegte.slut, (4 * 10) / 1400 + (5 * 15) / 1400);
    expect(r.kommuner).toEqual(["Aalborg", "Odense"]);
  });
});

describe("normering: hours per dagtilbud × dagtilbud", () => {
  const a = ret("Aalborg", {
    "normering.forvaltning.timer_i_alt.2023": 1000,
    "normering.dagtilbud.timer_i_alt.2023": 200,
  });
  const b = ret("Odense", {
    "normering.forvaltning.timer_i_alt.2023": 300,
    "normering.dagtilbud.timer_i_alt.2023": 200,
    "tilsyn.volumen.antal_dagtilbud.2023": 20,
  });
  const kd = { Aalborg: { dagtilbud: 40 } };

  it("uses Kommunedata, defaulting to the municipality's own antal_dagtilbud", () => {
    const r = run("normering", [a, b], { dagtilbud: { "2023": 600 } }, kd);
    close(r.alle.slut, (27.5 * 600) / 1400);
    close(r.undersoegte.slut, (27.5 * 60) / 1400);
  });

  it("leaves out a municipality with 0 dagtilbud", () => {
    const c = ret("Vejle", { "normering.forvaltning.timer_i_alt.2023": 100 });
    const r = run("normering", [a, b, c], { dagtilbud: 600 }, { ...kd, Vejle: { dagtilbud: 0 } });
    expect(r.udeladt).toEqual([{ kommune: "Vejle", grund: "antal dagtilbud er 0 i 2023" }]);
    close(r.alle.slut, (27.5 * 600) / 1400);
  });

  it("missing Kommunedata is named", () => {
    const c = ret("Vejle", { "normering.forvaltning.timer_i_alt.2023": 100 });
    const r = run("normering", [a, c], { dagtilbud: 600 }, kd);
    expect(r.udeladt).toEqual([
      { kommune: "Vejle", grund: "mangler Kommunedata »dagtilbud« 2023" },
    ]);
  });
});

describe("tilsyn: two-stage, hours per tilsyn × tilsyn per dagtilbud × dagtilbud", () => {
  const mk = (
    k: string,
    h20: number,
    t20: number,
    d20: number,
    h23: number,
    t23: number,
    d23: number
  ) =>
    ret(k, {
      "tilsyn.forvaltning.timer_pr_tilsyn.2020": h20 / 2,
      "tilsyn.dagtilbud.timer_pr_tilsyn.2020": h20 / 2,
      "tilsyn.volumen.antal_tilsyn.2020": t20,
      "tilsyn.volumen.antal_dagtilbud.2020": d20,
      "tilsyn.forvaltning.timer_pr_tilsyn.2023": h23 / 2,
      "tilsyn.dagtilbud.timer_pr_tilsyn.2023": h23 / 2,
      "tilsyn.volumen.antal_tilsyn.2023": t23,
      "tilsyn.volumen.antal_dagtilbud.2023": d23,
    });
  const L = { dagtilbud: { "2020": 500, "2023": 500 } };

  it("computes baseline, final year and the increase", () => {
    const r = run(
      "tilsyn",
      [mk("Aalborg", 30, 10, 20, 40, 20, 20), mk("Odense", 50, 30, 30, 60, 30, 30)],
      L
    );
    // 2020: r̄ 40, 40 tilsyn / 50 dagtilbud × 500 = 400; 2023: r̄ 50, 50/50 × 500 = 500
    close(r.alle.basis, (40 * 400) / 1400);
    close(r.alle.slut, (50 * 500) / 1400);
    close(r.alle.stigning, (50 * 500 - 40 * 400) / 1400);
    close(r.undersoegte.basis, (40 * 40) / 1400);
    close(r.undersoegte.slut, (50 * 50) / 1400);
  });

  it("a municipality missing the baseline year is left out of both years (same municipalities in both columns)", () => {
    const c = ret("Vejle", {
      "tilsyn.forvaltning.timer_pr_tilsyn.2023": 100,
      "tilsyn.volumen.antal_tilsyn.2023": 5,
      "tilsyn.volumen.antal_dagtilbud.2023": 5,
    });
    const r = run("tilsyn", [mk("Aalborg", 30, 10, 20, 40, 20, 20), c], L);
    expect(r.kommuner).toEqual(["Aalborg"]);
    expect(r.udeladt[0].grund).toContain("tilsyn.forvaltning.timer_pr_tilsyn.2020");
    close(r.alle.slut, (40 * (20 / 20) * 500) / 1400);
  });
});

describe("kvalitet: per outcome, mean over municipalities with that outcome × national count", () => {
  const a = ret("Aalborg", {
    "kvalitet.bekymrende_forvaltning.timer_i_alt.2018": 100,
    "kvalitet.bekymrende_skole.timer_i_alt.2018": 50,
    "kvalitet.volumen.bekymrende.2018": 1,
    "kvalitet.volumen.handleplan.2018": 0,
    "kvalitet.volumen.paalagt.2018": 0,
    "kvalitet.handleplan_forvaltning.timer_i_alt.2023": 600,
    "kvalitet.handleplan_skole.timer_i_alt.2023": 300,
    "kvalitet.volumen.bekymrende.2023": 0,
    "kvalitet.volumen.handleplan.2023": 2,
    "kvalitet.volumen.paalagt.2023": 1,
  });
  const b = ret("Odense", {
    "kvalitet.bekymrende_skole.timer_i_alt.2018": 250,
    "kvalitet.volumen.bekymrende.2018": 1,
    "kvalitet.handleplan_skole.timer_i_alt.2018": 200,
    "kvalitet.volumen.handleplan.2018": 1,
    "kvalitet.bekymrende_forvaltning.timer_i_alt.2023": 400,
    "kvalitet.volumen.bekymrende.2023": 2,
    "kvalitet.handleplan_forvaltning.timer_i_alt.2023": 500,
    "kvalitet.volumen.handleplan.2023": 1,
  });
  const L = { kvalitet_bekymrende: 8, kvalitet_handleplan: 22 };

  it("a municipality with no schools of one outcome counts only in the other", () => {
    const r = run("kvalitet", [a, b], L);
    // 2018: r̄_b = (150 + 250)/2 = 200, r̄_h = 200 (Odense); 2023: r̄_b = 200 (Odense), r̄_h = (300 + 500)/2 = 400
    close(r.alle.basis, (200 * 8 + 200 * 22) / 1400);
    close(r.alle.slut, (200 * 8 + 400 * 22) / 1400);
    close(r.undersoegte.basis, (200 * 2 + 200 * 1) / 1400);
    close(r.undersoegte.slut, (200 * 2 + 400 * 4) / 1400);
    const c2023 = r.aar[1].components;
    expect(c2023[0].ratios.map((x) => x.kommune)).toEqual(["Odense"]);
    expect(c2023[1].ratios.map((x) => x.kommune)).toEqual(["Aalborg", "Odense"]);
  });

  it("no municipality with schools of an outcome that occurs nationally: kan ikke beregnes, naming the outcome", () => {
    const r = run("kvalitet", [a], {
      kvalitet_bekymrende: 8,
      kvalitet_handleplan: { "2018": 0, "2023": 22 },
    });
    expect(r.kan_ikke_beregnes).toContain("»Bekymrende faglig kvalitet«");
    expect(r.kan_ikke_beregnes).toContain("2023");
  });

  it("an outcome that occurs neither in the returns nor nationally contributes 0", () => {
    const r = run("kvalitet", [a], {
      kvalitet_bekymrende: { "2018": 8, "2023": 0 },
      kvalitet_handleplan: { "2018": 0, "2023": 22 },
    });
    expect(r.kan_ikke_beregnes).toBeNull();
    close(r.alle.basis, (150 * 8) / 1400);
    close(r.alle.slut, (300 * 22) / 1400);
  });
});

describe("parallel: outcomes tilfredsstillende (henvendelser − tilsyn) and tilsyn", () => {
  it("adds the outcomes; new task is 0 at baseline", () => {
    const a = ret("Aalborg", {
      "parallel.tilfredsstillende_forvaltning.timer_i_alt.2023": 100,
      "parallel.tilfredsstillende_skole.timer_i_alt.2023": 100,
      "parallel.tilsyn_forvaltning.timer_i_alt.2023": 300,
      "parallel.tilsyn_skole.timer_i_alt.2023": 100,
      "parallel.volumen.henvendelser.2023": 3,
      "parallel.volumen.tilsyn.2023": 1,
    });
    const b = ret("Odense", {
      "parallel.tilfredsstillende_skole.timer_i_alt.2023": 150,
      "parallel.volumen.henvendelser.2023": 1,
      "parallel.volumen.tilsyn.2023": 0,
    });
    const r = run("parallel", [a, b], { parallel_redegoerelse: 6, parallel_tilsyn: 5 });
    close(r.alle.slut, (6 * 125 + 5 * 400) / 1400);
    close(r.undersoegte.slut, (3 * 125 + 1 * 400) / 1400);
    expect(r.alle.basis).toBe(0);
  });
});

describe("magt: mean over the areas a municipality returned, two-stage per adult", () => {
  it("averages areas within a municipality, then across municipalities", () => {
    const a = ret("Aalborg", {
      "magt_voksen.forvaltning.timer_i_alt.2023": 100,
      "magt_voksen.udfoerer.timer_i_alt.2023": 100,
      "magt_voksen.volumen.forhaandsgodkendelser.2023": 10,
      "magt_aeldre.udfoerer.timer_i_alt.2023": 200,
      "magt_aeldre.volumen.forhaandsgodkendelser.2023": 20,
    }); // (20 + 10)/2 = 15
    const b = ret("Odense", {
      "magt_aeldre.forvaltning.timer_i_alt.2023": 400,
      "magt_aeldre.volumen.forhaandsgodkendelser.2023": 40,
    }); // 10
    const kd = { Aalborg: { indbyggere_18plus: 10000 }, Odense: { indbyggere_18plus: 20000 } };
    const r = run("magt", [a, b], { indbyggere_18plus: 300000 }, kd);
    // r̄ 12,5; 70 fhg / 30000 adults × 300000 = 700
    close(r.alle.slut, (12.5 * 700) / 1400);
    close(r.undersoegte.slut, (12.5 * 70) / 1400);
  });
});

describe("mitid: NemID + MitID + pas hours per employee", () => {
  const a = ret("Aalborg", {
    "mitid.nemid.timer_i_alt.2020": 140,
    "mitid.nemid.timer_i_alt.2023": 10,
    "mitid.mitid.timer_i_alt.2023": 200,
    "mitid.pas.timer_i_alt.2023": 90,
  });
  const b = ret("Odense", {
    "mitid.nemid.timer_i_alt.2020": 100,
    "mitid.mitid.timer_i_alt.2023": 100,
    "mitid.pas.timer_i_alt.2023": 100,
  });
  const kd = { Aalborg: { ansatte: 1000 }, Odense: { ansatte: 500 } };
  const L = { ansatte: 100000 };

  it("2020 counts NemID only; an empty term among filled ones counts as 0", () => {
    const r = run("mitid", [a, b], L, kd);
    close(r.alle.basis, (0.17 * 100000) / 1400);
    close(r.alle.slut, (0.35 * 100000) / 1400);
    close(r.undersoegte.stigning, ((0.35 - 0.17) * 1500) / 1400);
  });

  it("leaves out a municipality with 0 employees", () => {
    const c = ret("Vejle", {
      "mitid.nemid.timer_i_alt.2020": 10,
      "mitid.mitid.timer_i_alt.2023": 10,
    });
    const r = run("mitid", [a, b, c], L, { ...kd, Vejle: { ansatte: 0 } });
    expect(r.udeladt).toEqual([
      { kommune: "Vejle", grund: "antal ansatte er 0 i 2020; antal ansatte er 0 i 2023" },
    ]);
  });
});

describe("gdpr: årsværk per employee, no division by hours", () => {
  it("projects årsværk directly", () => {
    const a = ret("Aalborg", {
      "gdpr.indsats.aarsvaerk_i_alt.2018": 2,
      "gdpr.indsats.aarsvaerk_i_alt.2023": 3,
    });
    const b = ret("Odense", {
      "gdpr.indsats.aarsvaerk_i_alt.2018": 1.5,
      "gdpr.indsats.aarsvaerk_i_alt.2023": 2,
    });
    const kd = { Aalborg: { ansatte: 1000 }, Odense: { ansatte: 500 } };
    const r = run("gdpr", [a, b], { ansatte: 100000 }, kd, { timer_pr_aarsvaerk: 1600 });
    close(r.alle.basis, 250);
    close(r.alle.slut, 350);
    close(r.undersoegte.basis, 3.75);
    close(r.undersoegte.slut, 5.25);
    expect(r.spaend!.tekst).toBe("90-110 (100)");
  });
});

describe("settings and validation", () => {
  const a = ret("Aalborg", {
    "gdpr.indsats.aarsvaerk_i_alt.2018": 2,
    "gdpr.indsats.aarsvaerk_i_alt.2023": 3,
  });
  const kd = { Aalborg: { ansatte: 1000 }, Odense: { ansatte: 500 } };

  it("a return with a fejl in a needed field is left out with the cell named; a fejl elsewhere does not matter", () => {
    const bad = ret(
      "Odense",
      { "gdpr.indsats.aarsvaerk_i_alt.2018": 1, "gdpr.indsats.aarsvaerk_i_alt.2023": -2 },
      [
        {
          rule: "negativ",
          severity: "fejl",
          message: "Tallet må ikke være negativt.",
          field: "gdpr.indsats.aarsvaerk_i_alt.2023",
          location: { sheet: "GDPR Data", cell: "D5" },
        },
      ]
    );
    const r = run("gdpr", [a, bad], { ansatte: 100000 }, kd);
    expect(r.udeladt).toEqual([
      { kommune: "Odense", grund: "fejl i GDPR Data!D5: Tallet må ikke være negativt." },
    ]);
    const elsewhere = ret(
      "Odense",
      { "gdpr.indsats.aarsvaerk_i_alt.2018": 1, "gdpr.indsats.aarsvaerk_i_alt.2023": 2 },
      [
        {
          rule: "pct_sum",
          severity: "fejl",
          message: "Procenterne summer ikke til 100.",
          field: "gdpr.indsats.dpo.2021",
        },
      ]
    );
    expect(run("gdpr", [a, elsewhere], { ansatte: 100000 }, kd).kommuner).toEqual([
      "Aalborg",
      "Odense",
    ]);
  });

  it("periods are settings", () => {
    const b = ret("Odense", {
      "gdpr.indsats.aarsvaerk_i_alt.2020": 1,
      "gdpr.indsats.aarsvaerk_i_alt.2023": 2,
    });
    const r = run("gdpr", [b], { ansatte: 100000 }, kd, { perioder: { gdpr: { basis: 2020 } } });
    expect([r.basisaar, r.slutaar]).toEqual([2020, 2023]);
    close(r.alle.stigning, 200);
  });

  // Issue 11: one file per template is merged; two returns of the same template are a conflict
  // that no figure uses until the consultant chooses (src/domain/validate/batch.ts).
  it("merges one municipality's returns of different templates", () => {
    const part1 = ret("Aalborg", {
      "gdpr.indsats.aarsvaerk_i_alt.2018": 2,
      "gdpr.indsats.aarsvaerk_i_alt.2023": 3,
    });
    const part2 = ret("aalborg kommune", { "ukn.volumen.sager_i_alt.2019": 12 });
    const r = run("gdpr", [part1, part2], { ansatte: 100000 }, kd);
    expect(r.kommuner).toEqual(["Aalborg"]);
    close(r.alle.slut, 300);
  });

  it("uses neither of two returns of the same template from one municipality", () => {
    const part1 = ret("Aalborg", { "gdpr.indsats.aarsvaerk_i_alt.2018": 2 });
    const part2 = ret("aalborg kommune", { "gdpr.indsats.aarsvaerk_i_alt.2023": 3 });
    const r = run("gdpr", [part1, part2], { ansatte: 100000 }, kd);
    expect(r.kommuner).toEqual([]);
    expect(r.kan_ikke_beregnes).not.toBeNull();
  });
});
