/**
 * Runner benchmark (`npm run bench`): 400 streamed calls at concurrency 8 against the stand-in
 * (its own process, so its CPU is not ours) with a fixed 250 ms latency, through the real
 * runner, SDK and a SQLite file with the app's pragmas (WAL, synchronous = NORMAL).
 * Ideal wall time: 400 / 8 × 250 ms = 12.5 s; the goal is to stay within 3 % of it.
 *
 * Each round also runs the same 400 calls through the bare SDK (8 loops calling
 * streamCompletion, no runner, no store): that floor is what the SDK, the loopback network and
 * the stand-in cost on this machine, so runner − floor is the runner's own share. Rounds are
 * interleaved and medians reported because a shared 2-core machine is noisy. One untimed call
 * per model first loads the SDK's lazily required modules (~100 ms, once per process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { createBedrockClient } from '../src/main/bedrock/client';
import { streamCompletion } from '../src/main/bedrock/converseStream';
import { listRuns } from '../src/main/db/repos/runs';
import { openDatabase } from '../src/main/db/open';
import { ExperimentRunner } from '../src/main/runner/experimentRunner';
import { BENCH_MODELS, benchParagraph, createBenchExperiment } from './benchExperiment';
import { callLatencyBench } from './callLatencyBench';
import { mergeResults } from './benchResults';
import { bareSdkCpuPerCallMs, cliGoals, cliRun, FAULT_MIX } from './cliBench';
import { startStandInProcess } from '../test/support/standInProcess';
import { answerHelp } from './benchHelp';

answerHelp(`Usage: node out/node/bench.cjs   (part of npm run bench; run from the repository)

400 streamed calls at concurrency 8 against the Bedrock stand-in (250 ms each) through the runner,
against the bare SDK; the call latency goals (overhead, abort, cancel); the whole CLI from outside
(no faults, a fault mix, 4,000 calls at concurrency 32). Each goal is printed beside its figure
and written to bench/results.json.

Environment:
  BENCH_ROUNDS=N        rounds of the runner part (default 3; the median is kept)
  BENCH_ONLY=cli|runner run one part only
  BENCH_CLI=base|faults|big|bare the CLI part: that run alone, printed as JSON (bare: the same
                        calls through the bare SDK in a process of its own, its CPU per call)`);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** `cli` runs only the CLI part (its three runs take about a minute), `runner` only the rest. */
const ONLY = process.env.BENCH_ONLY;
const PARAGRAPHS = 200;
const CONCURRENCY = 8;
const LATENCY_MS = 250;
const TTFT_MS = 60;
const CALLS = PARAGRAPHS * BENCH_MODELS.length;
const IDEAL_MS = (CALLS / CONCURRENCY) * LATENCY_MS;
const GOAL_PCT = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const pct = (wall: number) => ((wall - IDEAL_MS) / IDEAL_MS) * 100;
const request = (i: number) => ({
  modelId: BENCH_MODELS[i % BENCH_MODELS.length] ?? '',
  userText: `Summarize: ${benchParagraph(Math.floor(i / BENCH_MODELS.length))}`,
  maxTokens: 256,
  temperature: 0,
  topP: 1,
});

