import { displayValue, formatClock, formatDanishDate } from "../../../src/domain/parse";
import { parseCell } from "../../../src/domain/parse";

const CHOICES = [
  { id: "ja", label: "Ja, helt" },
  { id: "nej", label: "Nej" },
];

describe("displayValue: what the form shows is what parseCell reads back", () => {
  test("dates as dd-mm-åååå", () => {
    expect(formatDanishDate(45337)).toBe("15-02-2024");
    expect(displayValue(45337, "dato")).toBe("15-02-2024");
    expect(parseCell({ value: "15-02-2024" }, "dato").value).toBe(45337);
  });
  test("times as tt:mm, midnight at the day's end as 24:00", () => {
    expect(formatClock(0.3125)).toBe("07:30");
    expect(formatClock(1)).toBe("24:00");
    for (const t of ["00:00", "07:30", "12:05", "23:59", "24:00"])
      expect(displayValue(parseCell({ value: t }, "klokkeslaet").value, "klokkeslaet")).toBe(t);
  });
  test("a choice by its label, numbers with a decimal comma", () => {
    expect(displayValue("ja", "valg", CHOICES)).toBe("Ja, helt");
    expect(parseCell({ value: "Ja, helt" }, "valg", "f", CHOICES).value).toBe("ja");
    expect(displayValue(1234.5, "decimal")).toBe(formatDanishNumberLike(1234.5));
    expect(displayValue(null, "timer")).toBe("");
  });
});

function formatDanishNumberLike(n: number): string {
  return n.toLocaleString("da-DK", { maximumFractionDigits: 10 });
}
