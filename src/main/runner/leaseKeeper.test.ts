import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBedrockStandIn } from '../../../test/support/bedrockStandIn';
import { makeRunnerFixture } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { openDatabase } from '../db/open';
import { readLease, tryAcquireLease, type LeaseHolder } from '../db/repos/runLeases';
import { experimentLeaseKey } from './experimentRunner';
import { LeaseBusyError, LeaseKeeper, processExists } from './leaseKeeper';

const KEY = 'experiment:e1';
const NOW = 1_800_000_000_000;

/** A pid that existed and has exited: a process left by a crash. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '0']);
  expect(processExists(done.pid)).toBe(false);
  return done.pid;
}

const other = (over: Partial<LeaseHolder> = {}): LeaseHolder => ({
  id: 'holder-of-the-command-line',
  pid: process.ppid,
  host: hostname(),
  label: 'command line',
  ...over,
});

/** Writes another process's lease with a heartbeat at `heartbeatMs`. */
const plant = (db: Database, holder: LeaseHolder, heartbeatMs = NOW) =>
  tryAcquireLease(db, KEY, holder, heartbeatMs, () => false);

let db: Database;
let cleanup: () => void;
let now = NOW;
const keeper = (heartbeatMs = 60_000) =>
  new LeaseKeeper(db, { label: 'app', heartbeatMs, staleMs: 30_000, now: () => now });

beforeEach(async () => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  db = (await openDatabase(join(t.dir, 'leases.sqlite'))).db;
  now = NOW;
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('run leases', () => {
  it('refuses a run another live process holds, and says who and what to do', () => {
    expect(plant(db, other())).toBeNull();
    now = NOW + 10_000;
    const k = keeper();
    expect(() => k.acquire(KEY, () => {})).toThrow(LeaseBusyError);
    try {
      k.acquire(KEY, () => {});
    } catch (e) {
      expect(e).toMatchObject({ code: 'conflict' });
      expect((e as Error).message).toMatch(
        new RegExp(
          `^Distill ROI's command line \\(process ${process.ppid} on .+\\) has been running this for`,
        ),
      );
      expect((e as Error).message).toContain('none is paid for twice');
    }
    expect(k.heldElsewhere(KEY)?.pid).toBe(process.ppid);
    expect(readLease(db, KEY)?.id).toBe('holder-of-the-command-line');
  });

  it('takes over at once from a process that no longer exists (kill -9)', () => {
    plant(db, other({ pid: deadPid() }));
    const k = keeper();
    expect(k.heldElsewhere(KEY)).toBeNull();
    k.acquire(KEY, () => {});
    expect(readLease(db, KEY)).toMatchObject({ id: k.me.id, pid: process.pid, label: 'app' });
    k.release(KEY);
    expect(readLease(db, KEY)).toBeNull();
  });

  it("trusts another machine's lease until its heartbeat is 30 s old", () => {
    plant(db, other({ host: 'another-laptop', pid: 1 }), NOW);
    const k = keeper();
    now = NOW + 29_999;
    expect(() => k.acquire(KEY, () => {})).toThrow(/another-laptop/);
    now = NOW + 30_000;
    k.acquire(KEY, () => {});
    expect(readLease(db, KEY)?.id).toBe(k.me.id);
    k.stop();
  });

  it('renews its leases and tells the run when another process took one over', async () => {
    const k = keeper(20);
    const lost = new Promise<void>((resolve) => k.acquire(KEY, resolve));
    now = NOW + 5_000;
    await expect
      .poll(() => readLease(db, KEY)?.heartbeatMs, { interval: 10, timeout: 5_000 })
      .toBe(NOW + 5_000);
    // Another process decided this one was dead (say, a laptop asleep for a minute).
    plant(db, other());
    await lost;
    // Ending the run afterwards leaves the new holder's lease alone.
    k.release(KEY);
    expect(readLease(db, KEY)?.id).toBe('holder-of-the-command-line');
  });

  it('lets two racers for one free key have it once', () => {
    expect(tryAcquireLease(db, KEY, other({ id: 'a' }), NOW, () => true)).toBeNull();
    expect(tryAcquireLease(db, KEY, other({ id: 'b' }), NOW, () => true)?.id).toBe('a');
  });
});

describe('a run that cannot start', () => {
  it('gives its lease back when reading the store fails, so a retry is not refused', async () => {
    const standIn = await startBedrockStandIn({ models: {} });
    const f = await makeRunnerFixture({ standIn });
    try {
      // A store that cannot answer the read of recorded calls (a real SQLite error).
      f.db.exec('DROP TABLE runs');
      expect(() => f.runner.start(f.experimentId)).toThrow(/no such table: runs/);
      expect(readLease(f.db, experimentLeaseKey(f.experimentId))).toBeNull();
    } finally {
      await f.cleanup();
      await standIn.close();
    }
  });
});
