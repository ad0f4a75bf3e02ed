/**
 * One job's steps, each recorded before the next begins: upload its input (after aborting the
 * uploads a kill left open), create it with its stored clientRequestToken, poll it, and collect
 * its output once it has ended. The pipeline (batchPipeline.ts) decides which step is due.
 */
import {
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
} from '@aws-sdk/client-bedrock';
import { describeEnd, runMissingHint } from '../../shared/batch/jobStatus';
import {
  getBatchSetup,
  recordsDigest as storedDigest,
  setJobArn,
  setJobCollected,
  setJobProfileArn,
  setJobPhase,
  setJobUploadNote,
  setJobStatus,
  type BatchJobRow,
} from '../db/repos/batchJobs';
import { experimentProfileArn } from '../db/repos/billing';
import { getExperiment } from '../db/repos/experiments';
import { requireExperiment } from '../common/lookups';
import { experimentParagraphTexts } from '../db/repos/experimentParagraphs';
import { batchOverview } from './batchOverview';
import { describeBedrockError, describeS3Error, isTransient } from './batchErrors';
import { refreshRougeScores } from '../quality/rougeScoring';
import { collectJobOutput } from './collectOutput';
import { recordsDigest, type RecordSource } from './records';
import { uploadJobInput } from './uploadInput';
import { abortUnfinishedUploads } from './unfinishedUploads';
import { parseS3Location } from '../../shared/batch/s3Location';

import type { BatchDeps } from './batchDeps';

export class BatchStep {
  private src: RecordSource | undefined;
  constructor(
    private readonly d: BatchDeps,
    private readonly experimentId: string,
  ) {}

  private get db() {
    return this.d.db;
  }

  private source(): RecordSource {
    if (!this.src) {
      const experiment = getExperiment(this.db, this.experimentId);
      if (!experiment) throw new Error(`No experiment ${this.experimentId}.`);
      this.src = {
        experiment,
        paragraphs: experimentParagraphTexts(this.db, experiment),
      };
    }
    return this.src;
  }

  private say(line: string) {
    this.d.say?.(line);
  }

  private changed() {
    this.d.onChange?.(batchOverview(this.db, this.experimentId));
  }

  async upload(job: BatchJobRow): Promise<void> {
    const setup = getBatchSetup(this.db, this.experimentId);
    if (!setup) throw new Error('no batch setup');
    const src = this.source();
    if (recordsDigest(src, setup.modelIds) !== storedDigest(this.db, this.experimentId)) {
      setJobPhase(
        this.db,
        job.id,
        'failed',
        'The dataset or the experiment changed after the batch was planned; its records were not uploaded.',
      );
      return;
    }
    try {
      await this.clearUnfinished(job, setup.bucket);
      await uploadJobInput(this.d.clients.s3, setup.bucket, job, src, this.d.signal);
    } catch (e) {
      if (this.d.signal?.aborted) return;
      if (isTransient(e)) throw e;
      setJobPhase(this.db, job.id, 'failed', describeS3Error(e, setup.bucket, this.d.region));
      this.say(`${job.jobName}: upload failed`);
      return;
    }
    setJobPhase(this.db, job.id, 'uploaded');
    this.say(`${job.jobName}: uploaded ${job.recordCount} records in ${job.files.length} file(s)`);
  }

  /**
   * Aborts multipart uploads an earlier, killed upload of this job left open (S3 bills their
   * parts); a denial is logged and kept as the job's upload note, and the upload goes ahead.
   */
  private async clearUnfinished(job: BatchJobRow, bucket: string): Promise<void> {
    const folder = parseS3Location(job.inputUri);
    if (!folder.ok || folder.prefix === '') return;
    const sweep = await abortUnfinishedUploads(
      this.d.clients.s3,
      bucket,
      { prefix: folder.prefix },
      this.d.signal,
    );
    if (sweep.aborted > 0) {
      this.say(
        `${job.jobName}: aborted ${sweep.aborted} unfinished upload(s) an interrupted run left in ${job.inputUri}`,
      );
    }
    // Its own column: the job's message is Bedrock's, and the first poll would replace it.
    setJobUploadNote(this.db, job.id, sweep.note);
    if (sweep.note) this.say(`${job.jobName}: ${sweep.note}`);
  }

