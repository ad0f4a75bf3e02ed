/**
 * One distillation job from launch to its end, through the store at every step so that a
 * restart (or kill -9) resumes where it stopped:
 *  1. plan and check (no AWS); ask for confirmation above the budget;
 *  2. write the training file to S3 (dataset or training-file launches), first aborting the
 *     multipart upload a killed earlier launch of the same model left at its key;
 *  3. store the job with its clientRequestToken, then CreateModelCustomizationJob with it:
 *     a retry after a lost answer, a restart or a kill gets the same job back, never a second;
 *  4. poll GetModelCustomizationJob with backoff until a final status, storing each answer;
 *     on completion the custom model and the actual one-off cost.
 */
import {
  CreateModelCustomizationJobCommand,
  GetModelCustomizationJobCommand,
  StopModelCustomizationJobCommand,
  type StatusDetails,
} from '@aws-sdk/client-bedrock';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Database } from 'better-sqlite3';
import { parseS3Location } from '../../shared/batch/s3Location';
import type { DistillLaunchCore, DistillSettings } from '../../shared/distill/distillDomain';
import { formatUsd } from '../../shared/format';
import type { BatchClients } from '../batch/awsClients';
import { describeS3Error } from '../batch/batchErrors';
import { uploadLines } from '../batch/uploadInput';
import { abortUnfinishedUploads } from '../batch/unfinishedUploads';
import { logInfo } from '../log';
import {
  getDistillJob,
  insertDistillJob,
  markDistillRefused,
  markDistillSubmitted,
  noteDistillError,
  recordDistillPoll,
  type DistillJobRow,
} from '../db/repos/distillJobs';
import { describeDistillError, DistillLaunchError } from './distillErrors';
import { costOf, planDistill } from './planDistill';

export interface DistillTuning {
  pollMinMs: number;
  pollMaxMs: number;
}

/** Distillation takes hours: a minute between polls at first, at most ten. */
export const DEFAULT_DISTILL_TUNING: DistillTuning = { pollMinMs: 60_000, pollMaxMs: 600_000 };

/** DISTILL_ROI_DISTILL_POLL_MS shortens the polls (tests, the end-to-end run). */
export function distillTuning(env: NodeJS.ProcessEnv): DistillTuning {
  const ms = Number(env.DISTILL_ROI_DISTILL_POLL_MS);
  return Number.isFinite(ms) && ms > 0
    ? { pollMinMs: ms, pollMaxMs: ms * 8 }
    : DEFAULT_DISTILL_TUNING;
}

export interface DistillDeps {
  db: Database;
  clients: BatchClients;
  tuning: DistillTuning;
  signal?: AbortSignal;
  /** Called after every stored change of a job. */
  onChange?(id: string): void;
}

/** Checks, confirms, uploads and stores the job (not yet created in AWS); returns its row. */
export async function prepareDistill(
  deps: Pick<DistillDeps, 'db' | 'clients'>,
  launch: DistillLaunchCore,
  settings: DistillSettings,
): Promise<DistillJobRow> {
  const plan = planDistill(deps.db, launch, settings);
  const { preview, job, lines } = plan;
  if (preview.problems.length > 0 || !job) throw new DistillLaunchError(preview.problems);
  if (preview.needsConfirmation && !launch.confirmOverBudget) {
    throw new DistillLaunchError([
      {
        field: 'confirmOverBudget',
        message: `The estimate (${formatUsd(job.estimate.oneOffCostUsd)}) is above the budget (${formatUsd(settings.budgetUsd ?? 0)}): confirm to launch.`,
      },
    ]);
  }
  if (lines) {
    const loc = parseS3Location(job.trainingUri);
    if (!loc.ok) throw new DistillLaunchError([{ field: 's3Uri', message: loc.message }]);
    const key = job.trainingUri.slice(`s3://${loc.bucket}/`.length);
    try {
      await clearUnfinished(deps.clients.s3, loc.bucket, key);
      await uploadLines(deps.clients.s3, loc.bucket, key, lines);
    } catch (e) {
      throw new DistillLaunchError([
        { field: 's3Uri', message: describeS3Error(e, loc.bucket, job.region) },
      ]);
    }
  }
  insertDistillJob(deps.db, job);
  const row = getDistillJob(deps.db, job.id);
  if (!row) throw new Error(`Distillation job ${job.id} was not stored.`);
  return row;
}

/**
 * Aborts the multipart upload an earlier launch of the same model left open at the training
 * file's key when it was killed mid-write (S3 bills its parts until then). Only that key: the
 * bucket is the user's. A denial does not stop the launch; the log says why nothing was cleared.
 */
async function clearUnfinished(s3: S3Client, bucket: string, key: string): Promise<void> {
  const sweep = await abortUnfinishedUploads(s3, bucket, { key });
  if (sweep.aborted > 0) {
    logInfo(
      `Distillation: aborted ${sweep.aborted} unfinished upload(s) an interrupted launch left at s3://${bucket}/${key}`,
    );
  }
  if (sweep.note) logInfo(`Distillation: ${sweep.note}`);
}

