/**
 * Call latency goals (part of the runner bench): what the unit tests used to time and now only
 * check by order of events. How much the client adds to the latency the stand-in injects, and
 * how soon an abort or a cancel ends calls that would otherwise run for a minute.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { converseOnce, streamCompletion } from '../src/main/bedrock/converseStream';
import { openDatabase } from '../src/main/db/open';
import { ExperimentRunner } from '../src/main/runner/experimentRunner';
import type { StandInProcess } from '../test/support/standInProcess';
import { BENCH_MODELS, createBenchExperiment } from './benchExperiment';
import type { BenchEntry } from './benchResults';

const QUICK = 'bench.latency-v1:0';
const SLOW = 'bench.slow-v1:0';
const INJECTED_MS = 60;
const OVERHEAD_GOAL_MS = 20;
const CANCEL_GOAL_MS = 1_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number) => Math.round(x * 100) / 100;
const request = (modelId: string, i: number) => ({
  modelId,
  userText: `Summarize: call ${i} of the latency bench.`,
  maxTokens: 200,
  temperature: 0,
  topP: 1,
});

/** Milliseconds from abort() to the call's rejection, aborting 100 ms into a 10 s answer. */
async function abortToReject(call: (signal: AbortSignal) => Promise<unknown>): Promise<number> {
  const controller = new AbortController();
  let abortedAt = 0;
  setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, 100);
  await call(controller.signal).catch(() => undefined);
  return performance.now() - abortedAt;
}

/** Milliseconds the runner's cancel takes while every slot holds a call a minute long. */
async function runnerCancel(
  standIn: StandInProcess,
  client: BedrockRuntimeClient,
  dir: string,
): Promise<number> {
  const student = `models/${encodeURIComponent(BENCH_MODELS[1] ?? '')}`;
  await standIn.control(student, { latencyMs: 60_000, ttftMs: 50, chunks: 3 });
  const { db } = await openDatabase(join(dir, 'cancel.sqlite'));
  try {
    const experimentId = createBenchExperiment(db, 8, 4);
    let full: () => void = () => undefined;
    const slotsFull = new Promise<void>((resolve) => (full = resolve));
    const runner = new ExperimentRunner({
      db,
      clientFor: () => client,
      emit: (p) => p.inFlight === 4 && full(),
    });
    runner.start(experimentId);
    await slotsFull;
    const t = performance.now();
    await runner.cancel(experimentId);
    return performance.now() - t;
  } finally {
    db.close();
  }
}

export async function callLatencyBench(
  standIn: StandInProcess,
  client: BedrockRuntimeClient,
  dir: string,
): Promise<(BenchEntry & { met: boolean })[]> {
  await standIn.control(`models/${QUICK}`, { latencyMs: INJECTED_MS, ttftMs: 25, chunks: 5 });
  await standIn.control(`models/${SLOW}`, { latencyMs: 10_000, ttftMs: 50, chunks: 100 });
  await streamCompletion(client, request(QUICK, -1)); // warm the connection pool
  const streamed: number[] = [];
  const once: number[] = [];
  for (let i = 0; i < 20; i++) {
    streamed.push((await streamCompletion(client, request(QUICK, i))).e2eLatencyMs - INJECTED_MS);
    once.push((await converseOnce(client, request(QUICK, i))).e2eLatencyMs - INJECTED_MS);
  }
  const streamAbort = await abortToReject((signal) =>
    streamCompletion(client, request(SLOW, 0), { signal }),
  );
  const onceAbort = await abortToReject((signal) =>
    converseOnce(client, request(SLOW, 1), { signal }),
  );
  const cancel = await runnerCancel(standIn, client, dir);
  const entry = (name: string, value: number, goalMs: number, what: string) => ({
    name,
    value: round(value),
    unit: 'ms',
    goal: `≤ ${goalMs}: ${what}`,
    met: value <= goalMs,
  });
  return [
    entry(
      'runner.streamOverhead',
      median(streamed),
      OVERHEAD_GOAL_MS,
      'stream e2e − injected, median',
    ),
    entry(
      'runner.converseOverhead',
      median(once),
      OVERHEAD_GOAL_MS,
      'Converse e2e − injected, median',
    ),
    entry('runner.streamAbort', streamAbort, CANCEL_GOAL_MS, 'abort to rejection, streaming'),
    entry('runner.converseAbort', onceAbort, CANCEL_GOAL_MS, 'abort to rejection, Converse'),
    entry('runner.cancel', cancel, CANCEL_GOAL_MS, 'cancel with 4 minute-long calls in flight'),
  ];
}
