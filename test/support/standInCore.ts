/**
 * A real core on a data folder whose AWS clients reach S3 and Bedrock stand-ins through the
 * SDK's own environment (endpoints and keys), the way the app is pointed at them in tests of
 * its channels. `restore()` puts the environment and every started core back.
 */
import { startCore, type AppCore } from '../../src/main/core/startCore';
import { createMemorySecretStore } from '../../src/main/credentials/memorySecretStore';
import { dispatch } from '../../src/main/service/dispatch';
import { makeTempDir } from './tempDir';

export interface StandInCore {
  c: AppCore;
  call: (channel: string, input: unknown) => ReturnType<typeof dispatch>;
  /** The channel's value; throws with the failure's code and message. */
  value: <T = never>(channel: string, input: unknown) => Promise<T>;
}

export function standInCores(env: () => Record<string, string>) {
  const saved = { ...process.env };
  let cores: AppCore[] = [];
  return {
    /** Call in beforeEach, once the stand-ins listen. */
    pointAtStandIns(): void {
      Object.assign(process.env, {
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        ...env(),
      });
    },
    async start(dataDir: string): Promise<StandInCore> {
      const c = await startCore({
        dataDir,
        transport: 'browser-host',
        secrets: createMemorySecretStore(),
      });
      cores.push(c);
      const call = (channel: string, input: unknown) => dispatch(c.ctx, channel, input);
      const value = async <T = never>(channel: string, input: unknown): Promise<T> => {
        const r = await call(channel, input);
        if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
        return r.value as T;
      };
      return { c, call, value };
    },
    /** Forgets the cores already closed by the test (a restart). */
    forget(): void {
      cores = [];
    },
    async restore(): Promise<void> {
      for (const c of cores) await c.close();
      cores = [];
      process.env = { ...saved };
    },
  };
}

/**
 * For a test file: before each test the stand-ins start, a temporary data folder is made and
 * the environment points at them; after it, everything is closed and put back.
 */
export function useStandInCores<
  S extends {
    s3: { url: string };
    bedrock: { url: string };
    quotas?: { url: string };
    close(): Promise<void>;
  },
>(o: {
  startStandIns: () => Promise<S>;
  /** Keys and tuning besides the two endpoints. */
  env: Record<string, string>;
  tempPrefix: string;
  /** The test runner's hooks (test/support does not import Vitest: Playwright shares it). */
  hooks: {
    beforeEach: (fn: () => Promise<void>) => void;
    afterEach: (fn: () => Promise<void>) => void;
  };
}) {
  let stands: S | undefined;
  let temp: { dir: string; cleanup: () => void } | undefined;
  const cores = standInCores(() => ({
    AWS_ENDPOINT_URL_S3: stands?.s3.url ?? '',
    AWS_ENDPOINT_URL_BEDROCK: stands?.bedrock.url ?? '',
    ...(stands?.quotas ? { AWS_ENDPOINT_URL_SERVICE_QUOTAS: stands.quotas.url } : {}),
    ...o.env,
  }));
  o.hooks.beforeEach(async () => {
    stands = await o.startStandIns();
    temp = makeTempDir(o.tempPrefix);
    cores.pointAtStandIns();
  });
  o.hooks.afterEach(async () => {
    await cores.restore();
    await stands?.close();
    temp?.cleanup();
  });
  const must = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('Only inside a test.');
    return v;
  };
  return {
    stands: () => must(stands),
    core: () => cores.start(must(temp).dir),
    forget: () => cores.forget(),
  };
}
