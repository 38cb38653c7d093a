/**
 * A worker thread that reads returns for ./readPool.ts: one file per message, bytes in,
 * RawReturn out. It runs under the pool's memory limit (resourceLimits) and time budget, and
 * reads each return with the pack its meta cells name (`--pakke`'s pack, opened here, included).
 */
import { parentPort, workerData } from "worker_threads";
import { readReturn } from "../xlsx/read";
import { openedPacks, readOptionsFor } from "./pack";

interface ReadRequest {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const options = readOptionsFor(openedPacks((workerData as { pakke?: string } | null)?.pakke));

parentPort?.on("message", (request: ReadRequest) => {
  void readReturn(request.bytes, request.name, options).then((raw) => parentPort?.postMessage(raw));
});
