import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';
import { runOutputsOfParagraphs, runParagraphIdsAfter } from '../repos/runs';

const stores = tempStores();
afterEach(stores.cleanup);

const PAGE_SQL = `SELECT DISTINCT paragraph_id AS id FROM runs
  WHERE experiment_id = 'e1' AND paragraph_id > 'p0' ORDER BY paragraph_id LIMIT 10`;
const RANGE_SQL = `SELECT id FROM runs WHERE experiment_id = 'e1' AND paragraph_id BETWEEN 'p1' AND 'p2'
  ORDER BY paragraph_id, model_id, repeat_index`;

describe('migration 0114-drop-runs-by-paragraph', () => {
  it('drops the index the unique key duplicated; the paragraph pages still read through an index, in order', async () => {
    const { path } = stores.next();
    const before = await migrateTo(path, versionBefore(114));
    before.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO paragraphs (id, dataset_id, position, text, created_at, updated_at)
        VALUES ('p1', 'd1', 0, 'one', 't', 't'), ('p2', 'd1', 1, 'two', 't', 't'), ('p3', 'd1', 2, 'three', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now');
    `);
    const insert = before.db.prepare(
      `INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status,
         output_text, started_at, finished_at) VALUES (?, 'e1', ?, ?, ?, 0, 'ok', ?, 't', 't')`,
    );
    for (const p of ['p3', 'p1', 'p2']) {
      insert.run(`${p}-T`, p, 'T', 'teacher', `${p} by T`);
      insert.run(`${p}-S`, p, 'S', 'student', `${p} by S`);
    }
    const indexes = (db: typeof before.db) =>
      (db.pragma('index_list(runs)') as { name: string }[]).map((i) => i.name);
    expect(indexes(before.db)).toContain('runs_by_paragraph');
    before.db.close();

    const { db, applied } = await migrateTo(path, 114);
    expect(applied).toEqual([114]);
    expect(indexes(db)).not.toContain('runs_by_paragraph');
    // The plans: an index search on the unique key, no table scan and no sort step.
    for (const sql of [PAGE_SQL, RANGE_SQL]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toMatch(/SEARCH runs USING (COVERING )?INDEX sqlite_autoindex_runs_\d/);
      expect(plan).not.toMatch(/SCAN runs|TEMP B-TREE/);
    }
    expect(runParagraphIdsAfter(db, 'e1', 'p1', 10)).toEqual(['p2', 'p3']);
    expect(
      runOutputsOfParagraphs(db, 'e1', 'p1', 'p2').map((r) => [r.paragraphId, r.modelId]),
    ).toEqual([
      ['p1', 'S'],
      ['p1', 'T'],
      ['p2', 'S'],
      ['p2', 'T'],
    ]);
    db.close();
  });
});
