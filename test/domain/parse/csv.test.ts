import fc from "fast-check";
import { parseCsv } from "../../../src/domain/parse/csv";

describe("parseCsv", () => {
  it("reads Danish CSV: semicolons, decimal commas kept as text, CRLF, a BOM", () => {
    const r = parseCsv("\uFEFFKommune;a.2014;b.2014\r\nAarhus;1.234,5;7\r\n\r\nOdense;;-\r\n");
    expect(r).toEqual({
      ok: true,
      separator: ";",
      rows: [
        ["Kommune", "a.2014", "b.2014"],
        ["Aarhus", "1.234,5", "7"],
        ["Odense", "", "-"],
      ],
    });
  });

  it("finds a comma or tab separator from the first line, and quoted fields with separators, quotes and line breaks", () => {
    expect(
      parseCsv('x,y\n"a, b","say ""hi"""\n').ok && parseCsv('x,y\n"a, b","say ""hi"""\n')
    ).toMatchObject({
      separator: ",",
      rows: [
        ["x", "y"],
        ["a, b", 'say "hi"'],
      ],
    });
    expect(parseCsv("x\ty\n1\t2").ok && parseCsv("x\ty\n1\t2")).toMatchObject({
      separator: "\t",
      rows: [
        ["x", "y"],
        ["1", "2"],
      ],
    });
    expect(parseCsv('a;b\n"linje 1\nlinje 2";3\n')).toMatchObject({
      ok: true,
      rows: [
        ["a", "b"],
        ["linje 1\nlinje 2", "3"],
      ],
    });
  });

  it("an unclosed quote is a Danish error naming the line; never throws", () => {
    expect(parseCsv('a;b\n1;"2\n3;4')).toEqual({
      ok: false,
      error: "et anførselstegn i linje 2 lukkes aldrig",
    });
    fc.assert(fc.property(fc.string(), (s) => typeof parseCsv(s).ok === "boolean"));
  });

  it("writing rows the standard way and reading them back gives the rows", () => {
    const cell = fc.string().filter((s) => !/[\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const width = rows[0].length;
          const rect = rows.map((r) => [...r, ...Array(width).fill("")].slice(0, width));
          const kept = rect.filter((r) => r.some((c) => c.trim() !== ""));
          const text = rect
            .map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(";"))
            .join("\r\n");
          const back = parseCsv(`h1;h2\r\n${text}`);
          expect(back.ok).toBe(true);
          if (back.ok) expect(back.rows.slice(1)).toEqual(kept);
        }
      )
    );
  });

  it("stops at a cell limit", () => {
    expect(parseCsv("a;b;c;d\n1;2;3;4\n", 5)).toEqual({
      ok: false,
      error: "filen har over 5 celler",
    });
  });
});
