/**
 * A CPR-like value never enters a return: it is read as empty, the finding names the cell but
 * not the value, and nothing downstream (values, messages, JSON of `byrde læs`) holds it.
 */
import { returnJson } from "../../../src/cli/commands/laes";
import type { RawReturn } from "../../../src/domain/model";
import { containsCpr, validateReturn } from "../../../src/domain/validate";
import { ugeskemaPack } from "../../helpers/ugeskema";

const CPR = "010190-1234";

function raw(cells: Record<string, unknown>, kommune = "Team Nord"): RawReturn {
  return {
    file: "team.xlsx",
    meta: { kommune, skabelon: "uge", pakke: "ugeskema_test", version: 2026113001 },
    cells: Object.fromEntries(
      Object.entries(cells).map(([id, value], i) => [
        id,
        { value, location: { sheet: "Uge Data", cell: `C${10 + i}` } },
      ])
    ),
    locatedBy: "navne",
    findings: [],
  };
}

describe("CPR-like values", () => {
  it("recognises DDMMÅÅ-XXXX and ten digits with a real day and month, also inside a text", () => {
    expect(containsCpr(CPR)).toBe(true);
    expect(containsCpr("0101901234")).toBe(true);
    expect(containsCpr("Borger 010190 1234 havde en god dag")).toBe(true);
    expect(containsCpr("AB")).toBe(false);
    expect(containsCpr("12 34 56 78")).toBe(false);
    expect(containsCpr("991390-1234")).toBe(false); // no month 13
    expect(containsCpr("12345678901")).toBe(false); // eleven digits
  });

  it("are read as empty with a located finding that does not repeat the value", () => {
    const pack = ugeskemaPack();
    const r = validateReturn(
      raw({
        "uge.kommentarer": `Se ${CPR}`,
        "uge.opgaver.1.minutter": 15,
        "uge.opgaver.1.type": CPR,
      }),
      pack
    );
    expect(r.values["uge.kommentarer"]).toBeNull();
    expect(r.values["uge.opgaver.1.type"]).toBeNull();
    expect(r.values["uge.opgaver.1.minutter"]).toBe(15);
    const cpr = r.findings.filter((f) => f.rule === "cpr_nummer");
    expect(cpr.map((f) => [f.field, f.location?.cell, f.severity])).toEqual([
      ["uge.kommentarer", "C10", "fejl"],
      ["uge.opgaver.1.type", "C12", "fejl"],
    ]);
    expect(JSON.stringify(r)).not.toMatch(/010190|1234/);
  });

  it("in a text field, a CPR that lost its leading zero as a number is caught too; numbers elsewhere are not", () => {
    const pack = ugeskemaPack();
    const r = validateReturn(
      raw({ "uge.kommentarer": 101901234, "uge.opgaver.1.minutter": 101901234 }),
      pack
    );
    expect(r.values["uge.kommentarer"]).toBeNull();
    expect(r.values["uge.opgaver.1.minutter"]).toBe(101901234);
  });

  it("as the respondent's name, and in `byrde læs`", () => {
    const pack = ugeskemaPack();
    const r = validateReturn(raw({}, CPR), pack);
    expect(r.kommune).toBe("");
    expect(JSON.stringify(r)).not.toContain("1234");
    const json = returnJson(raw({ "uge.kommentarer": CPR }, CPR), pack);
    expect(JSON.stringify(json)).not.toContain("1234");
    expect(json.findings.map((f) => f.rule)).toContain("cpr_nummer");
  });
});
