/**
 * The whole CLI as a user runs it (`node out/node/cli.cjs run …`), timed from outside: launch
 * to exit, launch to the stand-in's first request, the call phase (first request to the last
 * answer, as the stand-in saw them), peak RSS and CPU of the CLI process (GNU time). Then the
 * same 400 calls with 30 % throttles, 5 % 5xx and 2 % hung connections (hang detection at its
 * defaults), and 4,000 calls at concurrency 32. Each goal is printed beside its figure.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listRuns } from '../src/main/db/repos/runs';
import { openDatabase } from '../src/main/db/open';
import { databasePath } from '../src/main/paths/dataDir';
import { median } from '../src/shared/metrics/statistics';
import type { RecordedRequest } from '../test/support/standInTypes';
import type { StandInProcess } from '../test/support/standInProcess';
import { BENCH_MODELS, benchParagraph } from './benchExperiment';
import type { BenchEntry } from './benchResults';

const LATENCY_MS = 250;

export interface CliFigures {
  calls: number;
  concurrency: number;
  idealMs: number;
  wallMs: number;
  firstRequestMs: number;
  callPhaseMs: number;
  peakRssMb: number;
  cpuPerCallMs: number;
  results: number;
  errorClasses: Record<string, number>;
  medianE2eMs: number;
  exitCode: number | null;
}

async function requests(standIn: StandInProcess): Promise<RecordedRequest[]> {
  const res = await fetch(`${standIn.url}/__stand-in/requests`);
  return (await res.json()) as RecordedRequest[];
}

interface TimedProcess {
  wallMs: number;
  /** User + system CPU of the process, from GNU time. */
  cpuMs: number;
  peakRssMb: number;
  exitCode: number | null;
}

/** Runs `args` under GNU time with the bench's fake keys; its output is not read. */
async function timedProcess(dir: string, name: string, args: string[]): Promise<TimedProcess> {
  const timeFile = join(dir, `${name}.time`);
  const t0 = performance.now();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%U %S %M', ...args], {
      stdio: ['ignore', 'ignore', 'ignore'],
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDBENCH', AWS_SECRET_ACCESS_KEY: 'bench' },
    });
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - t0;
  const [user, system, maxRssKb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
  return {
    wallMs,
    cpuMs: ((user ?? 0) + (system ?? 0)) * 1000,
    peakRssMb: (maxRssKb ?? 0) / 1024,
    exitCode,
  };
}

/**
 * CPU per call of the same calls through the bare SDK in a process of its own
 * (bareSdkProcess.ts): the floor on this machine that the CLI's figure is read against.
 */
export async function bareSdkCpuPerCallMs(
  standIn: StandInProcess,
  dir: string,
  paragraphs: number,
  concurrency: number,
): Promise<number> {
  const calls = paragraphs * BENCH_MODELS.length;
  await fetch(`${standIn.url}/__stand-in/reset`, { method: 'POST' });
  const script = join(process.cwd(), 'out', 'node', 'bench-bare-sdk.cjs');
  const run = await timedProcess(dir, 'bare-sdk', [
    process.execPath,
    script,
    standIn.url,
    String(calls),
    String(concurrency),
  ]);
  if (run.exitCode !== 0) throw new Error(`The bare SDK process exited with ${run.exitCode}`);
  return run.cpuMs / calls;
}

