/**
 * Issue 17's leak on the control plane (canaryToken.test.ts covers model calls). The SDK signs
 * with a canary session token; the stand-ins answer InvalidSignatureException quoting the
 * canonical request, token included (as AWS does), or end a job with a message quoting it. The
 * CLI runs on a real store in this process, then the app core reads the channel the screen
 * shows: the token is in no byte of the data folder (database and WAL), no channel and no CLI
 * output, and the masked texts still say what happened.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BUCKET,
  ROLE,
  TEST_KEY,
  makeBatchExperiment,
  startBatchStandIns,
} from '../../../test/support/batchFixture';
import { canaryEnv, canaryToken, fileTexts, leaks } from '../../../test/support/canary';
import { runInProcess } from '../../../test/support/cliInProcess';
import {
  DISTILL_BUCKET,
  DISTILL_KEY,
  DISTILL_ROLE,
  NOVA_MICRO,
  NOVA_PRO,
  makeDistillStore,
  startDistillStandIns,
} from '../../../test/support/distillFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import type { BatchOverview } from '../../shared/batch/batchDomain';
import type { DistillJobView } from '../../shared/distill/distillDomain';
import { createBatchClients } from '../batch/awsClients';
import { setupBatch } from '../batch/batchSetup';
import { batchCommand } from '../cli/batchCommand';
import { distillCommand } from '../cli/distillCommand';
import { startCore } from '../core/startCore';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { dispatch } from './dispatch';

const CANARY = canaryToken();
const SECRET = 'control-plane-canary-secret';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const t = makeTempDir('distill-control-canary-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** The CLI and the core sign with the canary, from the environment as a user's would. */
function signWithCanary(accessKeyId: string, endpoints: Record<string, string>): void {
  const env = canaryEnv({ accessKeyId, secretAccessKey: SECRET, sessionToken: CANARY, endpoints });
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

/**
 * One channel's answer from the app core on `dir`, and the files as they were while it was open
 * (the WAL holds recent pages until a checkpoint).
 */
async function throughCore(dir: string, channel: string, input: unknown) {
  const core = await startCore({
    dataDir: dir,
    transport: 'browser-host',
    secrets: createMemorySecretStore(),
  });
  const answer = await dispatch(core.ctx, channel, input);
  const whileOpen = fileTexts(dir);
  await core.close();
  expect(whileOpen.some((f) => f.label.endsWith('-wal'))).toBe(true);
  if (!answer.ok) throw new Error(answer.error.message);
  return { value: answer.value, text: JSON.stringify(answer), whileOpen };
}

const output = (label: string, r: { stdout: string; stderr: string }) => ({
  label,
  text: r.stdout + r.stderr,
});

describe('a session token quoted by control-plane errors', () => {
  it('batch: a refused create, a Failed job and a refused quota read leak it nowhere', async () => {
    const dir = tempDir();
    const s = await startBatchStandIns();
    cleanups.push(() => s.close());
    const exp = await makeBatchExperiment({ paragraphs: 100, dir });
    // Set up with the canary's clients: Service Quotas refuses the signature.
    s.quotas.failWith('InvalidSignatureException');
    const clients = createBatchClients({
      region: 'us-east-1',
      credentials: { accessKeyId: TEST_KEY, secretAccessKey: SECRET, sessionToken: CANARY },
      s3Endpoint: s.s3.url,
      bedrockEndpoint: s.bedrock.url,
      serviceQuotasEndpoint: s.quotas.url,
      maxAttempts: 1,
    });
    await setupBatch(
      exp.db,
      clients,
      exp.experimentId,
      { s3Uri: `s3://${BUCKET}/canary`, roleArn: ROLE },
      'us-east-1',
    );
    clients.destroy();
    exp.close();
    // The first create (the teacher's job) is refused; the job created next ends Failed, AWS's
    // message quoting the token.
    s.bedrock.queueFaults('create', ['badSignature']);
    s.bedrock.queueScripts([
      {
        outcome: 'Failed',
        failMessage: `Could not read the input: the request was refused: x-amz-security-token:${CANARY}`,
      },
    ]);
    signWithCanary(TEST_KEY, {
      AWS_ENDPOINT_URL_BEDROCK: s.bedrock.url,
      AWS_ENDPOINT_URL_S3: s.s3.url,
      AWS_ENDPOINT_URL_SERVICE_QUOTAS: s.quotas.url,
    });
    const env = { ...process.env, DISTILL_ROI_BATCH_POLL_MS: '5' };
    const cli = (...args: string[]) =>
      runInProcess(
        batchCommand,
        [...args, '--experiment', exp.experimentId, '--data-dir', dir],
        env,
      );
    const collect = await cli('collect');
    expect(collect.code, collect.stderr).toBe(0);
    const status = await cli('status');
    const json = await cli('status', '--json');
    const panel = await throughCore(dir, 'getBatchOverview', { experimentId: exp.experimentId });

    // The stand-ins really quoted it, so the checks below can fail.
    expect(s.bedrock.signatureErrors).toEqual([
      expect.stringContaining(`x-amz-security-token:${CANARY}`),
    ]);
    expect(s.bedrock.jobs.map((j) => j.message)).toEqual([expect.stringContaining(CANARY)]);
    expect(
      leaks(CANARY, [
        output('batch collect', collect),
        output('batch status', status),
        output('batch status --json', json),
        { label: 'getBatchOverview', text: panel.text },
        ...panel.whileOpen,
        ...fileTexts(dir),
      ]),
    ).toEqual([]);

    const o = panel.value as BatchOverview;
    expect(o.setup?.quotaNote).toContain('InvalidSignatureException');
    expect(o.setup?.quotaNote).toContain('x-amz-security-token:***');
    expect(o.jobs.map((j) => j.phase)).toEqual(['failed', 'collected']);
    expect(o.jobs[0]?.message).toContain('InvalidSignatureException: The request signature');
    expect(o.jobs[0]?.message).toContain('x-amz-security-token:***');
    expect(o.jobs[1]?.collectNote).toContain('x-amz-security-token:***');
    expect(status.stdout).toContain('x-amz-security-token:***');
  });

  it('distillation: a refused create and refused polls leak it nowhere', async () => {
    const dir = tempDir();
    const s = await startDistillStandIns();
    cleanups.push(() => s.close());
    const store = await makeDistillStore(
      120,
      { roleArn: DISTILL_ROLE, s3Uri: `s3://${DISTILL_BUCKET}/canary`, budgetUsd: null },
      dir,
    );
    store.close();
    signWithCanary(DISTILL_KEY, {
      AWS_ENDPOINT_URL_BEDROCK: s.bedrock.url,
      AWS_ENDPOINT_URL_S3: s.s3.url,
    });
    const env = { ...process.env, DISTILL_ROI_DISTILL_POLL_MS: '5' };
    const cli = (...args: string[]) =>
      runInProcess(distillCommand, [...args, '--data-dir', dir], env);
    const start = (name: string, ...more: string[]) =>
      cli(
        'start',
        ...['--teacher', NOVA_PRO, '--student', NOVA_MICRO, '--region', 'us-east-1'],
        ...['--name', name, '--dataset', store.datasetId],
        ...['--training-price', '0.004', '--storage-price', '1.95', ...more],
      );
    // A create refused: the job ends refused, its last error quoting the token.
    s.bedrock.queueFaults('create', ['badSignature']);
    const refused = await start('canary-refused');
    expect(refused.code).toBe(1);
    // A job created, whose next two polls are refused: the error is noted, the job stays open.
    const created = await start('canary-created', '--no-wait');
    expect(created.code, created.stderr).toBe(0);
    s.bedrock.queueFaults('get', ['badSignature', 'badSignature']);
    const status = await cli('status');
    const json = await cli('status', '--json');
    const screen = await throughCore(dir, 'listDistillJobs', {});

    expect(s.bedrock.signatureErrors).toEqual(
      new Array(3).fill(expect.stringContaining(`x-amz-security-token:${CANARY}`)),
    );
    expect(
      leaks(CANARY, [
        output('distill start (refused)', refused),
        output('distill start (created)', created),
        output('distill status', status),
        output('distill status --json', json),
        { label: 'listDistillJobs', text: screen.text },
        ...screen.whileOpen,
        ...fileTexts(dir),
      ]),
    ).toEqual([]);

    expect(refused.stdout).toContain('InvalidSignatureException: The request signature');
    expect(status.stdout).toContain('x-amz-security-token:***');
    const polled = (JSON.parse(json.stdout) as DistillJobView[]).find(
      (j) => j.phase === 'submitted',
    );
    expect(polled?.lastError).toContain('x-amz-security-token:***');
    const shown = (screen.value as DistillJobView[]).find((j) => j.phase === 'refused');
    expect(shown?.lastError).toContain('InvalidSignatureException');
    expect(shown?.lastError).toContain('x-amz-security-token:***');
  });
});
