/** The measure function and the page arithmetic, on facts that hold whatever the builders do. */
import {
  DEFAULT_FONT,
  DEFAULT_ROW_HEIGHT,
  EXCEL,
  LIBREOFFICE,
  columnPx,
  fitsOnOneLine,
  lineCount,
  linesHeight,
  spanChars,
  textAreaPx,
  textWidthPx,
  widestWord,
  widthFor,
  wordsFit,
  wrapLines,
} from "../../../src/domain/layout/measure";
import { SheetBuilder } from "../../../src/domain/layout/builder";
import { headerText, pageBreaks, printable, smallPrint, widthScale } from "../../../src/domain/layout/page";

describe("measure", () => {
  test("Calibri's widths: digits alike, bold wider, combining marks take no room", () => {
    expect(textWidthPx("0000")).toBeCloseTo(4 * textWidthPx("1"), 9);
    expect(textWidthPx("Nedslagspunkt", { size: 11, bold: true })).toBeGreaterThan(textWidthPx("Nedslagspunkt"));
    expect(textWidthPx("r\u0304")).toBe(textWidthPx("r"));
    expect(textWidthPx("abc", { size: 22 })).toBeCloseTo(2 * textWidthPx("abc", { size: 11 }), 9);
  });

  test("Excel's column pixels: the default width (8,43 characters, stored as 9,14) is 64 px; LibreOffice's columns are wider", () => {
    expect(columnPx(9.140625)).toBe(64);
    expect(columnPx(20, LIBREOFFICE)).toBeGreaterThan(columnPx(20, EXCEL));
    // Two columns merged are as wide as one column of their summed width.
    expect(columnPx(spanChars([10, 10]))).toBe(columnPx(10) * 2);
  });

  test("wrapping: words fill lines, a newline breaks, a word longer than a line is split", () => {
    expect(wrapLines("a b c", 1000)).toEqual(["a b c"]);
    expect(wrapLines("første\nanden", 1000)).toEqual(["første", "anden"]);
    const long = "Genindbringelsessager".repeat(3);
    const pieces = wrapLines(long, 60);
    expect(pieces.join("")).toBe(long);
    for (const p of pieces) expect(textWidthPx(p)).toBeLessThanOrEqual(60);
    const text = "Estimeret administrativ tid brugt på opgaven: Genindbringelsessager";
    expect(lineCount(text, 100)).toBe(1);
    expect(lineCount(text, 20)).toBeGreaterThan(lineCount(text, 40));
  });

  test("heights: one line of 11 points is Excel's 15; more lines and larger type need more", () => {
    expect(linesHeight(1)).toBe(DEFAULT_ROW_HEIGHT);
    expect(linesHeight(2)).toBeGreaterThan(2 * 13);
    expect(linesHeight(1, { size: 16 })).toBeGreaterThan(DEFAULT_ROW_HEIGHT);
  });

  test("widthFor is the narrowest width that fits", () => {
    const w = widthFor("Kommunedata");
    expect(fitsOnOneLine("Kommunedata", w)).toBe(true);
    expect(fitsOnOneLine("Kommunedata", w - 0.5)).toBe(false);
    const indented = widthFor("Kommunedata", DEFAULT_FONT, 1);
    expect(fitsOnOneLine("Kommunedata", indented, DEFAULT_FONT, 1)).toBe(true);
    expect(fitsOnOneLine("Kommunedata", indented - 0.5, DEFAULT_FONT, 1)).toBe(false);
  });

  test("a word wider than its column is found, and the builder widens the column for it", () => {
    const header = "Voksenområdet: forhåndsgodkendelser";
    expect(widestWord(header)).toBe("forhåndsgodkendelser");
    expect(wordsFit(header, 13)).toBe(false);
    expect(wordsFit(header, widthFor("forhåndsgodkendelser"))).toBe(true);
    // Wrapping at 13 would break the word; the builder keeps it whole.
    expect(wrapLines(header, textAreaPx(13)).some((l) => !header.split(" ").includes(l))).toBe(true);
    const plan = new SheetBuilder("Ark").text(1, 2, header, "label").build({ widths: { 2: 13 } });
    expect(wordsFit(header, plan.columnWidths[2])).toBe(true);
    // Merged across columns the range decides; a word no sensible column holds is left to break.
    const merged = new SheetBuilder("Ark").text(1, 2, header, "label", 3).build({ widths: { 2: 13 } });
    expect(merged.columnWidths[2]).toBe(13);
    const path = new SheetBuilder("Ark").text(1, 2, "x".repeat(80), "label").build({ widths: { 2: 13 } });
    expect(path.columnWidths[2]).toBe(13);
  });
});

describe("page", () => {
  test("a wider sheet prints smaller; landscape is wider than portrait", () => {
    expect(widthScale(100, "portrait")).toBe(100);
    expect(widthScale(2 * printable("portrait").width, "portrait")).toBeLessThan(50);
    expect(printable("landscape").width).toBeGreaterThan(printable("portrait").width);
  });

  test("breaks fall before a kept block rather than inside it, and before forced rows", () => {
    const heights: Record<number, number> = {};
    for (let r = 1; r <= 100; r++) heights[r] = 15;
    const base = { lastRow: 100, heights, orientation: "portrait" as const, scale: 100 };
    const free = pageBreaks({ ...base, keep: [], breakBefore: [] });
    expect(free.length).toBeGreaterThan(0);
    const first = free[0];
    const kept = pageBreaks({ ...base, keep: [{ top: first - 3, bottom: first + 3 }], breakBefore: [] });
    expect(kept[0]).toBe(first - 3);
    expect(pageBreaks({ ...base, keep: [], breakBefore: [10] })[0]).toBe(10);
  });

  test("header text: a literal ampersand is doubled; small type is not put before a digit", () => {
    expect(headerText("Ringkøbing & Skjern")).toBe("Ringkøbing && Skjern");
    expect(smallPrint({ left: "Forside", right: "2023" })).toEqual({ left: "&9Forside", right: "2023" });
  });

  test("the builder fits a row to its wrapped text, across a merged range too", () => {
    const s = new SheetBuilder("T").width(1, 10).width(2, 10).width(3, 10);
    const long = "Et afsnit der er langt nok til at skulle brydes over flere linjer i en smal kolonne.";
    s.text(1, 1, long, "body");
    s.text(2, 1, long, "body", 3);
    s.text(3, 1, "kort", "body");
    const plan = s.build();
    const h = plan.rowHeights ?? {};
    expect(h[1]).toBe(linesHeight(lineCount(long, 10)));
    expect(h[2]).toBe(linesHeight(lineCount(long, spanChars([10, 10, 10]))));
    expect(h[2]).toBeLessThan(h[1]);
    expect(h[3]).toBeUndefined();
  });
});

describe("large sheets", () => {
  test("a sheet of 300 000 cells builds (the report's Data sheet at hundreds of respondents)", () => {
    const s = new SheetBuilder("Data");
    for (let row = 1; row <= 60_000; row++)
      for (let col = 1; col <= 5; col++) s.set(row, col, { value: row * col, style: "body" });
    const plan = s.build();
    expect(plan.cells).toHaveLength(300_000);
    expect(Number.isFinite(SheetBuilder.onePageScale(plan))).toBe(true);
  });
});
