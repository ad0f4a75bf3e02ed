/**
 * A canary secret saved through the app's own channel, with a real Secret Service (run by
 * `npm run test:keychain`): it is used for a real call to the Bedrock stand-in, and it never
 * appears in an answer to the renderer, in any file under the data folder, or in the log.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { defaultModelScripts } from '../../../test/support/standInDefaults';
import { makeTempDir } from '../../../test/support/tempDir';
import { DEFAULT_AWS_SETTINGS } from '../../shared/domain/settings';
import { startCore, type AppCore } from '../core/startCore';
import { createKeychainStore, type SecretStore } from '../credentials/keychain';
import { dispatch } from '../service/dispatch';

const KEYCHAIN_RUN = process.env.DISTILL_ROI_KEYCHAIN_TESTS === '1';

function filesContaining(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => forms.some((f) => readFileSync(path).includes(f)));
}

describe.runIf(KEYCHAIN_RUN)('access keys saved through the app', () => {
  const tmp = makeTempDir('distill-canary-');
  const service = `Distill ROI canary ${randomUUID()}`;
  const canarySecret = `canary-${randomBytes(18).toString('hex')}`;
  const keyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
  let secrets: SecretStore;
  let core: AppCore;
  let standIn: BedrockStandIn;

  beforeAll(async () => {
    standIn = await startBedrockStandIn({ models: defaultModelScripts(0.1) });
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', standIn.url);
    secrets = createKeychainStore({ service, timeoutMs: 10_000 });
    core = await startCore({ dataDir: tmp.dir, transport: 'browser-host', secrets });
  });

  afterAll(async () => {
    await secrets.delete('aws-access-key:default').catch(() => false);
    await core.close();
    await standIn.close();
    vi.unstubAllEnvs();
    tmp.cleanup();
  });

  it('stores the keys in the keychain, calls with them, and leaks the secret nowhere', async () => {
    const logged: string[] = [];
    const spy = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        logged.push(String(chunk));
        return true;
      });
    try {
      const answers: unknown[] = [];
      const saved = await dispatch(core.ctx, 'saveAccessKeys', {
        accessKeyId: keyId,
        secretAccessKey: canarySecret,
        sessionToken: null,
      });
      answers.push(saved);
      expect(saved).toMatchObject({
        ok: true,
        value: {
          settings: { credentialMode: 'keys' },
          storedKeys: { accessKeyIdHint: `…${keyId.slice(-4)}` },
        },
      });
      const test = await dispatch(core.ctx, 'testConnection', {
        region: 'us-east-1',
        modelId: 'meta.llama3-8b-instruct-v1:0',
        settings: { ...DEFAULT_AWS_SETTINGS, credentialMode: 'keys' },
        typedKeys: null,
      });
      answers.push(test);
      expect(test).toMatchObject({ ok: true, value: { ok: true } });
      expect(standIn.requests.at(-1)?.accessKeyId).toBe(keyId);
      answers.push(await dispatch(core.ctx, 'getCredentialStatus', {}));

      // Log something that carries the secret, as an SDK error might.
      const { logError } = await import('../log');
      logError('call failed', new Error(`signature for ${canarySecret} mismatched`));

      expect(JSON.stringify(answers)).not.toContain(canarySecret);
      core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(filesContaining(tmp.dir, canarySecret)).toEqual([]);
      expect(logged.join('')).not.toContain(canarySecret);
      expect(logged.join('')).toContain('***');
    } finally {
      spy.mockRestore();
    }
  });
});
