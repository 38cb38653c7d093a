/** The report's sheets use the one sheet builder of the layout model (text fitting, print setup). */
export { SheetBuilder, TABLE_STYLE, rangeRef, type CellSpec } from "../layout/builder";
