/**
 * How a sheet plan's printing and view reach ExcelJS (both writers: in memory and streamed): A4
 * with the layout's margins, a fixed scale or fit to pages, print area and repeated rows, header
 * and footer, gridlines and frozen rows, and the sheet's own visibility. Manual page breaks and
 * hidden rows are set row by row in `sheetRows` (render.ts).
 */
import type { WorksheetProperties } from "exceljs";
import { columnLetter } from "../domain/layout/a1";
import { MARGINS } from "../domain/layout/page";
import type { HeaderFooterPlan, PrintPlan, SheetPlan } from "../domain/layout/types";

const argb = (hex: string) => ({ argb: `FF${hex}` });

/** `&L…&C…&R…`: one header or footer line in Excel's codes; undefined when empty. */
export function headerFooterCode(hf: HeaderFooterPlan | undefined): string | undefined {
  if (!hf) return undefined;
  const code = `${hf.left ? `&L${hf.left}` : ""}${hf.center ? `&C${hf.center}` : ""}${hf.right ? `&R${hf.right}` : ""}`;
  return code || undefined;
}

/** ExcelJS page setup for a print plan. */
export function pageSetupOf(print: PrintPlan) {
  const fit = print.scale === undefined ? (print.fit ?? { wide: 1, tall: 0 }) : undefined;
  return {
    paperSize: 9,
    orientation: print.orientation,
    margins: { ...MARGINS },
    ...(fit
      ? { fitToPage: true, fitToWidth: fit.wide, fitToHeight: fit.tall }
      : { fitToPage: false, scale: print.scale }),
    // ExcelJS puts a "$" before each end of the range: the rows' "$" are ours.
    ...(print.area
      ? {
          printArea: `${columnLetter(print.area.left)}$${print.area.top}:${columnLetter(print.area.right)}$${print.area.bottom}`,
        }
      : {}),
    ...(print.titleRows
      ? { printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}` }
      : {}),
  };
}

/** Options for `addWorksheet`: tab colour, view (frozen rows, gridlines), page setup, header and footer, visibility. */
export function sheetOptions(sheet: SheetPlan) {
  const view = {
    ...(sheet.freezeRows ? { state: "frozen" as const, ySplit: sheet.freezeRows } : {}),
    ...(sheet.gridlines === false ? { showGridLines: false } : {}),
  };
  const header = headerFooterCode(sheet.print?.header);
  const footer = headerFooterCode(sheet.print?.footer);
  return {
    ...(sheet.tabColor
      ? { properties: { tabColor: argb(sheet.tabColor) } as Partial<WorksheetProperties> }
      : {}),
    ...(Object.keys(view).length > 0 ? { views: [view] } : {}),
    ...(sheet.print ? { pageSetup: pageSetupOf(sheet.print) } : {}),
    ...(header || footer
      ? {
          headerFooter: {
            ...(header ? { oddHeader: header } : {}),
            ...(footer ? { oddFooter: footer } : {}),
          },
        }
      : {}),
    ...(sheet.hidden ? { state: "hidden" as const } : {}),
  };
}
