import { afterEach, describe, expect, it } from 'vitest';
import { getBillFetch, saveBillFetch } from '../repos/billing';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0110-bill-reconciliation', () => {
  it('adds the fetch cache and experiment profiles to the store just before it, keeping its runs', async () => {
    const { path } = stores.next();
    // The version just before 110, whatever migrations come before it (100 and 101 came later).
    const before = await migrateTo(path, versionBefore(110));
    before.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now');
    `);
    before.db.close();

    const { db, applied } = await migrateTo(path, 110);
    expect(applied).toEqual([110]);
    const fetch = {
      from: '2026-12-01',
      to: '2026-12-02',
      tagKey: null,
      services: ['Amazon Bedrock'],
      days: [{ day: '2026-12-01', estimated: false }],
      lines: [],
      requests: 2,
      fetchedAt: '2026-12-03T00:00:00.000Z',
    };
    saveBillFetch(db, fetch);
    saveBillFetch(db, { ...fetch, requests: 3 });
    expect(getBillFetch(db, '2026-12-01', '2026-12-02', null)?.requests).toBe(3);
    expect(getBillFetch(db, '2026-12-01', '2026-12-02', 'team')).toBeNull();
    db.prepare(
      "INSERT INTO experiment_profiles VALUES ('e1', 'S', 'us-east-1', 'k', 'e1', 'tok', NULL, 'now')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO experiment_profiles VALUES ('e1', 'S', 'us-east-1', 'k', 'e1', 'tok2', NULL, 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
