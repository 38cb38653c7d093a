/** A small helper to lay out a report sheet as a SheetPlan, cell by cell. */
import { absA1, quoteSheet } from "../layout/a1";
import type { CellPlan, MergePlan, SheetPlan, StyleName, TablePlan } from "../layout/types";

/** The report's table style: light, banded rows, filter buttons in the header. */
export const TABLE_STYLE = "TableStyleLight9";

export interface CellSpec {
  readonly value?: string | number | boolean | null;
  readonly formula?: string;
  readonly style?: StyleName;
  readonly numFmt?: string;
}

export class SheetBuilder {
  private readonly cells: CellPlan[] = [];
  private readonly merges: MergePlan[] = [];
  private readonly heights: Record<number, number> = {};
  private readonly tables: TablePlan[] = [];

  constructor(readonly name: string) {}

  set(row: number, col: number, spec: CellSpec): void {
    const value =
      typeof spec.value === "number" && !Number.isFinite(spec.value) ? undefined : spec.value;
    this.cells.push({ row, col, ...spec, value });
  }

  text(row: number, col: number, value: string, style: StyleName = "body"): void {
    this.set(row, col, { value, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  height(row: number, points: number): void {
    this.heights[row] = points;
  }

  /**
   * Makes the block from the header row `top` to row `bottom` an Excel table named `name`
   * (at least one data row: an empty one when the table has no data yet).
   */
  table(name: string, top: number, left: number, bottom: number, right: number): void {
    this.tables.push({
      name,
      top,
      left,
      bottom: Math.max(bottom, top + 1),
      right,
      style: TABLE_STYLE,
    });
  }

  /** Absolute reference to a cell of this sheet, with the sheet name: `'UKN'!$C$7`. */
  ref(row: number, col: number): string {
    return `${quoteSheet(this.name)}!${absA1(row, col)}`;
  }

  build(
    columnWidths: Readonly<Record<number, number>>,
    freezeRows = 0,
    tabColor?: string
  ): SheetPlan {
    return {
      name: this.name,
      cells: this.cells,
      merges: this.merges,
      columnWidths,
      rowHeights: this.heights,
      protect: false,
      // Report tables are wide: landscape, scaled to one page's width when printed.
      print: { orientation: "landscape" },
      freezeRows,
      ...(tabColor ? { tabColor } : {}),
      ...(this.tables.length > 0 ? { tables: this.tables } : {}),
    };
  }
}

/** Column range reference within one sheet: `'UKN'!$C$10:$C$14`. */
export function rangeRef(sheet: string, col: string, top: number, bottom: number): string {
  return `${quoteSheet(sheet)}!$${col}$${top}:$${col}$${bottom}`;
}
