/**
 * A worker thread that reads returns for ./readPool.ts: one file per message, bytes in,
 * RawReturn out. It runs under the pool's memory limit (resourceLimits) and time budget.
 */
import { parentPort } from "worker_threads";
import { readReturn } from "../xlsx/read";

interface ReadRequest {
  readonly name: string;
  readonly bytes: Uint8Array;
}

parentPort?.on("message", (request: ReadRequest) => {
  void readReturn(request.bytes, request.name).then((raw) => parentPort?.postMessage(raw));
});
