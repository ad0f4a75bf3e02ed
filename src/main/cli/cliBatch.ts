/**
 * Batch experiments from the command line: `run --mode batch` (set up, upload, create the jobs,
 * wait and collect), `run --resume ID` of a batch experiment, and `batch status|stop|collect
 * --experiment ID`. Every step is in the store, so any of these may be killed and run again.
 */
import type { Database } from 'better-sqlite3';
import { formatUsd } from '../../shared/format';
import { batchPlanNotes, type BatchOverview } from '../../shared/batch/batchDomain';
import { modelName } from '../../shared/report/names';
import { jobStateWords } from '../../shared/batch/jobStatus';
import type { RunProgress } from '../../shared/domain/run';
import { createBatchClients, type BatchClients } from '../batch/awsClients';
import { BatchSetupError } from '../batch/batchErrors';
import { batchOverview } from '../batch/batchOverview';
import { batchTuning } from '../batch/batchDeps';
import { advanceBatch } from '../batch/batchPipeline';
import { setupBatch } from '../batch/batchSetup';
import { deleteExperiment, getExperiment, setExperimentStatus } from '../db/repos/experiments';
import { experimentParagraphTexts } from '../db/repos/experimentParagraphs';
import { withBatchPrices } from '../batch/batchPrices';
import { countPromptTokens } from '../estimate/promptTokens';
import { estimateRun } from '../../shared/estimate/runEstimate';
import { renderPrompt } from '../../shared/domain/experiment';
import { storedProgress } from '../runner/storedProgress';
import { endpointArg, onDemandArgs } from './cliArgs';
import { shellWord } from '../../shared/shellWord';
import { checkedCredentials } from '../credentials/signInEndpoints';

export interface BatchCliOptions {
  profile: string | undefined;
  bedrockEndpoint: string | undefined;
  s3Endpoint: string | undefined;
}

/**
 * --bedrock-endpoint and --s3-endpoint, else AWS_ENDPOINT_URL_BEDROCK and AWS_ENDPOINT_URL_S3,
 * checked by the endpoint rules: a refused one is a UsageError naming the flag or variable.
 */
export function batchEndpoints(
  v: { 'bedrock-endpoint'?: string | undefined; 's3-endpoint'?: string | undefined },
  env: NodeJS.ProcessEnv,
): Pick<BatchCliOptions, 'bedrockEndpoint' | 's3Endpoint'> {
  return {
    bedrockEndpoint: endpointArg(
      ['--bedrock-endpoint', v['bedrock-endpoint']],
      ['AWS_ENDPOINT_URL_BEDROCK', env.AWS_ENDPOINT_URL_BEDROCK],
    ),
    s3Endpoint: endpointArg(
      ['--s3-endpoint', v['s3-endpoint']],
      ['AWS_ENDPOINT_URL_S3', env.AWS_ENDPOINT_URL_S3],
    ),
  };
}

export { batchTuning };

export function cliBatchClients(o: BatchCliOptions, region: string): BatchClients {
  return createBatchClients({
    region,
    credentials: checkedCredentials({ profile: o.profile }),
    ...(o.s3Endpoint !== undefined ? { s3Endpoint: o.s3Endpoint } : {}),
    ...(o.bedrockEndpoint !== undefined ? { bedrockEndpoint: o.bedrockEndpoint } : {}),
  });
}

/** Sets up a new experiment for batch; on refusal the experiment is removed and the reason printed. */
export async function setupCliBatch(
  db: Database,
  clients: BatchClients,
  experimentId: string,
  batch: { s3Uri: string; roleArn: string; modelIds: string[] },
  say: (line: string) => void,
  /** The run's arguments as typed, to print the same run on demand if batch is refused. */
  argv: readonly string[] = [],
): Promise<string | null> {
  const experiment = getExperiment(db, experimentId);
  if (!experiment) return `No experiment ${experimentId}.`;
  try {
    await setupBatch(
      db,
      clients,
      experimentId,
      {
        s3Uri: batch.s3Uri,
        roleArn: batch.roleArn,
        ...(batch.modelIds.length > 0 ? { modelIds: batch.modelIds } : {}),
      },
      experiment.config.region,
    );
  } catch (e) {
    if (!(e instanceof BatchSetupError)) throw e;
    // Nothing was uploaded or created: the experiment goes too, the imported dataset stays.
    deleteExperiment(db, experimentId);
    const onDemand = ['distill-roi', 'run', ...onDemandArgs(argv)].map(shellWord).join(' ');
    return `${e.message}\nNothing was created. To run on demand instead (the same run without --mode batch, --s3, --role-arn and --batch-model):\n  ${onDemand}`;
  }
  say(`batch set up for experiment ${experimentId}`);
  for (const note of batchPlanNotes(batchOverview(db, experimentId), modelName)) say(note);
  say(batchEstimateLine(db, experimentId));
  return null;
}

