/**
 * Reading returns in Web Workers (the pane's isolation for readReturns): each file in a worker
 * of its own time budget, two at a time. A worker that passes its budget or fails is stopped;
 * its file becomes one finding and the others are read on. Browsers give workers no memory
 * limit of their own; the reader's limits bound what a file can make it hold. Loaded with a
 * dynamic import only where `Worker` exists (not in Jest).
 */
import type { RawReturn } from "../domain/model";
import {
  type ReadBudget,
  type ReadIsolation,
  type ReturnFile,
  budgetExceeded,
  ownBytes,
} from "../xlsx/batch";

const BUDGET: ReadBudget = { memoryMb: 256, timeoutMs: 60_000 };

/** The pack the worker reads with: a built-in one by id, a consultant's one by its source. */
export interface WorkerPack {
  readonly id: string;
  readonly source?: unknown;
}

function spawn(): Worker {
  // @ts-expect-error TS1343: webpack compiles this module as an ES module, where import.meta exists.
  return new Worker(new URL("./readWorker.ts", import.meta.url));
}

export function webWorkerIsolation(workers = 2, pack?: WorkerPack): ReadIsolation {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  return {
    concurrency: workers,
    read: (file: ReturnFile) =>
      new Promise<RawReturn>((resolve) => {
        const w = idle.pop() ?? spawn();
        all.add(w);
        let settled = false;
        const finish = (raw: RawReturn, keep: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          w.onmessage = null;
          w.onerror = null;
          if (keep) idle.push(w);
          else {
            all.delete(w);
            w.terminate();
          }
          resolve(raw);
        };
        const timer = setTimeout(
          () => finish(budgetExceeded(file.name, "tid", BUDGET), false),
          BUDGET.timeoutMs
        );
        w.onmessage = (e: MessageEvent<RawReturn>) => finish(e.data, true);
        w.onerror = (e) => {
          e.preventDefault();
          finish(budgetExceeded(file.name, "afbrudt", BUDGET), false);
        };
        void ownBytes(file).then(
          (bytes) => w.postMessage({ name: file.name, bytes, pack }, [bytes.buffer]),
          () => finish(budgetExceeded(file.name, "afbrudt", BUDGET), false)
        );
      }),
    close: () => {
      for (const w of all) w.terminate();
      all.clear();
      idle.length = 0;
    },
  };
}
