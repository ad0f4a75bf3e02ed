/**
 * Multipart uploads a kill left open: real ones, started through the real S3 client on s3rver
 * (behind the stand-in front that answers ListMultipartUploads and AbortMultipartUpload), then
 * the resumed batch aborts those under its own input folder, and only those, before uploading.
 */
import { AbortMultipartUploadCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUCKET,
  ROLE,
  fastDeps,
  makeBatchExperiment,
  startBatchStandIns,
  testBatchClients,
  type BatchExperiment,
  type BatchStandIns,
} from '../../../test/support/batchFixture';
import { leaveUploadOpen as leaveOpen, openUploadsUnder } from '../../../test/support/openUploads';
import { listBatchJobs, setJobUploadNote } from '../db/repos/batchJobs';
import { listRuns } from '../db/repos/runs';
import type { BatchClients } from './awsClients';
import { batchOverview } from './batchOverview';
import { advanceBatch } from './batchPipeline';
import { setupBatch } from './batchSetup';
import { abortUnfinishedUploads } from './unfinishedUploads';

let stands: BatchStandIns | undefined;
let exp: BatchExperiment | undefined;
let clients: BatchClients | undefined;
afterEach(async () => {
  clients?.destroy();
  exp?.close();
  await stands?.close();
  stands = exp = clients = undefined;
});

const leaveUploadOpen = (s3: S3Client, key: string) => leaveOpen(s3, BUCKET, key);
const openUnder = (s3: S3Client, prefix: string) => openUploadsUnder(s3, BUCKET, prefix);

async function plannedBatch() {
  stands = await startBatchStandIns();
  exp = await makeBatchExperiment({ paragraphs: 120 });
  clients = testBatchClients(stands);
  await setupBatch(
    exp.db,
    clients,
    exp.experimentId,
    { s3Uri: `s3://${BUCKET}/runs`, roleArn: ROLE },
    'us-east-1',
  );
  const jobs = listBatchJobs(exp.db, exp.experimentId);
  return { stands, exp, clients, jobs };
}