  async create(job: BatchJobRow): Promise<void> {
    const setup = getBatchSetup(this.db, this.experimentId);
    if (!setup) throw new Error('no batch setup');
    const profileArn = this.profileFor(job);
    try {
      const out = await this.d.clients.bedrock.send(
        new CreateModelInvocationJobCommand({
          jobName: job.jobName,
          roleArn: setup.roleArn,
          clientRequestToken: job.clientRequestToken,
          // The experiment's tagged profile when it has one: the same model, billed with the tag.
          modelId: profileArn ?? job.modelId,
          modelInvocationType: 'Converse',
          inputDataConfig: { s3InputDataConfig: { s3Uri: job.inputUri, s3InputFormat: 'JSONL' } },
          outputDataConfig: { s3OutputDataConfig: { s3Uri: job.outputUri } },
          timeoutDurationInHours: 24,
        }),
        { abortSignal: this.d.signal },
      );
      if (!out.jobArn) throw new Error('CreateModelInvocationJob answered without a jobArn');
      setJobArn(this.db, job.id, out.jobArn);
      this.say(`${job.jobName}: job ${out.jobArn}`);
    } catch (e) {
      if (this.d.signal?.aborted || isTransient(e)) throw e;
      setJobPhase(this.db, job.id, 'failed', describeBedrockError(e, setup.roleArn));
      this.say(`${job.jobName}: not created: ${describeBedrockError(e, setup.roleArn)}`);
    }
  }

  /**
   * The profile a job is created through (null: the model itself). Chosen at the first try from
   * the experiment's profile for the model in its region and stored before the job is created,
   * so a retry with the same idempotency token names the same modelId.
   */
  private profileFor(job: BatchJobRow): string | null {
    if (job.profileChosen) return job.profileArn ?? null;
    const region = requireExperiment(this.db, this.experimentId).config.region;
    const arn = experimentProfileArn(this.db, this.experimentId, job.modelId, region);
    setJobProfileArn(this.db, job.id, arn);
    return arn;
  }

  /** Returns whether anything about the job changed. */
  async poll(job: BatchJobRow): Promise<boolean> {
    let got;
    try {
      got = await this.d.clients.bedrock.send(
        new GetModelInvocationJobCommand({ jobIdentifier: job.jobArn ?? '' }),
        { abortSignal: this.d.signal },
      );
    } catch (e) {
      // A job AWS no longer knows (deleted, another account or region) ends here, not in a loop.
      if ((e as { name?: string }).name !== 'ResourceNotFoundException') throw e;
      setJobPhase(
        this.db,
        job.id,
        'failed',
        `Bedrock does not know job ${job.jobArn ?? '?'} (deleted, or another account or region); ${runMissingHint(this.experimentId)} once the other jobs are collected.`,
      );
      this.say(`${job.jobName}: unknown to Bedrock`);
      return true;
    }
    const next = {
      status: got.status ?? null,
      message: got.message ?? null,
      totalRecords: got.totalRecordCount ?? null,
      processedRecords: got.processedRecordCount ?? null,
      successRecords: got.successRecordCount ?? null,
      errorRecords: got.errorRecordCount ?? null,
      submitTime: got.submitTime?.toISOString() ?? null,
      lastModifiedTime: got.lastModifiedTime?.toISOString() ?? null,
      endTime: got.endTime?.toISOString() ?? null,
    };
    setJobStatus(this.db, job.id, next);
    const changed = next.status !== job.status || next.processedRecords !== job.processedRecords;
    if (changed)
      this.say(
        `${job.jobName}: ${next.status ?? '?'} ${next.processedRecords ?? 0}/${job.recordCount}`,
      );
    return changed;
  }

  async collect(job: BatchJobRow): Promise<void> {
    const setup = getBatchSetup(this.db, this.experimentId);
    const price = setup?.prices.find((p) => p.modelId === job.modelId);
    if (!setup || !price) throw new Error(`no batch price for ${job.modelId}`);
    const status = job.status ?? 'Failed';
    // Failed and Expired jobs wrote nothing; the others may have output for some records.
    if (status === 'Failed' || status === 'Expired') {
      const end = describeEnd(
        { status, message: job.message, notReturned: job.recordCount },
        this.experimentId,
      );
      setJobCollected(this.db, job.id, {
        storedOk: 0,
        storedErrors: 0,
        notReturned: job.recordCount,
        note: end,
      });
      this.say(`${job.jobName}: ${end ?? status}`);
      return;
    }
    const r = await collectJobOutput(this.db, this.d.clients.s3, job, this.source(), price);
    // Results landed: score them now, so the quality view and exports only read. Before the job
    // is marked collected, so a kill here collects (skipping what is stored) and scores again.
    this.say(`${job.jobName}: stored ${r.storedOk} results; scoring ROUGE`);
    refreshRougeScores(this.db, requireExperiment(this.db, this.experimentId));
    // The end's words first: the overview settles them (settleNote) once the rest is made.
    const note = [
      describeEnd({ status, message: job.message, notReturned: r.notReturned }, this.experimentId),
      ...r.problems,
    ]
      .filter((x): x is string => x !== null)
      .join(' ');
    setJobCollected(this.db, job.id, { ...r, note: note === '' ? null : note });
    this.say(
      `${job.jobName}: collected ${r.storedOk} results, ${r.storedErrors} record errors, ${r.notReturned} without result${note ? ` — ${note}` : ''}`,
    );
  }
}
