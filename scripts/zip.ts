/**
 * Zips parts for the generated test corpora (./build-bad-fixtures.ts, ./build-hostile-returns.ts)
 * with Node's own zlib: fflate writes the archive, zlib deflates each part. A corpus holds parts
 * of hundreds of megabytes (a zip bomb); zlib deflates those in a fifth of the time a JavaScript
 * deflate takes. Node only, like the scripts that use it.
 */
import { Zip, ZipPassThrough } from "fflate";
import type JSZip from "jszip";
import { deflateRawSync } from "zlib";

/** A part deflated by zlib; fflate counts its size and CRC as it is pushed. */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk), final);
  }
}

/** The parts as a zip archive, in the order given; folder entries ("…/") are stored. */
export function zipParts(parts: Iterable<readonly [string, Uint8Array | string]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [name, content] of parts) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const entry = name.endsWith("/") ? new ZipPassThrough(name) : new NativeDeflate(name);
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  if (failure) throw failure;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Every entry of a JSZip archive, in its order, as bytes. */
export async function partsOf(zip: JSZip): Promise<Array<[string, Uint8Array]>> {
  const parts: Array<[string, Uint8Array]> = [];
  for (const [name, file] of Object.entries(zip.files))
    parts.push([name, await file.async("uint8array")]);
  return parts;
}
