/**
 * The kora_enhedsudgifter report for the generated 98-municipality example: LibreOffice with a
 * Danish profile recalculates every native formula (unit costs per municipality, the statistics
 * per delområde, the deviations, the placements) to the engine's numbers.
 */
import { computeTables } from "../../src/domain/tables/compute";
import { buildTablesReport } from "../../src/domain/tables/report";
import { differences, hasSoffice, recalcDanish } from "../helpers/libreoffice";
import { koraEnhed, koraPack, koraReturns, koraSettings } from "../helpers/kora";

if (!hasSoffice)
  console.warn("LibreOffice (soffice) findes ikke: KORA-rapporten genberegnes ikke.");
const itLo = hasSoffice ? it : it.skip;

describe("the kora_enhedsudgifter report in LibreOffice", () => {
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
      const wb = await recalcDanish(plan);
      const { checked, wrong } = differences(plan, wb);
      expect(wrong.slice(0, 20)).toEqual([]);
      expect(checked).toBeGreaterThan(5000);
    },
    300_000
  );
});
