/**
 * Runner benchmark (`npm run bench`): 400 streamed calls at concurrency 8 against the stand-in
 * (its own process) with a fixed 250 ms latency, through the real runner, SDK and a SQLite file
 * with the app's pragmas. Ideal wall time: 400 / 8 × 250 ms = 12.5 s; the goal is within 3 %.
 *
 * Besides wall time it splits the overhead into what each call costs on the client side (mean
 * end-to-end latency above the scripted 250 ms) and slots left idle by the scheduler, and it
 * times SQLite's per-commit cost on the same file, so that a miss can be traced to its cause.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createBedrockClient } from '../src/main/bedrock/client';
import { insertDataset } from '../src/main/db/repos/datasets';
import { insertExperiment } from '../src/main/db/repos/experiments';
import { appendParagraphs } from '../src/main/db/repos/paragraphs';
import { listRuns } from '../src/main/db/repos/runs';
import { openDatabase } from '../src/main/db/open';
import { ExperimentRunner } from '../src/main/runner/experimentRunner';
import { ExperimentConfigSchema } from '../src/shared/domain/experiment';
import { mergeResults, type BenchEntry } from './benchResults';
import { startStandInProcess } from './benchStandIn';

const ROOT = process.cwd();
const MODELS = ['bench.teacher-v1:0', 'bench.student-v1:0'];
const PARAGRAPHS = 200;
const CONCURRENCY = 8;
const LATENCY_MS = 250;
const CALLS = PARAGRAPHS * MODELS.length;
const IDEAL_MS = (CALLS / CONCURRENCY) * LATENCY_MS;
const GOAL_PCT = 3;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** What one autocommitted INSERT costs on this file (WAL, synchronous = FULL): the fsync. */
function commitCostMs(db: import('better-sqlite3').Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS bench_commit (v TEXT)');
  const insert = db.prepare('INSERT INTO bench_commit (v) VALUES (?)');
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) insert.run('x'.repeat(600));
  return (performance.now() - t0) / 200;
}

