/**
 * What a process killed mid-upload leaves in S3, made through the real S3 client: a multipart
 * upload created, one part sent, never completed nor aborted. And what is still open under a
 * prefix, as ListMultipartUploads reports it.
 */
import {
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  UploadPartCommand,
  type MultipartUpload,
  type S3Client,
} from '@aws-sdk/client-s3';

/** Starts a multipart upload of `key`, sends one 64 KiB part and leaves it open; its id. */
export async function leaveUploadOpen(s3: S3Client, bucket: string, key: string): Promise<string> {
  const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  const uploadId = created.UploadId ?? '';
  await s3.send(
    new UploadPartCommand({
      Bucket: bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: 1,
      Body: Buffer.alloc(64 * 1024, 'x'),
    }),
  );
  return uploadId;
}

/** The multipart uploads open under `prefix` (first page). */
export const openUploadsUnder = async (
  s3: S3Client,
  bucket: string,
  prefix: string,
): Promise<MultipartUpload[]> =>
  (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix }))).Uploads ??
  [];
