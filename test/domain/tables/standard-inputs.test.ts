/**
 * A pack's own figures for a national input table (`standard`, with `kilde`): constants by key
 * and year that the calculations read like any input table, used when the consultant gives none,
 * replaced when they do, and written on the report's input sheet with their source.
 */
import { readFileSync } from "fs";
import { loadPack } from "../../../src/domain/pack/load";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { buildTablesReport } from "../../../src/domain/tables/report";
import { UGESKEMA_FILE, ugeskemaReturns } from "../../helpers/ugeskema";

function source() {
  const j = JSON.parse(readFileSync(UGESKEMA_FILE, "utf8"));
  j.inddata = [
    {
      id: "takster",
      navn: "Takster",
      form: "national",
      noegler: [{ id: "besog", navn: "Pris pr. besøg (kr.)" }],
      standard: { besog: { "2023": 100, "2024": 110 } },
      kilde: "Aftalen om besøgstakster, bilag 2",
    },
  ];
  j.rapport.tabeller = [
    {
      id: "pris",
      titel: "Pris",
      raekker: { respondenter: true },
      kolonner: [
        { id: "pris_2023", titel: "Pris 2023", udtryk: "SUM(uge.besog.antal.*) * takster.besog.2023" },
        { id: "pris_2024", titel: "Pris 2024", udtryk: "SUM(uge.besog.antal.*) * takster.besog.2024" },
      ],
    },
  ];
  return j;
}

describe("an input table with the pack's own figures", () => {
  const r = loadPack(source());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const pack = r.pack;
  type Json = Record<string, { raekker: Record<string, unknown>[] }>;

  it("is used when the consultant gives no table (Nord: 11 besøg × 100 and × 110 kr.)", () => {
    const rows = (tablesJson(computeTables({ pack, returns: ugeskemaReturns() })) as Json).pris.raekker;
    expect(rows[0]).toMatchObject({ id: "Team Nord", pris_2023: 1100, pris_2024: 1210 });
  });

  it("is replaced by the consultant's table", () => {
    const result = computeTables({ pack, returns: ugeskemaReturns(), inputs: { takster: { besog: 90 } } });
    expect((tablesJson(result) as Json).pris.raekker[0]).toMatchObject({ pris_2023: 990, pris_2024: 990 });
  });

  it("is written on the report's input sheet with its source, as cells the formulas read", () => {
    const result = computeTables({ pack, returns: ugeskemaReturns() });
    const plan = buildTablesReport({ result, returns: ugeskemaReturns() });
    const sheet = plan.sheets.find((s) => s.name === "Takster")!;
    expect(sheet.cells.find((c) => c.row === 2)?.value).toBe(
      "Pakkens egne tal (kilde: Aftalen om besøgstakster, bilag 2). Ret et tal her, og rapporten følger med."
    );
    const cell = sheet.cells.find((c) => c.value === 110)!;
    const pris = plan.sheets.find((s) => s.name === "Pris")!;
    expect(pris.cells.some((c) => c.formula?.includes(`Takster!$${String.fromCharCode(64 + cell.col)}$${cell.row}`))).toBe(true);
  });

  it("the loader checks: national tables only, declared keys, kilde only with figures", () => {
    const bad = (edit: (j: Record<string, any>) => void) => {
      const j = source();
      edit(j);
      const x = loadPack(j);
      return x.ok ? "" : x.problems.map((p) => `${p.path}: ${p.message}`).join("\n");
    };
    expect(bad((j) => (j.inddata[0].form = "pr_respondent"))).toContain("kan kun gives for en tabel med formen »national«");
    expect(bad((j) => (j.inddata[0].standard.ukendt = 1))).toContain("»ukendt« er ikke en af tabellens nøgler");
    expect(bad((j) => delete j.inddata[0].standard)).toContain("»kilde« hører til pakkens egne tal");
  });
});
