/**
 * "Test connection" tries what the Settings form says (endpoint, credentials source, typed
 * keys) without saving any of it, and typed secret keys never come back in an answer or a file.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { defaultModelScripts } from '../../../test/support/standInDefaults';
import { makeTempDir } from '../../../test/support/tempDir';
import { DEFAULT_AWS_SETTINGS } from '../../shared/domain/settings';
import { startCore, type AppCore } from '../core/startCore';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { dispatch } from '../service/dispatch';

const MODEL = 'meta.llama3-8b-instruct-v1:0';

describe('testConnection', () => {
  const tmp = makeTempDir('distill-conn-');
  const secret = `canary${randomBytes(12).toString('hex')}`;
  const keyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
  let core: AppCore;
  let standIn: BedrockStandIn;

  beforeAll(async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', '');
    vi.stubEnv('AWS_ENDPOINT_URL', '');
    standIn = await startBedrockStandIn({ models: defaultModelScripts(0.1) });
    core = await startCore({
      dataDir: tmp.dir,
      transport: 'browser-host',
      secrets: createMemorySecretStore(),
    });
  });

  afterAll(async () => {
    await core.close();
    await standIn.close();
    vi.unstubAllEnvs();
    tmp.cleanup();
  });

  const form = (endpointOverride: string) => ({
    region: 'us-east-1',
    modelId: MODEL,
    settings: { ...DEFAULT_AWS_SETTINGS, credentialMode: 'keys' as const, endpointOverride },
    typedKeys: { accessKeyId: keyId, secretAccessKey: secret, sessionToken: null },
  });

  it('calls the endpoint and keys typed in the form, and saves none of them', async () => {
    const answers: unknown[] = [];
    const live = await dispatch(core.ctx, 'testConnection', form(standIn.url));
    answers.push(live);
    expect(live).toMatchObject({ ok: true, value: { ok: true } });
    expect(standIn.requests.at(-1)?.accessKeyId).toBe(keyId);

    // A dead endpoint typed in the form is what gets tested: it does not connect.
    const before = standIn.requests.length;
    const dead = await dispatch(core.ctx, 'testConnection', form('http://127.0.0.1:9'));
    answers.push(dead);
    expect(dead).toMatchObject({ ok: true, value: { ok: false } });
    expect(standIn.requests.length).toBe(before);

    const status = await dispatch(core.ctx, 'getCredentialStatus', {});
    answers.push(status);
    expect(status).toMatchObject({
      ok: true,
      value: { settings: DEFAULT_AWS_SETTINGS, storedKeys: null },
    });
    expect(JSON.stringify(answers)).not.toContain(secret);
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = readdirSync(tmp.dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
    expect(files.filter((f) => readFileSync(f).includes(secret))).toEqual([]);

    // Once tested, the typed secret is masked in any later log line (as an SDK error might carry it).
    const logged: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    try {
      const { logError } = await import('../log');
      logError('call failed', new Error(`signature for ${secret} mismatched`));
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('')).not.toContain(secret);
    expect(logged.join('')).toContain('***');
  });

  it('says what is wrong with typed keys without echoing them', async () => {
    const bad = await dispatch(core.ctx, 'testConnection', {
      ...form(standIn.url),
      typedKeys: { accessKeyId: secret, secretAccessKey: secret, sessionToken: null },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(bad)).not.toContain(secret);
  });
});
