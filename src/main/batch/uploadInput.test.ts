/**
 * The multipart path of the input upload, on a real S3-protocol server (s3rver) through the real
 * S3 client: a file of several parts arrives byte for byte, built as it is sent.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUCKET,
  startBatchStandIns,
  testBatchClients,
  type BatchStandIns,
} from '../../../test/support/batchFixture';
import type { BatchClients } from './awsClients';
import { uploadLines } from './uploadInput';

describe('uploadLines', () => {
  let stands: BatchStandIns;
  let clients: BatchClients;
  beforeAll(async () => {
    stands = await startBatchStandIns();
    clients = testBatchClients(stands);
  });
  afterAll(async () => {
    clients.destroy();
    await stands.close();
  });

  it('sends a file larger than one part in several parts, and S3 holds exactly its lines', async () => {
    // 3,000 lines of about 4 KB: about 12 MB, three parts of 5 MiB.
    const line = (i: number) =>
      `${JSON.stringify({ recordId: `r${i}`, text: 'x'.repeat(4_000) })}\n`;
    const lines = function* () {
      for (let i = 0; i < 3_000; i++) yield line(i);
    };
    const expected = createHash('sha256');
    for (const l of lines()) expected.update(l);

    await uploadLines(clients.s3, BUCKET, 'multipart/input.jsonl', lines());

    const got = await clients.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'multipart/input.jsonl' }),
    );
    const body = Buffer.from(await got.Body!.transformToByteArray());
    expect(body.length).toBeGreaterThan(2 * 5 * 1024 * 1024);
    expect(createHash('sha256').update(body).digest('hex')).toBe(expected.digest('hex'));
    const text = body.toString('utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3_000);
    // Multipart on the wire: create, three parts, complete (a single PUT would be one request).
    const sent = stands.s3.requests.filter((r) => r.key === 'multipart/input.jsonl');
    expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(3);
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});
