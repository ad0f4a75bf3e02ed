import { afterEach, describe, expect, it } from 'vitest';
import { listRuns } from '../repos/runs';
import { migrateTo, tempStores } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0081-run-service-tier', () => {
  it('adds the reported tier to runs; calls stored before it read as having none', async () => {
    const { path } = stores.next();
    const v80 = await migrateTo(path, 80);
    v80.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO paragraphs (id, dataset_id, position, text, tags_json, created_at, updated_at)
        VALUES ('p1', 'd1', 0, 'x', '[]', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now');
      INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status, attempts,
        started_at, finished_at, cost_usd)
      VALUES ('r1', 'e1', 'p1', 'S', 'student', 0, 'ok', 1, 't', 't', 0.001);
    `);
    v80.db.close();

    const { db, applied } = await migrateTo(path, 81);
    expect(applied).toEqual([81]);
    const [old] = listRuns(db, 'e1');
    expect(old?.costUsd).toBe(0.001);
    expect(old).not.toHaveProperty('serviceTier');
    db.prepare("UPDATE runs SET service_tier = 'flex' WHERE id = 'r1'").run();
    expect(listRuns(db, 'e1')[0]?.serviceTier).toBe('flex');
    db.close();
  });
});
