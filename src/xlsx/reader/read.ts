/**
 * The targeted reader: a returned workbook's `meta.*` cells and fields, read by streaming only
 * the parts they need (workbook, relationships, cell formats, shared strings and the sheets the
 * names point at; every sheet only when the label fallback must search them). The result is the
 * RawReturn ExcelJS-based reading gave (values as `plainValue`, number format, location, meta,
 * findings), plus reading-level findings: merged input cells, formulas without a stored result
 * and active content. Never throws on a file's content.
 */
import { ALL_FIELDS, META_FIELDS, TEMPLATES } from "../../domain/catalogue";
import type { TemplateDef } from "../../domain/catalogue/types";
import { makeFinding } from "../../domain/findings";
import { a1 } from "../../domain/layout/a1";
import type { GridSheet } from "../../domain/locate";
import type { CellLocation, Finding, RawCell, RawReturn } from "../../domain/model";
import { openXlsxZip } from "../guard";
import { type CellSource, withLabelFallback } from "../locate";
import { type FileLimits, LIMITS, XlsxRejected } from "./limits";
import { WorkbookPackage } from "./package";
import { MAX_COL, MAX_ROW, type SheetData, decodeCell } from "./sheet";
import { activeContentFindings } from "./active";

/** Which defined names are fields, and the templates the label fallback may look for. */
export interface ReaderCatalogue {
  hasField(id: string): boolean;
  readonly templates: readonly TemplateDef[];
}

export interface ReadOptions {
  /**
   * Called with the meta cells once they are read (`meta.pakke` names the survey pack); says
   * which defined names are fields. Defaults to the product's catalogue.
   */
  readonly catalogue?: (meta: RawReturn["meta"]) => ReaderCatalogue;
  readonly limits?: FileLimits;
}

/** Today's catalogue: every field of every template. */
export const DEFAULT_CATALOGUE: ReaderCatalogue = {
  hasField: (id) => ALL_FIELDS.has(id),
  templates: TEMPLATES,
};

/** Rule ids the reader adds to what it reads (see the rules table in docs/validering.md). */
export const READER_RULES = {
  flettedeCeller: "flettede_celler",
  formelUdenResultat: "formel_uden_resultat",
  aktivtIndhold: "aktivt_indhold",
} as const;

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

/** A parsed sheet as a grid of plain values, for the label fallback. */
export function gridOfSheet(pkg: WorkbookPackage, name: string): GridSheet {
  let data: SheetData | null | undefined;
  const sheet = () => (data === undefined ? (data = pkg.sheet(name) ?? null) : data);
  return {
    name,
    get rowCount() {
      return sheet()?.rowCount ?? 0;
    },
    get columnCount() {
      return sheet()?.columnCount ?? 0;
    },
    value: (row, col) => {
      if (!Number.isInteger(row) || !Number.isInteger(col)) return null;
      if (row < 1 || col < 1 || row > MAX_ROW || col > MAX_COL) return null;
      const v = sheet()?.cell(row, col)?.value;
      return v === undefined ? null : v;
    },
    forEachValue: (fn) => {
      const s = sheet();
      if (!s) return;
      // Reading order: by row, then column (the map holds them in file order).
      const keys = [...s.cells.keys()].sort((a, b) => a - b);
      for (const key of keys) {
        const v = s.cells.get(key)!.value;
        if (v === null) continue;
        fn(Math.floor((key - 1) / MAX_COL) + 1, ((key - 1) % MAX_COL) + 1, v);
      }
    },
  };
}

function refused(file: string | undefined, rule: string, message: string): RawReturn {
  const fileProp = file !== undefined ? { file } : {};
  return {
    ...fileProp,
    meta: {},
    cells: {},
    locatedBy: "navne",
    findings: [{ rule, severity: "fejl", message, ...fileProp }],
  };
}

/** Reads a returned workbook from its bytes, synchronously (see readReturn in ../read.ts). */
export function readReturnSync(
  bytes: Uint8Array,
  file?: string,
  options: ReadOptions = {}
): RawReturn {
  try {
    const limits = options.limits ?? LIMITS;
    const pkg = new WorkbookPackage(openXlsxZip(bytes, limits), limits);
    return readPackage(pkg, file, options);
  } catch (e) {
    if (e instanceof XlsxRejected) return refused(file, e.rule, e.message);
    return refused(
      file,
      "ulaeselig_fil",
      "Filen kan ikke læses som .xlsx: den har en opbygning, læseren ikke kender. Gem den igen fra Excel, og send den på ny."
    );
  }
}

