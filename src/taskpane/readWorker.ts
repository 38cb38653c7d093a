/**
 * The task pane's read worker (a Web Worker, bundled by webpack from ./readWorkers.ts): one
 * file per message, bytes in, RawReturn out, so a hostile file cannot freeze the pane and can
 * be stopped at its time budget.
 */
import { readReturn } from "../xlsx/read";

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ name: string; bytes: Uint8Array }>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  void readReturn(event.data.bytes, event.data.name).then((raw) => scope.postMessage(raw));
};
