/** The chart's data sheet (Diagram): per nedslagspunkt the span's low end, its width and the national increase. */
import type { SheetPlan } from "../domain/layout/types";
import type { ProjectionResult } from "../domain/project/result";

export const CHART_SHEET = "Diagram";

export function chartSheet(result: ProjectionResult): SheetPlan {
  const rows = result.nedslagspunkter.filter((n) => n.spaend && n.alle.stigning !== null);
  return {
    name: CHART_SHEET,
    cells: [
      { row: 1, col: 1, value: "Nedslagspunkt", style: "yearHeader" },
      { row: 1, col: 2, value: "Spænd, nedre", style: "yearHeader" },
      { row: 1, col: 3, value: "Spænd", style: "yearHeader" },
      { row: 1, col: 4, value: "Stigning (N)", style: "yearHeader" },
      ...rows.flatMap((n, i) => [
        { row: i + 2, col: 1, value: n.navn, style: "label" as const },
        { row: i + 2, col: 2, value: n.spaend!.lav, numFmt: "0" },
        { row: i + 2, col: 3, value: n.spaend!.hoej - n.spaend!.lav, numFmt: "0" },
        { row: i + 2, col: 4, value: n.alle.stigning, numFmt: "0.0" },
      ]),
    ],
    merges: [],
    columnWidths: { 1: 36, 2: 14, 3: 10, 4: 14 },
    protect: false,
  };
}
