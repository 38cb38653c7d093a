import { Workbook } from "./excelWorkbook";
import { withQuotePrefix } from "./quotePrefix";
import { prescanForExcelJs } from "./reader/prescan";

/** Bytes of an .xlsx file, as Node (Buffer) or the browser (ArrayBuffer) hands them over. */
export type XlsxBytes = Uint8Array | ArrayBuffer;

function toUint8(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError("Uventet datatype fra ExcelJS");
}

/**
 * Loads an .xlsx file from memory (no file system: works in Node and in the browser). Bad files
 * (not .xlsx, .xls, password-protected, corrupt, zip bomb, over the limits, or claiming areas
 * ExcelJS would materialise) are refused with an `XlsxRejected` carrying one Danish message,
 * before ExcelJS parses them (the whole pre-scan, ./reader/prescan.ts).
 */
export async function loadWorkbook(bytes: XlsxBytes): Promise<Workbook> {
  const wb = new Workbook();
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  prescanForExcelJs(data);
  // ExcelJS's types ask for a Node Buffer; JSZip underneath takes any Uint8Array.
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/**
 * Serialises a workbook to .xlsx bytes, with Excel's quote prefix on text that starts like a
 * formula (./quotePrefix.ts), so it stays text when edited in Excel.
 */
export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  return withQuotePrefix(toUint8(await wb.xlsx.writeBuffer()));
}
