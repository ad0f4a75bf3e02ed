/**
 * `distill-roi distill start|status|stop` as a child process against S3 (s3rver) and the
 * customization-job stand-in, through the real AWS SDK, on a real store.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DISTILL_BUCKET,
  DISTILL_ROLE,
  NOVA_MICRO,
  NOVA_PRO,
  makeDistillStore,
  startDistillStandIns,
  type DistillStandIns,
} from '../../../test/support/distillFixture';
import { buildCli, removeCliBuild, startCli } from '../../../test/support/cliProcess';
import { makeTempDir } from '../../../test/support/tempDir';
import { trainingLine } from '../../shared/distill/trainingRecords';
import type { DistillJobView } from '../../shared/distill/distillDomain';

describe('distill-roi distill', () => {
  let stands: DistillStandIns;
  let temp: ReturnType<typeof makeTempDir>;
  let datasetId: string;

  beforeAll(async () => {
    await buildCli();
  });
  afterAll(() => removeCliBuild());
  beforeEach(async () => {
    stands = await startDistillStandIns();
    temp = makeTempDir('distill-cli-');
    const store = await makeDistillStore(
      120,
      { roleArn: DISTILL_ROLE, s3Uri: `s3://${DISTILL_BUCKET}/cli`, budgetUsd: null },
      temp.dir,
    );
    datasetId = store.datasetId;
    store.db.close();
  });
  afterEach(async () => {
    await stands.close();
    temp.cleanup();
  });

  const cli = async (...args: string[]) =>
    (
      await startCli(['distill', ...args, '--data-dir', temp.dir], {
        AWS_ENDPOINT_URL_BEDROCK: stands.bedrock.url,
        AWS_ENDPOINT_URL_S3: stands.s3.url,
        DISTILL_ROI_DISTILL_POLL_MS: '5',
      })
    ).exited;
  const pair = ['--teacher', NOVA_PRO, '--student', NOVA_MICRO, '--region', 'us-east-1'];
  const prices = ['--training-price', '0.004', '--storage-price', '1.95'];

  it('start launches from a dataset and follows the sub-steps to the custom model; status lists it', async () => {
    const r = await cli(
      'start',
      ...pair,
      '--name',
      'cli-micro',
      '--dataset',
      datasetId,
      ...prices,
      '--json',
    );
    expect(r.stderr).toContain('Data processing: InProgress');
    expect(r.code).toBe(0);
    const job = JSON.parse(r.stdout) as DistillJobView;
    expect(job.status).toBe('Completed');
    expect(job.outputModelArn).toBe(stands.bedrock.jobs[0]?.outputModelArn);

    const s = await cli('status', '--json');
    const jobs = JSON.parse(s.stdout) as DistillJobView[];
    expect(jobs.map((j) => [j.jobName, j.steps.training])).toEqual([[job.jobName, 'Completed']]);
    const text = await cli('status');
    expect(text.stdout).toContain(
      'Validation: Completed · Data processing: Completed · Training: Completed',
    );
    expect(text.stdout).toContain(`Custom model: ${job.outputModelArn ?? ''}`);
  });

  it('above the budget it needs --yes; without it nothing is sent', async () => {
    const args = [
      'start',
      ...pair,
      '--name',
      'cli-budget',
      '--dataset',
      datasetId,
      ...prices,
      '--budget',
      '0.01',
    ];
    const refused = await cli(...args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('above the budget');
    expect(stands.bedrock.calls).toEqual([]);
    const yes = await cli(...args, '--yes', '--no-wait', '--json');
    expect(yes.code).toBe(0);
    expect(stands.bedrock.jobs).toHaveLength(1);
  });

  it('a malformed training file is refused naming its line; an unsupported pair naming the field', async () => {
    const file = join(temp.dir, 'train.jsonl');
    const good = Array.from({ length: 150 }, (_, i) => trainingLine(`prompt ${i}`, null)).join('');
    writeFileSync(file, `${good}{"schemaVersion":"bedrock-conversation-2024"}\n`);
    const bad = await cli(
      'start',
      ...pair,
      '--name',
      'cli-file',
      '--training-file',
      file,
      ...prices,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('trainingFile: Training file line 151');
    const wrong = await cli(
      'start',
      '--teacher',
      NOVA_PRO,
      '--student',
      'meta.llama3-1-8b-instruct-v1:0',
      '--region',
      'us-east-1',
      '--name',
      'cli-wrong',
      '--dataset',
      datasetId,
      ...prices,
    );
    expect(wrong.stderr).toContain('studentModelId: AWS does not list');
    expect(stands.bedrock.calls).toEqual([]);
    expect(stands.s3.requests.filter((q) => q.method === 'PUT')).toEqual([]);
  });

  it('stop stops a running job by name', async () => {
    stands.bedrock.holdProgress(true);
    const started = await cli(
      'start',
      ...pair,
      '--name',
      'cli-stop',
      '--dataset',
      datasetId,
      ...prices,
      '--no-wait',
      '--json',
    );
    const job = JSON.parse(started.stdout) as DistillJobView;
    expect(job.phase).toBe('submitted');
    const stopped = await cli('stop', '--job', job.jobName, '--json');
    expect(stopped.code).toBe(0);
    expect((JSON.parse(stopped.stdout) as DistillJobView).status).toBe('Stopped');
  });
});
