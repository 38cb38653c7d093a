/**
 * The task pane's read worker (a Web Worker, bundled by webpack from ./readWorkers.ts): one
 * file per message, bytes in, RawReturn out, so a hostile file cannot freeze the pane and can
 * be stopped at its time budget. Which names are fields comes from the pack in use: a built-in
 * one by id, a consultant's pack from its source (loaded and checked once per worker).
 */
import { loadPack } from "../domain/pack/load";
import type { Pack } from "../domain/pack/model";
import { builtinPack } from "../domain/pakker";
import { readOptionsForPacks } from "../xlsx/packs";
import { readReturn } from "../xlsx/read";
import type { WorkerPack } from "./readWorkers";

interface WorkerScope {
  onmessage:
    ((event: MessageEvent<{ name: string; bytes: Uint8Array; pack?: WorkerPack }>) => void) | null;
  postMessage(message: unknown): void;
}

let cached: { key: string; pack: Pack | undefined } | undefined;

function packOf(p: WorkerPack | undefined): Pack | undefined {
  if (!p) return undefined;
  const key = p.source === undefined ? p.id : JSON.stringify(p.source);
  if (cached?.key !== key) {
    const loaded = p.source === undefined ? undefined : loadPack(p.source);
    cached = { key, pack: loaded ? (loaded.ok ? loaded.pack : undefined) : builtinPack(p.id) };
  }
  return cached.pack;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  const pack = packOf(event.data.pack);
  void readReturn(event.data.bytes, event.data.name, readOptionsForPacks(pack ? [pack] : [])).then(
    (raw) => scope.postMessage(raw)
  );
};
