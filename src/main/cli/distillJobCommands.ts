/**
 * `distill-roi distill start|status|stop`: launch a Bedrock distillation job (from a dataset in
 * the store, a training file, or invocation logs), list the jobs with their sub-steps, stop
 * one. The same core as the app: the job and its token are stored before CreateModelCustomizationJob,
 * so a killed `start` is finished by the next `status` or by the app, never duplicated.
 */
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import {
  DistillLaunchSchema,
  isDistillOpen,
  type DistillJobView,
  type DistillLaunchCore,
  type DistillSettings,
} from '../../shared/distill/distillDomain';
import { costRows, jobOutcome, jobStatusText, stepsText } from '../../shared/distill/jobText';
import { DEFAULT_PROMPT_TEMPLATE } from '../../shared/domain/experiment';
import { modelName } from '../../shared/report/names';
import type { BatchClients } from '../batch/awsClients';
import {
  distillJobView,
  findDistillJob,
  getDistillJob,
  listDistillJobs,
} from '../db/repos/distillJobs';
import { openDatabase } from '../db/open';
import { DistillLaunchError } from '../distill/distillErrors';
import {
  distillTuning,
  pollJob,
  prepareDistill,
  stopDistill,
  trackDistill,
} from '../distill/distillJob';
import { readDistillSettings } from '../distill/distillService';
import { databasePath, defaultDataDir } from '../paths/dataDir';
import { batchEndpoints, cliBatchClients } from './cliBatch';
import type { CliIo } from './cliIo';

export const DISTILL_JOB_USAGE = `Usage: distill-roi distill start|status|stop [options]

  start     check, estimate and launch a distillation job, then follow it (--no-wait: launch only)
            --teacher ID --student ID --region R --name CUSTOM_MODEL_NAME
            one source: --dataset ID [--template TEXT] [--system TEXT]
                      | --training-file FILE.jsonl (bedrock-conversation-2024)
                      | --invocation-logs s3://... --prompts N --prompt-tokens N [--reuse-responses]
            --role ARN --s3 s3://BUCKET/PREFIX --budget USD (else the app's Distill settings)
            --training-price USD/1K --storage-price USD/month (when the price book has none)
            --max-response-length N (1000)  --expansion N (1)  --epochs N (1)
            --yes     launch even when the estimate is above the budget
  status    ask AWS about every open job, store and list all jobs with their sub-steps
  stop      --job ID|ARN|NAME: ask AWS to stop the job
Options:
  --data-dir DIR  --profile NAME  --bedrock-endpoint URL  --s3-endpoint URL  --json`;

const OPTIONS = {
  teacher: { type: 'string' },
  student: { type: 'string' },
  region: { type: 'string' },
  name: { type: 'string' },
  dataset: { type: 'string' },
  template: { type: 'string' },
  system: { type: 'string' },
  'training-file': { type: 'string' },
  'invocation-logs': { type: 'string' },
  prompts: { type: 'string' },
  'prompt-tokens': { type: 'string' },
  'reuse-responses': { type: 'boolean' },
  role: { type: 'string' },
  s3: { type: 'string' },
  budget: { type: 'string' },
  'training-price': { type: 'string' },
  'storage-price': { type: 'string' },
  'max-response-length': { type: 'string' },
  expansion: { type: 'string' },
  epochs: { type: 'string' },
  yes: { type: 'boolean' },
  'no-wait': { type: 'boolean' },
  job: { type: 'string' },
  'data-dir': { type: 'string' },
  profile: { type: 'string' },
  'bedrock-endpoint': { type: 'string' },
  's3-endpoint': { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];

class UsageProblem extends Error {}

const num = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageProblem(`${flag} takes a number, got "${v}".`);
  return n;
};

