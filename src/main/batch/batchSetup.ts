/**
 * Turns "send this experiment to batch" into a stored plan, checking everything that can be
 * checked before a byte is uploaded: the S3 location and role ARN, the bucket itself (exists,
 * reachable with these credentials, in the experiment's region), a batch price for each model,
 * and the quotas (too few records: run it on demand instead). Nothing is stored unless all pass.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { BatchSetup } from '../../shared/batch/batchDomain';
import { planModelJobs } from '../../shared/batch/plan';
import type { BatchQuotas } from '../../shared/batch/quotas';
import { quotasForModel, type ModelQuotas } from '../../shared/batch/accountQuotas';
import { QUOTA_KEYS } from '../../shared/batch/batchSettings';
import { modelName } from '../../shared/report/names';
import { checkRoleArn, parseS3Location, s3Uri } from '../../shared/batch/s3Location';
import type { ModelPrice } from '../../shared/domain/experiment';
import { batchPriceFor } from '../../shared/pricing/batchPrice';
import { getBatchSetup, insertBatchPlan, type NewBatchJob } from '../db/repos/batchJobs';
import { getExperiment } from '../db/repos/experiments';
import {
  experimentParagraphTexts,
  freezeExperimentParagraphs,
} from '../db/repos/experimentParagraphs';
import { countRunsByStatus } from '../db/repos/runs';
import type { BatchClients } from './awsClients';
import { BatchSetupError, describeS3Error } from './batchErrors';
import { recordBytes, recordsDigest, type RecordSource } from './records';
import { lastAccountQuotas, refreshAccountQuotas } from './accountQuotas';
import { fallbackQuotas } from './batchSettings';

export interface BatchRequest {
  /** `s3://bucket/prefix` where inputs and outputs go. */
  s3Uri: string;
  roleArn: string;
  /** Which of the experiment's models run as batch jobs; default all of them. */
  modelIds?: string[];
  /**
   * Fallback quotas where the account's were not read; absent: the ones saved in Settings
   * (batchSettings.ts), each else AWS's documented default.
   */
  quotas?: BatchQuotas;
  /** Why the account's quotas could not be read just now, if they could not. */
  quotaNote?: string | null;
}

/** A model id as a job-name fragment: letters, digits and single hyphens. */
const slug = (modelId: string): string =>
  modelId
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);

