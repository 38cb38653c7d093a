import { PCT_SUM_TOLERANCE, pctSumMessage, pctSumStatus } from "../../src/domain/pctSum";

describe("pctSumStatus", () => {
  it("calls an all-empty block 'tom' (nothing to check)", () => {
    expect(pctSumStatus([null, undefined, null])).toEqual({ status: "tom" });
    expect(pctSumStatus([])).toEqual({ status: "tom" });
  });

  it("accepts exactly 100 and skips empty cells", () => {
    expect(pctSumStatus([60, null, 40])).toEqual({ status: "ok", sum: 100 });
  });

  it("accepts 99 and 101 (the ± 1 tolerance is inclusive) but not 98.9 or 101.1", () => {
    expect(PCT_SUM_TOLERANCE).toBe(1);
    expect(pctSumStatus([50, 49]).status).toBe("ok");
    expect(pctSumStatus([50, 51]).status).toBe("ok");
    expect(pctSumStatus([50, 48.9]).status).toBe("afviger");
    expect(pctSumStatus([50, 51.1]).status).toBe("afviger");
  });

  it("is not fooled by binary rounding (33.3 + 33.3 + 34.4)", () => {
    expect(pctSumStatus([33.3, 33.3, 34.4]).status).toBe("ok");
  });

  it("reports the sum when it deviates", () => {
    expect(pctSumStatus([25, 25, 45])).toEqual({ status: "afviger", sum: 95 });
  });
});

describe("pctSumMessage", () => {
  it("writes the sum with a Danish decimal comma", () => {
    expect(pctSumMessage(95)).toBe("Procenterne summer til 95 %, ikke 100 % (± 1).");
    expect(pctSumMessage(97.5)).toBe("Procenterne summer til 97,5 %, ikke 100 % (± 1).");
  });
});
