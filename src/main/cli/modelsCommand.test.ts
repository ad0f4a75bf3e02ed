/**
 * `distill-roi models` in process, against the control-plane stand-in with the real SDK: what
 * it prints online, offline on a fresh data folder, and on bad usage.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  startControlPlaneStandIn,
  wireModel,
  wireSystemProfile,
  type ControlPlaneStandIn,
} from '../../../test/support/controlPlaneStandIn';
import { runInProcess } from '../../../test/support/cliInProcess';
import { makeTempDir } from '../../../test/support/tempDir';
import { modelsCommand } from './modelsCommand';

const QWEN = 'qwen.qwen3-32b-v1:0';
const HAIKU = 'anthropic.claude-haiku-4-5-20251001-v1:0';

const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => runInProcess(modelsCommand, argv, env);

describe('distill-roi models', () => {
  let standIn: ControlPlaneStandIn;
  const temp = makeTempDir('distill-models-');
  beforeAll(async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secretsecretsecretsecret');
    vi.stubEnv('AWS_PROFILE', '');
    standIn = await startControlPlaneStandIn({
      'eu-central-1': {
        models: [
          wireModel('eu-central-1', QWEN, 'Qwen3 32B', 'Qwen', ['ON_DEMAND']),
          wireModel('eu-central-1', HAIKU, 'Claude Haiku 4.5', 'Anthropic', ['INFERENCE_PROFILE']),
        ],
        profiles: [
          wireSystemProfile('eu-central-1', 'global', HAIKU, ['eu-central-1']),
          wireSystemProfile('eu-central-1', 'eu', HAIKU, ['eu-central-1', 'eu-west-1']),
        ],
      },
    });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await standIn.close();
    temp.cleanup();
  });

  it('offline on a fresh data folder prints the shipped dated list and says so', async () => {
    const r = await run(['--offline', '--data-dir', `${temp.dir}/fresh`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Models in us-east-1 (shipped list, checked 2026-12-07)');
    expect(r.stdout).toContain(
      'call as us.meta.llama3-1-8b-instruct-v1:0 (inference profile needed)',
    );
    expect(r.stdout).toContain('Claude 3.5 Haiku reached end of life on 2026-06-19');
  });

  it("online prints the account's list as JSON, with the region's profile", async () => {
    const dir = `${temp.dir}/online`;
    const r = await run(['--region', 'eu-central-1', '--json', '--data-dir', dir], {
      AWS_ENDPOINT_URL_BEDROCK: standIn.url,
    });
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as {
      origin: string;
      models: { modelId: string; invokeId: string }[];
    };
    expect(body.origin).toBe('account');
    expect(body.models.map((m) => [m.modelId, m.invokeId])).toEqual([
      [HAIKU, `eu.${HAIKU}`],
      [QWEN, QWEN],
    ]);
    // The list was stored: offline now shows it, dated.
    const offline = await run(['--region', 'eu-central-1', '--offline', '--data-dir', dir]);
    expect(offline.stdout).toMatch(/Models in eu-central-1 \(stored list of 20\d\d-/);
  });

  it('--resolve names the base model of a profile id offline, and says when an ARN needs the account', async () => {
    const dir = `${temp.dir}/resolve`;
    const r = await run(['--resolve', `global.${HAIKU}`, '--offline', '--data-dir', dir]);
    expect(r.stdout).toBe(
      `global.${HAIKU}: System inference profile: priced as Claude Haiku 4.5 (${HAIKU}).\n`,
    );
    const pt = await run([
      '--resolve',
      'arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcabcabcabc',
      '--offline',
      '--data-dir',
      dir,
    ]);
    expect(pt.code).toBe(1);
    expect(pt.stdout).toContain('name its base model for pricing');
  });

  it('refuses a bad region with exit code 2', async () => {
    const r = await run(['--region', 'mars', '--offline', '--data-dir', `${temp.dir}/bad`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--region must be an AWS region');
  });
});
