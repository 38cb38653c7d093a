/**
 * The kora_enhedsudgifter report for the generated 98-municipality example: LibreOffice with a
 * Danish profile recalculates every native formula (unit costs per municipality, the statistics
 * per delområde, the deviations, the placements) to the engine's numbers.
 */
import { computeTables } from "../../src/domain/tables/compute";
import { buildTablesReport } from "../../src/domain/tables/report";
import { unzipSync } from "fflate";
import { loadWorkbook } from "../../src/xlsx";
import { differences, recalcDanishBytes } from "../helpers/libreoffice";
import { LIBREOFFICE, itWith } from "../helpers/requirements";
import { koraEnhed, koraPack, koraReturns, koraSettings } from "../helpers/kora";

const itLo = (title: string, fn: jest.ProvidesCallback, timeout?: number) =>
  itWith(LIBREOFFICE, title, fn, timeout);

describe("the kora_enhedsudgifter report in LibreOffice", () => {
  it("has the tables, a figure sheet with one chart per delområde, and its sorted data", () => {
    const figurer = plan.sheets.find((s) => s.name === "Figurer")!;
    expect(figurer.charts?.map((c) => c.title)).toEqual(
      pack.axes.get("delomraader")!.map((e) => e.label)
    );
    expect(figurer.charts?.every((c) => c.series.length === 2)).toBe(true);
    const data = plan.sheets.find((s) => s.name === "Figurdata")!;
    // Sorted ascending: the first chart's »Øvrige« and »Fremhævet« values, in bar order.
    const bars = data.cells
      .filter((c) => (c.col === 4 || c.col === 5) && c.row >= 5 && typeof c.value === "number")
      .sort((a, b) => a.row - b.row)
      .map((c) => c.value as number);
    expect(bars).toEqual([...bars].sort((a, b) => a - b));
    // The municipality in focus (Syddjurs) is the one bar in the highlighted series.
    const focus = data.cells.filter(
      (c) => c.col === 5 && c.row >= 5 && typeof c.value === "number"
    );
    expect(focus).toHaveLength(1);
    const name = data.cells.find((c) => c.col === 3 && c.row === focus[0].row)!.value;
    expect(name).toBe("Syddjurs");
  });

  const pack = koraPack();
  const returns = koraReturns();
  const result = computeTables({
    pack,
    returns,
    inputs: { enhed: koraEnhed() },
    settings: koraSettings(),
  });
  const plan = buildTablesReport({ result, returns });

  itLo(
    "recalculates every formula to the engine's value",
    async () => {
      const bytes = await recalcDanishBytes(plan);
      const { checked, wrong } = differences(plan, await loadWorkbook(bytes));
      expect(wrong.slice(0, 20)).toEqual([]);
      expect(checked).toBeGreaterThan(5000);
      // The ten charts (one per delområde) survive LibreOffice's reading and writing.
      const charts = Object.keys(unzipSync(bytes)).filter((p) =>
        /^xl\/charts\/chart\d+\.xml$/.test(p)
      );
      expect(charts).toHaveLength(10);
    },
    300_000
  );
});
