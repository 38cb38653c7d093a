/**
 * Derived rows and columns (generic): a template computes them with live formulas over its own
 * fields, the engine evaluates the same expressions, and the loader refuses what a template
 * cannot carry. Built on the made-up test pack (ugeskema) with two derived cells added.
 */
import { readFileSync } from "fs";
import { buildTemplateWorkbook } from "../../../src/domain/layout";
import { loadPack } from "../../../src/domain/pack/load";
import type { Pack } from "../../../src/domain/pack/model";
import { computeTables } from "../../../src/domain/tables/compute";
import { fieldsOfTemplate, derivedFieldsOfTemplate } from "../../../src/domain/fieldId";
import { UGESKEMA_FILE, ugeskemaReturns } from "../../helpers/ugeskema";

type Json = Record<string, any>;

function variant(edit: (p: Json) => void): ReturnType<typeof loadPack> {
  const p = JSON.parse(readFileSync(UGESKEMA_FILE, "utf8"));
  edit(p);
  return loadPack(p);
}

/** The test pack with a derived column (opgavens timer) and a derived row (minutter pr. besøg). */
function withDerived(p: Json): void {
  const uge = p.skabeloner[0];
  uge.blokke[1].felter.push({
    id: "timer",
    etiket: "Timer",
    type: "timer",
    udtryk: "minutter / 60",
  });
  uge.blokke[0].raekker.push({
    id: "snit",
    etiket: "Minutter pr. besøg",
    type: "decimal",
    udtryk: "uge.besog.minutter.{kolonne} / uge.besog.antal.{kolonne}",
  });
  p.beregninger.push({
    type: "udtryk",
    id: "opgave_timer_afledt",
    navn: "Opgavens timer (afledt)",
    niveau: "post",
    poster: "uge.opgaver",
    udtryk: "timer",
    format: "timer",
  });
  p.rapport.tabeller.push({
    id: "snit",
    titel: "Minutter pr. besøg",
    raekker: { respondenter: true },
    kolonner: [
      { id: "mandag", titel: "Mandag", udtryk: "uge.besog.snit.mandag", format: "decimal" },
      { id: "timer", titel: "Opgavetimer", udtryk: "SUM(uge.opgaver.*.timer)", format: "timer" },
      { id: "post", titel: "Via beregning", udtryk: "SUM(opgave_timer_afledt)", format: "timer" },
    ],
  });
}

function derivedPack(): Pack {
  const r = variant(withDerived);
  if (!r.ok) throw new Error(r.problems.map((x) => `${x.path}: ${x.message}`).join("\n"));
  return r.pack;
}

describe("derived rows and columns", () => {
  it("are not input fields; the pack lists them apart with their formulas", () => {
    const pack = derivedPack();
    const t = pack.templates[0];
    expect(
      fieldsOfTemplate(t).some((f) => f.id.endsWith(".timer") || f.id.includes(".snit."))
    ).toBe(false);
    expect(derivedFieldsOfTemplate(t).map((f) => f.id)).toContain("uge.besog.snit.mandag");
    expect(pack.derived.get("uge.opgaver.3.timer")?.derived?.source).toBe("minutter / 60");
    expect(pack.fields.has("uge.opgaver.3.timer")).toBe(false);
  });

  it("are locked formula cells in the template over the cells they read", () => {
    const plan = buildTemplateWorkbook("Team Nord", [], { pack: derivedPack() });
    const data = plan.sheets.find((s) => s.name.endsWith("Data"))!;
    const named = new Map(data.cells.filter((c) => c.name).map((c) => [c.name!, c]));
    const ref = (id: string) => {
      const c = named.get(id)!;
      return `$${String.fromCharCode(64 + c.col)}$${c.row}`;
    };
    const minutter = named.get("uge.opgaver.2.minutter")!;
    const timer = data.cells.find((c) => c.row === minutter.row && c.formula)!;
    expect(timer.style).toBe("derived");
    expect(timer.input).toBeUndefined();
    expect(timer.formula).toBe(
      `IF(${ref("uge.opgaver.2.minutter")}="","",${ref("uge.opgaver.2.minutter")}/60)`
    );
    const antal = named.get("uge.besog.antal.tirsdag")!;
    const snit = data.cells.find((c) => c.col === antal.col && c.formula && c.row > antal.row)!;
    expect(snit.formula).toContain(
      `${ref("uge.besog.minutter.tirsdag")}/${ref("uge.besog.antal.tirsdag")}`
    );
    expect(snit.formula).toContain(`${ref("uge.besog.antal.tirsdag")}=0`);
  });

  it("are evaluated by the engine wherever they are read: names, references and lists", () => {
    const pack = derivedPack();
    const returns = ugeskemaReturns().map((r) => ({ ...r, pakke: pack.id }));
    const r = computeTables({ pack, returns });
    const t = r.tables.find((x) => x.def.id === "snit")!;
    const nord = t.rows.find((x) => x.id === "Team Nord")!;
    // Mandag: 120 min / 4 besøg = 30; opgaver 15 + 60 + 10 = 85 min = 85/60 timer.
    expect(nord.values.mandag).toEqual({ k: "v", v: 30 });
    expect((nord.values.timer as { v: number }).v).toBeCloseTo(85 / 60, 12);
    // A post calculation names the derived column of its record.
    expect((nord.values.post as { v: number }).v).toBeCloseTo(85 / 60, 12);
  });

  it("are refused when they read settings, another template, each other in a ring, or need helper cells", () => {
    const problems = (edit: (p: Json) => void) => {
      const r = variant((p) => {
        withDerived(p);
        edit(p);
      });
      return r.ok ? [] : r.problems.map((x) => `${x.path}: ${x.message}`);
    };
    expect(
      problems((p) => (p.skabeloner[0].blokke[1].felter[5].udtryk = "minutter / min_pr_time"))
    ).toEqual([
      expect.stringMatching(
        /felter\[5\]\.udtryk: .*kan ikke bruge indstillinger eller beregninger/
      ),
    ]);
    expect(
      problems((p) => {
        p.skabeloner[0].blokke[1].felter[5].udtryk = "minutter / 60 + timer";
      })
    ).toEqual([
      expect.stringMatching(/afhænger af hinanden i ring: opgaver\.\*\.timer → opgaver\.\*\.timer/),
    ]);
    expect(
      problems((p) => {
        p.skabeloner[0].blokke[0].raekker[2].udtryk = "SUM(uge.besog.minutter.* / 2)";
      })
    ).toEqual([
      expect.stringMatching(/raekker\[2\]\.udtryk: udtrykket regner element for element/),
    ]);
    expect(
      problems((p) => {
        p.skabeloner.push({ ...p.skabeloner[0], id: "uge2", kortnavn: "Uge 2", regler: [] });
        p.skabeloner[1].blokke = JSON.parse(JSON.stringify(p.skabeloner[1].blokke));
        p.skabeloner[1].blokke[1].felter[5].udtryk = "uge.opgaver.1.minutter";
      })
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /skabeloner\[1\]\.blokke\[1\]\.felter\[5\]\.udtryk: en afledt række eller kolonne regner kun med sin egen skabelons felter \(»uge2«\)/
        ),
      ])
    );
  });
});
