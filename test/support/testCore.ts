import { startCore, type AppCore } from '../../src/main/core/startCore';
import { dispatch } from '../../src/main/service/dispatch';
import type { Channel } from '../../src/shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';
import type { Result } from '../../src/shared/ipc/result';
import { makeTempDir } from './tempDir';
import { createMemorySecretStore } from '../../src/main/credentials/memorySecretStore';

/** A real core on a real SQLite file in a temporary folder, called the way IPC calls it. */
export async function makeTestCore(): Promise<{
  core: AppCore;
  dir: string;
  call: <K extends Channel>(
    channel: K,
    input: ChannelInput<K>,
  ) => Promise<Result<ChannelOutput<K>>>;
  callRaw: (channel: string, input: unknown) => Promise<Result<unknown>>;
  value: <K extends Channel>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
  cleanup: () => Promise<void>;
}> {
  const tmp = makeTempDir();
  const core = await startCore({
    dataDir: tmp.dir,
    transport: 'browser-host',
    secrets: createMemorySecretStore(),
  });
  const call = async <K extends Channel>(channel: K, input: ChannelInput<K>) =>
    (await dispatch(core.ctx, channel, input)) as Result<ChannelOutput<K>>;
  return {
    core,
    dir: tmp.dir,
    call,
    callRaw: (channel, input) => dispatch(core.ctx, channel, input),
    value: async (channel, input) => {
      const r = await call(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    cleanup: async () => {
      await core.close();
      tmp.cleanup();
    },
  };
}
