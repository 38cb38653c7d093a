import fc from "fast-check";
import { formatDanishNumber, parseCell, readNumberText } from "../../../src/domain/parse";
import type { FieldKind } from "../../../src/domain/catalogue";
import type { RawCell } from "../../../src/domain/model";

const at = { sheet: "UKN Data", cell: "C7" };
const cell = (value: unknown, numFmt?: string): RawCell => ({ value, numFmt, location: at });
const rules = (r: { findings: { rule: string; severity: string }[] }) =>
  r.findings.map((f) => `${f.rule}/${f.severity}`);

describe("parseCell: Danish numbers", () => {
  it.each([
    ["37,4", 37.4],
    ["1.400", 1400],
    ["1.400,5", 1400.5],
    ["1 400", 1400],
    ["1.234.567,25", 1234567.25],
    [",5", 0.5],
    ["-3,5", -3.5],
  ])("reads %s as %d and reports the reinterpretation as info", (text, expected) => {
    const r = parseCell(cell(text), "timer", "ukn.hovedsager.timer_pr_sag.2019");
    expect(r.value).toBe(expected);
    expect(rules(r)).toEqual(["tal_fortolket/info"]);
    expect(r.findings[0]).toMatchObject({
      field: "ukn.hovedsager.timer_pr_sag.2019",
      location: at,
      original: text,
    });
    expect(r.findings[0].message.startsWith("UKN Data!C7: ")).toBe(true);
  });

  it("reads plain digits and numbers without any finding", () => {
    expect(parseCell(cell("40"), "antal")).toEqual({ value: 40, findings: [] });
    expect(parseCell(cell(37.4), "timer")).toEqual({ value: 37.4, findings: [] });
    expect(parseCell(cell(0), "antal")).toEqual({ value: 0, findings: [] });
  });

  it.each([
    ["ca. 40", "tal_omtrentligt"],
    ["ca 40", "tal_omtrentligt"],
    ["~40", "tal_omtrentligt"],
    ["cirka 40", "tal_omtrentligt"],
    ["40 timer", "tal_med_enhed"],
    ["40t", "tal_med_enhed"],
  ])("reads %s as 40 with an advarsel (%s)", (text, rule) => {
    const r = parseCell(cell(text), "timer");
    expect(r.value).toBe(40);
    expect(rules(r)).toEqual([`${rule}/advarsel`]);
    expect(r.findings[0].message).toContain(`«${text}»`);
  });

  it("reports both the estimate and the unit in «ca. 40 timer»", () => {
    const r = parseCell(cell("ca. 40 timer"), "timer");
    expect(r.value).toBe(40);
    expect(rules(r)).toEqual(["tal_omtrentligt/advarsel", "tal_med_enhed/advarsel"]);
  });

  it("reads a decimal point as a decimal with an advarsel, but 1.400 as fourteen hundred", () => {
    const r = parseCell(cell("37.4"), "timer");
    expect(r.value).toBe(37.4);
    expect(rules(r)).toEqual(["tal_engelsk_format/advarsel"]);
    expect(parseCell(cell("0.250"), "timer").value).toBe(0.25);
    expect(parseCell(cell("1,400.5"), "timer").value).toBe(1400.5);
    expect(parseCell(cell("1.400"), "timer").value).toBe(1400);
  });
});

describe("parseCell: ambiguous separators and dates as text", () => {
  it.each([
    ["1,400", 1.4, "1.400"],
    ["12,500", 12.5, "12.500"],
    ["-1,025", -1.025, "-1.025"],
  ])(
    "reads %s the Danish way (%d) but asks for a check with an advarsel",
    (text, value, english) => {
      const r = parseCell(cell(text), "timer");
      expect(r.value).toBe(value);
      expect(rules(r)).toEqual(["tal_tvetydigt/advarsel"]);
      expect(r.findings[0].message).toContain(`«${text}»`);
      expect(r.findings[0].message).toContain(`på engelsk betyder det ${english}`);
    }
  );

  it("keeps an info for commas that cannot be English thousands", () => {
    for (const text of ["0,500", "1,4", "1,4000", "1.400,500"])
      expect(rules(parseCell(cell(text), "timer"))).toEqual(["tal_fortolket/info"]);
  });

  it("still refuses separators that make no number (1.400,5,3)", () => {
    expect(rules(parseCell(cell("1.400,5,3"), "timer"))).toEqual(["ugyldigt_tal/fejl"]);
  });

  it.each(["2023-04-01", "2023-04-01T00:00:00", "2023-04-01 12:30", "2023-04-01T00:00:00.000Z"])(
    "refuses the ISO date %s in a number cell with a fejl naming the date, never its year",
    (text) => {
      const r = parseCell(cell(text), "timer");
      expect(r.value).toBeNull();
      expect(rules(r)).toEqual(["ugyldigt_tal/fejl"]);
      expect(r.findings[0].message).toContain("datoen «2023-04-01»");
    }
  );
});

