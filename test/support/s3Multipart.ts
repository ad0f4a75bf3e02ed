/**
 * The two multipart operations s3rver 3.7 does not implement (it answers NotImplemented to
 * `GET /bucket?uploads` and 405 to `DELETE /bucket/key?uploadId=`), answered from s3rver's own
 * store on disk (`<dir>/<bucket>/._S3rver_uploads/<uploadId>/key`, written by its
 * CreateMultipartUpload), in S3's documented wire format:
 * - ListMultipartUploads: `ListMultipartUploadsResult`, uploads sorted by key and, for one key,
 *   by initiation time; `prefix`, `key-marker`, `upload-id-marker` and `max-uploads` (1–1,000),
 *   `IsTruncated` with `NextKeyMarker` / `NextUploadIdMarker` to page on.
 * - AbortMultipartUpload: 204 with no body; `NoSuchUpload` (404) for an upload that does not
 *   exist, was completed or aborted already.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';

export interface PendingUpload {
  key: string;
  uploadId: string;
  initiated: Date;
}

interface Entry extends PendingUpload {
  /** Aborted: kept as a tombstone so a page marker naming it still has its place in the order. */
  aborted: boolean;
}

const uploadsDir = (root: string, bucket: string) => join(root, bucket, '._S3rver_uploads');

/** Uploads s3rver holds for a bucket (and the ones aborted here), in S3's listing order. */
function entries(root: string, bucket: string): Entry[] {
  const dir = uploadsDir(root, bucket);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((uploadId) => {
      const file = ['key', ABORTED].map((f) => join(dir, uploadId, f)).find((f) => existsSync(f));
      return file
        ? [
            {
              uploadId,
              key: readFileSync(file, 'utf8'),
              initiated: statSync(file).mtime,
              aborted: file.endsWith(ABORTED),
            },
          ]
        : [];
    })
    .sort(
      (a, b) =>
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
        a.initiated.getTime() - b.initiated.getTime() ||
        (a.uploadId < b.uploadId ? -1 : 1),
    );
}

const ABORTED = 'aborted-key';

/** The multipart uploads started and neither completed nor aborted, in S3's listing order. */
export const pendingUploads = (root: string, bucket: string): PendingUpload[] =>
  entries(root, bucket)
    .filter((u) => !u.aborted)
    .map(({ key, uploadId, initiated }) => ({ key, uploadId, initiated }));

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const el = (name: string, value: string) => `<${name}>${esc(value)}</${name}>`;

function xml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'STANDIN' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

/**
 * `GET /bucket?uploads`. `pageCap` lowers the most uploads one page holds (S3 may return fewer
 * than max-uploads; a test uses it to make the client follow the pages).
 */
export function listMultipartUploads(
  res: ServerResponse,
  root: string,
  bucket: string,
  query: URLSearchParams,
  pageCap: number,
): void {
  const prefix = query.get('prefix') ?? '';
  const keyMarker = query.get('key-marker') ?? '';
  const idMarker = query.get('upload-id-marker') ?? '';
  const asked = Number(query.get('max-uploads') ?? 1000);
  if (!Number.isInteger(asked) || asked < 0 || asked > 2147483647) {
    return xml(
      res,
      400,
      `<Error><Code>InvalidArgument</Code><Message>Provided max-uploads not an integer or within integer range</Message>${el('ArgumentName', 'max-uploads')}<RequestId>STANDIN</RequestId></Error>`,
    );
  }
  const max = Math.min(asked, 1000, pageCap);
  const all = entries(root, bucket).filter((u) => u.key.startsWith(prefix));
  // After the marker: keys after key-marker, or (with upload-id-marker) that key's uploads after
  // the named one (which a client may have aborted meanwhile: its tombstone keeps its place).
  // upload-id-marker is ignored without key-marker.
  let start = 0;
  if (keyMarker !== '') {
    const at = idMarker ? all.findIndex((u) => u.key === keyMarker && u.uploadId === idMarker) : -1;
    start =
      at >= 0
        ? at + 1
        : all.findIndex((u) =>
            idMarker
              ? u.key > keyMarker || (u.key === keyMarker && u.uploadId > idMarker)
              : u.key > keyMarker,
          );
    if (start < 0) start = all.length;
  }
  const live = all.slice(start).filter((u) => !u.aborted);
  const page = live.slice(0, max);
  const truncated = live.length > max;
  const last = page[page.length - 1];
  const uploads = page
    .map(
      (u) =>
        `<Upload>${el('Key', u.key)}${el('UploadId', u.uploadId)}<Initiator><ID>STANDIN</ID><DisplayName>stand-in</DisplayName></Initiator><Owner><ID>STANDIN</ID><DisplayName>stand-in</DisplayName></Owner><StorageClass>STANDARD</StorageClass>${el('Initiated', u.initiated.toISOString())}</Upload>`,
    )
    .join('');
  xml(
    res,
    200,
    `<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${el('Bucket', bucket)}${el('KeyMarker', keyMarker)}${el('UploadIdMarker', idMarker)}${el('NextKeyMarker', last?.key ?? '')}${el('NextUploadIdMarker', last?.uploadId ?? '')}${el('Prefix', prefix)}${el('MaxUploads', String(max))}${el('IsTruncated', String(truncated))}${uploads}</ListMultipartUploadsResult>`,
  );
}

/** `DELETE /bucket/key?uploadId=ID`: the upload and its parts are gone. */
export function abortMultipartUpload(
  res: ServerResponse,
  root: string,
  bucket: string,
  key: string,
  uploadId: string,
): void {
  const dir = join(uploadsDir(root, bucket), uploadId);
  const known =
    /^[0-9a-f]+$/.test(uploadId) &&
    existsSync(join(dir, 'key')) &&
    readFileSync(join(dir, 'key'), 'utf8') === key;
  if (!known) {
    return xml(
      res,
      404,
      `<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.</Message>${el('UploadId', uploadId)}<RequestId>STANDIN</RequestId></Error>`,
    );
  }
  // The parts go; the key stays as a tombstone (renamed, so its time is the initiation's).
  for (const f of readdirSync(dir)) if (f !== 'key') rmSync(join(dir, f), { force: true });
  renameSync(join(dir, 'key'), join(dir, ABORTED));
  res.writeHead(204, { 'x-amz-request-id': 'STANDIN' });
  res.end();
}
