/**
 * The first stage of the bounded pre-scan: checks a file's bytes before anything is inflated or
 * parsed: not an .xlsx at all, an old .xls, a password-protected workbook (an OLE/CFB
 * container), a corrupt zip, the same part twice, a declared zip bomb, or a file over the size
 * limits. Each gives one clear Danish error, so one bad file never stops the others. The limits
 * that need the XML (real inflated bytes, cells, names, merges) are applied while reading
 * (./reader).
 */
import { type FileLimits, LIMITS, XlsxRejected, formatBytes } from "./reader/limits";
import { ZipArchive } from "./reader/zip";

export {
  BAD_FILE_RULES,
  type BadFileRule,
  type FileLimits,
  LIMITS,
  XlsxRejected,
  formatBytes,
} from "./reader/limits";

const MB = formatBytes;

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

/**
 * Opens the bytes as a zip after the signature checks; throws XlsxRejected when they cannot
 * safely be an .xlsx workbook. Nothing is inflated yet.
 */
export function openXlsxZip(bytes: Uint8Array, limits: FileLimits = LIMITS): ZipArchive {
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
  const zip = ZipArchive.open(bytes, limits);
  if (!zip.has("xl/workbook.xml")) {
    const kind = zip.has("mimetype")
      ? "en OpenDocument-fil (.ods). Gem den som Excel-projektmappe (.xlsx)"
      : zip.has("word/document.xml")
        ? "et Word-dokument"
        : zip.has("ppt/presentation.xml")
          ? "en PowerPoint-præsentation"
          : "en zip-fil uden en Excel-projektmappe";
    throw new XlsxRejected("ikke_xlsx", `Filen er ${kind}, ikke en Excel-projektmappe (.xlsx).`);
  }
  return zip;
}

/** Throws XlsxRejected when the bytes cannot safely be an .xlsx workbook (see openXlsxZip). */
export async function checkXlsxBytes(
  bytes: Uint8Array,
  limits: FileLimits = LIMITS
): Promise<void> {
  openXlsxZip(bytes, limits);
}