function sourceOf(v: Values): DistillLaunchCore['source'] {
  const given = [v.dataset, v['training-file'], v['invocation-logs']].filter(
    (x) => x !== undefined,
  );
  if (given.length !== 1) {
    throw new UsageProblem('Give exactly one of --dataset, --training-file or --invocation-logs.');
  }
  if (v.dataset !== undefined) {
    return {
      kind: 'dataset',
      datasetId: v.dataset,
      promptTemplate: v.template ?? DEFAULT_PROMPT_TEMPLATE,
      systemPrompt: v.system ?? null,
    };
  }
  if (v['training-file'] !== undefined) return { kind: 'trainingFile', path: v['training-file'] };
  const prompts = num(v.prompts, '--prompts');
  const tokens = num(v['prompt-tokens'], '--prompt-tokens');
  if (prompts === undefined || tokens === undefined) {
    throw new UsageProblem('--invocation-logs needs --prompts N and --prompt-tokens N.');
  }
  return {
    kind: 'invocationLogs',
    s3Uri: v['invocation-logs'] ?? '',
    usePromptResponse: v['reuse-responses'] === true,
    promptCount: prompts,
    promptTokensPerPrompt: tokens,
  };
}

function launchOf(v: Values): DistillLaunchCore {
  const missing = (['teacher', 'student', 'region', 'name'] as const).filter((k) => !v[k]);
  if (missing.length > 0) {
    throw new UsageProblem(`start needs ${missing.map((m) => `--${m}`).join(', ')}.`);
  }
  const source = sourceOf(v);
  // The IPC schema checks the shared fields; the source is checked on its own above.
  const parsed = DistillLaunchSchema.safeParse({
    teacherModelId: v.teacher,
    studentModelId: v.student,
    region: v.region,
    customModelName: v.name,
    source: { kind: 'dataset', datasetId: 'x', promptTemplate: '', systemPrompt: null },
    maxResponseLength: num(v['max-response-length'], '--max-response-length'),
    expansionFactor: num(v.expansion, '--expansion'),
    epochs: num(v.epochs, '--epochs'),
    trainingUsdPer1kTokens: num(v['training-price'], '--training-price') ?? null,
    storageUsdPerMonth: num(v['storage-price'], '--storage-price') ?? null,
    confirmOverBudget: v.yes === true,
  });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new UsageProblem(`${i?.path.join('.') ?? 'input'}: ${i?.message ?? 'invalid'}`);
  }
  return { ...parsed.data, source };
}

function settingsOf(db: Database, v: Values): DistillSettings {
  const saved = readDistillSettings(db);
  return {
    roleArn: v.role ?? saved.roleArn,
    s3Uri: v.s3 ?? saved.s3Uri,
    budgetUsd: num(v.budget, '--budget') ?? saved.budgetUsd,
  };
}

function printJob(io: CliIo, j: DistillJobView): void {
  io.stdout.write(
    `${j.jobName}  ${jobStatusText(j)}  ${modelName(j.teacherModelId)} → ${modelName(j.studentModelId)} (${j.region})\n` +
      `  ${stepsText(j)}\n` +
      `  ${costRows(j.actual ?? j.estimate)
        .map(([k, val]) => `${k} ${val}`)
        .join(' · ')}${j.actual ? ' (actual)' : ' (estimate)'}\n` +
      (jobOutcome(j) ? `  ${jobOutcome(j)}\n` : ''),
  );
}

