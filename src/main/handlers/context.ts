import type { Database } from 'better-sqlite3';
import type { AppEvent } from '../../shared/ipc/events';
import type { RunProgress } from '../../shared/domain/run';
import type { ClientPool } from '../bedrock/clientPool';
import type { SecretStore } from '../credentials/secretStore';

/** What handlers need of the experiment runner; the runner module implements it. */
export interface RunControl {
  start(experimentId: string): RunProgress;
  pause(experimentId: string): RunProgress;
  cancel(experimentId: string): Promise<RunProgress>;
  /** Live progress of a running experiment, or null when none is running. */
  progress(experimentId: string): RunProgress | null;
}

/** What every handler gets: the store, where data lives, and a way to push events. */
export interface HandlerContext {
  db: Database;
  dataDir: string;
  version: string;
  transport: 'electron' | 'browser-host';
  emit(event: AppEvent): void;
  runs: RunControl;
  clients: ClientPool;
  secrets: SecretStore;
}
