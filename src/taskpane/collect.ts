/**
 * Reading returned files in the pane: the CLI's reader (src/xlsx) and validation
 * (src/domain/validate), each file in a Web Worker where the browser has them (./readWorkers.ts),
 * each ending as a per-file result. Never throws.
 */
import type { KommuneReturn, RawReturn } from "../domain/model";
import { validateReturn } from "../domain/validate";
import { IN_THREAD, type ReadIsolation, type ReturnFile, readReturns } from "../xlsx/batch";
import { countBySeverity, summary } from "./findings";
import { messageOf } from "./office";

/** Largest file read (a returned template is well under 1 MB). */
export const MAX_BYTES = 20 * 1024 * 1024;

export type FileStatus = "laest" | "advarsler" | "afvist";

export interface FileResult {
  readonly file: string;
  readonly status: FileStatus;
  readonly text: string;
  readonly kommune?: string;
  readonly result?: KommuneReturn;
}

/** Why a file is not read at all (not .xlsx, too big), before any reading. */
function notReadable(name: string, size: number): FileResult | undefined {
  if (!/\.xlsx$/i.test(name)) {
    return {
      file: name,
      status: "afvist",
      text: "Ikke en .xlsx-fil. Gem filen som Excel-projektmappe (.xlsx), og prøv igen.",
    };
  }
  if (size > MAX_BYTES) {
    return {
      file: name,
      status: "afvist",
      text: `Filen er for stor (${Math.round(size / 1048576)} MB).`,
    };
  }
  return undefined;
}

/** A read file's result: validated, or rejected with its first error. */
function resultOf(name: string, raw: RawReturn): FileResult {
  try {
    const r = validateReturn(raw);
    const c = countBySeverity(r.findings);
    if (!r.kommune || r.skabeloner.length === 0) {
      const reason =
        r.findings.find((f) => f.severity === "fejl")?.message ??
        "Filen er ikke en udfyldt skabelon.";
      return { file: name, status: "afvist", text: reason };
    }
    return {
      file: name,
      status: c.fejl + c.advarsel > 0 ? "advarsler" : "laest",
      text: `${r.kommune}: ${r.skabeloner.length} nedslagspunkt${r.skabeloner.length === 1 ? "" : "er"}. ${summary(r.findings)}`,
      kommune: r.kommune,
      result: r,
    };
  } catch (e) {
    return { file: name, status: "afvist", text: messageOf(e) };
  }
}

/** Web Workers where the browser has them; else (Jest, old hosts) reading in this thread. */
async function isolation(): Promise<ReadIsolation> {
  if (typeof Worker === "undefined") return IN_THREAD;
  try {
    return (await import("./readWorkers")).webWorkerIsolation();
  } catch {
    return IN_THREAD;
  }
}

/** Reads one file in this thread (tests; the pane reads batches with readFiles). */
export async function readOne(name: string, bytes: ArrayBuffer | Uint8Array): Promise<FileResult> {
  const rejected = notReadable(name, bytes.byteLength);
  if (rejected) return rejected;
  const [raw] = await readReturns([{ name, bytes }]);
  return resultOf(name, raw);
}

export interface FileProgress {
  readonly done: number;
  readonly total: number;
  /** The file just finished. */
  readonly result: FileResult;
}

/**
 * Reads and validates picked files, each in isolation; `onProgress` gets each file's result
 * as it finishes. Results come back in the files' order.
 */
export async function readFiles(
  files: ReadonlyArray<{
    readonly name: string;
    readonly size: number;
    arrayBuffer(): Promise<ArrayBuffer>;
  }>,
  onProgress?: (progress: FileProgress) => void
): Promise<FileResult[]> {
  const results: Array<FileResult | undefined> = new Array(files.length);
  const toRead: Array<{ index: number; file: ReturnFile }> = [];
  let done = 0;
  files.forEach((f, i) => {
    const rejected = notReadable(f.name, f.size);
    if (rejected) {
      results[i] = rejected;
      onProgress?.({ done: ++done, total: files.length, result: rejected });
    } else toRead.push({ index: i, file: { name: f.name, bytes: () => f.arrayBuffer() } });
  });
  await readReturns(
    toRead.map((t) => t.file),
    {
      isolation: await isolation(),
      onProgress: (p) => {
        const r = resultOf(p.file, p.result);
        results[toRead[p.index].index] = r;
        onProgress?.({ done: ++done, total: files.length, result: r });
      },
    }
  );
  return results.map((r, i) => r ?? { file: files[i].name, status: "afvist", text: "Ikke læst." });
}
