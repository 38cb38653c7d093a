/** How each named layout style looks in live Excel (the .xlsx renderer has its own mapping). */
import type { StyleName } from "../domain/layout/types";

export interface CellFormat {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "Left" | "Center" | "Right";
  readonly border?: boolean;
}

const INPUT_FILL = "#FFF2CC";

export const STYLE_FORMATS: Readonly<Record<StyleName, CellFormat>> = {
  title: { bold: true, size: 16, color: "#1F3864" },
  subtitle: { bold: true, size: 12, color: "#1F3864" },
  heading: { bold: true, size: 11, fill: "#D9E1F2", wrap: true },
  label: { wrap: true },
  sublabel: { italic: true, wrap: true },
  yearHeader: { bold: true, horizontal: "Center", fill: "#D9E1F2" },
  input: { fill: INPUT_FILL, border: true, horizontal: "Right" },
  inputText: { fill: INPUT_FILL, border: true, wrap: true },
  check: { italic: true, color: "#7F6000" },
  note: { italic: true, color: "#595959", wrap: true },
  body: { wrap: true },
  number: { horizontal: "Right" },
  result: { bold: true, horizontal: "Right", fill: "#E2EFDA" },
};
