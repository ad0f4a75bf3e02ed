/**
 * Keeps this process's run leases (db/repos/runLeases.ts): takes one before an experiment or a
 * judge run makes paid calls, renews every lease it holds on one timer, and gives them back when
 * the run ends. A lease is live while its process exists (checked with signal 0 on this host) and
 * its heartbeat is recent; one left behind by a crash is therefore taken over at once on this
 * machine, and after `staleMs` from another.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';
import { formatDurationMs } from '../../shared/formatTime';
import { AppFailure } from '../common/failure';
import { logError } from '../log';
import {
  readLease,
  releaseLease,
  renewLease,
  tryAcquireLease,
  type HeldLease,
  type LeaseHolder,
} from '../db/repos/runLeases';

/** One id per process: every runner in it is the same holder. */
const PROCESS_HOLDER_ID = randomUUID();

export const LEASE_HEARTBEAT_MS = 5_000;
export const LEASE_STALE_MS = 30_000;

export function thisProcess(label: string): LeaseHolder {
  return { id: PROCESS_HOLDER_ID, pid: process.pid, host: hostname(), label };
}

/** Whether a process exists: signal 0 checks without sending; EPERM means it exists as another user. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A conflict the user can act on, so the IPC binder and the CLI show its message as it is. */
export class LeaseBusyError extends AppFailure {
  constructor(readonly holder: HeldLease) {
    super('conflict', leaseBusyMessage(holder));
    this.name = 'LeaseBusyError';
  }
}

/** What the user reads when another process is making this run's calls. */
export function leaseBusyMessage(holder: HeldLease, nowMs = Date.now()): string {
  const running = formatDurationMs(nowMs - Date.parse(holder.acquiredAt));
  return (
    `Distill ROI's ${holder.label} (process ${holder.pid} on ${holder.host}) has been running ` +
    `this for ${running}. One process at a time makes a run's calls, so that none is paid for ` +
    `twice: wait for it to finish, or stop it, then resume here.`
  );
}

export interface LeaseKeeperOptions {
  label: string;
  heartbeatMs?: number;
  staleMs?: number;
  now?: () => number;
}

export class LeaseKeeper {
  readonly me: LeaseHolder;
  private readonly held = new Map<string, () => void>();
  private timer: NodeJS.Timeout | null = null;
  private readonly heartbeatMs: number;
  private readonly staleMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Database,
    opts: LeaseKeeperOptions,
  ) {
    this.me = thisProcess(opts.label);
    this.heartbeatMs = opts.heartbeatMs ?? LEASE_HEARTBEAT_MS;
    this.staleMs = opts.staleMs ?? LEASE_STALE_MS;
    this.now = opts.now ?? Date.now;
  }

  /** Whether `lease` still stands: a recent heartbeat from a process that exists. */
  isLive = (lease: HeldLease): boolean =>
    this.now() - lease.heartbeatMs < this.staleMs &&
    (lease.host !== this.me.host || processExists(lease.pid));

  /** The live lease another process holds on `key`, if any. */
  heldElsewhere(key: string): HeldLease | null {
    const lease = readLease(this.db, key);
    return lease && lease.id !== this.me.id && this.isLive(lease) ? lease : null;
  }

  /** Takes `key` or throws LeaseBusyError; `onLost` runs if another process takes it over later. */
  acquire(key: string, onLost: () => void): void {
    const other = tryAcquireLease(this.db, key, this.me, this.now(), this.isLive);
    if (other) throw new LeaseBusyError(other);
    this.held.set(key, onLost);
    this.timer ??= setInterval(() => this.renewAll(), this.heartbeatMs).unref();
  }

  release(key: string): void {
    if (!this.held.delete(key)) return;
    try {
      releaseLease(this.db, key, this.me);
    } catch (e) {
      // A lease that cannot be deleted (disk full, closed store) goes stale by itself.
      logError('run lease: could not release', e);
    }
    if (this.held.size === 0) this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private renewAll(): void {
    for (const [key, onLost] of this.held) {
      try {
        if (renewLease(this.db, key, this.me, this.now())) continue;
        this.held.delete(key);
        onLost();
      } catch (e) {
        logError('run lease: heartbeat failed', e);
      }
    }
    if (this.held.size === 0) this.stop();
  }
}