describe("parseCell: percentages", () => {
  it("reads «25 %» in a pct cell as 25 with an info", () => {
    const r = parseCell(cell("25 %"), "pct");
    expect(r.value).toBe(25);
    expect(rules(r)).toEqual(["pct_tegn/info"]);
  });

  it("reads 0,25 in a percent-formatted pct cell as 25 with an info", () => {
    const r = parseCell(cell(0.25, "0%"), "pct");
    expect(r.value).toBe(25);
    expect(rules(r)).toEqual(["pct_som_broek/info"]);
    // float noise from ×100 is cleaned: 0.07 × 100 = 7.000000000000001 in binary
    expect(parseCell(cell(0.07, "0.0 %"), "pct").value).toBe(7);
  });

  it("leaves a number in a pct cell without percent format as typed", () => {
    expect(parseCell(cell(25, "0"), "pct")).toEqual({ value: 25, findings: [] });
    expect(parseCell(cell(0.25), "pct").value).toBe(0.25);
  });

  it("does not take a % in a quoted number-format literal as a percent format", () => {
    expect(parseCell(cell(25, '0" %"'), "pct").value).toBe(25);
  });

  it("refuses a percent sign in a non-pct cell", () => {
    const r = parseCell(cell("25%"), "timer");
    expect(r.value).toBeNull();
    expect(rules(r)).toEqual(["ugyldigt_tal/fejl"]);
  });
});

describe("parseCell: empty markers and empty cells", () => {
  it.each(["-", "n/a", "N/A", "ved ikke", "Ved ikke", "?", " – "])(
    "reads %p as empty with an info",
    (text) => {
      const r = parseCell(cell(text), "antal");
      expect(r.value).toBeNull();
      expect(rules(r)).toEqual(["tom_markering/info"]);
    }
  );

  it("reads a blank or missing cell as empty without findings", () => {
    expect(parseCell(cell(null), "timer")).toEqual({ value: null, findings: [] });
    expect(parseCell(cell(undefined), "pct")).toEqual({ value: null, findings: [] });
    expect(parseCell(cell("   "), "timer")).toEqual({ value: null, findings: [] });
  });
});

describe("parseCell: refusals quote the original and never give 0", () => {
  it.each([["mange"], ["30-40"], ["1e3"], ["40 50"], ["1,2,3"], ["kr. 40"], ["12.34.56"]])(
    "refuses %p",
    (text) => {
      const r = parseCell(cell(text), "timer");
      expect(r.value).toBeNull();
      expect(rules(r)).toEqual(["ugyldigt_tal/fejl"]);
      expect(r.findings[0].message).toContain(`«${text}»`);
      expect(r.findings[0].original).toBe(text);
    }
  );

  it("refuses a date (Excel's reading of 1.4) in a number cell", () => {
    const r = parseCell(cell(new Date(Date.UTC(2023, 3, 1))), "timer");
    expect(r.value).toBeNull();
    expect(r.findings[0]).toMatchObject({ rule: "ugyldigt_tal", severity: "fejl" });
    expect(r.findings[0].message).toContain("2023-04-01");
  });

  it("refuses booleans, NaN, Infinity and formula errors", () => {
    for (const v of [true, NaN, Infinity, { error: "#DIV/0!" }, { formula: "A1/0" }]) {
      const r = parseCell(cell(v), "antal");
      expect(r.value).toBeNull();
      expect(rules(r)).toEqual(["ugyldigt_tal/fejl"]);
    }
  });

  it("reads formula results, rich text and hyperlinks", () => {
    expect(parseCell(cell({ formula: "A1+1", result: 12 }), "antal").value).toBe(12);
    expect(parseCell(cell({ richText: [{ text: "3" }, { text: "7,4" }] }), "timer").value).toBe(
      37.4
    );
    expect(parseCell(cell({ text: "hej", hyperlink: "http://x" }), "tekst").value).toBe("hej");
  });
});

