import type { Cell, Workbook, Worksheet } from "exceljs";
import type { CellLocation } from "../domain/model";
import { type NamedRef, parseRef } from "./reader/package";

export { type NamedRef, parseRef };

interface MatrixCell {
  readonly sheetName?: string;
  readonly address: string;
}

interface DefinedNamesInternals {
  matrixMap?: Record<
    string,
    { sheets: Record<string, Array<Array<MatrixCell | undefined> | undefined>> }
  >;
  getRanges?(name: string, matrix: unknown): { name: string; ranges: string[] };
}

/** The matrix's only cell, or undefined when it holds none or several. */
function singleCell(matrix: {
  sheets: Record<string, Array<Array<MatrixCell | undefined> | undefined>>;
}): MatrixCell | undefined | "many" {
  let found: MatrixCell | undefined;
  let many = false;
  // Sparse arrays (index = row / column number): some() skips the holes.
  for (const sheet of Object.values(matrix.sheets)) {
    many = sheet.some((row) =>
      (row ?? []).some((cell) => {
        if (!cell) return false;
        if (found) return true;
        found = cell;
        return false;
      })
    );
    if (many) return "many";
  }
  return found;
}

/**
 * The first range of each defined name, as ExcelJS's `definedNames.model` gives it, in the same
 * order. That getter explores every name's cell matrix (mark and sweep) on each call; a name
 * that covers one cell (every template field) is serialised here directly, as ExcelJS would
 * (`Range.$shortRange`), and only names over several cells go through ExcelJS.
 */
function firstRanges(wb: Workbook): Array<{ name: string; first: string }> {
  const dn = wb.definedNames as unknown as DefinedNamesInternals;
  if (!dn.matrixMap || typeof dn.getRanges !== "function") {
    const model = wb.definedNames.model as unknown as Array<{ name: string; ranges: string[] }>;
    return model.map(({ name, ranges }) => ({ name, first: ranges[0] ?? "" }));
  }
  const out: Array<{ name: string; first: string }> = [];
  for (const name of Object.keys(dn.matrixMap)) {
    const matrix = dn.matrixMap[name];
    const one = singleCell(matrix);
    if (one === undefined) continue; // ExcelJS's model leaves out names without cells
    if (one !== "many") {
      const sheet = one.sheetName
        ? /^[a-zA-Z0-9]*$/.test(one.sheetName)
          ? `${one.sheetName}!`
          : `'${one.sheetName}'!`
        : "";
      const m = /^([A-Z]+)(\d+)$/.exec(one.address);
      if (m) {
        out.push({ name, first: `${sheet}$${m[1]}$${m[2]}` });
        continue;
      }
    }
    const { ranges } = dn.getRanges(name, matrix);
    if (ranges.length > 0) out.push({ name, first: ranges[0] });
  }
  return out;
}

/** Every defined name of the workbook with the cell it points at, by name (lower case). */
export function definedNames(wb: Workbook): Map<string, NamedRef> {
  const out = new Map<string, NamedRef>();
  for (const { name, first } of firstRanges(wb)) {
    const key = name.toLowerCase();
    const location = parseRef(first);
    out.set(key, location ? { name: key, location } : { name: key, broken: first || "(tom)" });
  }
  return out;
}

/** The cell a location points at, or undefined when the sheet is gone. */
export function cellAt(wb: Workbook, loc: CellLocation): { ws: Worksheet; cell: Cell } | undefined {
  const ws = wb.getWorksheet(loc.sheet);
  if (!ws) return undefined;
  return { ws, cell: ws.getCell(loc.cell) };
}

/** A cell's value as plain data: rich text joined, formulas as their cached result, errors as their code. */
export function plainValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return (o.richText as Array<{ text: string }>).map((r) => r.text).join("");
  if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
  if ("error" in o) return String(o.error);
  if ("text" in o) return plainValue(o.text);
  return null;
}
