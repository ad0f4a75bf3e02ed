import type { Migration } from '../migration';

/**
 * Run leases: which process is making an experiment's (or a judge run's) paid calls right now.
 * The app and the command line share one data folder; without a lease, both could resume the
 * same experiment and pay for the same missing call twice. A lease names its holder (a random id
 * per process, its pid and host, 'app' or 'command line') and is renewed by a heartbeat, so that
 * one left by a `kill -9` is recognised as dead (pid gone, or heartbeat stale) and taken over.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'run-leases',
  up(db) {
    db.exec(`
      CREATE TABLE run_leases (
        key TEXT PRIMARY KEY,
        holder_id TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        label TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        heartbeat_ms INTEGER NOT NULL
      );
    `);
  },
};
