/**
 * The zip container of an .xlsx, read with limits. The central directory is walked directly
 * (fflate exposes no entry offsets); a small part is inflated in one step, bounded by its
 * declared size (./inflateRaw.ts), any other with fflate's streaming `Inflate`, a small
 * compressed chunk at a time, counting the bytes that really come out, so a part that
 * lies about its size, or a zip bomb, is stopped at the limit instead of filling memory.
 * Duplicate part names (one sheet twice) are refused: which copy counts would be a guess.
 */
import { Inflate } from "fflate";
import { ONE_STEP_COMPRESSED, inflateRawBounded } from "./inflateRaw";
import { type FileLimits, XlsxRejected, formatBytes } from "./limits";
import { formatDanishNumber } from "../../domain/parse/number";

export interface ZipEntry {
  /** The part name as stored (e.g. "xl/worksheets/sheet1.xml"). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** As the zip declares it; the real size is only known after inflating. */
  readonly declaredSize: number;
  readonly localHeaderOffset: number;
}

/** Part names compare as OPC does: case-insensitive, without a leading slash. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Compressed bytes fed to the inflater at a time: at most ~1000× as much comes out per step. */
const CHUNK = 16 * 1024;
/** Parts declared larger than this are inflated streaming, so no part is held whole. */
const ONE_STEP_BYTES = 4 * 1024 * 1024;

