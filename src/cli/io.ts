import { randomBytes } from "crypto";
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from "fs";
import { basename, dirname, join, resolve } from "path";
import { errorCode, fileErrorText, jsonErrorText } from "../domain/libraryErrors";
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

/** Reads a file's bytes, or fails with a Danish message naming the file (exit 2). */
export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliError(fileErrorText(e, path, "læse"));
  }
}

/** Reads and parses a JSON file, or fails with a Danish message naming the file, line and column. */
export function readJson(path: string): unknown {
  const text = Buffer.from(readBytes(path))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path}: ${jsonErrorText(e, text)}`);
  }
}

/** `--overskriv`: whether a command may replace files that exist. */
export interface WriteOptions {
  readonly overskriv?: boolean;
}

/** The option every writing command offers, with its help text. */
export const OVERSKRIV_OPTION = [
  "--overskriv",
  "erstat filer, der findes i forvejen (uden tilvalget skrives intet over)",
] as const;

function existing(path: string): "fil" | "mappe" | undefined {
  try {
    return lstatSync(path).isDirectory() ? "mappe" : "fil";
  } catch (e) {
    if (errorCode(e) === "ENOENT" || errorCode(e) === "ENOTDIR") return undefined;
    throw new CliError(fileErrorText(e, path, "læse"));
  }
}

/**
 * Refuses, before anything is written, paths that are folders, and paths that exist unless
 * `overskriv` (one Danish message naming them, exit 2). Returns what each path is now.
 */
export function refuseExisting(
  paths: readonly string[],
  options: WriteOptions = {}
): Array<"fil" | "mappe" | undefined> {
  const present = paths.map(existing);
  const folders = paths.filter((_, i) => present[i] === "mappe");
  if (folders.length > 0)
    throw new CliError(`${folders.join(", ")} er en mappe, ikke en fil; intet er skrevet.`);
  const taken = paths.filter((_, i) => present[i] === "fil");
  if (taken.length > 0 && !options.overskriv) {
    const shown =
      taken.slice(0, 5).join(", ") + (taken.length > 5 ? ` og ${taken.length - 5} til` : "");
    throw new CliError(
      `${taken.length === 1 ? "Filen" : `${taken.length} af filerne`} findes allerede: ${shown}. Intet er skrevet; brug --overskriv for at erstatte ${taken.length === 1 ? "den" : "dem"}.`
    );
  }
  return present;
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone (or never made): nothing to clean up.
  }
}

/** A temporary file's name in the target's own folder, so the final rename stays on one disk. */
function tempPathFor(target: string, suffix: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.${suffix}`
  );
}

/** A hard link to a file about to be replaced, to put it back if a later step fails. */
function keepOld(path: string): string | undefined {
  const backup = tempPathFor(path, "gammel");
  try {
    linkSync(path, backup);
    return backup;
  } catch {
    return undefined; // a file system without hard links: replaced without a way back
  }
}

function writeWhole(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, "wx");
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes files all or nothing, never leaving a half-written file: each goes to a temporary file
 * in its own folder (written whole and flushed), and only when every one is written are they
 * renamed into place. A file that exists is replaced only with `overskriv`; then it is kept
 * (as a hard link) until every rename has succeeded, so a failure puts every old file back.
 * Any failure removes what this call made and fails with one Danish message (exit 2).
 */
export function writeFilesAtomically(
  files: ReadonlyArray<readonly [path: string, bytes: Uint8Array]>,
  options: WriteOptions = {}
): void {
  const targets = files.map(([p]) => resolve(p));
  const twice = targets.filter((t, i) => targets.indexOf(t) !== i);
  if (twice.length > 0)
    throw new CliError(`To filer skulle skrives til samme sti: ${twice[0]}; intet er skrevet.`);
  const present = refuseExisting(
    files.map(([p]) => p),
    options
  );
  const temps: string[] = [];
  const kept: Array<string | undefined> = [];
  let renamed = 0;
  let step: { path: string; action: "oprette" | "skrive" | "flytte" } = {
    path: "",
    action: "skrive",
  };
  try {
    for (const [path, bytes] of files) {
      step = { path: dirname(path), action: "oprette" };
      mkdirSync(dirname(path), { recursive: true });
      const tmp = tempPathFor(path, "tmp");
      step = { path, action: "skrive" };
      temps.push(tmp);
      writeWhole(tmp, bytes);
    }
    for (const [i, [path]] of files.entries()) {
      kept.push(present[i] === "fil" ? keepOld(path) : undefined);
    }
    for (const [i, [path]] of files.entries()) {
      step = { path, action: "skrive" };
      renameSync(temps[i], path);
      renamed++;
    }
  } catch (e) {
    for (let i = 0; i < renamed; i++) {
      const back = kept[i];
      if (back) {
        try {
          renameSync(back, files[i][0]);
        } catch {
          // The new file stays; the message below still says the write failed.
        }
      } else if (present[i] !== "fil") tryUnlink(files[i][0]);
    }
    temps.slice(renamed).forEach(tryUnlink);
    kept.forEach((k) => k && tryUnlink(k));
    const rest = files.length > 1 ? " Ingen af filerne er skrevet." : " Intet er skrevet.";
    throw new CliError(`${fileErrorText(e, step.path, step.action)}${rest}`);
  }
  kept.forEach((k) => k && tryUnlink(k));
}

/** Writes one file atomically (see writeFilesAtomically), creating its folder. */
export function writeBytes(path: string, bytes: Uint8Array, options: WriteOptions = {}): void {
  writeFilesAtomically([[path, bytes]], options);
}

/** Whether two paths name the same file (the same real path, or hard links to one file). */
export function sameFile(a: string, b: string): boolean {
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Refuses an output path that is one of the command's input files (exit 2, even with --overskriv). */
export function refuseInputAsOutput(output: string, inputs: readonly string[]): void {
  const hit = inputs.find((i) => sameFile(output, i));
  if (hit !== undefined)
    throw new CliError(
      `${output} er en af kommandoens inddatafiler (${hit}); vælg et andet navn til det, der skrives. Intet er skrevet.`
    );
}

/**
 * Streams a file: `write` gets a stream to a temporary file beside `path`, which is renamed into
 * place only when `write` has finished, so a failed write leaves no half file behind. Like
 * writeFilesAtomically, an existing file is replaced only with `overskriv`.
 */
export async function writeStreamed(
  path: string,
  write: (sink: XlsxSink) => Promise<void>,
  options: WriteOptions = {}
): Promise<void> {
  refuseExisting([path], options);
  const tmp = tempPathFor(path, "tmp");
  let sink: ReturnType<typeof createWriteStream> | undefined;
  let step: { path: string; action: "oprette" | "skrive" } = {
    path: dirname(path),
    action: "oprette",
  };
  try {
    mkdirSync(dirname(path), { recursive: true });
    step = { path, action: "skrive" };
    const out = createWriteStream(tmp, { flags: "wx" });
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
    throw new CliError(`${fileErrorText(e, step.path, step.action)} Intet er skrevet.`);
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
