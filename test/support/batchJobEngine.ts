/**
 * What the batch stand-in does with a job once created, as Bedrock documents it (docs/bedrock.md
 * §8): Submitted → Validating (the role's S3 access, the .jsonl files, the record and size
 * quotas) → Scheduled → InProgress (reads every input file from S3, writes one
 * `<file>.out` per input file under `<output uri>/<job id>/`, then `manifest.json.out`) →
 * Completed, or PartiallyCompleted / Failed / Expired / Stopped. A script per job adds record
 * errors and damaged output (truncated files, missing records, a manifest that disagrees).
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

export interface BatchQuotaSettings {
  minRecordsPerJob: number;
  maxRecordsPerFile: number;
  maxRecordsPerJob: number;
  maxFileBytes: number;
  maxJobBytes: number;
}

export interface JobScript {
  /** How the job ends; default Completed. */
  outcome?: 'Completed' | 'PartiallyCompleted' | 'Failed' | 'Expired';
  /** The Failed message (validation failure). */
  failMessage?: string;
  /** Every n-th record (1-based) ends in a record error. */
  errorEvery?: number;
  /** PartiallyCompleted: the share of records processed before time ran out. */
  processShare?: number;
  /** Leaves the last this-many records out of the output files (the manifest still counts them). */
  dropRecords?: number;
  /** Cuts the last output file in the middle of its last line. */
  truncate?: boolean;
  manifest?: 'honest' | 'missing' | 'wrong';
}

export interface StandInJob {
  jobArn: string;
  jobId: string;
  jobName: string;
  modelId: string;
  roleArn: string;
  clientRequestToken: string | undefined;
  status: string;
  message?: string;
  submitTime: Date;
  lastModifiedTime: Date;
  endTime?: Date;
  inputUri: string;
  outputUri: string;
  timeoutDurationInHours: number;
  modelInvocationType: string;
  totalRecordCount?: number;
  processedRecordCount?: number;
  successRecordCount?: number;
  errorRecordCount?: number;
  script: JobScript;
  stopRequested: boolean;
}

export interface EngineOptions {
  s3: S3Client;
  quotas: BatchQuotaSettings;
  stepMs: number;
  /** Roles that cannot read the bucket: their jobs fail validation. */
  rolesWithoutS3: Set<string>;
  /** Jobs wait before entering this status until released (a test kills the app meanwhile). */
  hold: { at: string | null; waiters: (() => void)[] };
}

const ORDER = ['Submitted', 'Validating', 'Scheduled', 'InProgress'];

