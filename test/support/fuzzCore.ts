/**
 * A real core for fuzzing: a real SQLite file, an in-memory keychain that counts writes, and an
 * environment in which no AWS call can leave the machine (no metadata service, endpoints on a
 * closed loopback port), so a payload that happens to be valid cannot reach the network.
 */
import { contract } from '../../src/shared/ipc/contract';
import type { Channel } from '../../src/shared/ipc/channels';
import type { Result } from '../../src/shared/ipc/result';
import { startCore, type AppCore } from '../../src/main/core/startCore';
import { createMemorySecretStore } from '../../src/main/credentials/memorySecretStore';
import type { SecretStore } from '../../src/main/credentials/secretStore';
import { makeTempDir } from './tempDir';

export const CLOSED_LOOPBACK = 'http://127.0.0.1:9';

export function isolateAws(): void {
  Object.assign(process.env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'AKIDFUZZNOTREAL',
    AWS_SECRET_ACCESS_KEY: 'fuzz-not-real',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: CLOSED_LOOPBACK,
    AWS_ENDPOINT_URL: CLOSED_LOOPBACK,
    DISTILL_ROI_PRICE_LIST_URL: CLOSED_LOOPBACK,
  });
}

export interface FuzzCore {
  core: AppCore;
  /** Rows written (SQLite total_changes) plus keychain writes, since the core opened. */
  writes(): number;
  cleanup(): Promise<void>;
}

export async function makeFuzzCore(): Promise<FuzzCore> {
  isolateAws();
  const temp = makeTempDir('distill-fuzz-');
  const memory = createMemorySecretStore();
  let secretWrites = 0;
  const secrets: SecretStore = {
    ...memory,
    set: (a, s) => {
      secretWrites++;
      return memory.set(a, s);
    },
    delete: (a) => {
      secretWrites++;
      return memory.delete(a);
    },
  };
  const core = await startCore({ dataDir: temp.dir, transport: 'browser-host', secrets });
  const changes = core.ctx.db.prepare('SELECT total_changes() AS n').pluck();
  return {
    core,
    writes: () => (changes.get() as number) + secretWrites,
    cleanup: async () => {
      await core.close();
      temp.cleanup();
    },
  };
}

/** Whether dispatch will accept `payload` for `channel` (the same parse it does). */
export const acceptedBy = (channel: Channel, payload: unknown): boolean =>
  contract[channel].input.safeParse(payload ?? {}).success;

const CODES = new Set([
  'invalid_input',
  'not_found',
  'conflict',
  'import_rejected',
  'storage',
  'disk_full',
  'credentials',
  'keychain_unavailable',
  'aws',
  'cancelled',
  'needs_confirmation',
  'recovery',
  'internal',
]);

/** A well-formed Result envelope: ok with a value, or an error with a known code and a message. */
export function isEnvelope(r: unknown): r is Result<unknown> {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (x.ok === true) return 'value' in x;
  return (
    x.ok === false &&
    typeof x.error?.message === 'string' &&
    x.error.message.length > 0 &&
    CODES.has(String(x.error.code))
  );
}
