import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0030-quality', () => {
  it('migrates a version-20 database with runs and scores, keeping them', async () => {
    const path = stores.next().path;
    const v20 = await migrateTo(path, 20);
    expect(userVersion(v20.db)).toBe(20);
    v20.db.exec(`
      INSERT INTO datasets VALUES ('d1', 'D', 't', 't');
      INSERT INTO paragraphs (id, dataset_id, position, text, reference, tags_json, created_at, updated_at)
      VALUES ('p1', 'd1', 0, 'Text', 'Ref', '[]', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now');
      INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status, output_text,
        started_at, finished_at)
      VALUES ('r1', 'e1', 'p1', 'T', 'teacher', 0, 'ok', 'Out', 'now', 'now');
      INSERT INTO scores (id, experiment_id, paragraph_id, model_id, run_id, source, metric, value, created_at)
      VALUES ('s1', 'e1', 'p1', 'T', 'r1', 'rouge', 'rougeL@reference', 0.5, 'now');
    `);
    v20.db.close();

    const { db, applied, backupPath } = await migrateTo(path, 30);
    expect(applied).toEqual([30]);
    expect(backupPath).not.toBeNull();
    expect(db.prepare('SELECT id, value, judge_prompt_id FROM scores').all()).toEqual([
      { id: 's1', value: 0.5, judge_prompt_id: null },
    ]);

    // One ROUGE value per output and metric.
    expect(() =>
      db.exec(`INSERT INTO scores (id, experiment_id, paragraph_id, model_id, run_id, source, metric, value, created_at)
               VALUES ('s2', 'e1', 'p1', 'T', 'r1', 'rouge', 'rougeL@reference', 0.6, 'now')`),
    ).toThrow(/UNIQUE/);

    // One human value per output, metric and rater; another rater is fine.
    const rate = (id: string, by: string) =>
      db.exec(`INSERT INTO scores (id, experiment_id, paragraph_id, model_id, run_id, source, metric, value, created_by, created_at)
               VALUES ('${id}', 'e1', 'p1', 'T', 'r1', 'human', 'human.rating', 4, '${by}', 'now')`);
    rate('h1', 'ana');
    rate('h2', 'bo');
    expect(() => rate('h3', 'ana')).toThrow(/UNIQUE/);

    // Judge rows need their prompt; deleting the experiment takes everything quality with it.
    db.exec(`
      INSERT INTO judge_prompts VALUES ('jp1', 'e1', 'fp', 'J', 'us-east-1', 'r', 's', 'p', 400, 0.003, 0.015, 'catalog', 'now');
      INSERT INTO judge_calls (id, experiment_id, prompt_id, paragraph_id, run_id, model_id, kind, status,
        calls, attempts, started_at, finished_at)
      VALUES ('jc1', 'e1', 'jp1', 'p1', 'r1', 'T', 'score', 'ok', 1, 1, 'now', 'now');
      INSERT INTO quality_settings VALUES ('e1', '{}', 'now');
    `);
    expect(() =>
      db.exec(`INSERT INTO judge_calls (id, experiment_id, prompt_id, paragraph_id, run_id, model_id, kind, status,
                 calls, attempts, started_at, finished_at)
               VALUES ('jc2', 'e1', 'jp1', 'p1', 'r1', 'T', 'score', 'ok', 1, 1, 'now', 'now')`),
    ).toThrow(/UNIQUE/);
    db.exec("DELETE FROM experiments WHERE id = 'e1'");
    for (const t of ['judge_prompts', 'judge_calls', 'quality_settings', 'scores']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    }
    db.close();
  });
});