async function floorRound(client: BedrockRuntimeClient): Promise<{ wallMs: number }> {
  let next = 0;
  const lane = async () => {
    while (next < CALLS) await streamCompletion(client, request(next++));
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return { wallMs: performance.now() - t0 };
}

async function runnerRound(client: BedrockRuntimeClient, dir: string, n: number) {
  const { db } = await openDatabase(join(dir, `round-${n}.sqlite`));
  // The bench's own probe on the commit: how long each autocommitted INSERT (fsync) blocks.
  const commits: number[] = [];
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => {
    const statement = prepare(sql);
    if (!sql.includes('INSERT INTO runs')) return statement;
    const run = statement.run.bind(statement);
    (statement as { run: unknown }).run = (...params: unknown[]) => {
      const t = performance.now();
      try {
        return run(...params);
      } finally {
        commits.push(performance.now() - t);
      }
    };
    return statement;
  };
  const experimentId = createBenchExperiment(db, PARAGRAPHS, CONCURRENCY);
  let events = 0;
  const runner = new ExperimentRunner({ db, clientFor: () => client, emit: () => events++ });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  runner.start(experimentId);
  const final = await runner.settled(experimentId);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  const runs = listRuns(db, experimentId);
  db.close();
  if (final.status !== 'completed' || final.failed > 0 || runs.length !== CALLS) {
    throw new Error(`The benchmark run did not complete: ${final.status} ${final.statusReason}`);
  }
  const e2e = runs.reduce((s, r) => s + (r.e2eMs ?? 0), 0);
  return {
    wallMs,
    cpuPerCallMs: (cpu.user + cpu.system) / 1000 / CALLS,
    meanE2eMs: e2e / CALLS,
    // Wall time beyond what 8 always-busy slots would need: dispatch gaps and the start-up wait.
    idleSlotMs: wallMs - e2e / CONCURRENCY,
    commitMeanMs: commits.reduce((s, x) => s + x, 0) / commits.length,
    eventLoopP99Ms: loop.percentile(99) / 1e6,
    progressEvents: events,
  };
}

async function main(): Promise<void> {
  const standIn = await startStandInProcess(process.cwd());
  const dir = mkdtempSync(join(tmpdir(), 'distill-bench-'));
  const client = createBedrockClient({
    region: 'us-east-1',
    endpoint: standIn.url,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
    maxAttempts: 3,
    connectionTimeoutMs: 2_000,
    requestTimeoutMs: 30_000,
  });
  try {
    const script = { latencyMs: LATENCY_MS, ttftMs: TTFT_MS, chunks: 8, output: 'student' };
    for (const m of BENCH_MODELS) await standIn.control(`models/${encodeURIComponent(m)}`, script);
    for (let i = 0; i < BENCH_MODELS.length; i++) await streamCompletion(client, request(i));
    if (ONLY !== 'runner') await cliBench(standIn, dir);
    if (ONLY === 'cli') return;

    const floors: number[] = [];
    const rounds: Awaited<ReturnType<typeof runnerRound>>[] = [];
    for (let n = 0; n < ROUNDS; n++) {
      floors.push((await floorRound(client)).wallMs);
      rounds.push(await runnerRound(client, dir, n));
      const last = rounds[n];
      process.stdout.write(
        `round ${n + 1}/${ROUNDS}: runner ${round(last?.wallMs ?? 0, 0)} ms (${round(pct(last?.wallMs ?? 0))} %), ` +
          `bare SDK ${round(floors[n] ?? 0, 0)} ms (${round(pct(floors[n] ?? 0))} %)\n`,
      );
    }
    // Last: it leaves the bench student answering after a minute.
    const latency = await callLatencyBench(standIn, client, dir);
    const of = (f: (r: (typeof rounds)[number]) => number) => median(rounds.map(f));
    const wallMs = of((r) => r.wallMs);
    const floorMs = median(floors);
    const report = {
      idealMs: IDEAL_MS,
      runnerWallMs: round(wallMs, 0),
      runnerOverheadPct: round(pct(wallMs)),
      bareSdkWallMs: round(floorMs, 0),
      bareSdkOverheadPct: round(pct(floorMs)),
      runnerOwnSharePct: round(pct(wallMs) - pct(floorMs)),
      meanE2eMs: round(of((r) => r.meanE2eMs)),
      idleSlotMs: round(
        of((r) => r.idleSlotMs),
        0,
      ),
      sqliteCommitMeanMs: round(
        of((r) => r.commitMeanMs),
        3,
      ),
      // Each commit blocks the event loop (better-sqlite3 is synchronous): this much in total.
      sqliteCommitTotalMs: round(of((r) => r.commitMeanMs) * CALLS, 0),
      cpuPerCallMs: round(
        of((r) => r.cpuPerCallMs),
        3,
      ),
      eventLoopP99Ms: round(of((r) => r.eventLoopP99Ms)),
      progressEvents: of((r) => r.progressEvents),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    mergeResults(join(process.cwd(), 'bench', 'results.json'), 'runner.', [
      {
        name: 'runner.wallTime',
        value: report.runnerWallMs,
        unit: 'ms',
        goal: `≤ ${IDEAL_MS * (1 + GOAL_PCT / 100)} (ideal ${IDEAL_MS} + ${GOAL_PCT} %)`,
      },
      {
        name: 'runner.overheadVsIdeal',
        value: report.runnerOverheadPct,
        unit: '%',
        goal: `≤ ${GOAL_PCT}`,
      },
      {
        name: 'runner.bareSdkOverheadVsIdeal',
        value: report.bareSdkOverheadPct,
        unit: '%',
        goal: 'floor: SDK + loopback + stand-in, no runner',
      },
      {
        name: 'runner.ownShare',
        value: report.runnerOwnSharePct,
        unit: '%',
        goal: 'runner overhead − bare SDK overhead; as small as possible',
      },
      {
        name: 'runner.cpuPerCall',
        value: report.cpuPerCallMs,
        unit: 'ms',
        goal: 'informational: runner + SDK + SQLite, stand-in excluded',
      },
      {
        name: 'runner.sqliteCommit',
        value: report.sqliteCommitMeanMs,
        unit: 'ms',
        goal: 'informational: one autocommitted INSERT (WAL, synchronous = NORMAL)',
      },
      { name: 'runner.peakRss', value: report.peakRssMb, unit: 'MB', goal: 'informational' },
      ...latency.map(({ met: _met, ...entry }) => entry),
    ]);
    for (const g of latency) {
      process.stdout.write(
        `${g.met ? 'met ' : 'MISS'} ${g.name.padEnd(24)} ${`${g.value} ms`.padEnd(11)} ${g.goal}\n`,
      );
    }
    const verdict = report.runnerOverheadPct <= GOAL_PCT ? 'within' : 'OVER';
    process.stdout.write(
      `runner: ${report.runnerOverheadPct} % over ideal (${verdict} the ${GOAL_PCT} % goal); ` +
        `bare SDK floor ${report.bareSdkOverheadPct} %; runner's own share ${report.runnerOwnSharePct} %\n`,
    );
  } finally {
    client.destroy();
    await standIn.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI from outside: no faults, then the fault mix, then 4,000 calls at concurrency 32. */
async function cliBench(
  standIn: Awaited<ReturnType<typeof startStandInProcess>>,
  dir: string,
): Promise<void> {
  // BENCH_CLI=base, =faults, =big or =bare: that run alone, for working on it.
  const only = process.env.BENCH_CLI;
  if (only === 'bare') {
    const cpuPerCallMs = await bareSdkCpuPerCallMs(standIn, dir, PARAGRAPHS, CONCURRENCY);
    process.stdout.write(`${JSON.stringify({ bareSdkCpuPerCallMs: cpuPerCallMs })}\n`);
    return;
  }
  if (only === 'base' || only === 'faults' || only === 'big') {
    if (only === 'faults') await standIn.control('fault-plan', FAULT_MIX);
    const alone =
      only === 'big'
        ? await cliRun(standIn, dir, 'cli-big', 2_000, 32)
        : await cliRun(standIn, dir, `cli-${only}`, PARAGRAPHS, CONCURRENCY);
    process.stdout.write(`${JSON.stringify(alone)}\n`);
    return;
  }
  await standIn.control('fault-plan', FAULT_MIX);
  const faults = await cliRun(standIn, dir, 'cli-faults', PARAGRAPHS, CONCURRENCY);
  await standIn.control('fault-plan', null);
  const base = await cliRun(standIn, dir, 'cli-base', PARAGRAPHS, CONCURRENCY);
  const big = await cliRun(standIn, dir, 'cli-big', 2_000, 32);
  const bare = await bareSdkCpuPerCallMs(standIn, dir, PARAGRAPHS, CONCURRENCY);
  process.stdout.write(`bare SDK process, the same 400 calls: ${round(bare, 3)} ms CPU/call\n`);
  for (const [label, f] of [
    ['no faults', base],
    ['fault mix', faults],
    ['4,000 calls', big],
  ] as const) {
    process.stdout.write(
      `cli ${label}: ${round(f.wallMs, 0)} ms (ideal ${f.idealMs}), call phase ${round(f.callPhaseMs, 0)} ms, ` +
        `first request ${round(f.firstRequestMs, 0)} ms after launch, ${round(f.peakRssMb, 1)} MB, ` +
        `${round(f.cpuPerCallMs, 3)} ms CPU/call, ${f.results} results, errors ${JSON.stringify(f.errorClasses)}, ` +
        `median latency ${round(f.medianE2eMs, 1)} ms, exit ${f.exitCode}\n`,
    );
  }
  const goals = cliGoals(base, big, faults, bare);
  process.stdout.write('\ngoal                         figure        goal\n');
  for (const g of goals) {
    const figure = `${g.value} ${g.unit}`;
    process.stdout.write(
      `${g.met ? 'met ' : 'MISS'} ${g.name.padEnd(26)} ${figure.padEnd(13)} ${g.goal}\n`,
    );
  }
  mergeResults(
    join(process.cwd(), 'bench', 'results.json'),
    'cli.',
    goals.map(({ met: _met, ...entry }) => entry),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