const splitUri = (uri: string): { bucket: string; key: string } => {
  const rest = uri.replace(/^s3:\/\//, '');
  const slash = rest.indexOf('/');
  return slash < 0
    ? { bucket: rest, key: '' }
    : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function words(text: string, n: number): string {
  return text.split(/\s+/).filter(Boolean).slice(0, n).join(' ');
}

async function inputFiles(
  s3: S3Client,
  uri: string,
): Promise<{ bucket: string; key: string; size: number }[]> {
  const { bucket, key } = splitUri(uri);
  if (key.endsWith('.jsonl')) return [{ bucket, key, size: 0 }];
  const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
  const out: { bucket: string; key: string; size: number }[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) {
      if (o.Key?.endsWith('.jsonl')) out.push({ bucket, key: o.Key, size: o.Size ?? 0 });
    }
    token = page.NextContinuationToken;
  } while (token);
  return out;
}

async function* lines(s3: S3Client, bucket: string, key: string): AsyncGenerator<string> {
  const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const rl = createInterface({ input: obj.Body as Readable, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim() !== '') yield line;
}

/** A Converse response for one record: the first words of the last user message. */
function converseOutput(modelId: string, modelInput: unknown) {
  const input = modelInput as { messages?: { content?: { text?: string }[] }[] };
  const prompt = (input.messages ?? []).flatMap((m) => m.content ?? []).map((c) => c.text ?? '');
  const text = `${modelId} summary: ${words(prompt.join(' '), 24)}`;
  const inputTokens = Math.ceil(prompt.join(' ').length / 4);
  const outputTokens = Math.ceil(text.length / 4);
  return {
    output: { message: { role: 'assistant', content: [{ text }] } },
    stopReason: 'end_turn',
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    metrics: { latencyMs: 400 },
  };
}

export class JobEngine {
  constructor(private readonly o: EngineOptions) {}

  private async enter(job: StandInJob, status: string): Promise<boolean> {
    await sleep(this.o.stepMs);
    const { hold } = this.o;
    while (
      hold.at !== null &&
      ORDER.indexOf(status) >= ORDER.indexOf(hold.at) &&
      ORDER.includes(status)
    ) {
      await new Promise<void>((r) => hold.waiters.push(r));
    }
    if (job.stopRequested && status !== 'InProgress') {
      this.end(job, 'Stopped');
      return false;
    }
    job.status = status;
    job.lastModifiedTime = new Date();
    return true;
  }

  private end(job: StandInJob, status: string, message?: string): void {
    job.status = status;
    if (message !== undefined) job.message = message;
    job.lastModifiedTime = new Date();
    job.endTime = new Date();
  }

  /** Runs a job to its end in the background; errors end it as Failed. */
  start(job: StandInJob): void {
    this.run(job).catch((e: unknown) => this.end(job, 'Failed', `stand-in: ${String(e)}`));
  }

  private async validate(job: StandInJob): Promise<string | null> {
    const q = this.o.quotas;
    if (this.o.rolesWithoutS3.has(job.roleArn)) {
      return `Bedrock could not access ${job.inputUri} with role ${job.roleArn}: access denied.`;
    }
    let files;
    try {
      files = await inputFiles(this.o.s3, job.inputUri);
    } catch (e) {
      return `Could not read ${job.inputUri}: ${(e as Error).name}: ${(e as Error).message}`;
    }
    if (files.length === 0) return `No .jsonl input file found at ${job.inputUri}.`;
    let total = 0;
    let bytes = 0;
    for (const f of files) {
      if (f.size > q.maxFileBytes) return `Input file ${f.key} exceeds ${q.maxFileBytes} bytes.`;
      bytes += f.size;
      let n = 0;
      for await (const line of lines(this.o.s3, f.bucket, f.key)) {
        n++;
        try {
          const rec = JSON.parse(line) as { modelInput?: unknown };
          if (typeof rec.modelInput !== 'object' || rec.modelInput === null) throw new Error();
        } catch {
          return `Line ${n} of ${f.key} is not a valid record.`;
        }
      }
      if (n > q.maxRecordsPerFile)
        return `${f.key} has ${n} records; at most ${q.maxRecordsPerFile} per file.`;
      total += n;
    }
    if (bytes > q.maxJobBytes)
      return `The job's input is ${bytes} bytes; at most ${q.maxJobBytes}.`;
    if (total < q.minRecordsPerJob)
      return `The job has ${total} records; at least ${q.minRecordsPerJob} are required.`;
    if (total > q.maxRecordsPerJob)
      return `The job has ${total} records; at most ${q.maxRecordsPerJob}.`;
    job.totalRecordCount = total;
    job.processedRecordCount = 0;
    job.successRecordCount = 0;
    job.errorRecordCount = 0;
    return null;
  }

  private async run(job: StandInJob): Promise<void> {
    if (!(await this.enter(job, 'Validating'))) return;
    const invalid =
      job.script.outcome === 'Failed'
        ? (job.script.failMessage ?? 'Validation failed.')
        : await this.validate(job);
    if (invalid !== null) return this.end(job, 'Failed', invalid);
    if (!(await this.enter(job, 'Scheduled'))) return;
    if (job.script.outcome === 'Expired') {
      await sleep(this.o.stepMs);
      return this.end(job, 'Expired', 'The job did not start before its time-out.');
    }
    if (!(await this.enter(job, 'InProgress'))) return;
    await this.process(job);
  }

  private async process(job: StandInJob): Promise<void> {
    const s = job.script;
    const files = await inputFiles(this.o.s3, job.inputUri);
    const out = splitUri(job.outputUri);
    const outPrefix = `${out.key === '' || out.key.endsWith('/') ? out.key : `${out.key}/`}${job.jobId}/`;
    const total = job.totalRecordCount ?? 0;
    const limit =
      s.outcome === 'PartiallyCompleted' ? Math.floor(total * (s.processShare ?? 0.5)) : total;
    let seen = 0;
    let inTok = 0;
    let outTok = 0;
    const written: { key: string; body: Buffer }[] = [];
    for (const f of files) {
      const parts: string[] = [];
      for await (const line of lines(this.o.s3, f.bucket, f.key)) {
        if (seen >= limit || job.stopRequested) break;
        seen++;
        const rec = JSON.parse(line) as { recordId?: string; modelInput: unknown };
        const recordId = rec.recordId ?? `GEN${String(seen).padStart(8, '0')}`;
        let row: unknown;
        if (s.errorEvery && seen % s.errorEvery === 0) {
          row = {
            recordId,
            modelInput: rec.modelInput,
            error: {
              errorCode: 400,
              errorMessage: 'Malformed input request: max_tokens exceeds the model limit.',
            },
          };
          job.errorRecordCount = (job.errorRecordCount ?? 0) + 1;
        } else {
          const modelOutput = converseOutput(job.modelId, rec.modelInput);
          inTok += modelOutput.usage.inputTokens;
          outTok += modelOutput.usage.outputTokens;
          row = { recordId, modelInput: rec.modelInput, modelOutput };
          job.successRecordCount = (job.successRecordCount ?? 0) + 1;
        }
        job.processedRecordCount = seen;
        if (seen > total - (s.dropRecords ?? 0)) continue;
        parts.push(`${JSON.stringify(row)}\n`);
      }
      const name = f.key.slice(f.key.lastIndexOf('/') + 1);
      written.push({ key: `${outPrefix}${name}.out`, body: Buffer.from(parts.join('')) });
    }
    const last = written[written.length - 1];
    if (s.truncate && last && last.body.length > 10) {
      last.body = last.body.subarray(0, last.body.length - 25);
    }
    for (const w of written) {
      await this.o.s3.send(new PutObjectCommand({ Bucket: out.bucket, Key: w.key, Body: w.body }));
    }
    if (s.manifest !== 'missing') {
      const lie = s.manifest === 'wrong' ? 7 : 0;
      const manifest = {
        totalRecordCount: total,
        processedRecordCount: job.processedRecordCount,
        successRecordCount: (job.successRecordCount ?? 0) + lie,
        errorRecordCount: job.errorRecordCount,
        inputTokenCount: inTok,
        outputTokenCount: outTok,
      };
      await this.o.s3.send(
        new PutObjectCommand({
          Bucket: out.bucket,
          Key: `${outPrefix}manifest.json.out`,
          Body: JSON.stringify(manifest),
        }),
      );
    }
    if (job.stopRequested) return this.end(job, 'Stopped');
    this.end(job, s.outcome === 'PartiallyCompleted' ? 'PartiallyCompleted' : 'Completed');
  }
}
