/**
 * Issue 17's leak, end to end: the stand-in answers every call with a SignatureDoesNotMatch
 * whose message quotes the canonical request, session token included (as AWS does). The CLI
 * runs an experiment with that token, exports runs.csv and a bundle, and the app core reads
 * the results channel. The canary token must be found nowhere: not in any byte of the data
 * folder (database, WAL, backups), the results channel, runs.csv, the bundle or the logs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { canaryToken, filesUnder, leaks as leaksOf } from '../../../test/support/canary';
import { removeCliBuild, startCli } from '../../../test/support/cliProcess';
import { paragraphText, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { startCore } from '../core/startCore';
import { dispatch } from './dispatch';
import type { ExperimentResults } from '../../shared/ipc/experimentChannels';

const KEY_ID = 'ASIACANARYKEYID00001';
const CANARY = canaryToken();
const leaks = (found: { label: string; text: string | Buffer }[]) => leaksOf(CANARY, found);

describe('a session token quoted by an AWS signature error', () => {
  let standIn: BedrockStandIn;
  const temp = makeTempDir('distill-canary-');
  const data = join(temp.dir, 'data');
  const env = {
    AWS_ACCESS_KEY_ID: KEY_ID,
    AWS_SECRET_ACCESS_KEY: 'canary-test-secret',
    AWS_SESSION_TOKEN: CANARY,
  };
  const logs: { label: string; text: string }[] = [];
  let experimentId = '';

  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      models: { [TEACHER]: { latencyMs: 5 }, [STUDENT]: { latencyMs: 5 } },
      signatureMismatchAccessKeyIds: [KEY_ID],
    });
    const file = join(temp.dir, 'paragraphs.jsonl');
    writeFileSync(
      file,
      [0, 1, 2, 3, 4, 5].map((i) => JSON.stringify({ text: paragraphText(i) })).join('\n'),
    );
    const run = await (
      await startCli(
        [
          'run',
          '--data-dir',
          data,
          '--endpoint',
          standIn.url,
          '--dataset',
          file,
          '--teacher',
          TEACHER,
          '--student',
          STUDENT,
          '--price',
          `${TEACHER}=0.00265,0.0035`,
          '--price',
          `${STUDENT}=0.0003,0.0006`,
          '--repeats',
          '1',
          '--concurrency',
          '1',
          '--json',
        ],
        env,
      )
    ).exited;
    logs.push({ label: 'run stdout', text: run.stdout }, { label: 'run stderr', text: run.stderr });
    expect(run.code, run.stderr).toBe(1);
    experimentId = (JSON.parse(run.stdout) as { experimentId: string }).experimentId;
    // The rest of the calls with keys AWS accepts, so that there is something to export.
    const resumed = await (
      await startCli(
        ['run', '--data-dir', data, '--endpoint', standIn.url, '--resume', experimentId],
        {
          ...env,
          AWS_ACCESS_KEY_ID: 'AKIDCANARYGOOD',
        },
      )
    ).exited;
    logs.push({ label: 'resume', text: resumed.stdout + resumed.stderr });
  });
  afterAll(async () => {
    await standIn.close();
    temp.cleanup();
    removeCliBuild();
  });

  it('is really quoted by the stand-in (so the checks below can fail)', () => {
    const quoted = standIn.requests.map((r) =>
      typeof r.fault === 'object' ? r.fault.message : '',
    );
    expect(quoted.some((m) => m.includes(`x-amz-security-token:${CANARY}`))).toBe(true);
  });

  it('reaches no store, export, channel or log, while the error still says what happened', async () => {
    const csvDir = join(temp.dir, 'csv');
    const bundle = join(temp.dir, 'experiment.distill.json');
    for (const args of [
      ['export', '--data-dir', data, '--csv', csvDir],
      ['export', '--data-dir', data, '--bundle', bundle],
    ]) {
      const r = await (await startCli(args, env)).exited;
      expect(r.code, r.stderr).toBe(0);
      logs.push({ label: `${args[3]} stderr`, text: r.stderr + r.stdout });
    }
    const csv = readFileSync(join(csvDir, 'runs.csv'), 'utf8');

    // The app core on the same folder: the results channel, and the files while it is open
    // (the WAL holds recent pages until a checkpoint).
    const core = await startCore({
      dataDir: data,
      transport: 'browser-host',
      secrets: createMemorySecretStore(),
    });
    const results = await dispatch(core.ctx, 'getExperimentResults', { id: experimentId });
    const listed = await dispatch(core.ctx, 'listExperiments', {});
    const whileOpen = filesUnder(data);
    await core.close();
    const afterClose = filesUnder(data);

    expect(whileOpen.some((f) => f.path.endsWith('-wal'))).toBe(true);
    const found = [
      ...logs,
      { label: 'runs.csv', text: csv },
      { label: 'bundle', text: readFileSync(bundle) },
      { label: 'results channel', text: JSON.stringify(results) },
      { label: 'experiments channel', text: JSON.stringify(listed) },
      ...[...whileOpen, ...afterClose].map((f) => ({ label: f.path, text: f.bytes })),
    ];
    expect(leaks(found)).toEqual([]);

    // Redaction keeps the useful part of the message.
    if (!results.ok) throw new Error(results.error.message);
    const failed = (results.value as ExperimentResults).runs.filter((r) => r.status === 'error');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.errorClass).toBe('bad_credentials');
      expect(r.errorMessage).toContain('SignatureDoesNotMatch');
      expect(r.errorMessage).toContain('x-amz-security-token:***');
    }
    expect(csv).toContain('x-amz-security-token:***');
  });
});
