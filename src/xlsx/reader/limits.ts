/** The reader's limits and the refusal a file gets when it passes one (Danish, complete). */
import { formatDanishNumber } from "../../domain/parse/number";

/** Limits a returned file must stay within. */
export interface FileLimits {
  readonly maxFileBytes: number;
  readonly maxUncompressedBytes: number;
  readonly maxRatio: number;
  readonly maxEntries: number;
  readonly maxSheetXmlBytes: number;
  readonly maxCells: number;
  readonly maxSheets: number;
  readonly maxDefinedNames: number;
  readonly maxMerges: number;
  readonly maxDataValidations: number;
  readonly maxSharedStrings: number;
}

export const LIMITS: FileLimits = {
  /** A filled template is ~100 KB; 20 MB is far beyond any real return. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Bytes inflated in all (declared, and counted for real while inflating). */
  maxUncompressedBytes: 150 * 1024 * 1024,
  /** Uncompressed ÷ compressed for one part larger than 1 MB. */
  maxRatio: 200,
  maxEntries: 2000,
  /** One worksheet's XML (a proxy for its cell count), and any one part, checked while inflating. */
  maxSheetXmlBytes: 60 * 1024 * 1024,
  /** Cells (with content or formatting) in the sheets read. */
  maxCells: 300_000,
  /** A full template has 31 sheets. */
  maxSheets: 1000,
  /** A full template has about 1 600 names; left-overs from copying are read, linearly. */
  maxDefinedNames: 500_000,
  /** Merged areas per sheet read (a template has a few dozen). */
  maxMerges: 50_000,
  /** Data-validation entries per sheet (a template has a few dozen). */
  maxDataValidations: 50_000,
  /** Shared strings (a full template has about 400). */
  maxSharedStrings: 1_000_000,
};

/** Rule ids of refused files. */
export const BAD_FILE_RULES = [
  "tom_fil",
  "fil_for_stor",
  "fil_krypteret",
  "fil_xls",
  "ikke_xlsx",
  "fil_beskadiget",
  "zipbombe",
  "for_mange_celler",
  "dobbelt_del",
  "xml_doctype",
  "over_graense",
  "laesning_afbrudt",
] as const;

export type BadFileRule = (typeof BAD_FILE_RULES)[number];

/** Why a file was refused; `message` is Danish and complete. */
export class XlsxRejected extends Error {
  constructor(
    readonly rule: BadFileRule,
    message: string
  ) {
    super(message);
    this.name = "XlsxRejected";
  }
}

/** Bytes in Danish, in MB ("20 MB", "1,5 MB"), or in KB under 1 MB ("17 KB"). */
export const formatBytes = (n: number) =>
  n < 1024 * 1024
    ? `${formatDanishNumber(Math.max(1, Math.round(n / 1024)))} KB`
    : `${formatDanishNumber(Math.round(n / 1024 / 102.4) / 10)} MB`;
