/**
 * One workbook for many respondents: rendered once and specialised per respondent.
 *
 * The fill-in workbooks of one set of templates differ only in the respondent's name and the
 * cells that show it (the front page, each Data sheet's "Anfør kommunenavn", the document
 * title). `forRespondents(build)` renders `build(placeholder)` once with the ordinary writer,
 * splits every zip part at the placeholder and deflates the pieces in between once. A
 * respondent's file is then those pieces with the name deflated between them.
 * Separate raw DEFLATE streams may be concatenated when each but the last ends with a sync
 * flush (zlib's Z_SYNC_FLUSH: an empty stored block that byte-aligns the stream), and fflate's
 * `Zip` takes the pieces as one entry. So a respondent costs the CRC of the parts that hold the
 * name and a few tiny deflates, not a rendering.
 * test/xlsx/respondents.test.ts compares the result with `renderWorkbook(build(name))` part by
 * part and cell by cell.
 *
 * Node only: fflate's own sync flush misplaces the stored block at some bit positions (fflate
 * issue 267), so the pieces are deflated with Node's zlib.
 */
import { Zip, ZipPassThrough, strToU8, unzipSync, type ZipInputFile } from "fflate";
import * as zlib from "zlib";
import type { WorkbookPlan } from "../../domain/layout/types";
import { isFormulaLike } from "../../domain/safeText";
import { renderWorkbook } from "../render";

/**
 * Stands in for the respondent's name while the workbook is rendered: private-use characters
 * that no catalogue text holds and that XML writes as they are.
 */
export const RESPONDENT_PLACEHOLDER = "\uE000svarperson\uE000";
const PLACEHOLDER_BYTES = strToU8(RESPONDENT_PLACEHOLDER);
const LEVEL = 6;

type Bytes = Uint8Array<ArrayBuffer>;

/** A deflated piece of a zip entry: its uncompressed bytes (for the CRC) and its deflate stream. */
interface Piece {
  readonly raw: Uint8Array;
  readonly deflated: Bytes;
}

type Entry =
  | { readonly name: string; readonly whole: Piece; readonly crc: number }
  | { readonly name: string; readonly pieces: readonly Piece[] };

/** Deflates `raw` as a raw stream that another may follow (sync flush) or as the last one. */
function deflatePiece(raw: Uint8Array, last: boolean): Bytes {
  const out = zlib.deflateRawSync(raw, {
    level: LEVEL,
    ...(last ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Bytes;
}

function concat(chunks: readonly Bytes[]): Bytes {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `data` split at every occurrence of `sep`. */
function splitBytes(data: Uint8Array, sep: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (let i = data.indexOf(sep[0]); i !== -1 && i <= data.length - sep.length;) {
    let j = 1;
    while (j < sep.length && data[i + j] === sep[j]) j++;
    if (j === sep.length) {
      out.push(data.subarray(from, i));
      from = i + sep.length;
      i = data.indexOf(sep[0], from);
    } else {
      i = data.indexOf(sep[0], i + 1);
    }
  }
  out.push(data.subarray(from));
  return out;
}

/**
 * CRC-32 of the concatenation of `chunks`: Node's zlib.crc32 (Node 20.15 and later, native and
 * chainable), else fflate's, through its pass-through zip entry.
 */
function crcOf(chunks: readonly Uint8Array[]): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (native) return chunks.reduce((crc, c) => native(c, crc), 0);
  const e = new ZipPassThrough("");
  e.ondata = () => undefined;
  chunks.forEach((c, i) => e.push(c, i === chunks.length - 1));
  return e.crc;
}

/**
 * A name the byte substitution writes exactly as ExcelJS would, because every place it appears
 * in writes it as it is: no character that XML escapes or that a formula string or a
 * header/footer code would write differently (& < > " '), no surrounding spaces (XML would need
 * xml:space="preserve"), no control characters. Any other name is rendered in full.
 */
function substitutable(name: string): boolean {
  return (
    name === name.trim() &&
    name.length > 0 &&
    // eslint-disable-next-line no-control-regex
    !/[&<>"'\u0000-\u001f\uE000]/.test(name) &&
    // A name that starts like a formula needs the quote prefix on its cells' formats.
    !isFormulaLike(name)
  );
}

/** Renders `build(placeholder)` once; the returned function gives each respondent's file. */
export async function forRespondents(
  build: (respondent: string) => WorkbookPlan
): Promise<(respondent: string) => Promise<Uint8Array>> {
  // Our own output, just written: no need for the bounded reader.
  const parts = unzipSync(await renderWorkbook(build(RESPONDENT_PLACEHOLDER)));
  const entries: Entry[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (name.endsWith("/")) continue; // folder entries: no reader needs them
    const raws = splitBytes(data, PLACEHOLDER_BYTES);
    if (raws.length === 1) {
      entries.push({
        name,
        whole: { raw: data, deflated: deflatePiece(data, true) },
        crc: crcOf([data]),
      });
    } else {
      entries.push({
        name,
        pieces: raws.map((raw, i) => ({ raw, deflated: deflatePiece(raw, i === raws.length - 1) })),
      });
    }
  }

  return async (respondent: string) => {
    if (!substitutable(respondent)) return renderWorkbook(build(respondent));
    const nameRaw = strToU8(respondent);
    const nameDeflated = deflatePiece(nameRaw, false);
    const chunks: Bytes[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else chunks.push(chunk);
    });
    for (const e of entries) {
      let file: ZipInputFile;
      let deflated: Bytes[];
      if ("whole" in e) {
        // A part without the name: size, CRC and deflate stream were all worked out once.
        file = { filename: e.name, size: e.whole.raw.length, crc: e.crc, compression: 8 };
        deflated = [e.whole.deflated];
      } else {
        const raw: Uint8Array[] = [];
        deflated = [];
        e.pieces.forEach((p, i) => {
          if (i > 0) {
            raw.push(nameRaw);
            deflated.push(nameDeflated);
          }
          raw.push(p.raw);
          deflated.push(p.deflated);
        });
        const size = raw.reduce((n, r) => n + r.length, 0);
        file = { filename: e.name, size, crc: crcOf(raw), compression: 8 };
      }
      zip.add(file);
      deflated.forEach((d, i) => file.ondata!(null, d, i === deflated.length - 1));
    }
    zip.end();
    if (failure) throw failure;
    return concat(chunks);
  };
}