describe('unfinished multipart uploads', () => {
  it('a resumed batch aborts the uploads a kill left under its input folders, following every page, and uploads each file once', async () => {
    const { stands, exp, clients, jobs } = await plannedBatch();
    const [first, second] = jobs;
    const fileKey = first?.files[0]?.key ?? '';
    const folder = fileKey.slice(0, fileKey.lastIndexOf('/') + 1);
    // Two left on the first job's file, one on the second job's, and two that are not ours: a
    // user's upload elsewhere in the bucket and one in a sibling folder sharing the name's start.
    await leaveUploadOpen(clients.s3, fileKey);
    await leaveUploadOpen(clients.s3, fileKey);
    await leaveUploadOpen(clients.s3, second?.files[0]?.key ?? '');
    const usersOwn = await leaveUploadOpen(clients.s3, 'backups/db.dump');
    const sibling = await leaveUploadOpen(clients.s3, `${folder.slice(0, -1)}0/records-001.jsonl`);
    expect(await openUnder(clients.s3, folder)).toHaveLength(2);
    stands.s3.setUploadsPageCap(1);

    const said: string[] = [];
    const o = await advanceBatch(
      fastDeps(exp.db, clients, { say: (l) => said.push(l) }),
      exp.experimentId,
      { wait: true },
    );

    expect(o.finished).toBe(true);
    for (const job of jobs) {
      const key = job.files[0]?.key ?? '';
      expect(await openUnder(clients.s3, key.slice(0, key.lastIndexOf('/') + 1))).toEqual([]);
    }
    expect(
      stands.s3
        .pendingUploads(BUCKET)
        .map((u) => u.uploadId)
        .sort(),
    ).toEqual([usersOwn, sibling].sort());
    expect(said.filter((l) => l.includes('aborted 2 unfinished upload(s)'))).toHaveLength(1);
    expect(said.filter((l) => l.includes('aborted 1 unfinished upload(s)'))).toHaveLength(1);
    // Each input file was written once (one PUT, or one completed multipart upload).
    for (const job of jobs) {
      for (const f of job.files) {
        const writes = stands.s3.requests.filter(
          (r) =>
            r.key === f.key &&
            ((r.method === 'PUT' && !r.query.includes('uploadId=')) ||
              (r.method === 'POST' && r.query.includes('uploadId='))),
        );
        expect(writes, f.key).toHaveLength(1);
        const body = await (
          await clients.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: f.key }))
        ).Body?.transformToString();
        expect(body?.split('\n').filter(Boolean)).toHaveLength(f.count);
      }
    }
    expect(listRuns(exp.db, exp.experimentId)).toHaveLength(240);
  });

  it('credentials that may not list uploads do not block the batch: the log says so and the upload goes ahead', async () => {
    const { stands, exp, clients, jobs } = await plannedBatch();
    const left = await leaveUploadOpen(clients.s3, jobs[0]?.files[0]?.key ?? '');
    stands.s3.denyListUploads(BUCKET);

    // What the job panel showed for the job when the log said it.
    const shown: (string | null)[] = [];
    const said: string[] = [];
    const say = (line: string) => {
      said.push(line);
      if (line.includes('Could not list')) {
        const job = listBatchJobs(exp.db, exp.experimentId).find((j) => line.startsWith(j.jobName));
        shown.push(job?.uploadNote ?? null);
      }
    };
    const o = await advanceBatch(fastDeps(exp.db, clients, { say }), exp.experimentId, {
      wait: true,
    });

    expect(o.finished).toBe(true);
    expect(shown).toHaveLength(2);
    expect(shown.every((m) => m?.includes('s3:ListBucketMultipartUploads'))).toBe(true);
    expect(listRuns(exp.db, exp.experimentId)).toHaveLength(240);
    const notes = said.filter((l) => l.includes('Could not list unfinished uploads'));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('AccessDenied: the credentials need s3:ListBucketMultipartUploads');
    expect(notes[0]).toContain('The upload went ahead.');
    // Not listed, so not aborted: it is still there for the user (or a lifecycle rule) to clear.
    expect(stands.s3.pendingUploads(BUCKET).map((u) => u.uploadId)).toEqual([left]);
    // After every poll and the collection, what the job panel reads still says it, per job.
    const after = batchOverview(exp.db, exp.experimentId).jobs;
    expect(after.map((j) => j.status)).toEqual(['Completed', 'Completed']);
    for (const j of after) {
      expect(j.uploadNote).toContain(
        'AccessDenied: the credentials need s3:ListBucketMultipartUploads',
      );
    }
  });

  it('an upload note is cleared by the next upload that could list the leftovers', async () => {
    const { stands, exp, clients, jobs } = await plannedBatch();
    const [first] = jobs;
    if (!first) throw new Error('no job planned');
    setJobUploadNote(exp.db, first.id, 'Could not list unfinished uploads (AccessDenied).');
    expect(batchOverview(exp.db, exp.experimentId).jobs[0]?.uploadNote).toContain('AccessDenied');

    await advanceBatch(fastDeps(exp.db, clients), exp.experimentId, { wait: true });

    expect(batchOverview(exp.db, exp.experimentId).jobs.map((j) => j.uploadNote)).toEqual([
      null,
      null,
    ]);
    expect(stands.s3.pendingUploads(BUCKET)).toEqual([]);
  });

  it('aborts only under the prefix, follows KeyMarker and UploadIdMarker across pages, and an upload aborted twice is NoSuchUpload', async () => {
    stands = await startBatchStandIns();
    clients = testBatchClients(stands);
    const s3 = clients.s3;
    const mine = [
      await leaveUploadOpen(s3, 'exp/input/job-p1/records-001.jsonl'),
      await leaveUploadOpen(s3, 'exp/input/job-p1/records-001.jsonl'),
      await leaveUploadOpen(s3, 'exp/input/job-p1/records-001.jsonl'),
      await leaveUploadOpen(s3, 'exp/input/job-p1/records-002.jsonl'),
    ];
    const others = [
      await leaveUploadOpen(s3, 'exp/input/job-p10/records-001.jsonl'),
      await leaveUploadOpen(s3, 'exp/input/job-p2/records-001.jsonl'),
    ];
    stands.s3.setUploadsPageCap(1);

    const sweep = await abortUnfinishedUploads(s3, BUCKET, { prefix: 'exp/input/job-p1/' });

    expect(sweep).toEqual({ aborted: 4, note: null });
    expect(
      stands.s3
        .pendingUploads(BUCKET)
        .map((u) => u.uploadId)
        .sort(),
    ).toEqual([...others].sort());
    const lists = stands.s3.requests.filter(
      (r) => r.method === 'GET' && r.query.includes('uploads'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(4);
    expect(lists.every((r) => r.query.includes('prefix=exp%2Finput%2Fjob-p1%2F'))).toBe(true);
    await expect(
      s3.send(
        new AbortMultipartUploadCommand({
          Bucket: BUCKET,
          Key: 'exp/input/job-p1/records-001.jsonl',
          UploadId: mine[0],
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchUpload' });
  });
});
