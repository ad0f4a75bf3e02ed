import type { Database } from 'better-sqlite3';
import type { AppEvent } from '../../shared/ipc/events';

/** What every handler gets: the store, where data lives, and a way to push events. */
export interface HandlerContext {
  db: Database;
  dataDir: string;
  version: string;
  transport: 'electron' | 'browser-host';
  emit(event: AppEvent): void;
}
