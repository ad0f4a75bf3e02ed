import type { Migration } from '../migration';

/**
 * Each call's attempts, and what retries cost it. A call that waited out throttles used to store
 * that wait as model latency; now e2e_ms, ttft_ms and server_ms are those of the attempt that
 * answered, and the rest is kept apart: every attempt (status, error class, start, end, the wait
 * before it) as JSON, the number throttled, and the time lost. Older rows keep NULL: unknown.
 */
export const migration0065: Migration = {
  version: 65,
  name: 'run-attempts',
  up(db) {
    db.exec(`
      ALTER TABLE runs ADD COLUMN attempts_json TEXT;
      ALTER TABLE runs ADD COLUMN throttles INTEGER;
      ALTER TABLE runs ADD COLUMN lost_ms REAL;
    `);
  },
};
