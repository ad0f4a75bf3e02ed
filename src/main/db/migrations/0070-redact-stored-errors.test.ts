import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './index';
import { migrateTo, tempStores } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

const TOKEN = 'IQoJb3JpZ2luX2VjECANARYTOKENx9';
const LEAKY = `Bad keys (SignatureDoesNotMatch: ... x-amz-security-token:${TOKEN}\n\nhost;x-amz-date)`;

describe('migration 0070-redact-stored-errors', () => {
  it('masks secrets already stored in error texts, leaving no copy in the database file', async () => {
    const { dir, path } = stores.next();
    const v50 = await migrateTo(path, 50);
    v50.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO paragraphs (id, dataset_id, position, text, tags_json, created_at, updated_at)
        VALUES ('p1', 'd1', 0, 'text', '[]', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'paused', 'now', 'now');
    `);
    v50.db
      .prepare('UPDATE experiments SET status_reason = ? WHERE id = ?')
      .run(`Paused: ${LEAKY}`, 'e1');
    v50.db
      .prepare(
        `INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status,
           attempts, error_class, error_message, started_at, finished_at)
         VALUES ('r1', 'e1', 'p1', 'T', 'teacher', 0, 'error', 1, 'bad_credentials', ?, 't', 't'),
                ('r2', 'e1', 'p1', 'S', 'student', 0, 'error', 1, 'throttled', 'Slow down.', 't', 't')`,
      )
      .run(LEAKY);
    v50.db.close();

    const { db, applied } = await migrateTo(path, 70, { backupDir: join(dir, 'elsewhere') });
    // Every migration after 50 up to this one runs; 70 is the one under test.
    expect(applied).toEqual(
      migrations.filter((m) => m.version > 50 && m.version <= 70).map((m) => m.version),
    );
    expect(db.prepare('SELECT id, error_message AS m FROM runs ORDER BY id').all()).toEqual([
      { id: 'r1', m: LEAKY.replace(TOKEN, '***') },
      { id: 'r2', m: 'Slow down.' },
    ]);
    expect(db.prepare('SELECT status_reason AS s FROM experiments').get()).toEqual({
      s: `Paused: ${LEAKY.replace(TOKEN, '***')}`,
    });
    db.close();
    const files = readdirSync(dir).filter((f) => f.startsWith('test.sqlite'));
    expect(files).toContain('test.sqlite');
    for (const f of files) expect(readFileSync(join(dir, f)).includes(TOKEN)).toBe(false);
  });
});
