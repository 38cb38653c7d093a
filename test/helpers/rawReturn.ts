/**
 * Builds RawReturns for domain tests without a workbook. Cells get a simple, predictable
 * location (not the real layout, which src/domain/layout owns): on "<shortName> Data", each
 * block takes a year-header row followed by one row per catalogue row and a blank row; years
 * run from column C. UKN: hovedsager rows 2–8, genindbringelse 11–17, volumen 19–22
 * (sager_i_alt 20, hovedsager 21, genindbringelsessager 22); 2019 = C … 2023 = G.
 */
import {
  CATALOGUE_VERSION,
  fieldId,
  textFieldId,
  type TemplateDef,
} from "../../src/domain/catalogue";
import { columnLetter } from "../../src/domain/layout/a1";
import type { CellLocation, RawCell, RawReturn } from "../../src/domain/model";

export function synthLocations(t: TemplateDef): Map<string, CellLocation> {
  const sheet = `${t.shortName} Data`;
  const out = new Map<string, CellLocation>();
  let row = 1;
  for (const b of t.blocks) {
    if (b.type !== "tabel") continue;
    const years = b.columns.map((c) => String(c.key));
    for (const r of b.rows) {
      row++;
      for (const y of r.columns ?? b.columns.map((c) => c.key)) {
        out.set(fieldId(t.id, b.id, r.id, y), {
          sheet,
          cell: `${columnLetter(3 + years.indexOf(String(y)))}${row}`,
        });
      }
    }
    row += 2;
  }
  for (const tx of t.texts) out.set(textFieldId(t.id, tx.id), { sheet, cell: `C${row++}` });
  return out;
}

export interface RawOptions {
  readonly kommune?: string;
  readonly skabelon?: string;
  readonly version?: number;
  readonly file?: string;
  /** Number formats by field id. */
  readonly numFmt?: Readonly<Record<string, string>>;
  /** Leave every other catalogue field out of the workbook (default: present and empty). */
  readonly onlyGiven?: boolean;
}

/** A return for the given templates with the given cell values (by field id); other fields empty. */
export function rawReturn(
  templates: readonly TemplateDef[],
  values: Readonly<Record<string, unknown>>,
  o: RawOptions = {}
): RawReturn {
  const cells: Record<string, RawCell> = {};
  for (const t of templates) {
    for (const [id, location] of synthLocations(t)) {
      if (o.onlyGiven && !(id in values)) continue;
      cells[id] = {
        value: id in values ? values[id] : null,
        location,
        ...(o.numFmt?.[id] ? { numFmt: o.numFmt[id] } : {}),
      };
    }
  }
  for (const id of Object.keys(values)) if (!cells[id]) cells[id] = { value: values[id] };
  return {
    ...(o.file ? { file: o.file } : {}),
    meta: {
      kommune: "kommune" in o ? o.kommune : "Aarhus",
      skabelon: "skabelon" in o ? o.skabelon : templates.map((t) => t.id).join(","),
      version: "version" in o ? o.version : CATALOGUE_VERSION,
    },
    cells,
    locatedBy: "navne",
    findings: [],
  };
}
