import type { Workbook } from "exceljs";
import { ALL_FIELDS, META_FIELDS, TEMPLATES } from "../domain/catalogue";
import type { TemplateDef } from "../domain/catalogue/types";
import type { Finding, RawCell, RawReturn } from "../domain/model";
import { type XlsxBytes, loadWorkbook } from "./bytes";
import { XlsxRejected } from "./guard";
import { withLabelFallback } from "./locate";
import { cellAt, definedNames, plainValue } from "./names";

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
export interface ReaderCatalogue {
  hasField(id: string): boolean;
  readonly templates: readonly TemplateDef[];
}

export interface ReadOptions {
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
export function readReturnFromWorkbook(
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

/** Reads a returned workbook from its bytes (Node and browser). */
export async function readReturn(
  bytes: XlsxBytes,
  file?: string,
  options: ReadOptions = {}
): Promise<RawReturn> {
  let wb: Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    return {
      ...(file !== undefined ? { file } : {}),
      meta: {},
      cells: {},
      locatedBy: "navne",
      findings: [
        {
          ...(e instanceof XlsxRejected
            ? { rule: e.rule, message: e.message }
            : {
                rule: "ulaeselig_fil",
                message: `Filen kan ikke læses som .xlsx: ${(e as Error).message}`,
              }),
          severity: "fejl",
          ...(file !== undefined ? { file } : {}),
        },
      ],
    };
  }
  return readReturnFromWorkbook(wb, file, options);
}
