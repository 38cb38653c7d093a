import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "fs";
import { basename, dirname, join } from "path";
import type { XlsxSink } from "../xlsx/node/stream";
import { CliError } from "./errors";

/** Where commands write: stdout and stderr (replaceable in tests). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** Reads a file's bytes, or fails with a Danish message naming the file. */
export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT"
        ? `Filen findes ikke: ${path}`
        : `Filen ${path} kan ikke læses (${code ?? (e as Error).message}).`
    );
  }
}

/** Reads and parses a JSON file, or fails with a Danish message naming the file. */
export function readJson(path: string): unknown {
  const text = Buffer.from(readBytes(path))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} er ikke gyldig JSON: ${(e as Error).message}`);
  }
}

/** Writes a file, creating its folder. */
export function writeBytes(path: string, bytes: Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  } catch (e) {
    throw new CliError(
      `Kan ikke skrive ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`
    );
  }
}

/**
 * Streams a file: `write` gets a stream to a temporary file beside `path`, which is renamed into
 * place only when `write` has finished, so a failed write leaves no half file behind.
 */
export async function writeStreamed(
  path: string,
  write: (sink: XlsxSink) => Promise<void>
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let sink: ReturnType<typeof createWriteStream> | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const out = createWriteStream(tmp);
    sink = out;
    const closed = new Promise<void>((resolve, reject) => {
      out.on("close", resolve);
      out.on("error", reject);
    });
    // Seen by the await below; without this an early error would count as unhandled.
    closed.catch(() => undefined);
    await write(out);
    await closed;
    renameSync(tmp, path);
  } catch (e) {
    sink?.destroy();
    rmSync(tmp, { force: true });
    throw new CliError(
      `Kan ikke skrive ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`
    );
  }
}

/** Danish-sorted list for messages. */
export function listDa(names: readonly string[]): string {
  return [...names].sort((a, b) => a.localeCompare(b, "da")).join(", ");
}

/** Splits repeated and comma-separated option values: ["ukn,tilsyn", "magt"] → ["ukn", "tilsyn", "magt"]. */
export function splitList(values: readonly string[] | string | undefined): string[] {
  const arr = values === undefined ? [] : typeof values === "string" ? [values] : values;
  return arr
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}