/** One CLI run of `paragraphs` × 2 models at `concurrency`, in a fresh data folder. */
export async function cliRun(
  standIn: StandInProcess,
  dir: string,
  name: string,
  paragraphs: number,
  concurrency: number,
): Promise<CliFigures> {
  const dataset = join(dir, `${name}.jsonl`);
  writeFileSync(
    dataset,
    Array.from({ length: paragraphs }, (_, i) => JSON.stringify({ text: benchParagraph(i) })).join(
      '\n',
    ),
  );
  const dataDir = join(dir, name);
  const args = [
    process.execPath,
    ...(process.env.BENCH_CLI_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    join(process.cwd(), 'out', 'node', 'cli.cjs'),
    'run',
    '--data-dir',
    dataDir,
    '--endpoint',
    standIn.url,
    '--dataset',
    dataset,
    '--teacher',
    BENCH_MODELS[0] ?? '',
    '--student',
    BENCH_MODELS[1] ?? '',
    '--repeats',
    '1',
    '--concurrency',
    String(concurrency),
    '--max-tokens',
    '256',
    ...BENCH_MODELS.flatMap((m) => ['--price', `${m}=0.0003,0.0006`]),
    '--json',
  ];
  await fetch(`${standIn.url}/__stand-in/reset`, { method: 'POST' });
  const launchedAt = Date.now();
  const timed = await timedProcess(dir, name, args);
  const { wallMs, exitCode } = timed;
  const seen = await requests(standIn);
  const first = Math.min(...seen.map((r) => r.receivedAtEpochMs));
  const last = Math.max(...seen.map((r) => r.receivedAtEpochMs + (r.latencyMs ?? 0)));
  const { db } = await openDatabase(databasePath(dataDir));
  const runs = db
    .prepare('SELECT id FROM experiments')
    .all()
    .flatMap((e) => listRuns(db, (e as { id: string }).id));
  db.close();
  const errorClasses: Record<string, number> = {};
  for (const r of runs) {
    if (r.errorClass !== null) errorClasses[r.errorClass] = (errorClasses[r.errorClass] ?? 0) + 1;
  }
  const calls = paragraphs * BENCH_MODELS.length;
  return {
    calls,
    concurrency,
    idealMs: (calls / concurrency) * LATENCY_MS,
    wallMs,
    firstRequestMs: first - launchedAt,
    callPhaseMs: last - first,
    peakRssMb: timed.peakRssMb,
    cpuPerCallMs: timed.cpuMs / calls,
    results: runs.filter((r) => r.status === 'ok').length,
    errorClasses,
    medianE2eMs: median(runs.flatMap((r) => (r.e2eMs === null ? [] : [r.e2eMs]))),
    exitCode,
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The goals, each as an entry with its figure; `met` says whether the figure meets it. */
export function cliGoals(
  base: CliFigures,
  big: CliFigures,
  faults: CliFigures,
  bareSdkCpuPerCallMs: number,
): (BenchEntry & { met: boolean })[] {
  const ownCpuPerCallMs = base.cpuPerCallMs - bareSdkCpuPerCallMs;
  const unknown = faults.errorClasses.unknown ?? 0;
  const ended = faults.results + Object.values(faults.errorClasses).reduce((s, n) => s + n, 0);
  return [
    {
      name: 'cli.wallVsIdeal',
      value: r3(base.wallMs / base.idealMs),
      unit: '×',
      goal: '≤ 1.05 (400 calls, concurrency 8, 250 ms; launch to exit)',
      met: base.wallMs / base.idealMs <= 1.05,
    },
    {
      name: 'cli.callPhaseVsIdeal',
      value: r3(base.callPhaseMs / base.idealMs),
      unit: '×',
      goal: '≤ 1.022 (first request to last answer)',
      met: base.callPhaseMs / base.idealMs <= 1.022,
    },
    {
      name: 'cli.peakRss',
      value: r2(base.peakRssMb),
      unit: 'MB',
      goal: '≤ 100',
      met: base.peakRssMb <= 100,
    },
    {
      name: 'cli.cpuPerCall',
      value: r3(base.cpuPerCallMs),
      unit: 'ms',
      goal: '≤ 4 (whole CLI process: user + system)',
      met: base.cpuPerCallMs <= 4,
    },
    {
      // The 4 ms was set on a machine where the bare SDK took 3.25 ms per call (1.3 s for 400):
      // the CLI's own share, above the SDK measured here, reads the same on any machine.
      name: 'cli.cpuPerCallAboveBareSdk',
      value: r3(ownCpuPerCallMs),
      unit: 'ms',
      goal: `≤ 0.75 (the 4 ms goal less the 3.25 ms its bare SDK took; the bare SDK here: ${r3(bareSdkCpuPerCallMs)} ms)`,
      met: ownCpuPerCallMs <= 0.75,
    },
    {
      name: 'cli.firstRequest',
      value: r3(base.firstRequestMs / 1000),
      unit: 's',
      goal: '≤ 0.3 after launch',
      met: base.firstRequestMs <= 300,
    },
    {
      name: 'cli.big.wallVsIdeal',
      value: r3(big.wallMs / big.idealMs),
      unit: '×',
      goal: '≤ 1.04 (4,000 calls, concurrency 32)',
      met: big.wallMs / big.idealMs <= 1.04,
    },
    {
      name: 'cli.big.peakRss',
      value: r2(big.peakRssMb),
      unit: 'MB',
      goal: '≤ 120',
      met: big.peakRssMb <= 120,
    },
    {
      name: 'cli.faults.wallVsNoFault',
      value: r2(faults.wallMs / base.wallMs),
      unit: '×',
      goal: '≤ 3 (30 % throttles, 5 % 5xx, 2 % hangs; hang detection at its defaults)',
      met: faults.wallMs / base.wallMs <= 3,
    },
    {
      name: 'cli.faults.results',
      value: faults.results,
      unit: 'calls',
      goal: `every one of ${faults.calls} a result or a classified error (${ended} ended)`,
      met: ended === faults.calls,
    },
    {
      name: 'cli.faults.unknownErrors',
      value: unknown,
      unit: 'calls',
      goal: '0',
      met: unknown === 0,
    },
    {
      name: 'cli.faults.medianLatency',
      value: r2(faults.medianE2eMs),
      unit: 'ms',
      goal: `within 20 of the injected ${LATENCY_MS} despite retries`,
      met: Math.abs(faults.medianE2eMs - LATENCY_MS) <= 20,
    },
  ];
}

export const FAULT_MIX = { throttle: 0.3, serverError: 0.025, unavailable: 0.025, hang: 0.02 };
