/**
 * Checks a file's bytes before ExcelJS sees them: not an .xlsx at all, an old .xls, a
 * password-protected workbook (an OLE/CFB container), a corrupt zip, a zip bomb (declared
 * uncompressed sizes), or a file over the size or cell-count limits. Each gives one clear
 * Danish error, so one bad file never stops the others.
 */
import JSZip from "jszip";
import type { Workbook } from "exceljs";

/** Limits a returned file must stay within. */
export interface FileLimits {
  readonly maxFileBytes: number;
  readonly maxUncompressedBytes: number;
  readonly maxRatio: number;
  readonly maxEntries: number;
  readonly maxSheetXmlBytes: number;
  readonly maxCells: number;
}

export const LIMITS: FileLimits = {
  /** A filled template is ~100 KB; 20 MB is far beyond any real return. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Sum of the zip's declared uncompressed sizes. */
  maxUncompressedBytes: 150 * 1024 * 1024,
  /** Declared uncompressed ÷ compressed for one entry larger than 1 MB. */
  maxRatio: 200,
  maxEntries: 2000,
  /** One worksheet's XML (a proxy for its cell count, checked before loading). */
  maxSheetXmlBytes: 60 * 1024 * 1024,
  /** Cells with content or formatting across all sheets, checked after loading. */
  maxCells: 300_000,
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

const MB = (n: number) =>
  `${(n / 1024 / 1024).toLocaleString("da-DK", { maximumFractionDigits: 1 })} MB`;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pat = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

function describeNonZip(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
  if (head.startsWith("%pdf")) return "en PDF-fil";
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "en HTML-side";
  if (head.startsWith("<?xml")) return "en XML-fil (måske gemt som »XML-regneark 2003«)";
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "en RTF-fil";
  const printable = [...bytes.subarray(0, 64)].every(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b !== 0x7f)
  );
  if (printable) return "en tekstfil (fx CSV)";
  return "ikke en Excel-fil";
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface ZipEntryData {
  readonly compressedSize?: number;
  readonly uncompressedSize?: number;
}

/** Throws XlsxRejected when the bytes cannot safely be an .xlsx workbook. */
export async function checkXlsxBytes(
  bytes: Uint8Array,
  limits: FileLimits = LIMITS
): Promise<void> {
  if (bytes.length === 0) throw new XlsxRejected("tom_fil", "Filen er tom (0 byte).");
  if (bytes.length > limits.maxFileBytes)
    throw new XlsxRejected(
      "fil_for_stor",
      `Filen er ${MB(bytes.length)}; højst ${MB(limits.maxFileBytes)} læses. En udfyldt skabelon fylder normalt under 1 MB.`
    );
  if (startsWith(bytes, CFB)) {
    if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo"))
      throw new XlsxRejected(
        "fil_krypteret",
        "Filen er beskyttet med adgangskode (krypteret) og kan ikke læses. Fjern adgangskoden i Excel (Filer › Oplysninger › Beskyt projektmappe), gem, og send filen igen."
      );
    throw new XlsxRejected(
      "fil_xls",
      "Filen er i det gamle Excel-format (.xls). Åbn den i Excel, vælg Gem som › Excel-projektmappe (.xlsx), og send den igen."
    );
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    throw new XlsxRejected(
      "ikke_xlsx",
      `Filen er ${describeNonZip(bytes)}, ikke en Excel-projektmappe (.xlsx).`
    );

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new XlsxRejected(
      "fil_beskadiget",
      `Filen er beskadiget og kan ikke åbnes som .xlsx (${(e as Error).message}). Gem den igen fra Excel, og send den på ny.`
    );
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > limits.maxEntries)
    throw new XlsxRejected(
      "zipbombe",
      `Filen indeholder ${entries.length} dele; en .xlsx har normalt under 100. Filen læses ikke.`
    );
  let total = 0;
  for (const f of entries) {
    const d = (f as unknown as { _data?: ZipEntryData })._data ?? {};
    const un = d.uncompressedSize ?? 0;
    const co = d.compressedSize ?? 0;
    total += un;
    if (un > 1024 * 1024 && co > 0 && un / co > limits.maxRatio)
      throw new XlsxRejected(
        "zipbombe",
        `Filen pakkes ud til langt mere, end den fylder (${f.name}: ${MB(un)} fra ${MB(co)}); den ligner en »zip-bombe« og læses ikke.`
      );
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(f.name) && un > limits.maxSheetXmlBytes)
      throw new XlsxRejected(
        "for_mange_celler",
        `Arket ${f.name} er ${MB(un)} udpakket; højst ${MB(limits.maxSheetXmlBytes)} pr. ark læses. En udfyldt skabelon har kun få hundrede celler.`
      );
  }
  if (total > limits.maxUncompressedBytes)
    throw new XlsxRejected(
      "zipbombe",
      `Filen pakkes ud til ${MB(total)}; højst ${MB(limits.maxUncompressedBytes)} læses. Den ligner en »zip-bombe« og læses ikke.`
    );
  if (!zip.file("xl/workbook.xml")) {
    const mimetype = zip.file("mimetype");
    const kind = mimetype
      ? "en OpenDocument-fil (.ods). Gem den som Excel-projektmappe (.xlsx)"
      : zip.file("word/document.xml")
        ? "et Word-dokument"
        : zip.file("ppt/presentation.xml")
          ? "en PowerPoint-præsentation"
          : "en zip-fil uden en Excel-projektmappe";
    throw new XlsxRejected("ikke_xlsx", `Filen er ${kind}, ikke en Excel-projektmappe (.xlsx).`);
  }
}

/** After loading: refuses a workbook with more cells than any return can have. */
export function checkCellCount(wb: Workbook, limits: FileLimits = LIMITS): void {
  let cells = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      cells += row.cellCount;
    });
    if (cells > limits.maxCells)
      throw new XlsxRejected(
        "for_mange_celler",
        `Projektmappen har over ${limits.maxCells.toLocaleString("da-DK")} celler; en udfyldt skabelon har kun få hundrede. Filen læses ikke.`
      );
  }
}
