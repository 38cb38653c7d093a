/**
 * The catalogue's rules on the real templates, with hand-computed cases. Each test starts from
 * values that pass every rule for the years involved and breaks one thing.
 */
import { getTemplate } from "../../../src/domain/catalogue";
import type { Finding } from "../../../src/domain/model";
import { validateReturn } from "../../../src/domain/validate";
import { rawReturn } from "../../helpers/rawReturn";

const short = (f: Finding) => `${f.rule}|${f.severity}|${f.field ?? "-"}`;

function run(templateId: string, values: Record<string, unknown>): string[] {
  const t = getTemplate(templateId)!;
  const full: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) full[`${templateId}.${k}`] = v;
  return validateReturn(rawReturn([t], full)).findings.map(short);
}

describe("tilsyn", () => {
  // 2020 and 2023 are the projection's years: 40 dagtilbud, 30 tilsyn, 5 with handleplan, 10 + 6 hours per tilsyn.
  const good = (y: number) => ({
    [`volumen.antal_dagtilbud.${y}`]: 40,
    [`volumen.antal_tilsyn.${y}`]: 30,
    [`volumen.tilsyn_handleplan.${y}`]: 5,
    [`forvaltning.timer_pr_tilsyn.${y}`]: 10,
    [`dagtilbud.timer_pr_tilsyn.${y}`]: 6,
  });
  const base = { ...good(2020), ...good(2023) };

  it("passes a consistent return", () => expect(run("tilsyn", base)).toEqual([]));

  it("tilsyn_handleplan_max: 31 tilsyn with handleplan > 30 tilsyn is a fejl", () => {
    expect(run("tilsyn", { ...base, "volumen.tilsyn_handleplan.2023": 31 })).toEqual([
      "tilsyn_handleplan_max|fejl|tilsyn.volumen.tilsyn_handleplan.2023",
    ]);
  });

  it("tilsyn_timer_volumen: hours per tilsyn in 2021 with no tilsyn counted; tilsyn in 2023 with no hours", () => {
    expect(run("tilsyn", { ...base, "dagtilbud.timer_pr_tilsyn.2021": 8 })).toEqual([
      "tilsyn_timer_volumen|advarsel|tilsyn.dagtilbud.timer_pr_tilsyn.2021",
    ]);
    expect(
      run("tilsyn", {
        ...base,
        "forvaltning.timer_pr_tilsyn.2023": null,
        "dagtilbud.timer_pr_tilsyn.2023": null,
      })
    ).toEqual([
      "tilsyn_timer_volumen|advarsel|tilsyn.forvaltning.timer_pr_tilsyn.2023",
      "mangler_aar|advarsel|tilsyn.forvaltning.timer_pr_tilsyn.2023",
    ]);
  });

  it("completeness: an empty 2020 count of dagtilbud drops the municipality from the 2020 baseline", () => {
    expect(run("tilsyn", { ...base, "volumen.antal_dagtilbud.2020": null })).toEqual([
      "mangler_aar|advarsel|tilsyn.volumen.antal_dagtilbud.2020",
    ]);
  });
});

describe("kvalitet", () => {
  // 2018 and 2023: 20 schools, 4 henvendelser, outcomes 1 bekymrende + 1 handleplan + 1 pålagt = 3 ≤ 4 ≤ 20.
  const good = (y: number) => ({
    [`volumen.antal_folkeskoler.${y}`]: 20,
    [`volumen.henvendelser.${y}`]: 4,
    [`volumen.bekymrende.${y}`]: 1,
    [`volumen.handleplan.${y}`]: 1,
    [`volumen.paalagt.${y}`]: 1,
    [`bekymrende_forvaltning.timer_i_alt.${y}`]: 100,
    [`bekymrende_skole.timer_i_alt.${y}`]: 50,
    [`handleplan_forvaltning.timer_i_alt.${y}`]: 80,
    [`handleplan_skole.timer_i_alt.${y}`]: 40,
  });
  const base = { ...good(2018), ...good(2023) };

  it("passes a consistent return", () => expect(run("kvalitet", base)).toEqual([]));

  it("kvalitet_skoler_kaede: 2 + 2 + 1 = 5 udtagne skoler > 4 henvendelser is a fejl", () => {
    expect(
      run("kvalitet", { ...base, "volumen.bekymrende.2023": 2, "volumen.handleplan.2023": 2 })
    ).toEqual(["kvalitet_skoler_kaede|fejl|kvalitet.volumen.bekymrende.2023"]);
  });

  it("kvalitet_skoler_kaede: 25 henvendelser > 20 folkeskoler is a fejl (and the plausibility range warns)", () => {
    expect(run("kvalitet", { ...base, "volumen.henvendelser.2018": 25 })).toEqual([
      "kvalitet_skoler_kaede|fejl|kvalitet.volumen.henvendelser.2018",
      "kvalitet_henvendelser_pr_skole|advarsel|kvalitet.volumen.henvendelser.2018",
    ]);
  });

  it("kvalitet_timer_volumen_handleplan: hours on handleplan schools with 0 + 0 such schools", () => {
    expect(
      run("kvalitet", { ...base, "volumen.handleplan.2018": 0, "volumen.paalagt.2018": 0 })
    ).toEqual([
      "kvalitet_timer_volumen_handleplan|advarsel|kvalitet.handleplan_forvaltning.timer_i_alt.2018",
    ]);
  });
});

