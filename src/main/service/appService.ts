/**
 * The app as the transports see it: a running core, or, when the data file cannot be used
 * (damaged, another program's, or from a newer version), recovery mode. Recovery mode answers
 * getStartupState, restoreBackup and startFresh, and a `recovery` error on every other channel,
 * so the window opens on a screen that explains instead of the app failing to start.
 */
import type { AppEvent } from '../../shared/ipc/events';
import { contract } from '../../shared/ipc/contract';
import type { StartupState } from '../../shared/ipc/recoveryChannels';
import { err, ok, type Result } from '../../shared/ipc/result';
import { startCore, type AppCore, type CoreOptions } from '../core/startCore';
import { DamagedDatabaseError } from '../db/inspect';
import { latestVersion, NewerDatabaseError } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { CallTarget } from './callTarget';
import { describeZodError } from '../common/inputErrors';
import { dispatch, isChannel, toErrorResult } from './dispatch';
import { logError } from '../log';
import { databasePath } from '../paths/dataDir';
import { copyBackupIntoPlace, listBackups, moveAside } from '../recovery/dataFiles';

export interface AppService extends CallTarget {
  /** The running core, or null while in recovery mode. */
  readonly core: AppCore | null;
  state(): StartupState;
  close(): Promise<void>;
}

type Problem = { problem: 'damaged' | 'foreign' | 'newer'; reason: string };

export const RECOVERY_MESSAGE =
  'Distill ROI started in recovery mode because its data file cannot be used. Choose what to do on the recovery screen; nothing has been changed.';

function problemOf(e: unknown): Problem | null {
  if (e instanceof DamagedDatabaseError) return { problem: e.problem, reason: e.reason };
  if (e instanceof NewerDatabaseError) return { problem: 'newer', reason: e.message };
  return null;
}

export async function startApp(opts: CoreOptions): Promise<AppService> {
  const path = databasePath(opts.dataDir);
  const latest = latestVersion(migrations);
  const listeners = new Set<(event: AppEvent) => void>();
  let core: AppCore | null = null;
  let recovery: Problem | null = null;
  // Recovery actions move files: one at a time, even if the screen sends two.
  let queue: Promise<unknown> = Promise.resolve();

  async function open(): Promise<void> {
    try {
      const started = await startCore(opts);
      started.onEvent((event) => listeners.forEach((l) => l(event)));
      core = started;
      recovery = null;
    } catch (e) {
      const problem = problemOf(e);
      if (!problem) throw e;
      logError('The data file cannot be used; starting in recovery mode', e);
      recovery = problem;
    }
  }

  const state = (): StartupState =>
    recovery
      ? { mode: 'recovery', ...recovery, path, backups: listBackups(path, latest) }
      : { mode: 'ready' };

  async function act(
    channel: 'restoreBackup' | 'startFresh',
    raw: unknown,
  ): Promise<Result<unknown>> {
    if (!recovery) return dispatch((core as AppCore).ctx, channel, raw);
    const parsed = contract[channel].input.safeParse(raw ?? {});
    if (!parsed.success) return err('invalid_input', describeZodError(parsed.error));
    const input = parsed.data as { fileName?: string };
    const fileName = input.fileName ?? null;
    if (fileName !== null && !listBackups(path, latest).some((b) => b.fileName === fileName)) {
      return err('not_found', 'That file is not one of the healthy backups of this data file.');
    }
    try {
      const movedAsideTo = moveAside(path);
      const restoredFrom = fileName === null ? null : copyBackupIntoPlace(path, fileName);
      await open();
      if (recovery) {
        return err(
          'storage',
          `The data file still cannot be used: ${(recovery as Problem).reason}`,
        );
      }
      return ok(contract[channel].output.parse({ movedAsideTo, restoredFrom }));
    } catch (e) {
      return toErrorResult(e);
    }
  }

  await open();
  return {
    get core() {
      return core;
    },
    state,
    async call(channel, raw) {
      if (core) return dispatch(core.ctx, channel, raw);
      if (channel === 'getStartupState') return ok(state());
      if (channel === 'restoreBackup' || channel === 'startFresh') {
        const run = queue.then(() => act(channel, raw));
        queue = run.catch(() => undefined);
        return run;
      }
      if (!isChannel(channel)) {
        return err('invalid_input', `There is no channel called "${channel.slice(0, 60)}".`);
      }
      return err('recovery', RECOVERY_MESSAGE);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await core?.close();
    },
  };
}
