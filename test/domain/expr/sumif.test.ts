/**
 * SUM.HVIS (SUMIF): the sum of the numbers in a sum list whose place in a list holds a value,
 * compared as = compares (text regardless of case), over the made-up test pack's records.
 * The random-expression LibreOffice test holds the native formula to the same results.
 */
import { readFileSync } from "fs";
import { loadPack } from "../../../src/domain/pack/load";
import { computeTables, tablesJson } from "../../../src/domain/tables/compute";
import { UGESKEMA_FILE, ugeskemaReturns } from "../../helpers/ugeskema";

function packWith(kolonner: { id: string; udtryk: string }[], raekker: unknown = { respondenter: true }) {
  const base = JSON.parse(readFileSync(UGESKEMA_FILE, "utf8"));
  base.rapport.tabeller = [{ id: "t", titel: "T", raekker, kolonner: kolonner.map((k) => ({ ...k, titel: k.id })) }];
  return loadPack(base);
}

type Json = Record<string, { raekker: Record<string, unknown>[] }>;

describe("SUM.HVIS", () => {
  it("sums a respondent's records by a choice (Nord: telefon 15 + 10 = 25; Syd has none: tom)", () => {
    const r = packWith([
      { id: "telefon", udtryk: 'SUM.HVIS(uge.opgaver.*.type; "telefon"; uge.opgaver.*.minutter)' },
      { id: "store", udtryk: 'SUM.HVIS(uge.opgaver.*.type; "TELEFON"; uge.opgaver.*.minutter)' },
      { id: "saldo", udtryk: 'SUM.HVIS(uge.opgaver.*.type; "telefon"; uge.opgaver.*.saldo)' },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const rows = (tablesJson(computeTables({ pack: r.pack, returns: ugeskemaReturns() })) as Json).t.raekker;
    expect(rows[0]).toEqual({ id: "Team Nord", telefon: 25, store: 25, saldo: -250 });
    expect(rows[1]).toMatchObject({ id: "Team Syd", telefon: null, store: null });
  });

  it("over every respondent's records when no respondent is bound (an axis row)", () => {
    const r = packWith(
      [{ id: "besog", udtryk: 'SUM.HVIS(uge.opgaver.*.type; "besog"; uge.opgaver.*.minutter)' }],
      { akse: "ugedage" }
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const rows = (tablesJson(computeTables({ pack: r.pack, returns: ugeskemaReturns() })) as Json).t.raekker;
    expect(rows.every((x) => x.besog === 30)).toBe(true);
  });

  it("is checked: a number sum list, one value to compare with, and two lists over the same thing", () => {
    const bad = packWith([
      { id: "a", udtryk: 'SUM.HVIS(uge.opgaver.*.type; "x"; uge.opgaver.*.type)' },
      { id: "b", udtryk: "SUM.HVIS(uge.opgaver.*.type; uge.opgaver.*.type; uge.opgaver.*.minutter)" },
      { id: "c", udtryk: 'SUM.HVIS(uge.opgaver.*.type; "x"; uge.besog.antal.*)' },
      { id: "d", udtryk: 'SUM.HVIS(uge.opgaver.*.type; "x")' },
    ]);
    expect(bad.ok).toBe(false);
    const messages = bad.ok ? [] : bad.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages.find((m) => m.includes("kolonner[0]"))).toContain("sumlisten i SUM.HVIS skal være et tal");
    expect(messages.find((m) => m.includes("kolonner[1]"))).toContain("værdien i SUM.HVIS skal være én værdi");
    expect(messages.find((m) => m.includes("kolonner[2]"))).toContain("kan ikke kombineres");
    expect(messages.find((m) => m.includes("kolonner[3]"))).toContain("SUMIF skal have 3 argumenter");
  });
});
