/**
 * Reading returns in worker threads (Node): each file in a worker with its own memory limit
 * (`resourceLimits`) and a time budget, at most two at a time (the machines have two cores).
 * A worker that runs out of memory or time is stopped and replaced; its file becomes one
 * finding (`laesning_afbrudt`) and the batch goes on. Used by `valider`, `opregn` and `læs`.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import { Worker } from "worker_threads";
import { errorCode, fileErrorReason } from "../domain/libraryErrors";
import type { RawReturn } from "../domain/model";
import {
  IN_THREAD,
  type ReadBudget,
  type ReadIsolation,
  type ReadProgress,
  type ReturnFile,
  budgetExceeded,
  ownBytes,
  readReturns,
} from "../xlsx/batch";
import { readReturn } from "../xlsx/read";
import { LIMITS, formatBytes } from "../xlsx/reader/limits";
import { openedPacks, readOptionsFor } from "./pack";

/** A return's read needs a few MB; the limits keep even a 20 MB file far below this. */
export const DEFAULT_BUDGET: ReadBudget = { memoryMb: 256, timeoutMs: 60_000 };

export interface NodePoolOptions {
  /**
   * `--pakke`: a pack id or pack file besides the built-in ones. Each worker opens it itself
   * (a pack holds functions a message cannot carry) and reads every return with the pack its
   * meta cells name.
   */
  readonly pakke?: string;
  readonly budget?: ReadBudget;
  readonly workers?: number;
  /** The compiled worker script (default: readWorker.js beside this file). */
  readonly script?: string;
}

class WorkerPool implements ReadIsolation {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();

  constructor(
    readonly concurrency: number,
    private readonly script: string,
    private readonly budget: ReadBudget,
    private readonly pakke: string | undefined
  ) {}

  private spawn(): Worker {
    const w = new Worker(this.script, {
      workerData: { pakke: this.pakke },
      resourceLimits: {
        maxOldGenerationSizeMb: this.budget.memoryMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.round(this.budget.memoryMb / 8)),
      },
    });
    this.all.add(w);
    return w;
  }

  read(file: ReturnFile): Promise<RawReturn> {
    return new Promise((resolve) => {
      const w = this.idle.pop() ?? this.spawn();
      let settled = false;
      const finish = (raw: RawReturn, keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        if (keep) this.idle.push(w);
        else {
          this.all.delete(w);
          void w.terminate();
        }
        resolve(raw);
      };
      const onMessage = (raw: RawReturn) => finish(raw, true);
      const onError = (e: Error & { code?: string }) =>
        finish(
          budgetExceeded(
            file.name,
            e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "hukommelse" : "afbrudt",
            this.budget
          ),
          false
        );
      const onExit = () => finish(budgetExceeded(file.name, "afbrudt", this.budget), false);
      const timer = setTimeout(
        () => finish(budgetExceeded(file.name, "tid", this.budget), false),
        this.budget.timeoutMs
      );
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      // A copy of its own, handed over without copying again (a Buffer may share its memory).
      void ownBytes(file).then(
        (bytes) => w.postMessage({ name: file.name, bytes }, [bytes.buffer]),
        () => finish(budgetExceeded(file.name, "afbrudt", this.budget), false)
      );
    });
  }

  close(): void {
    for (const w of this.all) void w.terminate();
    this.all.clear();
    this.idle.length = 0;
  }
}

/**
 * Worker threads when the compiled worker script is there (the built CLI), else reading in
 * this thread (Jest runs the TypeScript sources, which a worker thread cannot load).
 */
export function nodeIsolation(options: NodePoolOptions = {}): ReadIsolation {
  const script = options.script ?? join(__dirname, "readWorker.js");
  if (!existsSync(script)) {
    const readOptions = readOptionsFor(openedPacks(options.pakke));
    return {
      ...IN_THREAD,
      read: async (file) => readReturn(await ownBytes(file), file.name, readOptions),
    };
  }
  const workers = options.workers ?? Math.min(2, availableParallelism());
  return new WorkerPool(
    Math.max(1, workers),
    script,
    options.budget ?? DEFAULT_BUDGET,
    options.pakke
  );
}

/** A file that never reached the reader (missing, unreadable, over the size limit). */
function fileProblem(file: string, rule: string, message: string): RawReturn {
  return {
    file,
    meta: {},
    cells: {},
    locatedBy: "navne",
    findings: [{ rule, severity: "fejl", message, file }],
  };
}

export interface ReadFilesOptions extends NodePoolOptions {
  /** The name a file goes by in findings (default: the path as given). */
  readonly displayName?: (path: string) => string;
  readonly onProgress?: (progress: ReadProgress) => void;
}

/**
 * Reads returns from disk, each in isolation (see nodeIsolation); results in the paths' order.
 * A missing or oversized file gets its finding here, without being read.
 */
export async function readReturnFiles(
  paths: readonly string[],
  options: ReadFilesOptions = {}
): Promise<RawReturn[]> {
  const name = options.displayName ?? ((p: string) => p);
  const results: RawReturn[] = new Array(paths.length);
  const toRead: Array<{ index: number; file: ReturnFile }> = [];
  paths.forEach((path, index) => {
    try {
      const size = statSync(path).size;
      accessSync(path, constants.R_OK);
      if (size > LIMITS.maxFileBytes) {
        results[index] = fileProblem(
          name(path),
          "fil_for_stor",
          `Filen er ${formatBytes(size)}; højst ${formatBytes(LIMITS.maxFileBytes)} læses.`
        );
        return;
      }
      // Read when the file's turn comes, so a large batch does not hold every file at once.
      toRead.push({ index, file: { name: name(path), bytes: async () => readFileSync(path) } });
    } catch (e) {
      results[index] = fileProblem(
        name(path),
        "fil_mangler",
        errorCode(e) === "ENOENT"
          ? "Filen findes ikke."
          : `Filen kan ikke læses: ${fileErrorReason(e)}.`
      );
    }
  });
  const total = paths.length;
  let done = 0;
  results.forEach((result, index) => {
    done++;
    options.onProgress?.({ done, total, index, file: result.file ?? paths[index], result });
  });
  const read = await readReturns(
    toRead.map((t) => t.file),
    {
      isolation: nodeIsolation(options),
      onProgress: (p) => {
        done++;
        options.onProgress?.({ ...p, done, total, index: toRead[p.index].index });
      },
    }
  );
  read.forEach((raw, i) => (results[toRead[i].index] = raw));
  return results;
}
