/**
 * The field kind `aarstal` (a year): a whole number from 1900 to 2100, shown without a thousands
 * separator (2024, not 2.024) in templates, reports and messages. rammeaftale_li's »Regnskabsår«,
 * its period field, is one; its Data sheet and Beregninger showed »2.017« as an `antal`.
 */
import { fieldsOfTemplate } from "../../src/domain/fieldId";
import { KINDS, kindRangeProblem, validationFor } from "../../src/domain/kinds";
import { parseCell } from "../../src/domain/parse/cell";
import { builtinPack } from "../../src/domain/pakker";
import { loadPack } from "../../src/domain/pack/load";
import { RAMMEAFTALE_LI } from "../../src/domain/pakker/rammeaftale";

describe("aarstal", () => {
  it("reads a year however it is written, and refuses what is not one, in years", () => {
    expect(parseCell({ value: "2024" }, "aarstal").value).toBe(2024);
    expect(parseCell({ value: 2017 }, "aarstal").value).toBe(2017);
    expect(kindRangeProblem("aarstal", 2024)).toBeUndefined();
    expect(kindRangeProblem("aarstal", 17)).toEqual({
      rule: "uden_for_interval",
      text: "et årstal skal ligge mellem 1900 og 2100, men er 17.",
    });
    expect(kindRangeProblem("aarstal", 2024.5)).toEqual({
      rule: "ikke_heltal",
      text: "et årstal skal være et helt tal, men er 2024,5.",
    });
  });

  it("is shown without a thousands separator, and Excel checks it as a whole number 1900–2100", () => {
    expect(KINDS.aarstal.numFmt).toBe("0");
    expect(validationFor("aarstal")).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [1900, 2100],
    });
  });

  it("rammeaftale_li's regnskabsår is one, and a pack's period field may be one", () => {
    const pack = builtinPack("rammeaftale_li")!;
    const felt = pack.periods!.field;
    const field = pack.templates.flatMap((t) => fieldsOfTemplate(t)).find((f) => f.id === felt);
    expect(field?.kind).toBe("aarstal");
    expect(loadPack(RAMMEAFTALE_LI).ok).toBe(true);
  });
});
