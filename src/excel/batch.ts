/**
 * Batching helpers. An operation queues its writes as steps with a payload estimate; steps are
 * grouped into batches below Excel on the web's 5 MB request limit, and each batch costs one
 * `context.sync()`. For everything but very large writes there is exactly one batch, so the
 * number of syncs depends only on the payload size, never on the number of sheets, fields or
 * returns.
 */
import { DEFAULT_PAYLOAD_LIMIT } from "./grid";

export interface Step {
  /** Estimated bytes this step adds to the request. */
  readonly size: number;
  readonly run: () => void;
}

export function groupSteps(steps: readonly Step[], limit = DEFAULT_PAYLOAD_LIMIT): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.size > limit) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Runs batches one after the other, one sync each. Recursion rather than a loop: each sync
 * must finish before the next batch is queued, and the sync count is the batch count.
 */
export async function runBatches(
  context: { sync(): Promise<unknown> },
  batches: readonly Step[][],
  first = 0
): Promise<number> {
  if (first >= batches.length) return 0;
  for (const s of batches[first]) s.run();
  await context.sync();
  return 1 + (await runBatches(context, batches, first + 1));
}
