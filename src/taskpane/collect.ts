/**
 * Reading returned files in the pane: the CLI's reader (src/xlsx) and validation
 * (src/domain/validate), each file in a Web Worker where the browser has them (./readWorkers.ts),
 * each ending as a per-file result. Never throws.
 */
import type { KommuneReturn, RawReturn } from "../domain/model";
import type { Pack } from "../domain/pack/model";
import { packFor } from "../domain/pack/select";
import { builtinPack, defaultPack } from "../domain/pakker";
import { validateReturn } from "../domain/validate";
import { inThread, type ReadIsolation, type ReturnFile, readReturns } from "../xlsx/batch";
import { readOptionsForPacks } from "../xlsx/packs";
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

/** The pack's words for the result lines. */
function nounOf(pack: Pack, n: number): string {
  const f = pack.source.forside;
  if (!f?.enhed) return n === 1 ? "skema" : "skemaer";
  return n === 1 ? f.enhed : (f.enheder ?? `${f.enhed}er`);
}

/**
 * A read file's result: validated with the pack in use, or rejected with its first error. A
 * return made from another pack is rejected (its fields would mean nothing in this Data sheet).
 */
function resultOf(name: string, raw: RawReturn, pack: Pack): FileResult {
  try {
    const chosen = packFor(raw.meta.pakke, [pack]);
    if (!chosen.ok) {
      const message = chosen.message.charAt(0).toLocaleUpperCase("da") + chosen.message.slice(1);
      return { file: name, status: "afvist", text: message };
    }
    if (chosen.pack.id !== pack.id && raw.meta.skabelon) {
      return {
        file: name,
        status: "afvist",
        text: `Filen er lavet med pakken »${chosen.pack.name}« (${chosen.pack.id}), men der indsamles til »${pack.name}«. Skift pakke øverst i ruden for at indsamle den.`,
      };
    }
    const r = validateReturn(raw, pack);
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
      text: `${r.kommune}: ${r.skabeloner.length} ${nounOf(pack, r.skabeloner.length)}. ${summary(r.findings)}`,
      kommune: r.kommune,
      result: r,
    };
  } catch (e) {
    return { file: name, status: "afvist", text: messageOf(e) };
  }
}

/** Web Workers where the browser has them; else (Jest, old hosts) reading in this thread. */
async function isolation(pack: Pack): Promise<ReadIsolation> {
  const here = inThread(readOptionsForPacks([pack]));
  if (typeof Worker === "undefined") return here;
  try {
    // A built-in pack goes to the worker by id, a consultant's pack as its (checked) source.
    const builtin = builtinPack(pack.id)?.version === pack.version;
    return (await import("./readWorkers")).webWorkerIsolation(2, {
      id: pack.id,
      ...(builtin ? {} : { source: pack.source }),
    });
  } catch {
    return here;
  }
}

/** Reads one file in this thread (tests; the pane reads batches with readFiles). */
export async function readOne(
  name: string,
  bytes: ArrayBuffer | Uint8Array,
  pack: Pack = defaultPack()
): Promise<FileResult> {
  const rejected = notReadable(name, bytes.byteLength);
  if (rejected) return rejected;
  const [raw] = await readReturns([{ name, bytes }], {
    isolation: inThread(readOptionsForPacks([pack])),
  });
  return resultOf(name, raw, pack);
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
  onProgress?: (progress: FileProgress) => void,
  pack: Pack = defaultPack()
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
      isolation: await isolation(pack),
      onProgress: (p) => {
        const r = resultOf(p.file, p.result, pack);
        results[toRead[p.index].index] = r;
        onProgress?.({ done: ++done, total: files.length, result: r });
      },
    }
  );
  return results.map((r, i) => r ?? { file: files[i].name, status: "afvist", text: "Ikke læst." });
}
