import type { StyleDef, StyleName } from "./types";

/** Colours of the generated workbooks. */
const INPUT_FILL = "FFF2CC"; // light yellow: "write here"
const BORDER = "A6A6A6";
const HEADER_FILL = "DDEBF7";
const BLANK_FILL = "E7E6E6";
const DERIVED_FILL = "EDF3FA"; // pale blue: "computed here, do not type"

/**
 * How every named style looks, as plain data. The .xlsx renderer and the live-Excel renderer
 * both translate these definitions, so a style is defined once.
 */
export const STYLE_DEFS: Readonly<Record<StyleName, StyleDef>> = {
  title: { bold: true, fontSize: 16, fontColor: "1F3864", vAlign: "middle" },
  subtitle: { italic: true, fontSize: 11, fontColor: "404040", wrap: true, vAlign: "top" },
  heading: { bold: true, fontSize: 12, fontColor: "1F3864", vAlign: "bottom" },
  label: { wrap: true, vAlign: "middle" },
  sublabel: { wrap: true, vAlign: "middle", fontColor: "404040", indent: 1 },
  yearHeader: { bold: true, fill: HEADER_FILL, hAlign: "center", border: BORDER },
  tableHeader: {
    bold: true,
    fill: HEADER_FILL,
    hAlign: "center",
    vAlign: "middle",
    wrap: true,
    border: BORDER,
  },
  input: { fill: INPUT_FILL, border: BORDER, hAlign: "right", numFmt: "General" },
  inputText: {
    fill: INPUT_FILL,
    border: BORDER,
    wrap: true,
    vAlign: "top",
    hAlign: "left",
    numFmt: "@",
  },
  check: { italic: true, fontSize: 9, fontColor: "7F6000", hAlign: "center", border: BORDER },
  note: { italic: true, fontSize: 9, fontColor: "595959", wrap: true, vAlign: "middle" },
  body: { wrap: true, vAlign: "top" },
  number: { hAlign: "right", vAlign: "middle" },
  result: { bold: true, vAlign: "middle" },
  blank: { fill: BLANK_FILL, border: BORDER },
  derived: { fill: DERIVED_FILL, border: BORDER, hAlign: "right", fontColor: "1F3864" },
  stepNo: { bold: true, hAlign: "right", vAlign: "top" },
  checkOk: { fontColor: "006100", fill: "C6EFCE" },
  checkBad: { bold: true, fontColor: "9C0006", fill: "FFC7CE" },
  blockTitle: { bold: true, fontSize: 12, fontColor: "1F3864", wrap: true, vAlign: "bottom" },
  sideHeading: { bold: true, fontColor: "1F3864", wrap: true, vAlign: "top" },
  link: { fontColor: "0563C1", underline: true, wrap: true, vAlign: "top" },
  warning: { bold: true, fontColor: "9C0006", wrap: true, vAlign: "top" },
  cell: { vAlign: "top" },
  resultCenter: { bold: true, hAlign: "center", vAlign: "top" },
  center: { hAlign: "center", vAlign: "top" },
  // A Data sheet's row: its text in the middle, as its label and number, when the label wraps.
  cellMiddle: { vAlign: "middle" },
  centerMiddle: { hAlign: "center", vAlign: "middle" },
  tableText: { fontSize: 10, wrap: true, vAlign: "top" },
};
