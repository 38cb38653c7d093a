/**
 * One-step inflation of a zip part in Node: zlib's native inflater, which stops as soon as the
 * output passes its bound. The browser build reads ./inflateRaw.browser.ts instead (webpack's
 * `resolve.alias`); both answer the same way, so ./zip.ts does not know which it has.
 */
import { inflateRawSync } from "zlib";

/**
 * Parts up to this size (compressed) may be inflated in one step (./zip.ts bounds their
 * declared size too). zlib stops at the bound, so a part that lies about its size costs no
 * more work than its declared size.
 */
export const ONE_STEP_COMPRESSED = 4 * 1024 * 1024;

/**
 * The raw deflate `data` inflated into at most `max` bytes, or undefined when it is damaged or
 * comes out larger (the caller then inflates it streaming, which reports why).
 */
export function inflateRawBounded(data: Uint8Array, max: number): Uint8Array | undefined {
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
    return out.byteLength > max
      ? undefined
      : new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    return undefined;
  }
}
