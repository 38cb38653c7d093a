import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { dirname } from "path";
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
