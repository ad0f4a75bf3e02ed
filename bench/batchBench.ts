/**
 * Batch benchmark (`npm run bench`): an experiment of 50,000 paragraphs × 2 models sent to batch
 * through the stand-ins (S3 and the control plane in their own process, so their CPU and memory
 * are not ours), with the app's real batch module, SDK clients and a SQLite file with the app's
 * pragmas. Measured: building and uploading the 100,000 JSONL records (plan included), then
 * collecting and storing the 100,000 results once the jobs have ended (the wait for the
 * stand-in's jobs is not counted), and the peak RSS of the process that ran the batch (a fresh
 * process on the stored experiment, as the app or `batch collect` would be; the dataset import
 * happens before, in the parent).
 * Goals: collect and store at least 20,000 results a second; peak RSS under 300 MB. Then the
 * quality figures of the stored experiment (what the Quality screen and the report wait on):
 * goal within 5 s at 50,000 paragraphs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBatchClients } from '../src/main/batch/awsClients';
import { isTerminal } from '../src/shared/batch/jobStatus';
import type { BatchDeps } from '../src/main/batch/batchDeps';
import { advanceBatch, refreshBatchStatus } from '../src/main/batch/batchPipeline';
import { setupBatch } from '../src/main/batch/batchSetup';
import { insertDataset } from '../src/main/db/repos/datasets';
import { getExperiment, insertExperiment } from '../src/main/db/repos/experiments';
import { loadQualityReport } from '../src/main/quality/qualityReportLoader';
import { appendParagraphs } from '../src/main/db/repos/paragraphs';
import { openDatabase } from '../src/main/db/open';
import { preferSmallHeap } from '../src/main/common/smallHeap';
import { ExperimentConfigSchema } from '../src/shared/domain/experiment';
import { startBatchStandInProcess } from '../test/support/batchStandInProcess';
import { benchParagraph } from './benchExperiment';
import { mergeResults } from './benchResults';
import { answerHelp } from './benchHelp';

answerHelp(`Usage: node out/node/bench-batch.cjs   (part of npm run bench)

50,000 paragraphs × 2 models through batch against the S3 and control-plane stand-ins: records
built and uploaded, results collected and stored (goal: 20,000 a second), peak RSS (goal: 300 MB).

Environment:
  BENCH_BATCH_PARAGRAPHS=N   paragraphs (default 50,000)`);

const PARAGRAPHS = Number(process.env.BENCH_BATCH_PARAGRAPHS ?? 50_000);
const MODELS = ['meta.llama3-70b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0'];
const KEY = 'AKIDBATCHBENCH';
const RATE_GOAL = 20_000;
const RSS_GOAL_MB = 300;
const QUALITY_GOAL_MS = 5_000;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

interface ChildTask {
  dbPath: string;
  experimentId: string;
  s3Url: string;
  bedrockUrl: string;
}

/** The parent's part: stand-ins, the dataset (an import, not part of the batch), the experiment. */
async function prepare(dbPath: string): Promise<string> {
  const { db } = await openDatabase(dbPath);
  const datasetId = db.transaction(() => {
    const id = insertDataset(db, 'batch bench');
    appendParagraphs(
      db,
      id,
      Array.from({ length: PARAGRAPHS }, (_, i) => ({
        text: benchParagraph(i),
        reference: null,
        tags: [],
      })),
    );
    return id;
  })();
  const experimentId = insertExperiment(
    db,
    ExperimentConfigSchema.parse({
      name: 'batch bench',
      datasetId,
      teacherModelId: MODELS[0],
      studentModelIds: MODELS.slice(1),
      region: 'us-east-1',
      promptTemplate: 'Summarize: {{paragraph}}',
      systemPrompt: null,
      inference: { maxTokens: 256, temperature: 0, topP: 1 },
      repeats: 1,
      concurrency: 4,
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
  db.close();
  return experimentId;
}

/**
 * The measured part, in a fresh process (as the app or `distill-roi batch collect` would run it
 * on an existing experiment), so that its peak RSS is the batch's and not the dataset import's.
 */
async function child(task: ChildTask): Promise<void> {
  // As every process of the app that runs a batch does (src/main/common/smallHeap.ts).
  preferSmallHeap();
  const clients = createBatchClients({
    region: 'us-east-1',
    credentials: { accessKeyId: KEY, secretAccessKey: 'bench-secret' },
    s3Endpoint: task.s3Url,
    bedrockEndpoint: task.bedrockUrl,
  });
  const { db } = await openDatabase(task.dbPath);
  const { experimentId } = task;
  // The pipeline says when a job's results are stored and ROUGE scoring starts, and when the job
  // is collected: the time between the two is scoring, the rest of the collection is storing.
  let scoringSince: number | null = null;
  let scoringCpuSince = process.cpuUsage();
  let scoringMs = 0;
  let scoringCpuMs = 0;
  const deps: BatchDeps = {
    db,
    clients,
    region: 'us-east-1',
    tuning: { pollMinMs: 200, pollMaxMs: 1_000 },
    say: (line) => {
      if (line.endsWith('scoring ROUGE')) {
        scoringSince = performance.now();
        scoringCpuSince = process.cpuUsage();
      } else if (scoringSince !== null && line.includes(': collected ')) {
        scoringMs += performance.now() - scoringSince;
        const cpu = process.cpuUsage(scoringCpuSince);
        scoringCpuMs += (cpu.user + cpu.system) / 1000;
        scoringSince = null;
      }
    },
  };
  const mb = () => round(process.memoryUsage().rss / 1024 / 1024, 1);
  const rss: Record<string, number> = { start: mb() };
  const t0 = performance.now();
  await setupBatch(
    db,
    clients,
    experimentId,
    { s3Uri: 's3://distill-batch/bench', roleArn: 'arn:aws:iam::111122223333:role/BenchRole' },
    'us-east-1',
  );
  const tPlanned = performance.now();
  rss.afterPlan = mb();
  // One pass without waiting: uploads every input file and creates the jobs.
  await advanceBatch(deps, experimentId, { wait: false });
  const tUploaded = performance.now();
  rss.afterUpload = mb();
  // The stand-in's jobs run in its own process; only poll until they have ended.
  for (;;) {
    const jobs = (await refreshBatchStatus(deps, experimentId)).jobs;
    if (jobs.every((j) => isTerminal(j.status))) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const tCollect = performance.now();
  const cpu0 = process.cpuUsage();
  const o = await advanceBatch(deps, experimentId, { wait: false });
  const collectAndScoreMs = performance.now() - tCollect;
  const collectMs = collectAndScoreMs - scoringMs;
  const cpu = process.cpuUsage(cpu0);
  const collectCpuMs = (cpu.user + cpu.system) / 1000 - scoringCpuMs;
  rss.afterCollect = mb();
  // The batch's peak, before the quality figures (a different screen's work) read the store.
  const batchPeakRssMb = round(process.resourceUsage().maxRSS / 1024, 1);
  const experiment = getExperiment(db, experimentId);
  if (experiment === null) throw new Error('the bench experiment is gone');
  const tQuality = performance.now();
  const quality = loadQualityReport(db, experiment);
  const qualityReportMs = performance.now() - tQuality;
  const rougeLTeacher = quality.metrics.find((m) => m.key === 'rougeL@teacher');
  const stored = o.jobs.reduce((s, j) => s + (j.storedOk ?? 0) + (j.storedErrors ?? 0), 0);
  const rows = (
    db.prepare('SELECT COUNT(*) AS n FROM runs WHERE experiment_id = ?').get(experimentId) as {
      n: number;
    }
  ).n;
  db.close();
  clients.destroy();
  const report = {
    records: PARAGRAPHS * MODELS.length,
    jobs: o.jobs.length,
    planMs: round(tPlanned - t0),
    buildAndUploadMs: round(tUploaded - t0),
    collectMs: round(collectMs),
    stored,
    rowsInStore: rows,
    resultsPerSecond: round(stored / (collectMs / 1000), 0),
    rougeScoringMs: round(scoringMs),
    qualityReportMs: round(qualityReportMs),
    qualityParagraphs: rougeLTeacher?.perModel[0]?.n ?? 0,
    collectCpuMs: round(collectCpuMs),
    resultsPerCpuSecond: round(stored / (collectCpuMs / 1000), 0),
    rssMb: rss,
    peakRssMb: batchPeakRssMb,
    qualityPeakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
    loadAverage: loadavg().map((x) => round(x, 1)),
  };
  process.stdout.write(`BENCH_REPORT=${JSON.stringify(report)}\n`);
}

async function main(): Promise<void> {
  const task = process.env.BENCH_BATCH_CHILD;
  if (task) return child(JSON.parse(task) as ChildTask);
  const root = process.cwd();
  const stands = await startBatchStandInProcess(root, {
    STAND_IN_ACCESS_KEYS: KEY,
    STAND_IN_STEP_MS: '20',
  });
  const dir = mkdtempSync(join(tmpdir(), 'distill-batch-bench-'));
  try {
    const dbPath = join(dir, 'bench.sqlite');
    const experimentId = await prepare(dbPath);
    const out = execFileSync(process.execPath, [process.argv[1] ?? ''], {
      env: {
        ...process.env,
        BENCH_BATCH_CHILD: JSON.stringify({
          dbPath,
          experimentId,
          s3Url: stands.s3Url,
          bedrockUrl: stands.bedrockUrl,
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1024 * 1024,
    }).toString('utf8');
    const line = /BENCH_REPORT=(.+)/.exec(out)?.[1];
    if (!line) throw new Error(`the measured process printed no report:\n${out}`);
    const report = JSON.parse(line) as {
      records: number;
      stored: number;
      buildAndUploadMs: number;
      planMs: number;
      collectMs: number;
      resultsPerSecond: number;
      rougeScoringMs: number;
      qualityReportMs: number;
      qualityParagraphs: number;
      collectCpuMs: number;
      resultsPerCpuSecond: number;
      peakRssMb: number;
      qualityPeakRssMb: number;
      loadAverage: number[];
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      [
        `batch: build + upload ${report.records} records: ${report.buildAndUploadMs} ms (plan ${report.planMs} ms)`,
        `batch: collect + store ${report.stored} results: ${report.collectMs} ms = ${report.resultsPerSecond}/s (goal ≥ ${RATE_GOAL}/s)`,
        `batch: ROUGE scoring of the stored results (after each job, before it is marked collected): ${report.rougeScoringMs} ms`,
        `batch: quality figures of the stored experiment (${report.qualityParagraphs} paragraphs with a student ROUGE-L): ${report.qualityReportMs} ms (goal ≤ ${QUALITY_GOAL_MS} ms), process peak ${report.qualityPeakRssMb} MB after them`,
        `batch: collect CPU time ${report.collectCpuMs} ms = ${report.resultsPerCpuSecond} results per CPU-second (load average ${report.loadAverage.join(' ')})`,
        `batch: peak RSS ${report.peakRssMb} MB (goal < ${RSS_GOAL_MB} MB)`,
      ].join('\n') + '\n',
    );
    if (PARAGRAPHS === 50_000) {
      mergeResults(join(root, 'bench', 'results.json'), 'batch.', [
        {
          name: 'batch.buildAndUploadMs',
          value: report.buildAndUploadMs,
          unit: 'ms',
          goal: 'reported (100,000 records)',
        },
        {
          name: 'batch.collectResultsPerSecond',
          value: report.resultsPerSecond,
          unit: 'results/s',
          goal: `≥ ${RATE_GOAL}`,
        },
        {
          name: 'batch.rougeScoringMs',
          value: report.rougeScoringMs,
          unit: 'ms',
          goal: 'informational: ROUGE of 50,000 student outputs against the teacher, in pages',
        },
        {
          name: 'batch.qualityReportMs',
          value: report.qualityReportMs,
          unit: 'ms',
          goal: `≤ ${QUALITY_GOAL_MS} (every metric's intervals, 2,000 resamples over 50,000 paragraphs)`,
        },
        {
          name: 'batch.collectResultsPerCpuSecond',
          value: report.resultsPerCpuSecond,
          unit: 'results per CPU-second',
          goal: `≥ ${RATE_GOAL} (the wall-clock rate depends on the machine's load)`,
        },
        { name: 'batch.peakRssMb', value: report.peakRssMb, unit: 'MB', goal: `< ${RSS_GOAL_MB}` },
        {
          name: 'batch.qualityPeakRssMb',
          value: report.qualityPeakRssMb,
          unit: 'MB',
          goal: 'informational: the same process after building the quality figures',
        },
      ]);
    }
  } finally {
    await stands.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(
    `batch bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
