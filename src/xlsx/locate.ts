import type { Workbook, Worksheet } from "exceljs";
import { META_FIELDS, TEMPLATES, fieldsOf } from "../domain/catalogue";
import type { TemplateDef } from "../domain/catalogue/types";
import { makeFinding } from "../domain/findings";
import { LabelLocator, type GridSheet } from "../domain/locate";
import type { CellLocation, Finding, RawCell, RawReturn } from "../domain/model";
import { splitTemplateIds } from "../domain/validate/meta";
import { type NamedRef, cellAt, definedNames, plainValue } from "./names";

/**
 * An ExcelJS worksheet as a grid of plain values. Its size (ExcelJS walks every row for
 * columnCount) and each cell's value are worked out once, when first asked for; the grid is a
 * view for one read, during which the sheet's values do not change.
 */
export function gridOf(ws: Worksheet): GridSheet {
  let rowCount: number | undefined;
  let columnCount: number | undefined;
  const values = new Map<number, unknown>();
  return {
    name: ws.name,
    get rowCount() {
      return (rowCount ??= ws.rowCount);
    },
    get columnCount() {
      return (columnCount ??= ws.columnCount);
    },
    value: (row, col) => {
      // Excel has at most 16384 columns; the key is unique for every cell.
      const key = row * 16384 + col;
      if (values.has(key)) return values.get(key);
      // Inside the sheet's bounds, the row's own cell list; ws.findCell would first build and
      // decode an A1 address for the same lookup (and throws outside Excel's columns).
      const cell =
        Number.isInteger(row) && Number.isInteger(col) && row >= 1 && col >= 1 && col <= 16384
          ? ws.findRow(row)?.findCell(col)
          : ws.findCell(row, col);
      const v = plainValue(cell?.value);
      values.set(key, v);
      return v;
    },
    forEachValue: (fn) =>
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => fn(r, c, plainValue(cell.value)))
      ),
  };
}

function readCell(wb: Workbook, loc: CellLocation): RawCell | undefined {
  const hit = cellAt(wb, loc);
  if (!hit) return undefined;
  const numFmt = hit.cell.numFmt;
  return { value: plainValue(hit.cell.value), ...(numFmt ? { numFmt } : {}), location: loc };
}

export const LOCATE_RULES = {
  laestViaEtiketter: "laest_via_etiketter",
  navneFlyttet: "navne_flyttet",
  metaViaEtiketter: "meta_via_etiketter",
} as const;

/**
 * Completes a names-based read: fields whose defined names are missing are found by their
 * labels and year headers; named cells that do not sit beside their label and year (rows
 * inserted by a tool that left the names behind) are read where the labels say. Each
 * fallback is reported. Meta missing by name is looked up beside its label. `names` are the
 * workbook's defined names when the caller has them already.
 */
export function withLabelFallback(
  wb: Workbook,
  raw: RawReturn,
  names: ReadonlyMap<string, NamedRef> = definedNames(wb),
  templates: readonly TemplateDef[] = TEMPLATES
): RawReturn {
  const locator = new LabelLocator(wb.worksheets.map(gridOf));
  const file = raw.file !== undefined ? { file: raw.file } : {};
  let findings: Finding[] = [...raw.findings];
  const cells: Record<string, RawCell> = { ...raw.cells };
  const meta: { -readonly [K in keyof RawReturn["meta"]]: RawReturn["meta"][K] } = { ...raw.meta };

  // Meta by label only where its defined name is gone (a named but empty cell is just empty).
  const lost = (["kommune", "skabelon", "version", "pakke"] as const).filter(
    (k) => meta[k] === undefined && !names.get(META_FIELDS[k])?.location
  );
  if (lost.length > 0) {
    const found = locator.meta();
    for (const key of lost) {
      if (found[key] === undefined) continue;
      (meta as Record<string, unknown>)[key] = found[key];
      const id = META_FIELDS[key];
      const location = found.locations[id];
      findings = findings.filter((f) => !(f.rule === "meta_mangler" && f.field === id));
      findings.push(
        makeFinding({
          rule: LOCATE_RULES.metaViaEtiketter,
          severity: "info",
          text: `${id} havde intet navn; læst ud for sin etiket.`,
          field: id,
          location,
          original: found[key],
          ...file,
        })
      );
    }
  }

  const known = splitTemplateIds(meta.skabelon)
    .map((id) => templates.find((t) => t.id === id))
    .filter((t) => t !== undefined);
  const chosen = known.length > 0 ? known : locator.detect(templates);
  let viaLabels = false;
  for (const t of chosen) {
    const fields = fieldsOf(t);
    const missing = fields.filter((f) => !cells[f.id]);
    const suspect = fields.filter(
      (f) => cells[f.id]?.location && !locator.agrees(f, cells[f.id].location!)
    );
    if (missing.length === 0 && suspect.length === 0) continue;
    const located = locator.locate(t);
    if (!located) continue;
    let added = 0;
    let moved = 0;
    for (const f of missing) {
      const loc = located.fields.get(f.id);
      const cell = loc && readCell(wb, loc);
      if (cell) {
        cells[f.id] = cell;
        added++;
      }
    }
    for (const f of suspect) {
      const loc = located.fields.get(f.id);
      const old = cells[f.id].location!;
      if (!loc || (loc.sheet === old.sheet && loc.cell === old.cell)) continue;
      const cell = readCell(wb, loc);
      if (cell) {
        cells[f.id] = cell;
        moved++;
      }
    }
    if (added > 0) {
      viaLabels = true;
      findings.push(
        makeFinding({
          rule: LOCATE_RULES.laestViaEtiketter,
          severity: "advarsel",
          text: `${added} af ${t.shortName}s ${fields.length} felter havde intet navn i projektmappen og er fundet på arket »${located.sheet}« ud fra etiketter og årstal. Tjek, at tallene står ud for de rigtige etiketter og år.`,
          ...file,
        })
      );
    }
    if (moved > 0) {
      viaLabels = true;
      findings.push(
        makeFinding({
          rule: LOCATE_RULES.navneFlyttet,
          severity: "advarsel",
          text: `${moved} navngivne felter i ${t.shortName} pegede ikke på cellen ud for deres etiket og årstal (er der indsat eller flyttet rækker?); værdierne er læst ud for etiketterne på »${located.sheet}«.`,
          ...file,
        })
      );
    }
  }
  if (viaLabels && Object.keys(cells).some((k) => !k.startsWith("meta."))) {
    findings = findings.filter((f) => f.rule !== "ingen_felter");
  }
  return { ...raw, meta, cells, locatedBy: viaLabels ? "etiketter" : raw.locatedBy, findings };
}
