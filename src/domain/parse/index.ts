export { parseCell, PARSE_RULES } from "./cell";
export type { ParsedCell } from "./cell";
export { formatDanishNumber, readNumberText, EMPTY_MARKERS } from "./number";
export type { TextNumber, NumberFormatRead } from "./number";
export { displayValue, formatClock, formatDanishDate } from "./display";