/** Every check that needs no network: location, role, models, batch prices, quotas. */
export function planBatch(
  db: Database,
  experimentId: string,
  req: BatchRequest,
): { setup: BatchSetup; jobs: NewBatchJob[]; digest: string } {
  const experiment = getExperiment(db, experimentId);
  if (!experiment) throw new BatchSetupError(`No experiment ${experimentId}.`);
  if (getBatchSetup(db, experimentId)) {
    throw new BatchSetupError(`Experiment ${experimentId} is already set up for batch.`);
  }
  const loc = parseS3Location(req.s3Uri);
  if (!loc.ok) throw new BatchSetupError(loc.message);
  const roleProblem = checkRoleArn(req.roleArn);
  if (roleProblem) throw new BatchSetupError(roleProblem);
  const { config } = experiment;
  const all = [config.teacherModelId, ...config.studentModelIds];
  const modelIds = req.modelIds ?? all;
  const unknown = modelIds.filter((m) => !all.includes(m));
  if (unknown.length > 0 || modelIds.length === 0) {
    throw new BatchSetupError(
      `Batch models must be models of the experiment (${all.join(', ')}); got ${unknown.join(', ') || 'none'}.`,
    );
  }
  const problems: string[] = [];
  // A batch sends every call of a model: one that already has results would pay for them twice.
  for (const m of modelIds) {
    const done = countRunsByStatus(db, experimentId, m);
    if (done.ok + done.error > 0) {
      problems.push(
        `${m} already has ${done.ok + done.error} stored calls; batch sends every call, so finish this model on demand instead.`,
      );
    }
  }
  const prices: ModelPrice[] = [];
  for (const m of modelIds) {
    const onDemand = config.prices.find((p) => p.modelId === m);
    const batch = onDemand
      ? batchPriceFor(onDemand, config.region)
      : ({ ok: false, message: `${m} has no price.` } as const);
    if (batch.ok) prices.push(batch.price);
    else problems.push(batch.message);
  }
  // The fallbacks: given (tests), else those saved in Settings, each else the documented default.
  const fallback = req.quotas ? { quotas: req.quotas, saved: undefined } : fallbackQuotas(db);
  const { quotas } = fallback;
  // The account's quotas as last read (planning needs no network); setupBatch refreshes them.
  const read = lastAccountQuotas(db);
  const modelQuotas: ModelQuotas[] = modelIds.map((m) =>
    quotasForModel(m, modelName(m), read, quotas, fallback.saved),
  );
  const src: RecordSource = { experiment, paragraphs: experimentParagraphTexts(db, experiment) };
  const jobs: NewBatchJob[] = [];
  let belowMinimum = false;
  const run = randomUUID().slice(0, 8);
  for (const [i, modelId] of modelIds.entries()) {
    const own = modelQuotas[i]?.quotas ?? quotas;
    const plan = planModelJobs(recordBytes(src, modelId), own, modelId);
    if (!plan.ok) {
      problems.push(plan.message);
      belowMinimum ||= plan.reason === 'belowMinimum';
      continue;
    }
    plan.jobs.forEach((j, partIndex) => {
      const jobName = `distill-${run}-${slug(modelId)}-p${partIndex + 1}`;
      const folder = `${loc.prefix}${experimentId}/`;
      jobs.push({
        id: randomUUID(),
        experimentId,
        modelId,
        partIndex,
        firstRecord: j.first,
        recordCount: j.count,
        files: j.files.map((f, n) => ({
          key: `${folder}input/${jobName}/records-${String(n + 1).padStart(3, '0')}.jsonl`,
          first: f.first,
          count: f.count,
          bytes: f.bytes,
        })),
        inputUri: s3Uri(loc.bucket, `${folder}input/${jobName}/`),
        outputUri: s3Uri(loc.bucket, `${folder}output/${jobName}/`),
        jobName,
        clientRequestToken: randomUUID(),
      });
    });
  }
  if (problems.length > 0) throw new BatchSetupError(problems.join('\n'), belowMinimum);
  return {
    setup: {
      bucket: loc.bucket,
      prefix: loc.prefix,
      roleArn: req.roleArn.trim(),
      modelIds,
      prices,
      quotas,
      modelQuotas,
      quotaNote: req.quotaNote ?? null,
    },
    jobs,
    digest: recordsDigest(src, modelIds),
  };
}

/** Plans, checks the bucket, and stores the plan; throws BatchSetupError (nothing stored) on any problem. */
export async function setupBatch(
  db: Database,
  clients: BatchClients,
  experimentId: string,
  req: BatchRequest,
  region: string,
): Promise<BatchSetup> {
  // Frozen first (as the runner does when it starts), so the records are planned from the texts
  // the experiment keeps, in the order the runner and the results read them.
  const experiment = getExperiment(db, experimentId);
  if (experiment) freezeExperimentParagraphs(db, experiment);
  // Never fails: a denial or a fault leaves the last read (or the defaults) and a note saying why.
  const saved = req.quotas ? [] : fallbackQuotas(db).saved;
  const { problem } = await refreshAccountQuotas(
    db,
    clients.quotas,
    undefined,
    saved.length === 0
      ? "AWS's documented defaults apply"
      : saved.length === QUOTA_KEYS.length
        ? 'your saved fallback quotas apply'
        : "your saved fallback quotas (and AWS's documented defaults for the others) apply",
  );
  const planned = planBatch(db, experimentId, { ...req, quotaNote: problem });
  try {
    await clients.s3.send(new HeadBucketCommand({ Bucket: planned.setup.bucket }));
  } catch (e) {
    throw new BatchSetupError(describeS3Error(e, planned.setup.bucket, region));
  }
  insertBatchPlan(db, experimentId, planned.setup, planned.jobs, planned.digest);
  return planned.setup;
}
