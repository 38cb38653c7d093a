/**
 * Translates the layout model's renderer-neutral style definitions (STYLE_DEFS, shared with the
 * .xlsx renderer) into office-js range formatting. No style is defined here.
 */
import { STYLE_DEFS } from "../domain/layout/styles";
import type { StyleDef, StyleName } from "../domain/layout/types";

export type CellFormat = StyleDef;

export const STYLE_FORMATS: Readonly<Record<StyleName, CellFormat>> = STYLE_DEFS;

const H = { left: "Left", center: "Center", right: "Right" } as const;
const V = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

const hex = (c: string) => (c.startsWith("#") ? c : `#${c.slice(-6)}`);

export function applyFormat(format: Excel.RangeFormat, f: CellFormat, multiCell: boolean): void {
  if (f.bold !== undefined) format.font.bold = f.bold;
  if (f.italic !== undefined) format.font.italic = f.italic;
  if (f.underline !== undefined) format.font.underline = f.underline ? "Single" : "None";
  if (f.fontSize !== undefined) format.font.size = f.fontSize;
  if (f.fontColor !== undefined) format.font.color = hex(f.fontColor);
  if (f.fill !== undefined) format.fill.color = hex(f.fill);
  if (f.wrap !== undefined) format.wrapText = f.wrap;
  if (f.indent !== undefined) format.indentLevel = f.indent;
  if (f.hAlign !== undefined) format.horizontalAlignment = H[f.hAlign];
  if (f.vAlign !== undefined) format.verticalAlignment = V[f.vAlign];
  if (f.border) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (multiCell) edges.push("InsideHorizontal", "InsideVertical");
    for (const edge of edges) {
      const b = format.borders.getItem(edge as Excel.BorderIndex);
      b.style = "Continuous";
      b.color = hex(f.border);
    }
  }
}
