import type { RawReturn } from "../domain/model";
import type { XlsxBytes } from "./bytes";
import { type ReadOptions, readReturnSync } from "./reader/read";

export {
  DEFAULT_CATALOGUE,
  READER_RULES,
  type ReaderCatalogue,
  type ReadOptions,
} from "./reader/read";

/**
 * Reads a returned workbook from its bytes (Node and browser): the `meta.*` cells first, then
 * every defined name the catalogue calls a field (value as stored, number format, sheet and
 * cell); fields whose names are lost or misplaced are found by their labels and year headers.
 * Streams only the parts it needs, within the limits of ./reader/limits.ts; problems come back
 * as findings, never as exceptions. See ./reader/read.ts.
 */
export async function readReturn(
  bytes: XlsxBytes,
  file?: string,
  options?: ReadOptions
): Promise<RawReturn> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return readReturnSync(data, file, options);
}