function corrupt(detail: string): XlsxRejected {
  return new XlsxRejected(
    "fil_beskadiget",
    `Filen er beskadiget og kan ikke åbnes som .xlsx (${detail}). Gem den igen fra Excel, og send den på ny.`
  );
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** A zip archive's directory, with bounded inflation of its parts. */
export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly limits: FileLimits
  ) {
    for (const e of entries) this.byKey.set(partKey(e.name), e);
  }

  /**
   * Reads the central directory. Refuses a corrupt directory, too many entries, the same part
   * name twice, and (from the declared sizes, before anything is inflated) a declared zip bomb.
   */
  static open(bytes: Uint8Array, limits: FileLimits): ZipArchive {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const u32 = (at: number) => view.getUint32(at, true);
    const u16 = (at: number) => view.getUint16(at, true);
    const u64 = (at: number) => u32(at) + u32(at + 4) * 0x100000000;

    let eocd = -1;
    for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
      if (u32(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw corrupt("zip-filens indholdsfortegnelse mangler; filen er måske afskåret");
    let count = u16(eocd + 10);
    let dirOffset = u32(eocd + 16);
    if (
      (count === 0xffff || dirOffset === 0xffffffff) &&
      eocd >= 20 &&
      u32(eocd - 20) === ZIP64_LOCATOR
    ) {
      const at = u64(eocd - 12);
      if (at + 56 > bytes.length || u32(at) !== ZIP64_EOCD)
        throw corrupt("zip-filens indholdsfortegnelse er ugyldig");
      count = u64(at + 32);
      dirOffset = u64(at + 48);
    }
    if (count > limits.maxEntries)
      throw new XlsxRejected(
        "zipbombe",
        `Filen indeholder ${formatDanishNumber(count)} dele; en .xlsx har normalt under 100. Filen læses ikke.`
      );

    const entries: ZipEntry[] = [];
    const seen = new Map<string, string>();
    let at = dirOffset;
    let declaredTotal = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || u32(at) !== CENTRAL)
        throw corrupt("zip-filens indholdsfortegnelse er ugyldig");
      const flags = u16(at + 8);
      const method = u16(at + 10);
      let compressedSize = u32(at + 20);
      let declaredSize = u32(at + 24);
      const nameLen = u16(at + 28);
      const extraLen = u16(at + 30);
      const commentLen = u16(at + 32);
      let localHeaderOffset = u32(at + 42);
      const nameEnd = at + 46 + nameLen;
      if (nameEnd + extraLen > bytes.length)
        throw corrupt("zip-filens indholdsfortegnelse er ugyldig");
      const name = ((flags & 0x800) !== 0 ? utf8 : latin1).decode(bytes.subarray(at + 46, nameEnd));
      // Zip64: sizes and offset that do not fit 32 bits sit in the extra field, in this order.
      for (let x = nameEnd; x + 4 <= nameEnd + extraLen;) {
        const id = u16(x);
        const len = u16(x + 2);
        if (id === 0x0001) {
          const end = x + 4 + len;
          let p = x + 4;
          if (declaredSize === 0xffffffff && p + 8 <= end) {
            declaredSize = u64(p);
            p += 8;
          }
          if (compressedSize === 0xffffffff && p + 8 <= end) {
            compressedSize = u64(p);
            p += 8;
          }
          if (localHeaderOffset === 0xffffffff && p + 8 <= end) localHeaderOffset = u64(p);
        }
        x += 4 + len;
      }
      at = nameEnd + extraLen + commentLen;
      if (name.endsWith("/")) continue;
      const key = partKey(name);
      const first = seen.get(key);
      if (first !== undefined)
        throw new XlsxRejected(
          "dobbelt_del",
          `Filen indeholder delen »${first}« to gange${first === name ? "" : ` (også som »${name}«)`}; det er uklart, hvilken der gælder, så filen læses ikke. Gem den igen fra Excel, og send den på ny.`
        );
      seen.set(key, name);
      declaredTotal += declaredSize;
      if (
        declaredSize > 1024 * 1024 &&
        compressedSize > 0 &&
        declaredSize / compressedSize > limits.maxRatio
      )
        throw new XlsxRejected(
          "zipbombe",
          `Filen pakkes ud til langt mere, end den fylder (${name}: ${formatBytes(declaredSize)} fra ${formatBytes(compressedSize)}); den ligner en »zip-bombe« og læses ikke.`
        );
      if (isWorksheetPart(name) && declaredSize > limits.maxSheetXmlBytes)
        throw sheetTooBig(name, `er ${formatBytes(declaredSize)}`, limits);
      entries.push({ name, method, flags, compressedSize, declaredSize, localHeaderOffset });
    }
    if (declaredTotal > limits.maxUncompressedBytes)
      throw new XlsxRejected(
        "zipbombe",
        `Filen pakkes ud til ${formatBytes(declaredTotal)}; højst ${formatBytes(limits.maxUncompressedBytes)} læses. Den ligner en »zip-bombe« og læses ikke.`
      );
    return new ZipArchive(bytes, entries, limits);
  }

  has(name: string): boolean {
    return this.byKey.has(partKey(name));
  }

  entry(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  /** Bytes inflated so far, across all parts. */
  get inflatedBytes(): number {
    return this.inflatedTotal;
  }

  /**
   * Inflates one part, handing its bytes to `sink` as they come out. Stops with a refusal as
   * soon as the real output passes the part's limit, the file's total or the ratio limit.
   */
  inflate(entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL)
      throw corrupt(`delen ${entry.name} mangler`);
    if ((entry.flags & 1) !== 0) throw corrupt(`delen ${entry.name} er krypteret`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt(`delen ${entry.name} er afskåret`);
    const data = this.bytes.subarray(start, end);
    // One part may hold at most a worksheet's worth (the total is counted apart).
    const partLimit = this.limits.maxSheetXmlBytes;
    let size = 0;
    const take = (chunk: Uint8Array) => {
      size += chunk.length;
      this.inflatedTotal += chunk.length;
      if (size > partLimit) {
        if (isWorksheetPart(entry.name))
          throw sheetTooBig(entry.name, `fylder over ${formatBytes(partLimit)}`, this.limits);
        throw new XlsxRejected(
          "zipbombe",
          `Delen ${entry.name} pakkes ud til over ${formatBytes(partLimit)}; filen ligner en »zip-bombe« og læses ikke.`
        );
      }
      if (this.inflatedTotal > this.limits.maxUncompressedBytes)
        throw new XlsxRejected(
          "zipbombe",
          `Filen pakkes ud til over ${formatBytes(this.limits.maxUncompressedBytes)}; den ligner en »zip-bombe« og læses ikke.`
        );
      if (size > 1024 * 1024 && size / Math.max(1, entry.compressedSize) > this.limits.maxRatio)
        throw new XlsxRejected(
          "zipbombe",
          `Filen pakkes ud til langt mere, end den fylder (${entry.name}: over ${formatBytes(size)} fra ${formatBytes(entry.compressedSize)}); den ligner en »zip-bombe« og læses ikke.`
        );
      if (chunk.length > 0) {
        try {
          sink(chunk);
        } catch (e) {
          sinkError = e;
          throw e;
        }
      }
    };
    /** What the consumer threw (a parse error, a limit): passed on as it is. */
    let sinkError: unknown;
    if (entry.method === 0) {
      for (let p = 0; p < data.length; p += CHUNK) take(data.subarray(p, p + CHUNK));
    } else if (entry.method === 8 && this.inflateOneStep(entry, data, take)) {
      // done
    } else if (entry.method === 8) {
      const inflater = new Inflate((chunk) => take(chunk));
      try {
        if (data.length === 0) inflater.push(data, true);
        for (let p = 0; p < data.length; p += CHUNK)
          inflater.push(data.subarray(p, p + CHUNK), p + CHUNK >= data.length);
      } catch (e) {
        if (e instanceof XlsxRejected || e === sinkError) throw e;
        throw corrupt(`delen ${entry.name} kan ikke pakkes ud`);
      }
    } else {
      throw corrupt(`delen ${entry.name} er pakket med en ukendt metode`);
    }
    if (size !== entry.declaredSize)
      throw corrupt(
        `delen ${entry.name} fylder ${formatDanishNumber(size)} byte udpakket, men zip-filen oplyser ${formatDanishNumber(entry.declaredSize)}`
      );
  }

  /**
   * Small parts (declared up to ONE_STEP_BYTES; compressed up to ONE_STEP_COMPRESSED, 4 MB with
   * Node's zlib and 32 KB with fflate in the browser) are first inflated in one step, bounded by
   * their declared size: one that comes out larger lies about its size and is inflated again,
   * streaming and counted. False when the part must be inflated streaming.
   */
  private inflateOneStep(
    entry: ZipEntry,
    data: Uint8Array,
    take: (chunk: Uint8Array) => void
  ): boolean {
    if (
      entry.compressedSize > ONE_STEP_COMPRESSED ||
      entry.declaredSize > ONE_STEP_BYTES ||
      entry.declaredSize >= this.limits.maxSheetXmlBytes
    )
      return false;
    const out = inflateRawBounded(data, entry.declaredSize);
    if (out === undefined) return false; // the streaming path reports the damage
    take(out);
    return true;
  }

  /** A whole part's bytes (for small parts: workbook, relationships, styles). */
  read(entry: ZipEntry): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    this.inflate(entry, (c) => {
      chunks.push(c);
      length += c.length;
    });
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(length);
    let p = 0;
    for (const c of chunks) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }
}

export function isWorksheetPart(name: string): boolean {
  return /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(name);
}

function sheetTooBig(name: string, size: string, limits: FileLimits): XlsxRejected {
  return new XlsxRejected(
    "for_mange_celler",
    `Arket ${name} ${size} udpakket; højst ${formatBytes(limits.maxSheetXmlBytes)} pr. ark læses. En udfyldt skabelon har kun få hundrede celler.`
  );
}
