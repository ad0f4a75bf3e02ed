/**
 * Every command that takes an endpoint checks it by the endpoint rules before it sends
 * anything: a refused one ends the command with exit code 2 and a message naming the flag or
 * the environment variable it came from.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../../../test/support/cliInProcess';
import { paragraphText, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { listRuns } from '../db/repos/runs';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';
import type { CliIo } from './cliIo';
import { batchCommand } from './batchCommand';
import type { CliSummary } from './cliSummary';
import { distillCommand } from './distillCommand';
import { modelsCommand } from './modelsCommand';
import { priceListBaseUrl, pricesCommand } from './pricesCommand';
import { runCommand } from './runCommand';

const ARN = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/m/abc';
type Command = (argv: string[], io: CliIo) => Promise<number>;

describe('endpoint flags and variables on the command line', () => {
  const temp = makeTempDir('distill-endpoint-flags-');
  const dataDir = ['--data-dir', temp.dir];
  afterEach(() => vi.unstubAllEnvs());

  it.each<[string, Command, string[], NodeJS.ProcessEnv, RegExp]>([
    [
      'batch --bedrock-endpoint',
      batchCommand,
      ['status', '--experiment', 'x', '--bedrock-endpoint', 'http://example.com'],
      {},
      /^--bedrock-endpoint must start with https:\/\//,
    ],
    [
      'batch AWS_ENDPOINT_URL_S3',
      batchCommand,
      ['status', '--experiment', 'x'],
      { AWS_ENDPOINT_URL_S3: 'https://user:pass@host' },
      /^AWS_ENDPOINT_URL_S3 must not contain a user name or password/,
    ],
    [
      'distill status --s3-endpoint',
      distillCommand,
      ['status', '--s3-endpoint', 'https://user:pass@host'],
      {},
      /^--s3-endpoint must not contain a user name or password/,
    ],
    [
      'distill serve --bedrock-endpoint',
      distillCommand,
      ['serve', ARN, '--bedrock-endpoint', 'http://example.com'],
      {},
      /^--bedrock-endpoint must start with https:\/\//,
    ],
    [
      'distill evaluate AWS_ENDPOINT_URL_BEDROCK',
      distillCommand,
      ['evaluate', ARN],
      { AWS_ENDPOINT_URL_BEDROCK: 'http://example.com' },
      /^AWS_ENDPOINT_URL_BEDROCK must start with https:\/\//,
    ],
    [
      'models --endpoint',
      modelsCommand,
      ['--endpoint', 'https://user:pass@host'],
      {},
      /^--endpoint must not contain a user name or password/,
    ],
    [
      'models AWS_ENDPOINT_URL_BEDROCK',
      modelsCommand,
      [],
      { AWS_ENDPOINT_URL_BEDROCK: 'http://example.com' },
      /^AWS_ENDPOINT_URL_BEDROCK must start with https:\/\//,
    ],
    [
      'prices --price-list-url',
      pricesCommand,
      ['refresh', '--price-list-url', 'http://example.com'],
      {},
      /^--price-list-url must start with https:\/\//,
    ],
    [
      'prices DISTILL_ROI_PRICE_LIST_URL',
      pricesCommand,
      ['refresh'],
      { DISTILL_ROI_PRICE_LIST_URL: 'https://user:pass@host' },
      /^DISTILL_ROI_PRICE_LIST_URL must not contain a user name or password/,
    ],
  ])('%s: refused with exit code 2, named', async (_what, command, argv, env, message) => {
    const r = await runInProcess(command, [...argv, ...dataDir], env);
    expect(r.code, r.stdout).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('run: the SDK’s own AWS_ENDPOINT_URL is refused by the client, each call says why', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', '');
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://example.com');
    const file = join(temp.dir, 'one.jsonl');
    writeFileSync(file, JSON.stringify({ text: paragraphText(0) }));
    const dir = join(temp.dir, 'run');
    const prices = [`${TEACHER}=0.001,0.002`, `${STUDENT}=0.001,0.002`].flatMap((p) => [
      '--price',
      p,
    ]);
    const r = await runInProcess(runCommand, [
      ...['--data-dir', dir, '--dataset', file, '--teacher', TEACHER, '--student', STUDENT],
      ...[...prices, '--repeats', '1', '--json'],
    ]);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout) as CliSummary;
    const { db } = await openDatabase(databasePath(dir));
    const runs = listRuns(db, summary.experimentId);
    db.close();
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run).toMatchObject({ status: 'error', errorClass: 'validation' });
      expect(run.errorMessage).toMatch(/^AWS_ENDPOINT_URL must start with https:\/\//);
    }
  });

  it('takes a loopback http:// or an https:// Price List, from the flag or the variable', () => {
    expect(priceListBaseUrl('http://127.0.0.1:4010', {})).toBe('http://127.0.0.1:4010');
    expect(priceListBaseUrl(undefined, { DISTILL_ROI_PRICE_LIST_URL: 'https://host' })).toBe(
      'https://host',
    );
  });
});
