/**
 * A chart of the layout model (ChartPlan) drawn in the open workbook with office-js: the same
 * column chart the .xlsx renderer writes as DrawingML (../xlsx/charts.ts), its series pointing
 * at the workbook's cells, so it follows when they change.
 */
import { parseSheetRange } from "../domain/layout/a1";
import type { ChartPlan } from "../domain/layout/types";
import { cellAddress, rangeAddress } from "./a1";

/** Queues the chart on `ws`; `sheetNamed` finds the sheets its ranges are on. */
export function addPlannedChart(
  ws: Excel.Worksheet,
  plan: ChartPlan,
  sheetNamed: (name: string) => Excel.Worksheet
): Excel.Chart {
  const range = (ref: string) => {
    const r = parseSheetRange(ref);
    if (!r) throw new Error(`diagrammets område »${ref}« kan ikke læses`);
    return sheetNamed(r.sheet).getRange(rangeAddress(r.top, r.left, r.bottom, r.right));
  };
  const chart = ws.charts.add("ColumnClustered", range(plan.series[0].values), "Columns");
  chart.name = plan.name;
  chart.title.text = plan.title;
  chart.legend.visible = plan.series.length > 1;
  chart.legend.position = "Bottom";
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i > 0) series.setValues(range(s.values));
    series.setXAxisValues(range(plan.categories));
    series.name = s.name;
    series.format.fill.setSolidColor(`#${s.color}`);
    if (plan.gapWidth !== undefined) series.gapWidth = plan.gapWidth;
    if (plan.overlap !== undefined) series.overlap = plan.overlap;
  });
  if (plan.valueAxisTitle) chart.axes.valueAxis.title.text = plan.valueAxisTitle;
  if (plan.categoryFontSize) chart.axes.categoryAxis.format.font.size = plan.categoryFontSize;
  chart.setPosition(
    cellAddress(plan.from.row, plan.from.col),
    cellAddress(plan.to.row - 1, plan.to.col - 1)
  );
  return chart;
}
