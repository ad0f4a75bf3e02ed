import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Stored in PRAGMA user_version once applied; strictly increasing across the registry. */
  version: number;
  name: string;
  up(db: Database): void;
}
