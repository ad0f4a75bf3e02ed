/**
 * Multipart uploads a killed process left behind. An upload cut short by kill -9 never
 * completes nor aborts its multipart upload, and S3 keeps (and bills) its parts until someone
 * aborts it. Before a file is uploaded again, the uploads still open in the app's own place (a
 * batch job's input folder, a distillation's training file; never elsewhere: the bucket is the
 * user's) are listed, every page, and aborted. Credentials that may not list them
 * (s3:ListBucketMultipartUploads) or abort them must not stop the work: the upload goes ahead and
 * the caller is told why the leftovers were not cleared.
 */
import {
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { redactSecrets } from '../../shared/security/redactSecrets';
import { s3Uri } from '../../shared/batch/s3Location';
import { isTransient } from './batchErrors';

export interface UploadSweep {
  /** Uploads found open under the prefix and aborted. */
  aborted: number;
  /** Why some could not be listed or aborted, in words for the log and the job panel; else null. */
  note: string | null;
}

const codeOf = (e: unknown): string => {
  const err = e as { Code?: string; name?: string };
  return err.Code ?? err.name ?? 'Error';
};

function cannot(action: string, permission: string, where: string, e: unknown): string {
  const code = codeOf(e);
  const why =
    code === 'AccessDenied' ||
    (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403
      ? `AccessDenied: the credentials need ${permission}`
      : `${code}: ${redactSecrets((e as Error).message ?? '')}`;
  return `Could not ${action} unfinished uploads ${where} (${why}). An upload cut short earlier may have left parts there, which S3 charges for until they are aborted (a lifecycle rule with AbortIncompleteMultipartUpload does it). The upload went ahead.`;
}

/** Where to clear: every key under a folder, or one key (and not the keys it is a prefix of). */
export type UploadScope = { prefix: string } | { key: string };

/** Lists every open multipart upload in `scope` and aborts it. */
export async function abortUnfinishedUploads(
  s3: S3Client,
  bucket: string,
  scope: UploadScope,
  signal?: AbortSignal,
): Promise<UploadSweep> {
  const prefix = 'key' in scope ? scope.key : scope.prefix;
  const ours = (key: string) => ('key' in scope ? key === scope.key : key.startsWith(prefix));
  const where = `${'key' in scope ? 'of' : 'under'} ${s3Uri(bucket, prefix)}`;
  let aborted = 0;
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    let page;
    try {
      page = await s3.send(
        new ListMultipartUploadsCommand({
          Bucket: bucket,
          Prefix: prefix,
          KeyMarker: keyMarker,
          UploadIdMarker: uploadIdMarker,
        }),
        { abortSignal: signal },
      );
    } catch (e) {
      if (signal?.aborted || isTransient(e)) throw e;
      return { aborted, note: cannot('list', 's3:ListBucketMultipartUploads', where, e) };
    }
    for (const u of page.Uploads ?? []) {
      // Prefix already narrows the listing; checked again so nothing outside is ever touched.
      if (!u.Key || !ours(u.Key) || !u.UploadId) continue;
      try {
        await s3.send(
          new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }),
          { abortSignal: signal },
        );
        aborted += 1;
      } catch (e) {
        if (codeOf(e) === 'NoSuchUpload') continue; // completed or aborted meanwhile
        if (signal?.aborted || isTransient(e)) throw e;
        return { aborted, note: cannot('abort', 's3:AbortMultipartUpload', where, e) };
      }
    }
    if (!page.IsTruncated) return { aborted, note: null };
    keyMarker = page.NextKeyMarker;
    uploadIdMarker = page.NextUploadIdMarker;
    // A truncated page without a marker to go on from would list the same page forever.
    if (!keyMarker) return { aborted, note: null };
  }
}
