/**
 * Templates rendered once and specialised per respondent (`forRespondents`, used by `byrde
 * skabelon`) are the same workbooks as templates rendered one by one: part by part as XML, and
 * reopened by ExcelJS cell by cell (values, styles), with the same defined names, validations,
 * protection and conditional formats.
 */
import { KOMMUNER } from "../../src/domain/catalogue";
import { buildTemplateWorkbook, type TemplateOptions } from "../../src/domain/layout";
import { readReturn } from "../../src/xlsx";
import { renderWorkbook } from "../../src/xlsx/render";
import { RESPONDENT_PLACEHOLDER, forRespondents } from "../../src/xlsx/node/respondents";
import { ugeskemaPack } from "../helpers/ugeskema";
import { partDifferences, workbookDifferences, xmlParts } from "../helpers/workbookDiff";

const byLength = [...KOMMUNER].map((k) => k.navn).sort((a, b) => a.length - b.length);
const SHORTEST = byLength[0];
const LONGEST = byLength[byLength.length - 1];

const OPTIONS: TemplateOptions = {
  kontakt: { navn: "Navn Navnesen", email: "navn@example.dk", telefon: "12 34 56 78" },
  frist: "7. februar 2025 kl. 12",
};

describe("forRespondents", () => {
  const all = (k: string) => buildTemplateWorkbook(k, []);
  const some = (k: string) => buildTemplateWorkbook(k, ["ukn", "tilsyn", "magt_voksen"], OPTIONS);
  let forAll: (respondent: string) => Promise<Uint8Array>;
  let forSome: (respondent: string) => Promise<Uint8Array>;
  beforeAll(async () => {
    forAll = await forRespondents(all);
    forSome = await forRespondents(some);
  });

  // The whole set for the shortest and longest names, three templates for names with æ, ø, å.
  const CASES: Array<[string, "all" | "some"]> = [
    [SHORTEST, "all"],
    [LONGEST, "all"],
    ["Høje-Taastrup", "some"],
    ["Lyngby-Taarbæk", "some"],
    ["København", "some"],
  ];
  it.each(CASES)(
    "gives %s the same XML, part by part, as rendering it alone (%s)",
    async (name, set) => {
      const [specialised, build] = set === "all" ? [forAll, all] : [forSome, some];
      const one = xmlParts(await renderWorkbook(build(name)));
      const fast = xmlParts(await specialised(name));
      expect(partDifferences(one, fast)).toEqual([]);
      expect([...fast.values()].some((x) => x.includes(RESPONDENT_PLACEHOLDER))).toBe(false);
    }
  );

  it("works for any pack's templates: the test pack ugeskema, for Team Øst", async () => {
    const uge = (k: string) => buildTemplateWorkbook(k, [], { pack: ugeskemaPack() });
    const one = xmlParts(await renderWorkbook(uge("Team Øst")));
    const fast = xmlParts(await (await forRespondents(uge))("Team Øst"));
    expect(partDifferences(one, fast)).toEqual([]);
  });

  it("gives the same workbook, cell by cell, with names, validations, protection and conditional formats", async () => {
    const name = "Høje-Taastrup";
    const fast = await forAll(name);
    expect(await workbookDifferences(await renderWorkbook(all(name)), fast)).toEqual([]);
    // And the reader finds the respondent and every field by name.
    const raw = await readReturn(fast, "skabelon.xlsx");
    expect(raw.meta.kommune).toBe(name);
    expect(raw.findings.filter((f) => f.severity === "fejl")).toEqual([]);
    expect(raw.locatedBy).toBe("navne");
  });

  it.each(["Kommune & Co", " Aarhus", 'Navn med "citat"'])(
    "renders a name the substitution cannot write exactly (%p) in full",
    async (name) => {
      const one = xmlParts(await renderWorkbook(some(name)));
      const fast = xmlParts(await forSome(name));
      expect(partDifferences(one, fast)).toEqual([]);
    }
  );
});
