/**
 * S3 for tests: a real S3-protocol server (s3rver, from npm) on loopback, behind a thin front
 * that adds what s3rver cannot do and a test must: per-bucket AccessDenied, a bucket that lives
 * in another region (301 PermanentRedirect with x-amz-bucket-region, as S3 answers a request
 * signed for the wrong region), and decoding of `aws-chunked` upload bodies (which s3rver stores
 * verbatim, framing included), and ListMultipartUploads / AbortMultipartUpload, which s3rver
 * does not implement (s3Multipart.ts). s3rver checks only that the access key is registered (it
 * does not verify SigV4), so the keys tests sign with are registered at start.
 *
 *   const s3 = await startS3StandIn({ buckets: ['data'], accessKeys: ['AKIDTEST'] });
 *   s3.denyBucket('data'); s3.setBucketRegion('data', 'eu-west-1');
 *   s3.denyListUploads('data'); s3.setUploadsPageCap(1);
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account';
import {
  abortMultipartUpload,
  listMultipartUploads,
  pendingUploads,
  type PendingUpload,
} from './s3Multipart';

export interface S3StandIn {
  /** `http://127.0.0.1:PORT`: the S3 endpoint (path-style). */
  url: string;
  /** The region buckets live in unless set otherwise. */
  region: string;
  createBucket(name: string): Promise<void>;
  denyBucket(name: string, denied?: boolean): void;
  setBucketRegion(name: string, region: string): void;
  /**
   * ListMultipartUploads on the bucket answers AccessDenied (credentials without
   * s3:ListBucketMultipartUploads), everything else as before.
   */
  denyListUploads(name: string, denied?: boolean): void;
  /** At most this many uploads per ListMultipartUploads page (default 1,000, as S3). */
  setUploadsPageCap(n: number): void;
  /** The multipart uploads started and neither completed nor aborted, as S3 would list them. */
  pendingUploads(bucket: string): PendingUpload[];
  /**
   * Requests matching `test` wait (unanswered) until `releaseHeld()`; one whose client went away
   * meanwhile (a killed process) is dropped, as S3 drops an upload that never finished.
   */
  holdRequests(test: ((method: string, key: string) => boolean) | null): void;
  releaseHeld(): void;
  /** Every request the front saw: method, bucket, key, and the query string (without '?'). */
  readonly requests: readonly { method: string; bucket: string; key: string; query: string }[];
  close(): Promise<void>;
}

export interface S3StandInOptions {
  buckets?: string[];
  accessKeys?: string[];
  region?: string;
}

/** Decodes `aws-chunked` framing (`<hex size>[;chunk-signature=..]\r\n<data>\r\n ... 0\r\n<trailers>`). */
class AwsChunkedDecoder extends Transform {
  private buf = Buffer.alloc(0);
  private left = 0;
  private done = false;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    while (!this.done) {
      if (this.left > 0) {
        if (this.buf.length === 0) break;
        const take = Math.min(this.left, this.buf.length);
        this.push(this.buf.subarray(0, take));
        this.buf = this.buf.subarray(take);
        this.left -= take;
        if (this.left === 0) this.left = -2; // the CRLF after the data
        continue;
      }
      if (this.left === -2) {
        if (this.buf.length < 2) break;
        this.buf = this.buf.subarray(2);
        this.left = 0;
        continue;
      }
      const eol = this.buf.indexOf('\r\n');
      if (eol < 0) break;
      const size = parseInt(this.buf.subarray(0, eol).toString('latin1').split(';')[0] ?? '', 16);
      this.buf = this.buf.subarray(eol + 2);
      if (!Number.isFinite(size) || size === 0) this.done = true;
      else this.left = size;
    }
    cb();
  }
}