/** The cost estimate at the batch prices just frozen (on-demand models at theirs). */
export function batchEstimateLine(db: Database, experimentId: string): string {
  const e = getExperiment(db, experimentId);
  if (!e) return '';
  const c = withBatchPrices(db, e).config;
  const prompts = experimentParagraphTexts(db, e).map((p) =>
    renderPrompt(c.promptTemplate, p.text),
  );
  const est = estimateRun(
    [c.teacherModelId, ...c.studentModelIds].map((m) =>
      countPromptTokens(m, prompts, c.systemPrompt),
    ),
    {
      repeats: c.repeats,
      maxTokens: c.inference.maxTokens,
      prices: c.prices,
      budgetUsd: c.budgetUsd,
    },
  );
  return `estimate at batch prices: about ${formatUsd(est.expectedUsd)} for ${est.calls} calls, at most ${formatUsd(est.maxUsd)}`;
}

/** The progress a batch experiment amounts to, from its stored calls (for the shared summary). */
export function batchProgress(db: Database, experimentId: string): RunProgress {
  const experiment = getExperiment(db, experimentId);
  if (!experiment) throw new Error(`Experiment ${experimentId} disappeared.`);
  return storedProgress(db, experiment);
}

export function formatJobs(o: BatchOverview): string {
  const rows = o.jobs.map((j) =>
    [
      j.modelId,
      `part ${j.partIndex + 1}`,
      jobStateWords(j),
      `${j.processedRecords ?? 0}/${j.recordCount}`,
      j.phase === 'collected'
        ? `${j.storedOk ?? 0} ok, ${j.storedErrors ?? 0} errors, ${j.notReturned ?? 0} without result`
        : '',
      j.jobArn ?? '',
      j.profileArn ? `through tagged profile ${j.profileArn}` : '',
      j.collectNote ?? (j.phase === 'failed' ? (j.message ?? '') : ''),
      j.uploadNote ?? '',
    ]
      .filter((c) => c !== '')
      .join('  '),
  );
  const stopped = o.trackingStopped
    ? [`${o.trackingStopped} (here: distill-roi batch collect --experiment ${o.experimentId})`]
    : [];
  return [`batch jobs of experiment ${o.experimentId}:`, ...rows, ...stopped].join('\n');
}

/** Waits for (or, with wait=false, advances once) a batch; Ctrl-C leaves the jobs running in AWS. */
export async function waitForBatch(
  db: Database,
  clients: BatchClients,
  experimentId: string,
  o: { wait: boolean; env: NodeJS.ProcessEnv; say: (line: string) => void; dataDir: string },
): Promise<BatchOverview> {
  const experiment = getExperiment(db, experimentId);
  if (!experiment) throw new Error(`No experiment ${experimentId}.`);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const overview = await advanceBatch(
      {
        db,
        clients,
        region: experiment.config.region,
        tuning: batchTuning(o.env),
        say: o.say,
        signal: abort.signal,
      },
      experimentId,
      { wait: o.wait },
    );
    if (!overview.finished) {
      const how = `distill-roi batch collect --experiment ${experimentId} --data-dir "${o.dataDir}"`;
      setExperimentStatus(
        db,
        experimentId,
        'paused',
        `batch jobs continue in AWS; collect the results with: ${how}`,
      );
      o.say(`batch jobs continue in AWS; collect the results later with: ${how}`);
    }
    return overview;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export const spentLine = (p: RunProgress): string =>
  `${p.done} of ${p.total} calls stored, ${p.failed} failed, ${formatUsd(p.spentUsd)} at batch prices`;
