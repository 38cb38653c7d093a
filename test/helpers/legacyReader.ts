/**
 * The ExcelJS-based reader this project used before the streaming reader (src/xlsx/reader),
 * frozen as it was (with the pack option it had gained): the whole workbook loaded with ExcelJS,
 * names through ExcelJS's model, labels through ExcelJS grids. Kept only as the oracle that
 * test/xlsx/reader-equality.test.ts compares the streaming reader with; do not change its
 * behaviour.
 */
import type { Worksheet } from "exceljs";
import { Workbook } from "../../src/xlsx/excelWorkbook";
import { ALL_FIELDS, META_FIELDS, TEMPLATES, fieldsOf } from "../../src/domain/catalogue";
import type { TemplateDef } from "../../src/domain/catalogue/types";
import { makeFinding } from "../../src/domain/findings";
import { LabelLocator, type GridSheet } from "../../src/domain/locate";
import type { CellLocation, Finding, RawCell, RawReturn } from "../../src/domain/model";
import { splitTemplateIds } from "../../src/domain/validate/meta";
import { checkXlsxBytes } from "../../src/xlsx/guard";
import { LOCATE_RULES } from "../../src/xlsx/locate";
import { type NamedRef, cellAt, definedNames, plainValue } from "../../src/xlsx/names";

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

/**
 * Completes a names-based read: fields whose defined names are missing are found by their
 * labels and year headers; named cells that do not sit beside their label and year (rows
 * inserted by a tool that left the names behind) are read where the labels say. Each
 * fallback is reported. Meta missing by name is looked up beside its label. `names` are the
 * workbook's defined names when the caller has them already.
 */
function withLabelFallback(
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

function metaString(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s.length > 0 ? s : undefined;
}

function metaNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

/** Which names are fields, decided from the return's meta cells (its pack). */
interface ReaderCatalogue {
  hasField(id: string): boolean;
  readonly templates: readonly TemplateDef[];
}

interface ReadOptions {
  /** The fields of the pack the meta cells name (default: kl2024's). */
  readonly catalogue?: (meta: RawReturn["meta"]) => ReaderCatalogue;
}

const KL2024: ReaderCatalogue = { hasField: (id) => ALL_FIELDS.has(id), templates: TEMPLATES };

/**
 * Reads a returned workbook: the `meta.*` cells first, then every catalogue field by its
 * defined name (value as stored, number format, sheet and cell); fields whose names are lost
 * or misplaced are then found by their labels and year headers (see ./locate.ts). Never throws
 * on the workbook's content; problems come back as findings.
 */
export function legacyReadFromWorkbook(
  wb: Workbook,
  file?: string,
  options: ReadOptions = {}
): RawReturn {
  const findings: Finding[] = [];
  const names = definedNames(wb);
  const at = (name: string) => {
    const ref = names.get(name);
    if (!ref?.location) return undefined;
    return cellAt(wb, ref.location);
  };
  const fileProp = file !== undefined ? { file } : {};

  const metaValue = (id: string) => plainValue(at(id)?.cell.value);
  const kommune = metaString(metaValue(META_FIELDS.kommune));
  const skabelon = metaString(metaValue(META_FIELDS.skabelon));
  const version = metaNumber(metaValue(META_FIELDS.version));
  const pakke = metaString(metaValue(META_FIELDS.pakke));
  const meta = {
    ...(skabelon !== undefined ? { skabelon } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(kommune !== undefined ? { kommune } : {}),
    ...(pakke !== undefined ? { pakke } : {}),
  };
  const catalogue = options.catalogue?.(meta) ?? KL2024;
  for (const [key, value] of [
    [META_FIELDS.kommune, kommune],
    [META_FIELDS.skabelon, skabelon],
    [META_FIELDS.version, version],
  ] as const) {
    if (value === undefined) {
      findings.push({
        rule: "meta_mangler",
        severity: "advarsel",
        field: key,
        message: `Filen mangler ${key} (navngiven celle på Forside): den er måske ikke lavet fra en Byrdeberegner-skabelon.`,
        ...fileProp,
      });
    }
  }

  const cells: Record<string, RawCell> = {};
  for (const [name, ref] of names) {
    if (!catalogue.hasField(name)) continue;
    if (!ref.location) {
      findings.push({
        rule: "navn_uden_celle",
        severity: "fejl",
        field: name,
        message: `Feltet ${name} peger ikke længere på en celle (${ref.broken}); cellen er måske slettet.`,
        ...fileProp,
      });
      continue;
    }
    const hit = cellAt(wb, ref.location);
    if (!hit) {
      findings.push({
        rule: "navn_uden_celle",
        severity: "fejl",
        field: name,
        location: ref.location,
        message: `Feltet ${name} peger på arket »${ref.location.sheet}«, som ikke findes i filen.`,
        ...fileProp,
      });
      continue;
    }
    const numFmt = hit.cell.numFmt;
    cells[name] = {
      value: plainValue(hit.cell.value),
      ...(numFmt ? { numFmt } : {}),
      location: ref.location,
    };
  }
  if (Object.keys(cells).length === 0) {
    findings.push({
      rule: "ingen_felter",
      severity: "fejl",
      message:
        "Filen har ingen navngivne felter fra skabelonkataloget, så ingen værdier kunne læses via navne.",
      ...fileProp,
    });
  }
  return withLabelFallback(
    wb,
    {
      ...fileProp,
      meta,
      cells,
      locatedBy: "navne",
      findings,
    },
    names,
    catalogue.templates
  );
}

/** Loads the bytes with ExcelJS (after the zip check) and reads them the old way. */
export async function legacyReadReturn(
  bytes: Uint8Array,
  file?: string,
  options: ReadOptions = {}
): Promise<RawReturn> {
  await checkXlsxBytes(bytes);
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  let cells = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      cells += row.cellCount;
    });
    // The old loadWorkbook refused more cells than this after loading.
    if (cells > 300_000) throw new Error("for_mange_celler");
  }
  return legacyReadFromWorkbook(wb, file, options);
}