describe("parseCell: ticks", () => {
  it("reads x and X as a tick, empty as not ticked", () => {
    expect(parseCell(cell("x"), "x")).toEqual({ value: "x", findings: [] });
    expect(parseCell(cell(" X "), "x")).toEqual({ value: "x", findings: [] });
    expect(parseCell(cell(null), "x")).toEqual({ value: null, findings: [] });
  });

  it("reads ja as a tick with an advarsel and nej as empty with an info", () => {
    expect(rules(parseCell(cell("Ja"), "x"))).toEqual(["kryds_fortolket/advarsel"]);
    expect(parseCell(cell("Ja"), "x").value).toBe("x");
    const nej = parseCell(cell("nej"), "x");
    expect(nej.value).toBeNull();
    expect(rules(nej)).toEqual(["tom_markering/info"]);
  });

  it("refuses anything else in a tick cell", () => {
    const r = parseCell(cell("måske"), "x");
    expect(r.value).toBeNull();
    expect(rules(r)).toEqual(["ugyldigt_kryds/fejl"]);
  });
});

describe("parseCell: text", () => {
  it("keeps text as typed, including a leading =", () => {
    expect(parseCell(cell('=HYPERLINK("x")'), "tekst").value).toBe('=HYPERLINK("x")');
    expect(parseCell(cell("  "), "tekst").value).toBeNull();
    expect(parseCell(cell(1400.5), "tekst").value).toBe("1.400,5");
  });
});

describe("formatDanishNumber", () => {
  it("writes thousands dots and a decimal comma", () => {
    expect(formatDanishNumber(1400.5)).toBe("1.400,5");
    expect(formatDanishNumber(-1234567.25)).toBe("-1.234.567,25");
    expect(formatDanishNumber(37.4)).toBe("37,4");
    expect(formatDanishNumber(0)).toBe("0");
    expect(formatDanishNumber(1.5e21)).toBe("1.500.000.000.000.000.000.000");
    expect(formatDanishNumber(1e-7)).toBe("0,0000001");
    expect(formatDanishNumber(37.449, 1)).toBe("37,4");
    expect(formatDanishNumber(-0.01, 1)).toBe("0,0");
  });
});

describe("parser properties", () => {
  const kinds: FieldKind[] = ["timer", "aarsvaerk", "pct", "antal", "kr", "x", "tekst"];

  it("never throws, for any string or number in any kind of cell, and never returns a silent 0", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc.double(),
          fc.integer(),
          fc.constantFrom(...["ca. ", "~", "%", ",", ".", "-"])
        ),
        fc.constantFrom(...kinds),
        fc.option(fc.constantFrom("0%", "0.0", "General", '"%"')),
        (value, kind, numFmt) => {
          const r = parseCell({ value, numFmt: numFmt ?? undefined }, kind);
          expect(r).toBeDefined();
          if (r.value === 0 && kind !== "tekst") {
            // 0 only when the cell really said 0
            expect(typeof value === "number" ? value === 0 : /0/.test(String(value))).toBe(true);
          }
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("reads any number written in Danish format back to itself", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatDanishNumber(n);
        const r = readNumberText(text);
        expect(r.kind).toBe("number");
        if (r.kind === "number") expect(r.value).toBe(n);
        expect(parseCell({ value: text }, "timer").value).toBe(n);
      }),
      { numRuns: 2000 }
    );
  });

  it("reads any integer and two-decimal amount written in Danish format back to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (i, c) => {
        const n = i + (i < 0 ? -c : c) / 100;
        expect(parseCell({ value: formatDanishNumber(n, 2) }, "kr").value).toBeCloseTo(n, 9);
      })
    );
  });
});

describe("parseCell: date formats", () => {
  it("refuses a serial number in a date-formatted cell (how office-js and Excel hand over 1.4 → 1. april)", () => {
    const r = parseCell({ value: 43922, numFmt: "d-m-yyyy", location: at }, "timer");
    expect(r.value).toBeNull();
    expect(r.findings.map((f) => `${f.rule}/${f.severity}`)).toEqual(["ugyldigt_tal/fejl"]);
    expect(r.findings[0].message).toContain("2020-04-01");
  });

  it("does not take number formats with quoted letters or colours for dates", () => {
    expect(parseCell({ value: 5, numFmt: '0" timer"' }, "timer").value).toBe(5);
    expect(parseCell({ value: 5, numFmt: "[Red]0.0" }, "timer").value).toBe(5);
    expect(parseCell({ value: 5, numFmt: "General" }, "timer").value).toBe(5);
    expect(parseCell({ value: 5, numFmt: "#,##0" }, "timer").value).toBe(5);
  });
});
