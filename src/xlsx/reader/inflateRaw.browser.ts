/**
 * One-step inflation of a zip part in the browser (webpack's `resolve.alias` puts this file in
 * place of ./inflateRaw.ts, which uses Node's zlib): fflate into a buffer of the bound's size.
 */
import { inflateSync } from "fflate";

/**
 * Parts up to this size (compressed) are inflated in one step. fflate decodes the whole input
 * even when the output passes the buffer, so at most ~32 MB of inflating is wasted on a part
 * that lies about its size.
 */
export const ONE_STEP_COMPRESSED = 32 * 1024;

/**
 * The raw deflate `data` inflated into at most `max` bytes, or undefined when it is damaged or
 * comes out larger (the caller then inflates it streaming, which reports why).
 */
export function inflateRawBounded(data: Uint8Array, max: number): Uint8Array | undefined {
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(max + 1) });
  } catch {
    return undefined;
  }
  return out.length > max ? undefined : out;
}
