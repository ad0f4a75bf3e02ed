/**
 * The app and the command line on one data folder: while the CLI runs an experiment, the app
 * shows it as running there and refuses to start, pause, cancel, retry or delete it (its calls
 * would be paid twice); once the CLI dies (`kill -9`), the app takes it over at once and makes
 * only the calls that have no stored result, while a second CLI is refused in turn.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { buildCli, removeCliBuild, startCli } from '../../../test/support/cliProcess';
import { paragraphText, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import type { RunProgress } from '../../shared/domain/run';
import { startCore } from '../core/startCore';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { openDatabase } from '../db/open';
import { readLease } from '../db/repos/runLeases';
import { listRuns } from '../db/repos/runs';
import { dispatch } from '../service/dispatch';
import { databasePath } from '../paths/dataDir';

const PARAGRAPHS = 12;

describe('one experiment, the app and the command line', () => {
  let standIn: BedrockStandIn;
  let onRequest: (n: number) => void = () => {};
  const temp = makeTempDir('distill-lease-');
  let served = 0;
  const answer = (body: { messages?: { content?: { text?: string }[] }[] }) => {
    onRequest(++served);
    return `Summary of ${body.messages?.[0]?.content?.[0]?.text?.slice(0, 40) ?? ''}`;
  };
  /** Every call takes `latencyMs`: slow keeps a run going while another process tries it. */
  const pace = (latencyMs: number) => {
    standIn.setModel(TEACHER, { latencyMs, ttftMs: 20, output: answer });
    standIn.setModel(STUDENT, { latencyMs, ttftMs: 10, output: answer });
  };

  beforeAll(async () => {
    standIn = await startBedrockStandIn({ models: {} });
    pace(250);
    await buildCli();
  });
  afterAll(async () => {
    await standIn.close();
    temp.cleanup();
    removeCliBuild();
  });

  it('the app keeps its hands off a run the CLI is making, and takes it over when the CLI dies', async () => {
    const file = join(temp.dir, 'paragraphs.txt');
    writeFileSync(
      file,
      Array.from({ length: PARAGRAPHS }, (_, i) => paragraphText(i)).join('\n\n'),
    );
    const third = new Promise<void>((resolve) => (onRequest = (n) => n === 3 && resolve()));
    const cli = await startCli(
      [
        'run',
        ...['--data-dir', temp.dir, '--endpoint', standIn.url],
        ...['--dataset', file, '--teacher', TEACHER, '--student', STUDENT],
        ...['--repeats', '1', '--concurrency', '1'],
        ...['--price', `${TEACHER}=0.00265,0.0035`, '--price', `${STUDENT}=0.0003,0.0006`],
      ],
      { AWS_ACCESS_KEY_ID: 'AKIDCOMMANDLINE' },
    );
    await Promise.race([third, cli.exited]);
    expect(cli.child.exitCode).toBeNull();
    const cliPid = cli.child.pid;

    // The app opens the same folder while the CLI is running.
    const core = await startCore({
      dataDir: temp.dir,
      transport: 'browser-host',
      secrets: createMemorySecretStore(),
    });
    const call = (channel: string, input: unknown) => dispatch(core.ctx, channel, input);
    try {
      const listed = await call('listExperiments', {});
      if (!listed.ok) throw new Error(listed.error.message);
      const [experiment] = listed.value as { id: string; status: string; statusReason: string }[];
      if (!experiment) throw new Error('the CLI created no experiment');
      const id = experiment.id;
      // Not marked interrupted on startup: it is running, over there.
      expect(experiment.status).toBe('running');
      expect(experiment.statusReason).toContain(`command line (process ${cliPid} on `);
      const progress = await call('getRunProgress', { id });
      expect(progress).toMatchObject({
        ok: true,
        value: { status: 'running', runningElsewhere: true },
      });

      for (const [channel, input] of [
        ['startExperiment', { id, confirmOverBudget: true }],
        ['pauseExperiment', { id }],
        ['cancelExperiment', { id }],
        ['retryFailedRuns', { id }],
        ['deleteExperiment', { id }],
      ] as const) {
        const refused = await call(channel, input);
        expect(refused, channel).toMatchObject({ ok: false, error: { code: 'conflict' } });
        if (!refused.ok) expect(refused.error.message).toContain('none is paid for twice');
      }
      expect(cli.child.exitCode).toBeNull();

      // The CLI dies mid-run; what it stored stays, and the app may now resume at once.
      cli.child.kill('SIGKILL');
      expect((await cli.exited).signal).toBe('SIGKILL');
      const before = (await openDatabase(databasePath(temp.dir))).db;
      const committed = listRuns(before, id);
      before.close();
      expect(committed.length).toBeGreaterThan(0);
      expect(committed.length).toBeLessThan(2 * PARAGRAPHS);

      const orphan = await call('getRunProgress', { id });
      expect(orphan).toMatchObject({ ok: true, value: { status: 'interrupted' } });
      expect(orphan.ok && orphan.value).not.toHaveProperty('runningElsewhere');

      const saved = await call('saveAwsSettings', {
        credentialMode: 'keys',
        profile: null,
        defaultRegion: 'us-east-1',
        endpointOverride: standIn.url,
      });
      const keys = await call('saveAccessKeys', {
        accessKeyId: 'AKIATHEAPPTESTKEY1',
        secretAccessKey: 'app-secret',
        sessionToken: null,
      });
      expect([saved.ok, keys.ok], JSON.stringify([saved, keys])).toEqual([true, true]);
      const finished = new Promise<RunProgress>((resolve) =>
        core.onEvent((event) => {
          if (event.type === 'runProgress' && event.progress.status === 'completed') {
            resolve(event.progress);
          }
        }),
      );
      pace(1_000);
      const started = await call('startExperiment', { id, confirmOverBudget: true });
      expect(started).toMatchObject({ ok: true, value: { status: 'running' } });
      // While the app runs it, its lease names the app, and the CLI is the one refused.
      expect(readLease(core.ctx.db, `experiment:${id}`)).toMatchObject({
        pid: process.pid,
        label: 'app',
      });
      const second = await startCli(
        ['run', '--data-dir', temp.dir, '--endpoint', standIn.url, '--resume', id],
        { AWS_ACCESS_KEY_ID: 'AKIDCOMMANDLINE' },
      );
      const refused = await second.exited;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`Distill ROI's app (process ${process.pid} on `);
      pace(100);
      expect(await finished).toMatchObject({ done: 2 * PARAGRAPHS, failed: 0 });
      expect(readLease(core.ctx.db, `experiment:${id}`)).toBeNull();

      const runs = listRuns(core.ctx.db, id);
      expect(runs).toHaveLength(2 * PARAGRAPHS);
      for (const row of committed) expect(runs.find((r) => r.id === row.id)).toEqual(row);
      // The app asked only for what had no stored result, each once.
      const byApp = standIn.requests.filter((r) => r.accessKeyId === 'AKIATHEAPPTESTKEY1');
      expect(byApp).toHaveLength(2 * PARAGRAPHS - committed.length);
      const cliRequests = standIn.requests.filter((r) => r.accessKeyId === 'AKIDCOMMANDLINE');
      expect(cliRequests.length).toBeLessThanOrEqual(committed.length + 1);
    } finally {
      await core.close();
    }
  });
});
