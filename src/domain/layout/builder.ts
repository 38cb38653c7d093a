import type { CellPlan, ConditionalFormatPlan, MergePlan, SheetPlan, StyleName } from "./types";

/** Points per line of 11-pt text. */
export const LINE_HEIGHT = 15;

/** Rough height in points of wrapped text in a column `widthChars` wide. */
export function wrappedHeight(text: string, widthChars: number, minLines = 1): number {
  const perLine = Math.max(10, Math.floor(widthChars * 1.05));
  let lines = 0;
  for (const para of text.split("\n")) lines += Math.max(1, Math.ceil(para.length / perLine));
  return Math.max(minLines, lines) * LINE_HEIGHT;
}

/** Accumulates one sheet's cells, merges, widths and heights; `build()` freezes it into a SheetPlan. */
export class SheetBuilder {
  private readonly cells = new Map<string, CellPlan>();
  private readonly merges: MergePlan[] = [];
  private readonly conditional: ConditionalFormatPlan[] = [];
  private readonly widths: Record<number, number> = {};
  private readonly heights: Record<number, number> = {};

  constructor(readonly name: string) {}

  set(cell: CellPlan): this {
    this.cells.set(`${cell.row}:${cell.col}`, cell);
    return this;
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
    return this;
  }

  conditionalFormat(cf: ConditionalFormatPlan): this {
    this.conditional.push(cf);
    return this;
  }

  width(col: number, chars: number): this {
    this.widths[col] = chars;
    return this;
  }

  /** Sets a row's height, keeping the largest asked for. */
  height(row: number, points: number): this {
    this.heights[row] = Math.max(this.heights[row] ?? 0, points);
    return this;
  }

  /** Text that wraps in a column (or merged area) `widthChars` wide: sets the row height to fit. */
  fit(row: number, text: string, widthChars: number): this {
    const h = wrappedHeight(text, widthChars);
    if (h > LINE_HEIGHT) this.height(row, h);
    return this;
  }

  /**
   * A wrapped text cell (optionally merged across to `mergeTo`) with its row height fitted to
   * `widthChars`, the width of the column or merged area.
   */
  text(
    row: number,
    col: number,
    value: string,
    style: StyleName,
    widthChars: number,
    mergeTo?: number
  ): this {
    this.set({ row, col, value, style });
    if (mergeTo !== undefined) this.merge(row, col, row, mergeTo);
    return this.fit(row, value, widthChars);
  }

  build(options: {
    protect: boolean;
    tabColor?: string;
    freezeRows?: number;
    orientation?: "portrait" | "landscape";
  }): SheetPlan {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name: this.name,
      cells,
      merges: this.merges,
      ...(this.conditional.length > 0 ? { conditionalFormats: this.conditional } : {}),
      columnWidths: { ...this.widths },
      rowHeights: { ...this.heights },
      protect: options.protect,
      ...(options.tabColor ? { tabColor: options.tabColor } : {}),
      ...(options.freezeRows ? { freezeRows: options.freezeRows } : {}),
      print: { orientation: options.orientation ?? "portrait" },
    };
  }
}
