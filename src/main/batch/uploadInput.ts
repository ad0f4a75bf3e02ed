/**
 * Uploads a planned job's input files, built as they are sent (lib-storage multipart: 8 MiB
 * parts, a few in flight), so a 1 GB file never sits in memory. Re-uploading after a crash
 * overwrites the same keys with the same bytes, which is why a half-sent upload is harmless.
 */
import { Readable } from 'node:stream';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Client } from '@aws-sdk/client-s3';
import type { BatchJobRow, JobFile } from '../db/repos/batchJobs';
import { recordLines, type RecordSource } from './records';

const PART_BYTES = 5 * 1024 * 1024;
const CHUNK_BYTES = 32 * 1024;

/** Lines grouped into chunks of about 32 KiB (below V8's large-object size, so they die young): fewer, larger writes into the upload. */
function* chunks(src: RecordSource, modelId: string, file: JobFile): Generator<Buffer> {
  let parts: string[] = [];
  let size = 0;
  for (const line of recordLines(src, modelId, file.first, file.count)) {
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

export async function uploadJobInput(
  s3: S3Client,
  bucket: string,
  job: BatchJobRow,
  src: RecordSource,
  signal?: AbortSignal,
): Promise<void> {
  for (const file of job.files) {
    const upload = new Upload({
      client: s3,
      params: {
        Bucket: bucket,
        Key: file.key,
        Body: Readable.from(chunks(src, job.modelId, file)),
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
}
