/**
 * Respondents without a fixed list, several forms per respondent computed each on its own, and
 * report rows that are groups of forms (generic; the made-up test pack with these options).
 */
import { readFileSync } from "fs";
import { loadPack } from "../../../src/domain/pack/load";
import type { Pack } from "../../../src/domain/pack/model";
import { findRespondent } from "../../../src/domain/pack/respondents";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { buildTablesReport } from "../../../src/domain/tables/report";
import type { KommuneReturn } from "../../../src/domain/model";
import { UGESKEMA_FILE } from "../../helpers/ugeskema";

function formsPack(): Pack {
  const p = JSON.parse(readFileSync(UGESKEMA_FILE, "utf8"));
  p.respondenter = { betegnelse: "team", flertal: "teams", liste: "fri", flere_skemaer: true };
  p.rapport.tabeller = [
    {
      id: "skemaer",
      titel: "Skemaer",
      raekker: { respondenter: true, skabelon: "uge" },
      kolonner: [
        { id: "besog", titel: "Besøg", udtryk: "SUM(uge.besog.antal.*)", format: "antal" },
      ],
    },
    {
      id: "mandage",
      titel: "Efter besøg om mandagen",
      raekketitel: "Mandagsbesøg",
      raekker: {
        respondenter: true,
        efter: 'HVIS(uge.besog.antal.mandag > 2; "mange"; "få")',
        filter: "IKKE(ER.TOM(uge.besog.antal.mandag))",
      },
      kolonner: [
        { id: "skemaer", titel: "Skemaer", udtryk: "TÆL(uge.besog.antal.mandag)", format: "antal" },
        { id: "besog", titel: "Besøg i alt", udtryk: "SUM(uge.besog.antal.*)", format: "antal" },
        { id: "snit", titel: "Min. pr. besøg", udtryk: "min_pr_besog_gns", format: "decimal" },
      ],
    },
  ];
  p.beregninger = [
    {
      type: "udtryk",
      id: "min_pr_besog",
      navn: "Minutter pr. besøg",
      niveau: "respondent",
      udtryk: "SUM(uge.besog.minutter.*) / SUM(uge.besog.antal.*)",
      format: "decimal",
    },
  ];
  p.rapport.tabeller[1].kolonner[2].udtryk = "MIDDEL(min_pr_besog)";
  const r = loadPack(p);
  if (!r.ok) throw new Error(r.problems.map((x) => `${x.path}: ${x.message}`).join("\n"));
  return r.pack;
}

const form = (
  kommune: string,
  mandag: number | null,
  tirsdag: number,
  file: string
): KommuneReturn => ({
  kommune,
  pakke: "ugeskema_test",
  skabeloner: ["uge"],
  version: 2026113001,
  values: {
    "uge.besog.antal.mandag": mandag,
    "uge.besog.minutter.mandag": mandag === null ? null : mandag * 30,
    "uge.besog.antal.tirsdag": tirsdag,
    "uge.besog.minutter.tirsdag": tirsdag * 60,
  },
  findings: [],
  file,
});

describe("a free list of respondents with several forms each", () => {
  const pack = formsPack();
  const returns = [
    form("Team Vest", 4, 1, "a.xlsx"),
    form(" team  vest ", 1, 2, "b.xlsx"),
    form("Team Ny", 3, 0, "c.xlsx"),
    form("Team Ny", null, 5, "d.xlsx"),
  ];
  const result = computeTables({ pack, returns });
  const json = tablesJson(result) as Record<string, { raekker: Record<string, unknown>[] }>;

  it("takes any name as a respondent and keeps every form apart", () => {
    expect(findRespondent(pack.respondents, "  Bostedet   Solhøj ")).toBe("Bostedet Solhøj");
    // Names that differ only in case and spacing are one respondent, spelled as first written.
    expect(result.respondents.map((r) => r.key)).toEqual([
      "Team Ny#1",
      "Team Ny#2",
      "Team Vest#1",
      "Team Vest#2",
    ]);
    expect(result.log).toEqual([]);
  });

  it("gives a row per form (ids made unique) when not grouped", () => {
    expect(json.skemaer.raekker).toEqual([
      { id: "Team Ny", besog: 3 },
      { id: "Team Ny|2", besog: 5 },
      { id: "Team Vest", besog: 5 },
      { id: "Team Vest|2", besog: 3 },
    ]);
  });

  it("groups forms by a value; the group's fields and calculations are lists over its forms", () => {
    // mange: Vest (4, 1) and Ny (3, 0) → 2 forms, 8 besøg; min pr. besøg (120+60)/5 = 36 and 90/3 = 30.
    // få: Vest (1, 2) → 1 form, 3 besøg, (30+120)/3 = 50. Ny's second form has no Monday: filtered out.
    expect(json.mandage.raekker).toEqual([
      { id: "få", skemaer: 1, besog: 3, snit: 50 },
      { id: "mange", skemaer: 2, besog: 8, snit: 33 },
    ]);
  });

  it("writes the grouped rows as native formulas over the group's forms only", () => {
    const plan = buildTablesReport({ result, returns });
    const sheet = plan.sheets.find((s) => s.name === "Efter besøg om mandagen")!;
    expect(sheet.cells.find((c) => c.row === 4 && c.col === 1)?.value).toBe("Mandagsbesøg");
    const mange = sheet.cells.find((c) => c.row === 6 && c.col === 3)!;
    expect(mange.value).toBe(8);
    // Two forms × two days asked in the Data sheet (plus the other days, empty).
    expect(mange.formula).toMatch(/^IF\(COUNT\(/);
    const overblik = plan.sheets[0];
    expect(overblik.cells.some((c) => c.value === "4 skemaer fra 2 teams")).toBe(true);
  });
});
