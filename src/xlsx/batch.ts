/**
 * Reading many returns: each file on its own, in isolation where the platform allows it (a
 * worker with its own memory and time budget: worker_threads in the CLI, a Web Worker in the
 * task pane), so a file that blows its budget becomes one finding for that file and the batch
 * goes on. The same function serves the CLI, the pane and the bench; they differ only in the
 * isolation they pass.
 */
import type { Finding, RawReturn } from "../domain/model";
import type { XlsxBytes } from "./bytes";
import { BAD_FILE_RULES, type BadFileRule, formatBytes } from "./reader/limits";
import { readReturn, type ReadOptions } from "./read";

export interface ReturnFile {
  /** Shown in findings and progress (a file name or path). */
  readonly name: string;
  /** The bytes, or how to get them when the file's turn comes (keeps a large batch's memory flat). */
  readonly bytes: XlsxBytes | (() => Promise<XlsxBytes>);
}

/** A file's bytes as a Uint8Array of their own (a copy: safe to hand over to a worker). */
export async function ownBytes(file: ReturnFile): Promise<Uint8Array<ArrayBuffer>> {
  const b = typeof file.bytes === "function" ? await file.bytes() : file.bytes;
  return b instanceof ArrayBuffer ? new Uint8Array(b.slice(0)) : new Uint8Array(b);
}

export interface ReadProgress {
  /** Files finished so far, this one included. */
  readonly done: number;
  readonly total: number;
  /** Index of this file in the batch. */
  readonly index: number;
  readonly file: string;
  readonly result: RawReturn;
}

/** Runs one read somewhere safe; resolves (never rejects) with the file's RawReturn. */
export interface ReadIsolation {
  /** Files read at the same time. */
  readonly concurrency: number;
  read(file: ReturnFile): Promise<RawReturn>;
  /** Frees the workers (the batch calls it when done). */
  close(): void;
}

export interface ReadReturnsOptions {
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Where each file is read; default: here, one file at a time, without a budget. */
  readonly isolation?: ReadIsolation;
}

/** The budget a read runs under, for messages. */
export interface ReadBudget {
  readonly memoryMb: number;
  readonly timeoutMs: number;
}

/** Rule id of a file whose read was stopped for passing its memory or time budget. */
export const BUDGET_RULE: BadFileRule = "laesning_afbrudt";

const REFUSALS = new Set<string>([...BAD_FILE_RULES, "ulaeselig_fil", "fil_mangler"]);

/** The finding that says a file could not be read at all (one fejl, nothing else), if any. */
export function refusalOf(raw: RawReturn): Finding | undefined {
  return raw.findings.find((f) => f.severity === "fejl" && REFUSALS.has(f.rule));
}

/** Reads in this thread (with `options`, e.g. which pack's fields): no budget, but the reader's own limits still hold. */
export function inThread(options: ReadOptions = {}): ReadIsolation {
  return {
    concurrency: 1,
    read: async (file) =>
      readReturn(
        typeof file.bytes === "function" ? await file.bytes() : file.bytes,
        file.name,
        options
      ),
    close: () => undefined,
  };
}

/** One read in this thread with kl2024's fields. */
export const IN_THREAD: ReadIsolation = inThread();

/** The RawReturn of a file whose read was stopped (memory, time, or a crashed worker). */
export function budgetExceeded(
  file: string,
  why: "hukommelse" | "tid" | "afbrudt",
  budget: ReadBudget
): RawReturn {
  const text =
    why === "hukommelse"
      ? `Læsningen af filen brugte mere end de ${formatBytes(budget.memoryMb * 1024 * 1024)} hukommelse, en fil må bruge, og blev stoppet.`
      : why === "tid"
        ? `Læsningen af filen tog mere end ${Math.round(budget.timeoutMs / 1000)} sekunder og blev stoppet.`
        : "Læsningen af filen stoppede uventet.";
  const finding: Finding = {
    rule: BUDGET_RULE,
    severity: "fejl",
    message: `${text} Filen er ikke læst; de øvrige filer læses videre. Gem filen igen fra Excel, og send den på ny.`,
    file,
  };
  return { file, meta: {}, cells: {}, locatedBy: "navne", findings: [finding] };
}

/**
 * Reads every file, at most `isolation.concurrency` at a time; results come back in the
 * files' order, progress as each file finishes. Never rejects because of a file's content.
 */
export async function readReturns(
  files: readonly ReturnFile[],
  options: ReadReturnsOptions = {}
): Promise<RawReturn[]> {
  const isolation = options.isolation ?? IN_THREAD;
  const results: RawReturn[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      const result = await isolation.read(file).catch((): RawReturn => ({
        file: file.name,
        meta: {},
        cells: {},
        locatedBy: "navne",
        findings: [
          {
            rule: "ulaeselig_fil",
            severity: "fejl",
            message: "Filen kunne ikke hentes og er ikke læst; de øvrige filer læses videre.",
            file: file.name,
          },
        ],
      }));
      results[index] = result;
      done++;
      options.onProgress?.({ done, total: files.length, index, file: file.name, result });
    }
  };
  try {
    const lanes = Math.max(1, Math.min(isolation.concurrency, files.length));
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    isolation.close();
  }
  return results;
}
