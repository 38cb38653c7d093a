/**
 * Runs the metadata generator (the one CustomFunctionsMetadataPlugin uses in webpack) on
 * functions.ts and checks what Excel will show: ids, Danish names, parameters, optional flags.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Param {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
}

const FILE = path.join(__dirname, "../../src/functions/functions.ts");

// [id, Danish name, parameters as "name" or "[name]" for optional, range parameters marked with ":"]
const EXPECTED: [string, string, string[]][] = [
  ["AARSVAERK", "ÅRSVÆRK", ["timer:", "[timer_pr_årsværk]"]],
  ["TIMER", "TIMER", ["årsværk:", "[timer_pr_årsværk]"]],
  ["GNS.PR.ENHED", "GNS.PR.ENHED", ["byrde:", "enheder:"]],
  ["OPREGN", "OPREGN", ["byrde:", "enheder:", "landstal", "[timer_pr_årsværk]", "[medtag:]"]],
  [
    "OPREGN.TOTRIN",
    "OPREGN.TOTRIN",
    ["byrde_pr_enhed:", "enheder:", "grundlag:", "landsgrundlag", "[timer_pr_årsværk]"],
  ],
  ["SPAEND", "SPÆND", ["værdi", "[procent]"]],
  ["SPAEND.LAV", "SPÆND.LAV", ["værdi", "[procent]"]],
  ["SPAEND.HOEJ", "SPÆND.HØJ", ["værdi", "[procent]"]],
  ["AFVIGER", "AFVIGER", ["værdier:", "[grænse]"]],
  ["FORDELING", "FORDELING", ["procenter:"]],
  ["STIGNING", "STIGNING", ["basis", "slut"]],
  ["VARIGHED", "VARIGHED", ["start", "slut"]],
  ["OMREGNET", "OMREGNET", ["minutter", "borgere", "[personale]"]],
  ["GRUPPETID", "GRUPPETID", ["start", "slut", "normering"]],
  ["TIMEPRIS", "TIMEPRIS", ["løn_pr_årsværk", "fremmødetimer", "ata_pct", "[tillæg_pct]"]],
  ["ATATIMER", "ATATIMER", ["årsnorm", "fravær:", "øvrige:"]],
  ["YDELSESNIVEAU", "YDELSESNIVEAU", ["timer_pr_uge", "[grænser:]"]],
  ["LEVERINGSGRAD", "LEVERINGSGRAD", ["leveret", "visiteret"]],
  ["ENHEDSUDGIFT", "ENHEDSUDGIFT", ["udgift", "brugere"]],
  ["UVAEGTET", "UVÆGTET", ["udgifter:", "brugere:"]],
  ["VAEGTET", "VÆGTET", ["udgifter:", "brugere:", "[kun_inkluderede]"]],
  ["PERCENTIL", "PERCENTIL", ["udgifter:", "brugere:", "p", "[min_n]"]],
  ["HELAARSBRUGERE", "HELÅRSBRUGERE", ["personer:", "start:", "slut:", "år", "[dage]"]],
  ["UNIKKE.BRUGERE", "UNIKKE.BRUGERE", ["personer:", "start:", "slut:", "år"]],
  ["BRUGERE.ULTIMO", "BRUGERE.ULTIMO", ["personer:", "start:", "slut:", "år"]],
  ["TILSYNSTAKST", "TILSYNSTAKST", ["pladser", "opgave", "år"]],
  ["FASTEPRISER", "FASTEPRISER", ["beløb_nu", "beløb_før", "pl_faktor"]],
  ["PRISPRPLADS", "PRISPRPLADS", ["regnskab_tkr", "belægning"]],
  ["TAKSTUDVIKLING", "TAKSTUDVIKLING", ["pris_før", "pris_nu"]],
  ["BELAEGNINGSPCT", "BELÆGNINGSPCT", ["forbrug:", "normering:"]],
  ["OBJFIN", "OBJFIN", ["sats", "indbyggere"]],
  ["EFTERREGULERING", "EFTERREGULERING", ["resultat", "grundlag", "[selvrisiko]"]],
  ["LEDSAGELSE1", "LEDSAGELSE1", ["timer", "sats", "[år]"]],
  [
    "LEDSAGELSE2",
    "LEDSAGELSE2",
    [
      "timer_koloni",
      "påbegyndte_døgn",
      "hele_døgn",
      "resttimer",
      "medarbejdere",
      "[besparelse_pr_time]",
      "[år]",
      "[overhead]",
    ],
  ],
];

function signature(p: Param): string {
  const core = p.name + (p.dimensionality === "matrix" ? ":" : "");
  return p.optional ? `[${core}]` : core;
}

describe("generated custom-function metadata", () => {
  let functions: Fn[];
  let associate: { functionName: string; id: string }[];

  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata(FILE);
    expect(r.errors).toEqual([]);
    functions = JSON.parse(r.metadataJson).functions;
    associate = r.associate;
  });

  it("lists exactly the functions, in order, with ASCII ids and Danish names", () => {
    expect(functions.map((f) => [f.id, f.name])).toEqual(EXPECTED.map(([id, name]) => [id, name]));
  });

  it.each(EXPECTED)(
    "%s (%s) has the parameters, optional flags and range parameters users see",
    (id, _name, params) => {
      const f = functions.find((x) => x.id === id)!;
      expect(f.parameters.map(signature)).toEqual(params);
    }
  );

  it("describes every function and parameter in Danish", () => {
    for (const f of functions) {
      expect(f.description).toMatch(/[a-zæøå]/);
      for (const p of f.parameters) expect(p.description ?? "").not.toBe("");
    }
    expect(functions[0].description).toContain("Omregner timer til årsværk");
  });

  it("follows Excel's naming rules: ids A–Z 0–9 _ . only, names letters _ . only, both start with a letter, ≥ 3 characters", () => {
    for (const f of functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(f.name).toMatch(/^\p{L}[\p{L}0-9_.]{2,}$/u);
    }
  });

  it("declares the result shapes: arrays for ÅRSVÆRK, TIMER, AFVIGER; text for SPÆND and FORDELING", () => {
    const byId = new Map(functions.map((f) => [f.id, f]));
    expect(byId.get("AARSVAERK")!.result?.dimensionality).toBe("matrix");
    expect(byId.get("TIMER")!.result?.dimensionality).toBe("matrix");
    expect(byId.get("AFVIGER")!.result).toEqual({ type: "boolean", dimensionality: "matrix" });
    expect(byId.get("SPAEND")!.result?.type).toBe("string");
    expect(byId.get("FORDELING")!.result?.type).toBe("string");
    expect(byId.get("OPREGN")!.result?.type).toBe("number");
  });

  it("associates every id with a function that functions.ts exports", async () => {
    const mod = (await import("../../src/functions/functions")) as unknown as Record<
      string,
      unknown
    >;
    expect(associate.map((a) => a.id)).toEqual(EXPECTED.map(([id]) => id));
    for (const a of associate) expect(typeof mod[a.functionName]).toBe("function");
  });

  it("has a row in the README's function table for every function, under the name users type", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    for (const f of functions) {
      expect([f.name, readme.includes(`| \`BYRDE.${f.name}(`)]).toEqual([f.name, true]);
      expect([f.name, readme.includes(`\`=BYRDE.${f.name}(`)]).toEqual([f.name, true]);
    }
  });
});