async function start(
  db: Database,
  clients: (region: string) => BatchClients,
  v: Values,
  io: CliIo,
) {
  const launch = launchOf(v);
  const c = clients(launch.region);
  const row = await prepareDistill({ db, clients: c }, launch, settingsOf(db, v));
  const say = (line: string) => io.stderr.write(`${line}\n`);
  say(
    `Stored ${row.jobName}; estimate ${costRows(row.estimate).at(-1)?.[1] ?? ''}. Creating the job…`,
  );
  let last = '';
  const tuning = distillTuning(io.env);
  const onChange = (id: string) => {
    const j = getDistillJob(db, id);
    if (!j) return;
    const line = `${jobStatusText(j)} · ${stepsText(j)}`;
    if (line !== last) say(line);
    last = line;
  };
  if (v['no-wait']) {
    // Create only: stop tracking as soon as AWS has the job.
    const abort = new AbortController();
    await trackDistill(
      {
        db,
        clients: c,
        tuning,
        signal: abort.signal,
        onChange: (id) => {
          onChange(id);
          abort.abort();
        },
      },
      row.id,
    );
  } else {
    await trackDistill({ db, clients: c, tuning, onChange }, row.id);
  }
  const j = getDistillJob(db, row.id);
  if (!j) return 1;
  const view = distillJobView(j);
  if (v.json) io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
  else printJob(io, view);
  return j.phase === 'refused' || j.status === 'Failed' ? 1 : 0;
}

async function status(
  db: Database,
  clients: (region: string) => BatchClients,
  v: Values,
  io: CliIo,
) {
  const tuning = distillTuning(io.env);
  for (const j of listDistillJobs(db)) {
    if (!isDistillOpen(j)) continue;
    const deps = { db, clients: clients(j.region), tuning };
    // A job stored but never created (a killed start) is created now, with its stored token.
    if (j.phase === 'planned') {
      const abort = new AbortController();
      await trackDistill({ ...deps, signal: abort.signal, onChange: () => abort.abort() }, j.id);
    } else await pollJob(deps, j);
  }
  const jobs = listDistillJobs(db).map(distillJobView);
  if (v.json) io.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
  else if (jobs.length === 0) io.stdout.write('No distillation jobs.\n');
  else jobs.forEach((j) => printJob(io, j));
  return 0;
}

async function stop(db: Database, clients: (region: string) => BatchClients, v: Values, io: CliIo) {
  if (!v.job) throw new UsageProblem('stop needs --job ID|ARN|NAME.');
  const j = findDistillJob(db, v.job);
  if (!j) {
    io.stderr.write(`No distillation job ${v.job}.\n`);
    return 2;
  }
  const after = await stopDistill(
    { db, clients: clients(j.region), tuning: distillTuning(io.env) },
    j.id,
  );
  if (!after) return 1;
  const view = distillJobView(after);
  if (v.json) io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
  else printJob(io, view);
  return 0;
}

export async function distillJobCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  let v: Values;
  let endpoints;
  try {
    v = parseArgs({ args: rest, strict: true, allowPositionals: false, options: OPTIONS }).values;
    endpoints = batchEndpoints(v, io.env);
  } catch (e) {
    io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${DISTILL_JOB_USAGE}\n`);
    return 2;
  }
  if (action !== 'start' && action !== 'status' && action !== 'stop') {
    io.stderr.write(`distill takes start, status or stop.\n\n${DISTILL_JOB_USAGE}\n`);
    return 2;
  }
  const dataDir =
    v['data-dir'] ?? io.env.DISTILL_ROI_DATA_DIR ?? defaultDataDir(process.platform, io.env);
  const { db } = await openDatabase(databasePath(dataDir));
  const made = new Map<string, BatchClients>();
  const clients = (region: string): BatchClients => {
    let c = made.get(region);
    if (!c) {
      c = cliBatchClients({ profile: v.profile, ...endpoints }, region);
      made.set(region, c);
    }
    return c;
  };
  try {
    if (action === 'start') return await start(db, clients, v, io);
    if (action === 'status') return await status(db, clients, v, io);
    return await stop(db, clients, v, io);
  } catch (e) {
    if (e instanceof UsageProblem) {
      io.stderr.write(`${e.message}\n\n${DISTILL_JOB_USAGE}\n`);
      return 2;
    }
    if (e instanceof DistillLaunchError) {
      io.stderr.write(`${e.problems.map((p) => `${p.field}: ${p.message}`).join('\n')}\n`);
      return 1;
    }
    throw e;
  } finally {
    made.forEach((c) => c.destroy());
    db.close();
  }
}