describe("parallel", () => {
  // 2023: 20 schools, 3 henvendelser, 1 in tilsyn: 1 ≤ 3 ≤ 20; tilfredsstillende = 3 − 1 = 2.
  const base = {
    "volumen.antal_folkeskoler.2023": 20,
    "volumen.henvendelser.2023": 3,
    "volumen.tilsyn.2023": 1,
    "tilfredsstillende_forvaltning.timer_i_alt.2023": 30,
    "tilfredsstillende_skole.timer_i_alt.2023": 10,
    "tilsyn_forvaltning.timer_i_alt.2023": 200,
    "tilsyn_skole.timer_i_alt.2023": 50,
  };

  it("passes a consistent return", () => expect(run("parallel", base)).toEqual([]));

  it("parallel_skoler_kaede: 4 schools in tilsyn > 3 henvendelser is a fejl", () => {
    expect(run("parallel", { ...base, "volumen.tilsyn.2023": 4 })).toContain(
      "parallel_skoler_kaede|fejl|parallel.volumen.tilsyn.2023"
    );
  });

  it("parallel_timer_volumen_tilfredsstillende: hours on satisfactory schools when henvendelser − tilsyn = 3 − 3 = 0", () => {
    expect(
      run("parallel", {
        ...base,
        "volumen.tilsyn.2023": 3,
        "tilsyn_forvaltning.timer_i_alt.2023": 600,
      })
    ).toEqual([
      "parallel_timer_volumen_tilfredsstillende|advarsel|parallel.tilfredsstillende_forvaltning.timer_i_alt.2023",
    ]);
  });
});

describe("barometre", () => {
  it("a year ticked udvalgt ⇔ sager > 0", () => {
    const ok = {
      "boernesag_volumen.udvalgt.2021": "x",
      "boernesag_volumen.sager.2021": 12,
      "boernesag.timer_i_alt.2021": 60,
    };
    expect(run("barometre", ok)).toEqual([]);
    expect(
      run("barometre", {
        ...ok,
        "boernesag_volumen.sager.2021": 0,
        "boernesag.timer_i_alt.2021": null,
      })
    ).toEqual(["barometre_udvalgt_boernesag|fejl|barometre.boernesag_volumen.udvalgt.2021"]);
    expect(run("barometre", { ...ok, "boernesag_volumen.udvalgt.2021": null })).toEqual([
      "barometre_udvalgt_boernesag|fejl|barometre.boernesag_volumen.udvalgt.2021",
    ]);
    expect(run("barometre", { "handicap_volumen.udvalgt.2023": "x" })).toEqual([
      "barometre_udvalgt_handicap|fejl|barometre.handicap_volumen.udvalgt.2023",
    ]);
  });

  it("a municipality never selected leaves everything empty without findings", () => {
    expect(run("barometre", {})).toEqual([]);
  });

  it("barometre_timer_volumen_handicap: hours without cases", () => {
    // The projection cannot use hours without their cases either (derived completeness).
    expect(run("barometre", { "handicap.timer_i_alt.2023": 30 })).toEqual([
      "barometre_timer_volumen_handicap|advarsel|barometre.handicap.timer_i_alt.2023",
      "mangler_aar|advarsel|barometre.handicap_volumen.sager.2023",
    ]);
  });

  it("plausibility with a divisor: 600 hours / 10 cases = 60 per case is outside 0,5–50", () => {
    expect(
      run("barometre", {
        "boernesag_volumen.udvalgt.2022": "x",
        "boernesag_volumen.sager.2022": 10,
        "boernesag.timer_i_alt.2022": 600,
      })
    ).toEqual(["barometre_timer_pr_boernesag|advarsel|barometre.boernesag.timer_i_alt.2022"]);
  });
});

describe("magt, mitid, gdpr, normering: completeness in the projection's years", () => {
  it("magt_voksen needs 2023's hours from both groups and the forhåndsgodkendelser", () => {
    expect(
      run("magt_voksen", {
        "forvaltning.timer_i_alt.2023": 100,
        "volumen.forhaandsgodkendelser.2023": 40,
      })
    ).toEqual(["mangler_aar|advarsel|magt_voksen.udfoerer.timer_i_alt.2023"]);
  });

  it("magt_aeldre_timer_volumen: hours with 0 forhåndsgodkendelser", () => {
    expect(
      run("magt_aeldre", {
        "forvaltning.timer_i_alt.2020": 50,
        "volumen.forhaandsgodkendelser.2020": 0,
        "forvaltning.timer_i_alt.2023": 100,
        "udfoerer.timer_i_alt.2023": 200,
        "volumen.forhaandsgodkendelser.2023": 40,
      })
    ).toEqual(["magt_aeldre_timer_volumen|advarsel|magt_aeldre.forvaltning.timer_i_alt.2020"]);
  });

  it("mitid needs NemID hours in 2020 and all three in 2023", () => {
    expect(run("mitid", { "nemid.timer_i_alt.2023": 100, "mitid.timer_i_alt.2023": 300 })).toEqual([
      "mangler_aar|advarsel|mitid.nemid.timer_i_alt.2020",
      "mangler_aar|advarsel|mitid.pas.timer_i_alt.2023",
    ]);
  });

  it("gdpr needs årsværk in 2018 and 2023", () => {
    expect(
      run("gdpr", { "indsats.aarsvaerk_i_alt.2018": 2, "indsats.aarsvaerk_i_alt.2023": 3 })
    ).toEqual([]);
    expect(run("gdpr", { "indsats.aarsvaerk_i_alt.2018": 2 })).toEqual([
      "mangler_aar|advarsel|gdpr.indsats.aarsvaerk_i_alt.2023",
    ]);
  });

  it("normering needs both groups' hours in 2023", () => {
    expect(run("normering", { "forvaltning.timer_i_alt.2023": 300 })).toEqual([
      "mangler_aar|advarsel|normering.dagtilbud.timer_i_alt.2023",
    ]);
  });
});
