/**
 * The support-time custom functions (core, tested in Node): the specification's worked examples
 * (synthetic; constants from VIVE 2024), empty cells, Danish errors, and agreement with the pack's
 * own expressions on the same figures.
 */
import * as core from "../../src/functions/core";
import { YDELSESNIVEAU_GRAENSER } from "../../src/domain/supportTime";
import { stoettePack } from "../helpers/stoettetimer";

const err = (v: unknown) => (core.isCellError(v) ? v.error : v);

describe("VARIGHED, OMREGNET, GRUPPETID (F.4, synthetic)", () => {
  it("a night slot wraps past midnight: 23:00–07:00 is 480 minutes; Excel times and text alike", () => {
    expect(core.varighed("23:00", "07:00")).toBe(480);
    expect(core.varighed(23 / 24, 7 / 24)).toBe(480);
    expect(core.varighed("07:00", "07:45")).toBe(45);
    expect(core.varighed("15:00", "24:00")).toBe(540);
  });
  it("start = slut is #NUM!; a text that is no clock time #VALUE!; an empty cell stays empty", () => {
    expect(err(core.varighed("07:00", "07:00"))).toBe("num");
    expect(err(core.varighed("kl. syv", "08:00"))).toBe("value");
    expect(core.varighed("", "08:00")).toBe("");
  });
  it("OMREGNET: 30 minutes at 1:4 are 7,5 each, 4 × 7,5 = 30 × 1 staff; 2:1 double staffing 60", () => {
    expect(core.omregnet(30, 4)).toBe(7.5);
    expect(4 * (core.omregnet(30, 4) as number)).toBe(30 * 1);
    expect(core.omregnet(30, 1, 2)).toBe(60);
    expect(err(core.omregnet(30, 0))).toBe("num");
    expect(err(core.omregnet(30, 1.5))).toBe("num");
    expect(core.omregnet(null, 4)).toBe("");
  });
  it("GRUPPETID reads the staffing as text: 23:00–07:00 at 1:8 is 60; »1-4« is #VALUE!, »1:0« #NUM!", () => {
    expect(core.gruppetid("23:00", "07:00", "1:8")).toBe(60);
    expect(core.gruppetid("07:45", "08:15", " 1 : 4 ")).toBe(7.5);
    const bad = core.gruppetid("07:45", "08:15", "1-4");
    expect(err(bad)).toBe("value");
    expect((bad as core.CellError).message).toContain("personale:borgere");
    expect(err(core.gruppetid("07:45", "08:15", "1:0"))).toBe("num");
  });
});

describe("TIMEPRIS and ATATIMER (H.4)", () => {
  it("550 000 kr., 1 400 h: 60 % → 654,76; 75 % → 523,81; the factor 1,25", () => {
    const p60 = core.timepris(550000, 1400, 60) as number;
    const p75 = core.timepris(550000, 1400, 75) as number;
    expect(Math.round(p60 * 100) / 100).toBe(654.76);
    expect(Math.round(p75 * 100) / 100).toBe(523.81);
    expect(p60 / p75).toBeCloseTo(1.25, 12);
    expect(core.timepris(550000, 1400, 60, 10)).toBeCloseTo(1.1 * p60, 9);
  });
  it("ATA share outside (0; 100] is #NUM!; a missing wage #VALUE!", () => {
    expect(err(core.timepris(550000, 1400, 0))).toBe("num");
    expect(err(core.timepris(550000, 1400, 101))).toBe("num");
    expect(err(core.timepris(null, 1400, 60))).toBe("value");
  });
  it("the GIT breakdown: 1 924 − (222 + 74) − (37 + 111 + 185) = 1 295; nothing left is #NUM!", () => {
    expect(core.atatimer(1924, [[222], [74]], [[37], [111], [185], [null]])).toBe(1295);
    expect(Math.round((550000 / 1295) * 100) / 100).toBe(424.71);
    expect(err(core.atatimer(100, 60, 40))).toBe("num");
    expect(err(core.atatimer(1924, [["ferie"]], 0))).toBe("value");
  });
});

describe("YDELSESNIVEAU and LEVERINGSGRAD (I.4)", () => {
  it("0,5; 0,75; 2,5; 3; 4; 4,25 hours a week are under (0); 1; 1; 2; 2; 3", () => {
    expect([0.5, 0.75, 2.5, 3, 4, 4.25].map((t) => core.ydelsesniveau(t))).toEqual([
      0, 1, 1, 2, 2, 3,
    ]);
    expect(core.ydelsesniveau(3, [[1], [3], [5]])).toBe(1);
    expect(err(core.ydelsesniveau(-1))).toBe("num");
    expect(err(core.ydelsesniveau(1, [[1], [2]]))).toBe("value");
    expect(core.ydelsesniveau("")).toBe("");
  });
  it("the pack's settings hold the same boundaries as the function", () => {
    const s = new Map(stoettePack().settings.map((x) => [x.id, x.default]));
    expect([s.get("niveau1_fra"), s.get("niveau1_til"), s.get("niveau2_til")]).toEqual([
      ...YDELSESNIVEAU_GRAENSER,
    ]);
  });
  it("delivered 8,5 / 9,5 / 11,5 of 10 ordered are 85 %, 95 %, 115 %; nothing ordered #DIV/0!", () => {
    expect([8.5, 9.5, 11.5].map((l) => core.leveringsgrad(l, 10))).toEqual([85, 95, 115]);
    expect(err(core.leveringsgrad(5, 0))).toBe("div0");
    expect(core.leveringsgrad(null, 10)).toBe("");
  });
});