const xmlError = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra = '',
) => {
  res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'STANDIN' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>STANDIN</RequestId></Error>`,
  );
};

function signingRegion(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization ?? '';
  return /Credential=[^/]+\/\d{8}\/([^/]+)\/s3\//.exec(auth)?.[1];
}

export async function startS3StandIn(options: S3StandInOptions = {}): Promise<S3StandIn> {
  const region = options.region ?? 'us-east-1';
  for (const key of options.accessKeys ?? []) DUMMY_ACCOUNT.createKeyPair(key, 'stand-in-secret');
  const dir = mkdtempSync(join(tmpdir(), 's3-stand-in-'));
  const s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  const inner = (await s3rver.run()) as AddressInfo;
  const denied = new Set<string>();
  const regions = new Map<string, string>();
  const listDenied = new Set<string>();
  let uploadsPageCap = 1000;
  const requests: { method: string; bucket: string; key: string; query: string }[] = [];
  let holdTest: ((method: string, key: string) => boolean) | null = null;
  let held: (() => void)[] = [];

  const server = createServer((req, res) => {
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    const [, bucket = '', ...keyParts] = path.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    requests.push({ method: req.method ?? '', bucket, key, query });
    if (holdTest?.(req.method ?? '', key)) {
      req.pause();
      let gone = false;
      res.on('close', () => (gone = true));
      held.push(() => {
        if (gone || req.destroyed) return;
        req.resume();
        forward(req, res, bucket, key, query);
      });
      return;
    }
    forward(req, res, bucket, key, query);
  });

  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    bucket: string,
    key: string,
    rawQuery: string,
  ): void {
    if (bucket && denied.has(bucket)) {
      req.resume();
      return xmlError(res, 403, 'AccessDenied', 'Access Denied');
    }
    const home = regions.get(bucket);
    const signedFor = signingRegion(req);
    if (bucket && home && signedFor && home !== signedFor) {
      req.resume();
      res.setHeader('x-amz-bucket-region', home);
      return xmlError(
        res,
        301,
        'PermanentRedirect',
        'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
        `<Bucket>${bucket}</Bucket><Endpoint>${bucket}.s3.${home}.amazonaws.com</Endpoint>`,
      );
    }
    const query = new URLSearchParams(rawQuery);
    if (bucket && key === '' && req.method === 'GET' && query.has('uploads')) {
      req.resume();
      if (listDenied.has(bucket)) return xmlError(res, 403, 'AccessDenied', 'Access Denied');
      if (!existsSync(join(dir, bucket))) {
        return xmlError(
          res,
          404,
          'NoSuchBucket',
          'The specified bucket does not exist',
          `<BucketName>${bucket}</BucketName>`,
        );
      }
      return listMultipartUploads(res, dir, bucket, query, uploadsPageCap);
    }
    if (bucket && key !== '' && req.method === 'DELETE' && query.has('uploadId')) {
      req.resume();
      return abortMultipartUpload(res, dir, bucket, key, query.get('uploadId') ?? '');
    }
    const headers = { ...req.headers };
    const chunked =
      String(headers['content-encoding'] ?? '').includes('aws-chunked') ||
      String(headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
    let body: NodeJS.ReadableStream = req;
    if (chunked) {
      const decoded = headers['x-amz-decoded-content-length'];
      delete headers['transfer-encoding'];
      delete headers['content-encoding'];
      delete headers['x-amz-trailer'];
      if (decoded !== undefined) headers['content-length'] = String(decoded);
      headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      body = req.pipe(new AwsChunkedDecoder());
    }
    const upstream = request(
      { host: '127.0.0.1', port: inner.port, method: req.method, path: req.url, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 500, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    body.pipe(upstream);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    region,
    requests,
    createBucket: async (name) => {
      await s3rver.store.putBucket(name);
    },
    denyBucket: (name, on = true) => {
      if (on) denied.add(name);
      else denied.delete(name);
    },
    setBucketRegion: (name, r) => regions.set(name, r),
    denyListUploads: (name, on = true) => {
      if (on) listDenied.add(name);
      else listDenied.delete(name);
    },
    setUploadsPageCap: (n) => (uploadsPageCap = n),
    pendingUploads: (bucket) => pendingUploads(dir, bucket),
    holdRequests: (test) => (holdTest = test),
    releaseHeld: () => {
      holdTest = null;
      const waiting = held;
      held = [];
      waiting.forEach((w) => w());
    },
    close: async () => {
      held = [];
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await s3rver.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
