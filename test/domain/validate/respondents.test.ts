/**
 * Respondents (issue 11 part 2): a name not on the pack's list is a fejl with the closest names
 * as a suggestion and never enters a calculation; two returns from one respondent covering the
 * same template are a conflict, and neither is used until the consultant chooses.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { KommuneReturn } from "../../../src/domain/model";
import { editDistance, suggestRespondents } from "../../../src/domain/pack/respondents";
import { builtinPack, defaultPack } from "../../../src/domain/pakker";
import {
  parseKommunedata,
  parseLandstal,
  parseIndstillinger,
  project,
  projectionOf,
  rawReturnFromFelter,
  type FelterJson,
} from "../../../src/domain/project";
import { computeTables } from "../../../src/domain/tables/compute";
import { validateReturn } from "../../../src/domain/validate";
import { BATCH_RULES, judgeBatch, usableReturns } from "../../../src/domain/validate/batch";

const EX = join(__dirname, "..", "..", "..", "examples");
const json = (p: string) => JSON.parse(readFileSync(p, "utf8"));
const KL = defaultPack();

function example(kommune: string, file = `${kommune.toLowerCase()}.json`): FelterJson {
  return json(join(EX, "returer", file)) as FelterJson;
}

function validated(j: FelterJson, file: string, pack = KL): KommuneReturn {
  return validateReturn(rawReturnFromFelter(j, file, undefined, pack), pack);
}

function unknownFinding(name: string, pack = KL) {
  const r = validated({ kommune: name, felter: {} }, "x.json", pack);
  return r.findings.find((f) => f.rule === "ukendt_kommune");
}

describe("a respondent not on the pack's list", () => {
  it("is a fejl, and a misspelt name gets the closest name, not the list", () => {
    const f = unknownFinding("Arhus")!;
    expect(f.severity).toBe("fejl");
    expect(f.message).toBe(
      "«Arhus» er ikke en af de 98 kommuner; kommunens indberetning indgår ikke i beregningerne, før navnet er rettet. Mente du »Aarhus«?"
    );
    expect(unknownFinding("Københaven")!.message).toContain("Mente du »København«?");
    expect(unknownFinding("Frederiksbergg")!.message).toContain("Mente du »Frederiksberg«?");
  });

  it("a name like nothing on the list (Gotham) gets no suggestion and no dump of names", () => {
    const f = unknownFinding("Gotham")!;
    expect(f.message).toBe(
      "«Gotham» er ikke en af de 98 kommuner; kommunens indberetning indgår ikke i beregningerne, før navnet er rettet."
    );
  });

  it("an Excel error value and a formula are named as such", () => {
    expect(unknownFinding("#REF!")!.message).toMatch(/^«#REF!» er en fejlværdi fra Excel, ikke et navn;/);
    expect(unknownFinding("#NAVN?")!.message).toMatch(/fejlværdi fra Excel/);
    expect(unknownFinding("=Forside!B4")!.message).toMatch(/^«=Forside!B4» er en formel, ikke et navn;/);
  });

  it("speaks the pack's own nouns (regelforenkling: afsender)", () => {
    const pack = builtinPack("regelforenkling")!;
    const f = unknownFinding("KLL", pack)!;
    expect(f.severity).toBe("fejl");
    expect(f.message).toBe(
      "«KLL» er ikke en af pakkens afsendere; afsenderens indberetning indgår ikke i beregningerne, før navnet er rettet. Mente du »KL«?"
    );
  });

  it("suggestions: within two edits for longer names, one for short ones, at most three", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(suggestRespondents(KL.respondents, "Odnese")).toEqual(["Odense"]);
    expect(suggestRespondents(KL.respondents, "Gotham")).toEqual([]);
    expect(suggestRespondents(KL.respondents, "#REF!")).toEqual([]);
    expect(suggestRespondents(KL.respondents, "Fano")).toEqual(["Fanø"]);
    expect(suggestRespondents(KL.respondents, "Sorø").length).toBeLessThanOrEqual(3);
  });
});

describe("judging a batch", () => {
  const odense = () => validated(example("Odense"), "odense.json");
  const odense2 = () => {
    const j = example("Odense");
    return validated(
      { ...j, felter: { ...j.felter, "ukn.volumen.hovedsager.2019": 19 } },
      "odense-rettet.json"
    );
  };

  it("two returns from one municipality covering the same templates: a fejl on both, neither used", () => {
    const v = judgeBatch(KL, [odense(), validated(example("Vejle"), "vejle.json"), odense2()]);
    expect(v.used).toEqual([false, true, false]);
    expect(v.findings[1]).toEqual([]);
    for (const i of [0, 2]) {
      expect(v.findings[i]).toHaveLength(1);
      expect(v.findings[i][0].rule).toBe(BATCH_RULES.konflikt);
      expect(v.findings[i][0].severity).toBe("fejl");
      expect(v.findings[i][0].message).toMatch(
        /^der er 2 indberetninger fra kommunen Odense, som dækker det samme \(ukn, .*\): odense\.json og odense-rettet\.json\. Ingen af dem indgår i beregningerne, før der er valgt\.$/
      );
    }
    expect(v.conflicts).toHaveLength(1);
    expect(v.conflicts[0].chosen).toBeUndefined();
  });

  it("one file per template from one municipality is no conflict: both are used", () => {
    const a = validated({ kommune: "Odense", felter: { "ukn.volumen.hovedsager.2019": 3 } }, "ukn.json");
    const b = validated({ kommune: "Odense", felter: { "gdpr.indsats.aarsvaerk_i_alt.2018": 2 } }, "gdpr.json");
    const v = judgeBatch(KL, [a, b]);
    expect(v.used).toEqual([true, true]);
    expect(v.conflicts).toEqual([]);
  });

  it("a choice uses the chosen file and leaves the other out with an info", () => {
    const v = judgeBatch(KL, [odense(), odense2()], {
      choices: [{ respondent: "odense kommune", files: ["odense-rettet.json"] }],
    });
    expect(v.used).toEqual([false, true]);
    expect(v.findings[1]).toEqual([]);
    expect(v.findings[0].map((f) => [f.rule, f.severity])).toEqual([[BATCH_RULES.fravalgt, "info"]]);
    expect(v.findings[0][0].message).toMatch(/^bruges ikke: for Odense er odense-rettet\.json valgt/);
    expect(v.badChoices).toEqual([]);
  });

  it("choosing both files of a conflict does not resolve it", () => {
    const v = judgeBatch(KL, [odense(), odense2()], {
      choices: [{ respondent: "Odense", files: ["odense.json", "odense-rettet.json"] }],
    });
    expect(v.used).toEqual([false, false]);
    expect(v.findings[0][0].message).toContain("De valgte filer (odense.json og odense-rettet.json) dækker selv det samme");
  });

  it("a choice naming an unknown respondent or a file not theirs is reported, with a suggestion", () => {
    const v = judgeBatch(KL, [odense(), odense2()], {
      choices: [
        { respondent: "Odnese", files: ["odense.json"] },
        { respondent: "Odense", files: ["vejle.json"] },
      ],
    });
    expect(v.badChoices).toEqual([
      "»Odnese« er ikke en af pakkens kommuner. Mente du »Odense«?",
      "vejle.json er ikke en af indberetningerne fra Odense (odense.json og odense-rettet.json).",
    ]);
  });

  it("unknown respondents are never used; a pack with its own list speaks its nouns", () => {
    const pack = builtinPack("regelforenkling")!;
    const j = json(join(EX, "regelforenkling", "kl.json")) as FelterJson;
    const a = validated(j, "kl.json", pack);
    const b = validated(j, "kl-igen.json", pack);
    const gotham = validated({ ...j, kommune: "Gotham" }, "gotham.json", pack);
    const v = judgeBatch(pack, [a, b, gotham]);
    expect(v.used).toEqual([false, false, false]);
    expect(v.findings[0][0].message).toMatch(/^der er 2 indberetninger fra afsenderen KL, som dækker det samme/);
    expect(v.findings[2]).toEqual([]); // its ukendt_kommune fejl is on the return itself
    expect(gotham.findings.some((f) => f.rule === "ukendt_kommune" && f.severity === "fejl")).toBe(true);
  });
});

describe("the calculations never use an unknown respondent or an open conflict", () => {
  const landstal = parseLandstal(json(join(EX, "landstal.json")));
  const kommunedata = parseKommunedata(json(join(EX, "kommunedata.json")));
  const indstillinger = parseIndstillinger(
    json(join(EX, "indstillinger.json")),
    projectionOf(KL)!.methods.map((m) => m.id)
  );
  if (!landstal.ok || !kommunedata.ok || !indstillinger.ok) throw new Error("examples");
  const base = ["aalborg", "frederiksberg", "holbaek", "vejle"].map((k) =>
    validated(json(join(EX, "returer", `${k}.json`)), `${k}.json`)
  );
  const run = (returns: KommuneReturn[]) =>
    project({
      returns,
      landstal: landstal.value,
      kommunedata: kommunedata.value,
      indstillinger: indstillinger.value,
    });

  it("the projection: Gotham (Odense's figures under another name) is in no nedslagspunkt, and the log says why", () => {
    const gotham = validated({ ...example("Odense"), kommune: "Gotham" }, "gotham.json");
    const r = run([...base, gotham]);
    for (const n of r.nedslagspunkter) {
      expect(n.kommuner).not.toContain("Gotham");
      expect(n.undersoegteKommuner).not.toContain("Gotham");
    }
    expect(r.returer.map((m) => m.kommune)).not.toContain("Gotham");
    expect(r.log.map((l) => l.besked)).toContain(
      "»Gotham« (gotham.json) er ikke på pakkens liste over kommuner og indgår ikke i beregningerne."
    );
  });

  it("the projection: two returns from Odense are used by neither, whatever their order", () => {
    const a = validated(example("Odense"), "odense.json");
    const b = validated(example("Odense"), "odense-igen.json");
    const without = run(base);
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const r = run([...base, ...order]);
      for (const n of r.nedslagspunkter) expect(n.undersoegteKommuner).not.toContain("Odense");
      expect(r.nedslagspunkter.map((n) => n.alle)).toEqual(without.nedslagspunkter.map((n) => n.alle));
      expect(r.log.some((l) => /^Odense: 2 indberetninger dækker det samme/.test(l.besked))).toBe(true);
    }
  });

  it("report tables (kkr_kapacitet): an unknown name and a doubled respondent are left out", () => {
    const pack = builtinPack("kkr_kapacitet")!;
    const dir = join(EX, "kkr_kapacitet");
    const read = (f: string, as?: string) => {
      const j = json(join(dir, f)) as FelterJson;
      return validated(as ? { ...j, kommune: as } : j, as ? `${as}.json` : f, pack);
    };
    const plain = computeTables({ pack, returns: [read("assens.json"), read("billund.json")] });
    const hostile = computeTables({
      pack,
      returns: [read("assens.json"), read("billund.json"), read("odense.json", "Gotham"), read("varde.json"), read("varde.json", "Varde")],
    });
    expect(plain.respondents.map((r) => r.name)).toEqual(["Assens", "Billund"]);
    expect(hostile.respondents.map((r) => r.name)).toEqual(["Assens", "Billund"]);
    expect(hostile.log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^»Gotham« \(Gotham\.json\) er ikke på pakkens liste/),
        expect.stringMatching(/^Varde: 2 indberetninger dækker det samme/),
      ])
    );
  });

  it("usableReturns keeps the order and drops only what the verdict drops", () => {
    const a = validated(example("Odense"), "odense.json");
    const log: string[] = [];
    expect(usableReturns(KL, [...base, a], log).map((r) => r.kommune)).toEqual([
      "Aalborg",
      "Frederiksberg",
      "Holbæk",
      "Vejle",
      "Odense",
    ]);
    expect(log).toEqual([]);
  });
});
