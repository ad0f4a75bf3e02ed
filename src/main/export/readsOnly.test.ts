/**
 * Reads only read: the report, the quality view, the runs CSV and the bundle of an experiment
 * write nothing to the store, and still show the ROUGE scores. The store is one an older version
 * left (runs stored, ROUGE not yet scored, as when scores were computed on read): the app scores
 * it when it starts, and every read after that leaves the database as it was.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';
import { startCore, type AppCore } from '../core/startCore';
import { dispatch } from '../service/dispatch';
import { seedReportExperiment } from '../../../test/support/reportFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import type { Result } from '../../shared/ipc/result';
import { fromCsv } from '../../shared/io/csvWrite';

const temp = makeTempDir('distill-reads-only-');
let core: AppCore;
let watcher: Database.Database;
let experimentId: string;

beforeAll(async () => {
  const { db } = await openDatabase(databasePath(temp.dir));
  ({ experimentId } = seedReportExperiment(db, { paragraphs: 8 }));
  db.prepare("DELETE FROM scores WHERE source = 'rouge'").run();
  db.close();
  core = await startCore({
    dataDir: temp.dir,
    transport: 'browser-host',
    secrets: createMemorySecretStore(),
  });
  // A second connection sees every commit of the core's as a new data_version.
  watcher = new Database(databasePath(temp.dir), { readonly: true });
});

afterAll(async () => {
  watcher.close();
  await core.close();
  temp.cleanup();
});

const writes = () => ({
  changes: (core.ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
  dataVersion: watcher.pragma('data_version', { simple: true }) as number,
});

async function value<T>(channel: string, input: unknown): Promise<T> {
  const r = (await dispatch(core.ctx, channel, input)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

describe('reads that only read', () => {
  it('scores the runs an older version stored when the app starts', () => {
    const n = core.ctx.db
      .prepare("SELECT COUNT(*) AS n FROM scores WHERE source = 'rouge' AND experiment_id = ?")
      .get(experimentId) as { n: number };
    expect(n.n).toBeGreaterThan(0);
  });

  it('the report, quality view, runs CSV and bundle write nothing and show ROUGE', async () => {
    const before = writes();
    const report = await value<{ measured: { quality: { caption: string } | null } }>('getReport', {
      experimentId,
    });
    const quality = await value<{ metrics: { key: string; perModel: unknown[] }[] }>(
      'getQualityReport',
      { experimentId },
    );
    const csv = await value<{ data: string }>('exportRunsCsv', { experimentId });
    const bundle = await value<{ data: string }>('exportBundle', { experimentId });
    expect(writes()).toEqual(before);

    expect(report.measured.quality?.caption).toMatch(/ROUGE/);
    expect(quality.metrics.some((m) => m.key === 'rougeL@reference')).toBe(true);
    const parsed = fromCsv(csv.data);
    if (!parsed.ok) throw new Error(parsed.message);
    const column = parsed.headers.indexOf('rougeL@reference');
    expect(column).toBeGreaterThan(0);
    const values = parsed.rows.map((r) => r[column] ?? '').filter((v) => v !== '');
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => Number(v) >= 0 && Number(v) <= 1)).toBe(true);
    const payload = JSON.parse(bundle.data) as { payload: { scores: { source: string }[] } };
    expect(payload.payload.scores.some((s) => s.source === 'rouge')).toBe(true);
  });
});
