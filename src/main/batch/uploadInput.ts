/**
 * Uploads a planned job's input files, built as they are sent (lib-storage multipart: 5 MiB
 * parts, a few in flight), so a 1 GB file never sits in memory. Re-uploading after a crash
 * overwrites the same keys with the same bytes; the multipart upload a kill left open is aborted
 * first (unfinishedUploads.ts), since S3 bills its parts until then.
 */
import { Readable } from 'node:stream';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Client } from '@aws-sdk/client-s3';
import type { BatchJobRow } from '../db/repos/batchJobs';
import { recordLines, type RecordSource } from './records';

const PART_BYTES = 5 * 1024 * 1024;
const CHUNK_BYTES = 32 * 1024;

/** Lines grouped into chunks of about 32 KiB (below V8's large-object size, so they die young): fewer, larger writes into the upload. */
function* chunks(lines: Iterable<string>): Generator<Buffer> {
  let parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    parts.push(line);
    size += line.length;
    if (size >= CHUNK_BYTES) {
      yield Buffer.from(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''));
}

/**
 * Streams JSONL lines (each with its newline) to one S3 object. Batch inputs and distillation
 * training files both go through here; sending the same lines again overwrites the same bytes.
 */
export async function uploadLines(
  s3: S3Client,
  bucket: string,
  key: string,
  lines: Iterable<string>,
  signal?: AbortSignal,
): Promise<void> {
  const upload = new Upload({
    client: s3,
    params: {
      Bucket: bucket,
      Key: key,
      Body: Readable.from(chunks(lines)),
      ContentType: 'application/jsonl',
    },
    partSize: PART_BYTES,
    queueSize: 2,
    leavePartsOnError: false,
  });
  const abort = () => void upload.abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await upload.done();
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

export async function uploadJobInput(
  s3: S3Client,
  bucket: string,
  job: BatchJobRow,
  src: RecordSource,
  signal?: AbortSignal,
): Promise<void> {
  for (const file of job.files) {
    await uploadLines(
      s3,
      bucket,
      file.key,
      recordLines(src, job.modelId, file.first, file.count),
      signal,
    );
  }
}
