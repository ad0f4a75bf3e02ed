/**
 * The keychain store against a real Secret Service. Run with `npm run test:keychain`, which
 * starts a private D-Bus session and gnome-keyring (vitest.keychain.config.mts). Under that
 * config a missing Secret Service fails the run loudly; the default config excludes this file,
 * and if it ever runs there it is skipped rather than failing on a machine with no keychain.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { logError, logInfo } from '../log';
import { deleteAccessKeys, describeStoredKeys, loadAccessKeys, saveAccessKeys } from './accessKeys';
import { createKeychainStore, type SecretStore } from './keychain';
import { resolveCredentialProvider } from './provider';

const KEYCHAIN_RUN = process.env.DISTILL_ROI_KEYCHAIN_TESTS === '1';

/** Every file under `dir` whose bytes contain `needle` as UTF-8 or UTF-16. */
function filesContaining(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    if (forms.some((f) => bytes.includes(f))) hits.push(path);
  }
  return hits;
}

describe.runIf(KEYCHAIN_RUN)('keychain store with a real Secret Service', () => {
  // A service name of its own, so that even a run on a desktop never touches the app's entries.
  const service = `Distill ROI test ${randomUUID()}`;
  let store: SecretStore;
  const accounts = ['round-trip', 'other', 'aws-access-key:default', 'aws-access-key:canary'];

  beforeAll(async () => {
    store = createKeychainStore({ service, timeoutMs: 10_000 });
    // Not a skip: under test:keychain a missing Secret Service is a broken setup.
    expect(await store.probe()).toEqual({ available: true });
  });

  afterAll(async () => {
    for (const account of accounts) await store.delete(account).catch(() => false);
  });

  it('saves, reads, replaces and deletes a secret', async () => {
    expect(await store.get('round-trip')).toBeNull();
    await store.set('round-trip', 'first value ✓ with ünïcode');
    expect(await store.get('round-trip')).toBe('first value ✓ with ünïcode');
    await store.set('round-trip', 'second value');
    expect(await store.get('round-trip')).toBe('second value');
    expect(await store.delete('round-trip')).toBe(true);
    expect(await store.delete('round-trip')).toBe(false);
    expect(await store.get('round-trip')).toBeNull();
  });

  it('keeps accounts apart, and services apart', async () => {
    await store.set('other', 'value of other');
    expect(await store.get('round-trip')).toBeNull();
    const otherService = createKeychainStore({ service: `${service} (b)`, timeoutMs: 10_000 });
    expect(await otherService.get('other')).toBeNull();
    expect(await store.delete('other')).toBe(true);
  });

  it('stores access keys through accessKeys and gives them to the provider', async () => {
    const secret = randomBytes(30).toString('base64');
    const described = await saveAccessKeys(store, {
      accessKeyId: 'AKIAIOSFODNN7EXAWXYZ',
      secretAccessKey: secret,
    });
    expect(described).toEqual({ accessKeyIdHint: '…WXYZ', hasSessionToken: false });
    expect(await describeStoredKeys(store)).toEqual(described);
    expect(await resolveCredentialProvider({ mode: 'keys' }, store)()).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAWXYZ',
      secretAccessKey: secret,
    });
    expect(await deleteAccessKeys(store)).toBe(true);
  });

  describe('a canary secret', () => {
    let dataDir: string;
    let control: string;
    const written: string[] = [];

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'distill-roi-canary-'));
      control = mkdtempSync(join(tmpdir(), 'distill-roi-control-'));
    });
    afterEach(() => {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    });
    afterAll(() => {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(control, { recursive: true, force: true });
    });

    it('appears in no file of the data folder or the keyring, nor in the logs', async () => {
      const canary = `CANARY${randomBytes(24).toString('hex')}`;
      // The app reads its data folder and home from these; point them all at the temp folder.
      vi.stubEnv('DISTILL_ROI_DATA_DIR', dataDir);
      vi.stubEnv('HOME', dataDir);
      vi.stubEnv('XDG_CONFIG_HOME', join(dataDir, '.config'));
      vi.stubEnv('XDG_CACHE_HOME', join(dataDir, '.cache'));
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      });

      const described = await saveAccessKeys(
        store,
        { accessKeyId: 'AKIAIOSFODNN7CANARY1', secretAccessKey: canary },
        'canary',
      );
      // What the app would persist about the keys: the settings file gets the hint only.
      mkdirSync(join(dataDir, 'settings'), { recursive: true });
      writeFileSync(
        join(dataDir, 'settings', 'credentials.json'),
        JSON.stringify({ mode: 'keys', slot: 'canary', ...described }),
      );
      const loaded = await loadAccessKeys(store, 'canary');
      expect(loaded?.secretAccessKey).toBe(canary);

      // An SDK error that echoes the secret, bare (not in a key=value form the patterns catch).
      logError('Bedrock call failed', new Error(`request signed with ${canary} was rejected`));
      logInfo(`loaded ${JSON.stringify(loaded)}`);
      vi.mocked(process.stderr.write).mockRestore();

      const logs = written.join('');
      expect(logs).toContain('Bedrock call failed');
      expect(logs).toContain('***');
      expect(logs).not.toContain(canary);

      const searched = [dataDir];
      if (process.env.XDG_DATA_HOME) searched.push(process.env.XDG_DATA_HOME); // the keyring file
      for (const dir of searched) expect(filesContaining(dir, canary)).toEqual([]);
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);

      // The scan itself would have found a plain copy.
      writeFileSync(join(control, 'leak.txt'), `x${canary}x`);
      expect(filesContaining(control, canary)).toHaveLength(1);
    });
  });
});