/** CreateModelCustomizationJob with the stored token; the ARN is stored the moment it comes. */
async function createJob(deps: DistillDeps, j: DistillJobRow): Promise<void> {
  try {
    const out = await deps.clients.bedrock.send(
      new CreateModelCustomizationJobCommand({
        jobName: j.jobName,
        customModelName: j.customModelName,
        roleArn: j.roleArn,
        clientRequestToken: j.clientRequestToken,
        baseModelIdentifier: j.studentModelId,
        customizationType: 'DISTILLATION',
        trainingDataConfig:
          j.sourceKind === 'invocationLogs'
            ? {
                invocationLogsConfig: {
                  usePromptResponse: j.usePromptResponse,
                  invocationLogSource: { s3Uri: j.trainingUri },
                },
              }
            : { s3Uri: j.trainingUri },
        outputDataConfig: { s3Uri: j.outputUri },
        customizationConfig: {
          distillationConfig: {
            teacherModelConfig: {
              teacherModelIdentifier: j.teacherModelId,
              maxResponseLengthForInference: j.maxResponseLength,
            },
          },
        },
      }),
      deps.signal ? { abortSignal: deps.signal } : {},
    );
    if (!out.jobArn) throw new Error('CreateModelCustomizationJob answered without a job ARN.');
    markDistillSubmitted(deps.db, j.id, out.jobArn);
  } catch (e) {
    if (deps.signal?.aborted) throw e;
    const d = describeDistillError(e, 'create', j.roleArn);
    if (d.transient) noteDistillError(deps.db, j.id, d.message);
    else markDistillRefused(deps.db, j.id, d.message);
  }
}

const stepOf = (d: { status?: string } | undefined) =>
  (d?.status ?? 'NotStarted') as DistillJobRow['steps']['validation'];

export function stepsOf(details: StatusDetails | undefined): DistillJobRow['steps'] {
  return {
    validation: stepOf(details?.validationDetails),
    dataProcessing: stepOf(details?.dataProcessingDetails),
    training: stepOf(details?.trainingDetails),
  };
}

const FINAL = new Set(['Completed', 'Failed', 'Stopped']);

/** One GetModelCustomizationJob, stored; transient faults are noted and left for the next poll. */
export async function pollJob(deps: DistillDeps, j: DistillJobRow): Promise<void> {
  if (!j.jobArn) return;
  try {
    const out = await deps.clients.bedrock.send(
      new GetModelCustomizationJobCommand({ jobIdentifier: j.jobArn }),
      deps.signal ? { abortSignal: deps.signal } : {},
    );
    const status = out.status ?? 'InProgress';
    const ended = FINAL.has(status);
    recordDistillPoll(deps.db, j.id, {
      status,
      steps: stepsOf(out.statusDetails),
      failureMessage: out.failureMessage ?? null,
      outputModelArn: out.outputModelArn ?? null,
      outputModelName: out.outputModelName ?? null,
      endTime: out.endTime ? out.endTime.toISOString() : null,
      ended,
      // The job API reports no token counts: the actual cost recomputes §3 from what was
      // measured at launch (the prompts, their counted tokens) at the prices stored then.
      actual: status === 'Completed' ? costOf(j.basis) : null,
    });
  } catch (e) {
    if (deps.signal?.aborted) throw e;
    const d = describeDistillError(e, 'get', j.roleArn);
    noteDistillError(deps.db, j.id, d.message);
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Creates the job if it is not yet created, then polls until it ends; the wait doubles while
 * nothing changes and starts again short when something does.
 */
export async function trackDistill(deps: DistillDeps, id: string): Promise<DistillJobRow | null> {
  let wait = deps.tuning.pollMinMs;
  let last = '';
  for (;;) {
    if (deps.signal?.aborted) return getDistillJob(deps.db, id);
    const j = getDistillJob(deps.db, id);
    if (!j || j.phase === 'ended' || j.phase === 'refused') return j;
    if (j.phase === 'planned') await createJob(deps, j);
    else await pollJob(deps, j);
    deps.onChange?.(id);
    const now = getDistillJob(deps.db, id);
    if (!now || now.phase === 'ended' || now.phase === 'refused') return now;
    const seen = JSON.stringify([now.phase, now.status, now.steps, now.lastError]);
    wait = seen === last ? Math.min(wait * 2, deps.tuning.pollMaxMs) : deps.tuning.pollMinMs;
    last = seen;
    await sleep(wait, deps.signal);
  }
}

/**
 * Asks AWS to stop the job and stores what it then says. A job not yet created is ended here
 * (the caller stops its tracker first, so no create is in flight).
 */
export async function stopDistill(deps: DistillDeps, id: string): Promise<DistillJobRow | null> {
  const j = getDistillJob(deps.db, id);
  if (!j) return null;
  if (j.phase === 'planned') {
    recordDistillPoll(deps.db, id, {
      status: 'Stopped',
      steps: j.steps,
      failureMessage: null,
      outputModelArn: null,
      outputModelName: null,
      endTime: new Date().toISOString(),
      ended: true,
      actual: null,
    });
    return getDistillJob(deps.db, id);
  }
  if (j.phase !== 'submitted' || !j.jobArn) return j;
  try {
    await deps.clients.bedrock.send(
      new StopModelCustomizationJobCommand({ jobIdentifier: j.jobArn }),
    );
  } catch (e) {
    const d = describeDistillError(e, 'stop', j.roleArn);
    noteDistillError(deps.db, id, d.message);
    throw new DistillLaunchError([{ field: 'stop', message: d.message }]);
  }
  await pollJob(deps, j);
  return getDistillJob(deps.db, id);
}
