import { setFlagsFromString } from 'node:v8';

/**
 * Asks V8 to size its heap for memory rather than speed, in every process that runs experiments
 * (the CLI, the browser host, Electron's main process). They run long batches on laptops and
 * their garbage is short-lived, so a heap grown for throughput mostly holds garbage. Measured
 * with `npm run bench` (bench/results.json), without and with it:
 * - the CLI, 400 calls at concurrency 8 against 250 ms stand-in calls: 134 MB and 109 MB peak;
 *   4,000 calls at concurrency 32: 270 MB and 146 MB; about half a millisecond more CPU a call;
 * - a batch of 50,000 paragraphs × 2 models, planned, uploaded, collected and scored in one
 *   process: 434 MB and 189 MB peak, storing 26,700 and 22,300 results a second.
 * It only changes how the collector sizes the heap, so it is safe to set after start-up.
 */
export function preferSmallHeap(): void {
  setFlagsFromString('--optimize-for-size');
}