async function main(): Promise<void> {
  const standIn = await startStandInProcess(ROOT);
  const temp = mkdtempSync(join(tmpdir(), 'distill-bench-'));
  try {
    for (const modelId of MODELS) {
      await standIn.control(`models/${encodeURIComponent(modelId)}`, {
        latencyMs: LATENCY_MS,
        ttftMs: 60,
        chunks: 8,
        output: 'student',
      });
    }
    const { db } = await openDatabase(join(temp, 'bench.sqlite'));
    if (process.env.BENCH_SYNC) db.pragma(`synchronous = ${process.env.BENCH_SYNC}`);
    const datasetId = insertDataset(db, 'bench');
    appendParagraphs(
      db,
      datasetId,
      Array.from({ length: PARAGRAPHS }, (_, i) => ({
        text: `Paragraph ${i}: revenue rose ${i} percent while costs fell, and the board approved a dividend of ${i % 9} cents per share for the quarter.`,
        reference: null,
        tags: [],
      })),
    );
    const experimentId = insertExperiment(
      db,
      ExperimentConfigSchema.parse({
        name: 'runner bench',
        datasetId,
        teacherModelId: MODELS[0],
        studentModelIds: MODELS.slice(1),
        region: 'us-east-1',
        promptTemplate: 'Summarize: {{paragraph}}',
        systemPrompt: null,
        inference: { maxTokens: 256, temperature: 0, topP: 1 },
        repeats: 1,
        concurrency: CONCURRENCY,
        budgetUsd: null,
        prices: MODELS.map((modelId) => ({
          modelId,
          inputUsdPer1k: 0.0003,
          outputUsdPer1k: 0.0006,
          source: 'bench',
          asOf: '2025-01-01',
          overridden: true,
        })),
      }),
    );
    const client = createBedrockClient({
      region: 'us-east-1',
      endpoint: standIn.url,
      credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
      maxAttempts: 3,
      connectionTimeoutMs: 2_000,
      requestTimeoutMs: 30_000,
    });
    const insertTimes: number[] = [];
    if (process.env.BENCH_DEBUG) {
      const prepare = db.prepare.bind(db);
      (db as { prepare: unknown }).prepare = (sql: string) => {
        const stmt = prepare(sql);
        if (!sql.includes('INSERT INTO runs')) return stmt;
        const run = stmt.run.bind(stmt);
        (stmt as { run: unknown }).run = (...a: unknown[]) => {
          const t = performance.now();
          try {
            return run(...a);
          } finally {
            insertTimes.push(performance.now() - t);
          }
        };
        return stmt;
      };
    }
    let events = 0;
    const runner = new ExperimentRunner({ db, clientFor: () => client, emit: () => events++ });
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });

    loopDelay.enable();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let final;
    if (process.env.BENCH_RAW) {
      const { streamCompletion } = await import('../src/main/bedrock/converseStream');
      let next = 0;
      const lane = async () => {
        while (next < CALLS) {
          const i = next++;
          await streamCompletion(client, {
            modelId: MODELS[i % 2] ?? '',
            userText: `Summarize: Paragraph ${i >> 1}: revenue rose`,
            maxTokens: 256,
            temperature: 0,
            topP: 1,
          });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, lane));
      final = { status: 'completed', failed: 0, statusReason: null };
    } else {
      runner.start(experimentId);
      final = await runner.settled(experimentId);
    }
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    loopDelay.disable();

    const runs = listRuns(db, experimentId);
    const e2e = runs.map((r) => r.e2eMs ?? 0);
    const meanE2e = e2e.reduce((s, x) => s + x, 0) / e2e.length;
    // Wall time if every slot were busy all the time: Σ e2e / concurrency. The rest is idle slots.
    const busyMs = e2e.reduce((s, x) => s + x, 0) / CONCURRENCY;
    const commitMs = commitCostMs(db);
    if (process.env.BENCH_DEBUG) {
      const byStart = [...runs].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      const e = byStart.map((r) => r.e2eMs ?? 0);
      const sorted = [...e].sort((a, b) => a - b);
      const ins = [...insertTimes].sort((a, b) => a - b);
      process.stdout.write(
        `insert mean ${(ins.reduce((x, y) => x + y, 0) / ins.length).toFixed(2)} p50 ${ins[200]?.toFixed(2)} p99 ${ins[396]?.toFixed(2)} max ${ins.at(-1)?.toFixed(2)}\n`,
      );
      process.stdout.write(
        `first16 ${e
          .slice(0, 16)
          .map((x) => x.toFixed(0))
          .join(' ')}\n`,
      );
      process.stdout.write(
        `p50 ${sorted[200]?.toFixed(1)} p90 ${sorted[360]?.toFixed(1)} p99 ${sorted[396]?.toFixed(1)} max ${sorted[399]?.toFixed(1)} min ${sorted[0]?.toFixed(1)}\n`,
      );
      const ttft = byStart.map((r) => r.ttftMs ?? 0).sort((a, b) => a - b);
      process.stdout.write(`ttft p50 ${ttft[200]?.toFixed(1)} min ${ttft[0]?.toFixed(1)}\n`);
      const t0iso = Date.parse(byStart[0]?.startedAt ?? '');
      process.stdout.write(
        `last start +${Date.parse(byStart.at(-1)?.startedAt ?? '') - t0iso} ms; last finish +${Math.max(...runs.map((r) => Date.parse(r.finishedAt))) - t0iso} ms\n`,
      );
    }
    db.close();
    client.destroy();

    const overheadPct = ((wallMs - IDEAL_MS) / IDEAL_MS) * 100;
    const cpuPerCallMs = (cpu.user + cpu.system) / 1000 / CALLS;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const report = {
      status: final.status,
      calls: runs.length,
      failed: final.failed,
      wallMs: round(wallMs, 0),
      idealMs: IDEAL_MS,
      overheadPct: round(overheadPct),
      meanE2eMs: round(meanE2e),
      perCallClientOverheadMs: round(meanE2e - LATENCY_MS),
      idleSlotMs: round(wallMs - busyMs, 0),
      cpuPerCallMs: round(cpuPerCallMs, 3),
      sqliteCommitMs: round(commitMs, 3),
      eventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
      progressEvents: events,
      peakRssMb: round(peakRssMb, 1),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (final.status !== 'completed' || runs.length !== CALLS) {
      throw new Error(`The benchmark run did not complete: ${final.status} ${final.statusReason}`);
    }
    const entries: BenchEntry[] = [
      {
        name: 'runner.wallTime',
        value: report.wallMs,
        unit: 'ms',
        goal: `≤ ${IDEAL_MS * (1 + GOAL_PCT / 100)} (ideal ${IDEAL_MS} + ${GOAL_PCT} %)`,
      },
      {
        name: 'runner.overheadVsIdeal',
        value: report.overheadPct,
        unit: '%',
        goal: `≤ ${GOAL_PCT}`,
      },
      {
        name: 'runner.cpuPerCall',
        value: report.cpuPerCallMs,
        unit: 'ms',
        goal: 'informational (runner + SDK + SQLite, stand-in excluded)',
      },
      { name: 'runner.peakRss', value: report.peakRssMb, unit: 'MB', goal: 'informational' },
      {
        name: 'runner.perCallClientOverhead',
        value: report.perCallClientOverheadMs,
        unit: 'ms',
        goal: 'informational (mean e2e − 250 ms)',
      },
      {
        name: 'runner.sqliteCommit',
        value: report.sqliteCommitMs,
        unit: 'ms',
        goal: 'informational (one autocommitted INSERT, WAL, synchronous = FULL)',
      },
    ];
    mergeResults(join(ROOT, 'bench', 'results.json'), entries);
    const verdict = overheadPct <= GOAL_PCT ? 'within' : 'OVER';
    process.stdout.write(
      `wall ${report.wallMs} ms vs ideal ${IDEAL_MS} ms: ${report.overheadPct} % (${verdict} the ${GOAL_PCT} % goal)\n`,
    );
  } finally {
    await standIn.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
