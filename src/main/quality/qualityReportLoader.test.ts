import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedExperimentWithRuns, SEED_STUDENT } from '../../../test/support/qualitySeed';
import { makeTempDir } from '../../../test/support/tempDir';
import type { Experiment } from '../../shared/domain/experiment';
import { HUMAN_RATING_METRIC } from '../../shared/quality/metricKeys';
import { defaultQualitySettings } from '../../shared/quality/qualitySettings';
import { openDatabase } from '../db/open';
import { getExperiment } from '../db/repos/experiments';
import { saveQualitySettings } from '../db/repos/qualitySettings';
import { listRuns, listRunSamples } from '../db/repos/runs';
import { upsertHumanScore } from '../db/repos/scores';
import { loadQualityReport } from './qualityReportLoader';

let dir: string;
let db: Database;
let cleanup: () => void;
beforeEach(async () => {
  const tmp = makeTempDir('distill-quality-kept-');
  dir = tmp.dir;
  cleanup = tmp.cleanup;
  db = (await openDatabase(`${dir}/distill-roi.sqlite`)).db;
});
afterEach(() => {
  db.close();
  cleanup();
});

/** Rates the student's output on the first `count` paragraphs through `on`. */
function rate(on: Database, experimentId: string, paragraphIds: string[], count: number): void {
  for (const paragraphId of paragraphIds.slice(0, count)) {
    upsertHumanScore(on, {
      experimentId,
      paragraphId,
      modelId: SEED_STUDENT,
      runId: null,
      source: 'human',
      metric: HUMAN_RATING_METRIC,
      value: 4,
      details: {},
      createdBy: 'Ana',
      judgePromptId: null,
    });
  }
}

const ratedParagraphs = (report: ReturnType<typeof loadQualityReport>) =>
  report.metrics
    .find((m) => m.key === HUMAN_RATING_METRIC)
    ?.perModel.find((m) => m.modelId === SEED_STUDENT)?.n;

describe('loadQualityReport', () => {
  it('answers a second ask from the same store state without building again', () => {
    const s = seedExperimentWithRuns(db, { paragraphs: 8 });
    const e = getExperiment(db, s.experimentId) as Experiment;
    const first = loadQualityReport(db, e);
    expect(loadQualityReport(db, e)).toBe(first);
  });

  it('builds again after any write through this connection: a rating, a new bar', () => {
    const s = seedExperimentWithRuns(db, { paragraphs: 8 });
    const e = getExperiment(db, s.experimentId) as Experiment;
    expect(ratedParagraphs(loadQualityReport(db, e))).toBe(0);
    rate(db, s.experimentId, s.paragraphIds, 6);
    expect(ratedParagraphs(loadQualityReport(db, e))).toBe(6);
    const settings = defaultQualitySettings();
    saveQualitySettings(db, s.experimentId, { ...settings, seed: settings.seed + 1 });
    expect(loadQualityReport(db, e).settings.seed).toBe(settings.seed + 1);
  });

  it('builds again after another connection to the same file commits (a CLI run beside the app)', async () => {
    const s = seedExperimentWithRuns(db, { paragraphs: 8 });
    const e = getExperiment(db, s.experimentId) as Experiment;
    expect(ratedParagraphs(loadQualityReport(db, e))).toBe(0);
    const other = (await openDatabase(`${dir}/distill-roi.sqlite`)).db;
    try {
      rate(other, s.experimentId, s.paragraphIds, 5);
    } finally {
      other.close();
    }
    expect(ratedParagraphs(loadQualityReport(db, e))).toBe(5);
  });

  it('keeps reports apart per experiment and follows a renamed experiment', () => {
    const a = seedExperimentWithRuns(db, { paragraphs: 6, name: 'A' });
    const b = seedExperimentWithRuns(db, { paragraphs: 7, name: 'B' });
    const ea = getExperiment(db, a.experimentId) as Experiment;
    const eb = getExperiment(db, b.experimentId) as Experiment;
    expect(loadQualityReport(db, ea).paragraphs).toHaveLength(6);
    expect(loadQualityReport(db, eb).paragraphs).toHaveLength(7);
    const renamed = { ...ea, config: { ...ea.config, name: 'A, renamed' } };
    expect(loadQualityReport(db, renamed).experimentName).toBe('A, renamed');
  });
});

describe('listRunSamples', () => {
  it('gives every call’s figures as listRuns has them, without the texts', () => {
    const s = seedExperimentWithRuns(db, {
      paragraphs: 6,
      repeats: 2,
      output: (i, _m, role) => (role === 'student' && i === 2 ? null : `Output ${i}`),
    });
    const samples = listRunSamples(db, s.experimentId);
    const runs = listRuns(db, s.experimentId);
    expect(samples).toEqual(
      runs.map((r) => ({
        modelId: r.modelId,
        status: r.status,
        inputTokens: r.inputTokens,
        outputTokens: r.outputTokens,
        e2eMs: r.e2eMs,
        serverMs: r.serverMs,
        ttftMs: r.ttftMs,
        costUsd: r.costUsd,
        attempts: r.attempts,
        throttles: r.throttles,
        lostMs: r.lostMs,
        via: r.via,
      })),
    );
    expect(samples.filter((x) => x.status === 'error')).toHaveLength(2);
  });
});
