import { afterEach, describe, expect, it } from 'vitest';
import { experimentCounts } from '../repos/experimentStats';
import { getExperiment } from '../repos/experiments';
import { insertRun, listRuns } from '../repos/runs';
import { openDatabase } from '../open';
import { userVersion } from '../migrate';
import { migrateTo, tempStores } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0065-run-attempts', () => {
  it('keeps older runs with unknown attempts, and stores new ones with their attempt log', async () => {
    const { path } = stores.next();
    const v50 = await migrateTo(path, 50);
    v50.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO paragraphs (id, dataset_id, position, text, created_at, updated_at) VALUES ('p1', 'd1', 0, 'x', 't', 't');
      INSERT INTO paragraphs (id, dataset_id, position, text, created_at, updated_at) VALUES ('p2', 'd1', 1, 'y', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{"maxTokens":10,"temperature":0,"topP":1}',
        1, 2, '[]', 'completed', 'now', 'now');
      INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status,
        e2e_ms, attempts, started_at, finished_at)
      VALUES ('r1', 'e1', 'p1', 'T', 'teacher', 0, 'ok', 3229, 3, 'a', 'b');
    `);
    v50.db.close();

    const at65 = await migrateTo(path, 65);
    expect(at65.applied).toEqual([65]);
    expect(userVersion(at65.db)).toBe(65);
    at65.db.close();
    // The repository writes the current schema: later migrations (runs.via, 0090) go on too.
    const { db } = await openDatabase(path);
    // An old row: its attempts happened but were not kept; unknown, not zero.
    expect(listRuns(db, 'e1')[0]).toMatchObject({
      id: 'r1',
      e2eMs: 3229,
      attemptLog: null,
      throttles: null,
      lostMs: null,
    });
    const attemptLog = [
      {
        status: 'error' as const,
        errorClass: 'throttled',
        httpStatus: 429,
        startMs: 0,
        endMs: 4,
        waitMs: 0,
      },
      {
        status: 'ok' as const,
        errorClass: null,
        httpStatus: 200,
        startMs: 604,
        endMs: 1612,
        waitMs: 600,
      },
    ];
    insertRun(db, {
      ...listRuns(db, 'e1')[0]!,
      paragraphId: 'p2',
      e2eMs: 1008,
      attempts: 2,
      attemptLog,
      throttles: 1,
      lostMs: 604,
    });
    const stored = listRuns(db, 'e1').find((r) => r.paragraphId === 'p2');
    expect(stored).toMatchObject({ e2eMs: 1008, attemptLog, throttles: 1, lostMs: 604 });
    // The progress read at a resume sums what retries cost; the old row adds its retries only.
    const config = getExperiment(db, 'e1')?.config;
    const counts = experimentCounts(db, 'e1', config!);
    expect(counts.perModel.get('T')).toMatchObject({ throttles: 1, retries: 3, lostTenths: 6040 });
    db.close();
  });
});