function readPackage(
  pkg: WorkbookPackage,
  file: string | undefined,
  options: ReadOptions
): RawReturn {
  const findings: Finding[] = [];
  const fileProp = file !== undefined ? { file } : {};
  const names = pkg.names();

  const cellAt = (loc: CellLocation): RawCell | undefined => {
    const entry = pkg.sheetEntry(loc.sheet);
    if (!entry) return undefined;
    const location = entry.name === loc.sheet ? loc : { sheet: entry.name, cell: loc.cell };
    const data = pkg.sheet(entry.name);
    const at = decodeCell(loc.cell);
    const c = data && at ? data.cell(at.row, at.col) : undefined;
    const numFmt = c ? pkg.numFmt(c.style) : undefined;
    return { value: c ? c.value : null, ...(numFmt ? { numFmt } : {}), location };
  };

  const metaValue = (id: string) => {
    const loc = names.get(id)?.location;
    return loc ? cellAt(loc)?.value : undefined;
  };
  const kommune = metaString(metaValue(META_FIELDS.kommune));
  const skabelon = metaString(metaValue(META_FIELDS.skabelon));
  const version = metaNumber(metaValue(META_FIELDS.version));
  const pakke = metaString(metaValue(META_FIELDS.pakke));
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
  const meta: RawReturn["meta"] = {
    ...(skabelon !== undefined ? { skabelon } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(kommune !== undefined ? { kommune } : {}),
    ...(pakke !== undefined ? { pakke } : {}),
  };
  const catalogue = options.catalogue?.(meta) ?? DEFAULT_CATALOGUE;

  const cells: Record<string, RawCell> = {};
  for (const [name, ref] of names) {
    if (name.startsWith("meta.") || !catalogue.hasField(name)) continue;
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
    const cell = cellAt(ref.location);
    if (!cell) {
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
    cells[name] = cell;
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
  const source: CellSource = {
    grids: pkg.sheets.map((s) => gridOfSheet(pkg, s.name)),
    cell: cellAt,
  };
  const read = withLabelFallback(
    source,
    { ...fileProp, meta, cells, locatedBy: "navne", findings },
    names,
    catalogue.templates
  );
  const checked = checkCells(pkg, read.cells, file);
  return {
    ...read,
    cells: checked.cells,
    findings: [...read.findings, ...checked.findings, ...activeContentFindings(pkg, file)],
  };
}

/**
 * Merged areas over the cells read, and formulas without a stored result. A merged area is a
 * finding when it covers two or more of the cells read, or one that is not its top-left cell
 * (a template's own comment box covers one input, its top-left). Only the top-left cell of a
 * merged area has a value in Excel, so the other cells are read as empty, whatever a tool may
 * have left in them.
 */
function checkCells(
  pkg: WorkbookPackage,
  read: Readonly<Record<string, RawCell>>,
  file: string | undefined
): { cells: Record<string, RawCell>; findings: Finding[] } {
  const cells: Record<string, RawCell> = { ...read };
  const findings: Finding[] = [];
  const fileProp = file !== undefined ? { file } : {};
  const bySheet = new Map<
    string,
    Array<{ id: string; row: number; col: number; loc: CellLocation }>
  >();
  for (const [id, c] of Object.entries(cells)) {
    if (!c.location) continue;
    const at = decodeCell(c.location.cell);
    if (!at) continue;
    const list = bySheet.get(c.location.sheet) ?? [];
    list.push({ id, ...at, loc: c.location });
    bySheet.set(c.location.sheet, list);
  }
  for (const [sheetName, list] of bySheet) {
    const sheet = pkg.sheet(sheetName);
    if (!sheet) continue;
    list.sort((a, b) => a.row - b.row || a.col - b.col);
    for (const m of sheet.merges) {
      const inside = list.filter(
        (f) => f.row >= m.top && f.row <= m.bottom && f.col >= m.left && f.col <= m.right
      );
      if (inside.length === 0) continue;
      const topLeft = inside.find((f) => f.row === m.top && f.col === m.left);
      if (inside.length === 1 && topLeft) continue;
      const others = inside.filter((f) => f !== topLeft);
      for (const f of others) cells[f.id] = { ...cells[f.id], value: null };
      const emptied = others.map((f) => f.loc.cell);
      const shown = emptied.slice(0, 6).join(", ") + (emptied.length > 6 ? ", …" : "");
      const one = emptied.length === 1;
      findings.push(
        makeFinding({
          rule: READER_RULES.flettedeCeller,
          severity: "advarsel",
          text: `cellerne ${m.ref} er flettet, så kun den øverste venstre celle har en værdi${topLeft ? ` (læst for ${topLeft.id})` : ""}; ${one ? "feltet i" : `de ${emptied.length} felter i`} ${shown} læses som ${one ? "tomt" : "tomme"}. Ophæv fletningen, og skriv hvert tal i sin egen celle.`,
          field: (topLeft ?? others[0]).id,
          location: { sheet: sheet.name, cell: a1(m.top, m.left) },
          ...fileProp,
        })
      );
    }
    for (const f of list) {
      if (!sheet.cell(f.row, f.col)?.noCache) continue;
      findings.push(
        makeFinding({
          rule: READER_RULES.formelUdenResultat,
          severity: "fejl",
          text: "cellen indeholder en formel uden gemt resultat, så værdien kendes ikke og læses som tom. Åbn filen i Excel, lad den regne, gem, og send den igen (eller skriv tallet i stedet for formlen).",
          field: f.id,
          location: f.loc,
          ...fileProp,
        })
      );
    }
  }
  return { cells, findings };
}
