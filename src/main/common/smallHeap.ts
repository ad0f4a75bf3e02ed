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
 * Since then, numbers formatted without Intl (no ICU) and a 2 MB SQLite page cache took the CLI
 * to 103 MB (400 calls) and about 128 MB (4,000 calls).
 */
export function preferSmallHeap(): void {
  setFlagsFromString('--optimize-for-size');
}

/**
 * For an on-demand CLI run, which waits on the network: the young generation stays small (below),
 * and V8's top-tier compiler (TurboFan) is left off, set before the run's code loads
 * (zod's schemas, built at load, are already hot enough for it): the run waits on the network
 * nearly all of its time, and TurboFan's code (pages of the node binary) and working memory,
 * once used, stay. 400 calls at concurrency 8, median of 3 interleaved on a quiet machine:
 * 103.5 and 98.1 MB peak, 3.73 and 3.85 ms CPU a call, first request 205 and 223 ms. Maglev
 * still compiles hot code (ROUGE scoring). Batch turns it back on (tuneForScoring): its
 * scoring is long hot loops. Maglev off as well measured 92 MB, and 105 MB instead of 124 MB at
 * 4,000 calls, but 4 % more CPU at 400 calls, 28 % at 4,000, and a slower call phase.
 */
export function tuneForNetworkWait(): void {
  setFlagsFromString('--no-turbofan');
  keepYoungGenerationSmall();
}

/** TurboFan again, for what follows (a batch run's scoring), and a young generation that grows. */
export function tuneForScoring(): void {
  setFlagsFromString('--turbofan');
  setFlagsFromString('--semi-space-growth-factor=2');
}

/**
 * Keeps the young generation at the size it starts with. A call's garbage (request, response
 * frames, parsed output) dies young, so V8 keeps doubling the young generation under a run's
 * steady allocation, to 17 MB at concurrency 32, and the pages stay committed. V8 reads the growth
 * factor each time it grows the space, so setting it after start-up works (sampled every 100 ms
 * through a 4,000-call run: 2 MB of young generation throughout, where it was 17 MB). 4,000 calls
 * at concurrency 32 (npm run bench, BENCH_CLI=big, one loaded machine), the flag on the command
 * line: 125.9 and 109.5 MB peak, 3.28 and 3.41 ms CPU a call (more scavenges, each smaller).
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
