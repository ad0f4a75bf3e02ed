/**
 * Reads an ended job's output from S3 as a stream, line by line, joins each line to its call by
 * recordId, and stores calls in transactions of a few thousand (at batch prices, with no
 * latency). Record errors become failed calls with their reason. Then `manifest.json.out` is
 * read and compared with what was stored. Collecting twice stores nothing twice (runs are
 * unique per call), so a collection killed half-way is simply run again.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Database } from 'better-sqlite3';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { parseManifest, reconcile, type Manifest } from '../../shared/batch/manifest';
import { parseOutputLine } from '../../shared/batch/outputLine';
import { decodeRecordId } from '../../shared/batch/recordId';
import type { ModelPrice } from '../../shared/domain/experiment';
import { costPerRequestUsd } from '../../shared/roi/perRequest';
import { tokens, usdPer1k } from '../../shared/units';
import type { BatchJobRow } from '../db/repos/batchJobs';
import { insertBatchRuns, type BatchRunInput } from '../db/repos/runs';
import { modelIndexOf, positionsOf, type RecordSource } from './records';

const TRANSACTION_ROWS = 2_500;

export interface CollectResult {
  storedOk: number;
  storedErrors: number;
  notReturned: number;
  problems: string[];
}

const splitUri = (uri: string) => {
  const rest = uri.replace(/^s3:\/\//, '');
  const slash = rest.indexOf('/');
  return { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
};

/** The job's output folder: `<output uri>/<job id>/`, the id being the ARN's last segment. */
export function outputFolder(job: Pick<BatchJobRow, 'outputUri' | 'jobArn'>): {
  bucket: string;
  prefix: string;
} {
  const { bucket, key } = splitUri(job.outputUri);
  const jobId = (job.jobArn ?? '').split('/').pop() ?? '';
  return { bucket, prefix: `${key}${key === '' || key.endsWith('/') ? '' : '/'}${jobId}/` };
}

async function listOutputs(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/**
 * The stream's lines, a chunk's worth at a time: one await per chunk rather than one per line
 * (readline's iterator costs a promise per line, 100,000 of them per collection). A multi-byte
 * character cut between chunks is rejoined by the decoder; a last line without a newline (a
 * truncated file) is still yielded, for the parser to report.
 */
export async function* lineBatches(body: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of body) {
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = lines.pop() ?? '';
    yield lines;
  }
  const last = rest + decoder.end();
  if (last !== '') yield [last];
}

async function readManifest(s3: S3Client, bucket: string, key: string): Promise<Manifest | null> {
  try {
    const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return parseManifest((await obj.Body?.transformToString('utf8')) ?? '');
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchKey') return null;
    throw e;
  }
}

export async function collectJobOutput(
  db: Database,
  s3: S3Client,
  job: BatchJobRow,
  src: RecordSource,
  price: ModelPrice,
): Promise<CollectResult> {
  const { config } = src.experiment;
  const modelIndex = modelIndexOf(src.experiment, job.modelId);
  const n = src.paragraphs.length;
  const position = positionsOf(src);
  const seen = new Uint8Array(job.recordCount);
  const role = job.modelId === config.teacherModelId ? 'teacher' : 'student';
  const experimentId = src.experiment.id;
  const startedAt = job.submitTime ?? job.polledAt ?? new Date().toISOString();
  const finishedAt = job.endTime ?? job.lastModifiedTime ?? startedAt;
  const pin = usdPer1k(price.inputUsdPer1k);
  const pout = usdPer1k(price.outputUsdPer1k);
  let ok = 0;
  let errors = 0;
  let unreadable = 0;
  let foreign = 0;
  let storedOk = 0;
  let storedErrors = 0;
  let pending: BatchRunInput[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    insertBatchRuns(db, pending);
    pending = [];
  };

  const { bucket, prefix } = outputFolder(job);
  const keys = await listOutputs(s3, bucket, prefix);
  for (const key of keys.filter((k) => k.endsWith('.out') && !k.endsWith('manifest.json.out'))) {
    const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    for await (const lines of lineBatches(obj.Body as Readable)) {
      for (const line of lines) {
        // JSON allows the \r of a CRLF line end; a blank line is no record.
        if (line.trim() === '') continue;
        const parsed = parseOutputLine(line);
        if (parsed.kind === 'unreadable') {
          unreadable++;
          continue;
        }
        const k = decodeRecordId(parsed.recordId);
        const pos = k ? position.get(k.paragraphId) : undefined;
        const index = k && pos !== undefined ? k.repeatIndex * n + pos - job.firstRecord : -1;
        if (!k || k.modelIndex !== modelIndex || index < 0 || index >= job.recordCount) {
          foreign++;
          continue;
        }
        if (seen[index]) continue;
        seen[index] = 1;
        const base = {
          experimentId,
          paragraphId: k.paragraphId,
          modelId: job.modelId,
          profileArn: job.profileArn ?? null,
          role,
          repeatIndex: k.repeatIndex,
          startedAt,
          finishedAt,
        } as const;
        if (parsed.kind === 'ok') {
          ok++;
          storedOk++;
          const cost =
            parsed.inputTokens !== null && parsed.outputTokens !== null
              ? costPerRequestUsd(
                  tokens(parsed.inputTokens),
                  tokens(parsed.outputTokens),
                  pin,
                  pout,
                )
              : null;
          pending.push({
            ...base,
            status: 'ok',
            outputText: parsed.text,
            stopReason: parsed.stopReason,
            inputTokens: parsed.inputTokens,
            outputTokens: parsed.outputTokens,
            costUsd: cost,
            errorClass: null,
            errorMessage: null,
          });
        } else {
          errors++;
          storedErrors++;
          pending.push({
            ...base,
            status: 'error',
            outputText: null,
            stopReason: null,
            inputTokens: null,
            outputTokens: null,
            costUsd: null,
            errorClass: 'batch_record',
            errorMessage: `Batch record error ${parsed.code}: ${parsed.message}`,
          });
        }
        if (pending.length >= TRANSACTION_ROWS) flush();
      }
    }
  }
  flush();
  const manifest = await readManifest(s3, bucket, `${prefix}manifest.json.out`);
  const problems = reconcile(manifest, {
    submitted: job.recordCount,
    ok,
    errors,
    unreadable,
  });
  if (foreign > 0) problems.push(`${foreign} output line(s) did not belong to this job's records.`);
  return { storedOk, storedErrors, notReturned: job.recordCount - ok - errors, problems };
}
