/**
 * Formula injection: text read from returns (comments, municipality names) must never come
 * back as a formula when written into a workbook. A text starting with =, +, -, @ (or a tab or
 * carriage return, which some spreadsheets skip before such a sign) would be taken as a formula
 * by office-js (`range.values = [["=…"]]`) and by anyone re-typing or pasting it; ExcelJS
 * writes any JS string as text. Every writer passes its values through one of these helpers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet could take this text for a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

export type CellScalar = string | number | boolean | null;

/**
 * A value for office-js `range.values`: formula-like text gets Excel's quote prefix ('), which
 * makes Excel store the text as it is (the apostrophe is not part of the value). Numbers,
 * booleans and null pass unchanged; anything else becomes its text.
 */
export function officeJsCellValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : String(value);
  return isFormulaLike(text) ? `'${text}` : text;
}

/** `officeJsCellValue` over a 2-D block, the shape `range.values` takes. */
export function officeJsValues(
  rows: readonly (readonly unknown[])[]
): (string | number | boolean)[][] {
  return rows.map((r) => r.map(officeJsCellValue));
}

/**
 * A value for ExcelJS `cell.value` from data (never from a layout's own formulas): strings stay
 * plain strings, which ExcelJS stores as text; objects (which ExcelJS could write as a formula,
 * e.g. `{ formula }` or `{ sharedFormula }`) are refused and written as their text.
 */
export function excelJsCellValue(value: unknown): CellScalar | Date {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
