/**
 * ROUGE as a run lands: each refresh of a session reads only the paragraphs that landed since
 * the last one, yet every output ends scored against its teacher, including results a killed
 * session stored but never scored.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import {
  makeRunnerFixture,
  STUDENT,
  TEACHER,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import { ROUGE_TYPES, scoreRouge } from '../../shared/metrics';
import { ROUGE_EVERY_RUNS } from '../quality/rougeScoring';

const PARAGRAPHS = 60;

describe('ROUGE scores of a running session', () => {
  let standIn: BedrockStandIn;
  let fx: RunnerFixture;
  beforeAll(async () => {
    // The teacher is slower than the student: a student's result often lands one refresh
    // before its teacher's, and must be scored against the teacher all the same.
    standIn = await startBedrockStandIn({
      models: {
        [TEACHER]: { latencyMs: 30, ttftMs: 10, chunks: 2, outputTokens: 40 },
        [STUDENT]: { latencyMs: 5, ttftMs: 2, chunks: 2, outputTokens: 20 },
      },
    });
  });
  afterAll(() => standIn.close());
  afterEach(() => fx.cleanup());

  /** Each student output's stored ROUGE-L against its teacher, beside the value it should be. */
  function teacherTargets(): { stored: number; expected: number }[] {
    const rows = fx.db
      .prepare(
        `SELECT s.value, t.output_text AS teacher, r.output_text AS student FROM scores s
         JOIN runs r ON r.id = s.run_id
         JOIN runs t ON t.experiment_id = r.experiment_id AND t.paragraph_id = r.paragraph_id
                    AND t.role = 'teacher' AND t.repeat_index = r.repeat_index
         WHERE s.source = 'rouge' AND s.metric = 'rougeL@teacher' AND s.experiment_id = ?`,
      )
      .all(fx.experimentId) as { value: number; teacher: string; student: string }[];
    return rows.map((r) => ({
      stored: r.value,
      expected: scoreRouge(r.teacher, r.student, { stem: true }).rougeL.fmeasure,
    }));
  }

  const rougeCount = () =>
    (
      fx.db
        .prepare("SELECT COUNT(*) AS n FROM scores WHERE source = 'rouge' AND experiment_id = ?")
        .get(fx.experimentId) as { n: number }
    ).n;

  it('scores every student against its teacher, refresh after refresh', async () => {
    fx = await makeRunnerFixture({ standIn, paragraphs: PARAGRAPHS, concurrency: 8 });
    expect(2 * PARAGRAPHS).toBeGreaterThan(4 * ROUGE_EVERY_RUNS);
    fx.runner.start(fx.experimentId);
    expect(await fx.runner.settled(fx.experimentId)).toMatchObject({ done: 2 * PARAGRAPHS });
    const targets = teacherTargets();
    expect(targets).toHaveLength(PARAGRAPHS);
    for (const t of targets) expect(t.stored).toBe(t.expected);
    expect(rougeCount()).toBe(PARAGRAPHS * ROUGE_TYPES.length);
  });

  it('scores what a killed session stored and never scored, at the resumed session', async () => {
    fx = await makeRunnerFixture({ standIn, paragraphs: PARAGRAPHS, concurrency: 8 });
    fx.runner.start(fx.experimentId);
    await fx.runner.settled(fx.experimentId);
    // As a kill leaves it: results stored, their scores never written, some calls not made.
    fx.db.prepare("DELETE FROM scores WHERE source = 'rouge'").run();
    fx.db
      .prepare(
        `DELETE FROM runs WHERE experiment_id = ? AND paragraph_id IN
         (SELECT paragraph_id FROM runs WHERE experiment_id = ? ORDER BY paragraph_id LIMIT 10)`,
      )
      .run(fx.experimentId, fx.experimentId);
    standIn.clearRequests();
    fx.runner.start(fx.experimentId);
    await fx.runner.settled(fx.experimentId);
    expect(standIn.requests).toHaveLength(10);
    const targets = teacherTargets();
    expect(targets).toHaveLength(PARAGRAPHS);
    for (const t of targets) expect(t.stored).toBe(t.expected);
    expect(rougeCount()).toBe(PARAGRAPHS * ROUGE_TYPES.length);
  });
});
