/**
 * Writes report sheets (Overblik, fact sheets: SheetPlans from the projection issue's report
 * builder) into the workbook, replacing earlier report sheets in place, plus a native chart of
 * the national increase per nedslagspunkt with its span.
 *
 * Sync budget: that of renderWorkbookPlan (check + write + rollback on error = at most 3); the
 * chart is queued in the same write batch.
 */
import type { WorkbookPlan } from "../domain/layout/types";
import { quoteSheet, rangeAddress } from "./a1";
import { renderWorkbookPlan, type RenderResult } from "./render";

/**
 * Where the chart's data sits: a block of rows on `sheet` with, per nedslagspunkt, the name,
 * the span's low end, the span's width (high − low) and the national increase, in four
 * adjacent columns starting at (`top`, `left`), with a header row at `top`.
 */
export interface SpanChartPlan {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly count: number;
  readonly title: string;
  /** Cell where the chart's top-left corner goes, e.g. "H2". */
  readonly anchor: string;
}

/**
 * office-js cannot set an error bar's amount or custom ranges (ChartErrorBars has only type,
 * include, end cap and visibility), so the span is drawn as a floating bar from the low to the
 * high end (a stacked column whose first part is invisible), with the national increase as a
 * marker on top: the same picture as error bars around N, with the exact span.
 */
export function addSpanChart(ws: Excel.Worksheet, plan: SpanChartPlan): Excel.Chart {
  const { top, left, count } = plan;
  const cats = ws.getRange(rangeAddress(top + 1, left, top + count, left));
  const stacked = ws.getRange(rangeAddress(top, left, top + count, left + 2));
  const chart = ws.charts.add("ColumnStacked", stacked, "Columns");
  chart.title.text = plan.title;
  chart.legend.position = "Bottom";
  const low = chart.series.getItemAt(0);
  low.format.fill.clear();
  low.format.line.lineStyle = "None";
  low.name = "Spænd, nedre";
  const span = chart.series.getItemAt(1);
  span.format.fill.setSolidColor("#9DC3E6");
  span.name = "Spænd";
  span.gapWidth = 80;
  const n = chart.series.add("Stigning (N)");
  n.setValues(ws.getRange(rangeAddress(top + 1, left + 3, top + count, left + 3)));
  n.setXAxisValues(cats);
  n.chartType = "LineMarkers";
  n.format.line.lineStyle = "None";
  n.markerStyle = "Diamond";
  n.markerSize = 9;
  n.markerBackgroundColor = "#1F3864";
  n.markerForegroundColor = "#1F3864";
  chart.axes.valueAxis.title.text = "Årsværk";
  chart.setPosition(plan.anchor);
  chart.name = "Stigning pr. nedslagspunkt";
  return chart;
}

/** Formula text pointing at a cell of another sheet, e.g. ='UKN'!C5. */
export function sheetRef(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

export async function writeReport(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  chart?: SpanChartPlan
): Promise<RenderResult> {
  return renderWorkbookPlan(context, plan, {
    replace: plan.sheets.map((s) => s.name),
    // The chart's sheet is deleted and added again (that also removes the old chart).
    recreate: chart ? [chart.sheet] : [],
    afterWrite: chart
      ? (sheets) => {
          const ws = sheets.get(chart.sheet);
          if (ws) addSpanChart(ws, chart);
        }
      : undefined,
  });
}
