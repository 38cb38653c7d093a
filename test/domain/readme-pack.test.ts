/**
 * The README's short pack example is a working pack: it passes every check, and two returns give
 * the hand-worked figures of its report table (and "kan ikke beregnes" where a municipality has no
 * visits), so the example a consultant copies cannot rot.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { FUNCTIONS } from "../../src/domain/expr/functions";
import { loadPackText } from "../../src/domain/pack/load";
import { FELTTYPER, PakkeSchema, REGELTYPER } from "../../src/domain/pack/schema";
import { computeTables, tablesJson } from "../../src/domain/tables/compute";
import { validateReturn } from "../../src/domain/validate";
import { rawReturnFromFelter } from "../../src/domain/project/inputs";

const README = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

function example(): string {
  const section = README.split("## En ny undersøgelse er én pakkefil")[1];
  expect(section).toBeDefined();
  const m = /```json\n([\s\S]*?)```/.exec(section!);
  expect(m).not.toBeNull();
  return m![1];
}

describe("README: the short pack example", () => {
  it("passes every check of byrde pakke tjek", () => {
    const r = loadPackText(example());
    expect(r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
  });

  it("computes timer pr. besøg and årsværk per municipality and in total", () => {
    const r = loadPackText(example());
    if (!r.ok) throw new Error("pakken indlæses ikke");
    const pack = r.pack;
    const ret = (kommune: string, felter: Record<string, number>) =>
      validateReturn(rawReturnFromFelter({ kommune, pakke: pack.id, skabelon: "tilsyn", felter }, undefined, undefined, pack), pack);
    const aarhus = ret("Aarhus", { "tilsyn.besoeg.timer.2024": 350, "tilsyn.besoeg.antal.2024": 100 });
    const odense = ret("Odense", { "tilsyn.besoeg.timer.2024": 70, "tilsyn.besoeg.antal.2024": 0 });
    expect(odense.findings.filter((f) => f.rule === "timer_kraever_besoeg").map((f) => f.severity)).toEqual(["advarsel"]);
    const json = tablesJson(computeTables({ pack, returns: [aarhus, odense] })) as Record<
      string,
      { raekker: Record<string, unknown>[]; total?: Record<string, unknown> }
    >;
    const table = json.kommuner;
    const row = (id: string) => table.raekker.find((x) => x.id === id);
    expect(row("Aarhus")).toMatchObject({ timer: 350, besoeg: 100, timer_pr_besoeg: 3.5, aarsvaerk: 0.25 });
    expect(row("Odense")).toMatchObject({ timer: 70, besoeg: 0, timer_pr_besoeg: null });
    expect(row("Odense")?.grunde).toEqual({ timer_pr_besoeg: "division med 0" });
    expect(row("i_alt")).toMatchObject({ timer: 420, besoeg: 100, timer_pr_besoeg: 4.2, aarsvaerk: 0.3 });
  });
});

describe("docs/pakkeformat.md follows the format", () => {
  const doc = readFileSync(join(__dirname, "..", "..", "docs", "pakkeformat.md"), "utf8");
  const mentioned = (word: string) => doc.includes(`\`${word}\``);

  it("names every top-level key, field type and rule type of the schema", () => {
    const top = Object.keys(PakkeSchema.shape).filter((k) => k !== "$schema");
    expect([...top, ...FELTTYPER, ...REGELTYPER].filter((w) => !mentioned(w))).toEqual([]);
  });

  it("names every function of the calculation language", () => {
    expect(FUNCTIONS.filter((f) => ![f.name, ...f.aliases].some(mentioned)).map((f) => f.name)).toEqual([]);
  });
});
