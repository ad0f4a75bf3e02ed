import type { Database } from 'better-sqlite3';
import { nowIso } from '../clock';

/** Who holds a lease: `id` is random per process, so a pid reused after a crash is not mistaken. */
export interface LeaseHolder {
  id: string;
  pid: number;
  host: string;
  /** Said to the user: 'app' or 'command line'. */
  label: string;
}

export interface HeldLease extends LeaseHolder {
  key: string;
  acquiredAt: string;
  heartbeatMs: number;
}

interface LeaseRow {
  key: string;
  holder_id: string;
  pid: number;
  host: string;
  label: string;
  acquired_at: string;
  heartbeat_ms: number;
}

const toLease = (r: LeaseRow): HeldLease => ({
  key: r.key,
  id: r.holder_id,
  pid: r.pid,
  host: r.host,
  label: r.label,
  acquiredAt: r.acquired_at,
  heartbeatMs: r.heartbeat_ms,
});

export function readLease(db: Database, key: string): HeldLease | null {
  const row = db.prepare('SELECT * FROM run_leases WHERE key = ?').get(key) as LeaseRow | undefined;
  return row ? toLease(row) : null;
}

/**
 * Takes `key` for `me` unless another holder's lease is live (`isLive` decides: its process still
 * exists and its heartbeat is recent). Returns null when taken, else the live holder. Read and
 * write happen in one IMMEDIATE transaction, so two processes racing for a key cannot both win.
 */
export function tryAcquireLease(
  db: Database,
  key: string,
  me: LeaseHolder,
  nowMs: number,
  isLive: (lease: HeldLease) => boolean,
): HeldLease | null {
  return db
    .transaction((): HeldLease | null => {
      const current = readLease(db, key);
      if (current && current.id !== me.id && isLive(current)) return current;
      db.prepare(
        `INSERT INTO run_leases (key, holder_id, pid, host, label, acquired_at, heartbeat_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET holder_id = excluded.holder_id, pid = excluded.pid,
           host = excluded.host, label = excluded.label, acquired_at = excluded.acquired_at,
           heartbeat_ms = excluded.heartbeat_ms`,
      ).run(key, me.id, me.pid, me.host, me.label, nowIso(), nowMs);
      return null;
    })
    .immediate();
}

/** Renews `me`'s lease on `key`; false when it is no longer `me`'s (it was taken over). */
export function renewLease(db: Database, key: string, me: LeaseHolder, nowMs: number): boolean {
  return (
    db
      .prepare('UPDATE run_leases SET heartbeat_ms = ? WHERE key = ? AND holder_id = ?')
      .run(nowMs, key, me.id).changes === 1
  );
}

export function releaseLease(db: Database, key: string, me: LeaseHolder): void {
  db.prepare('DELETE FROM run_leases WHERE key = ? AND holder_id = ?').run(key, me.id);
}
