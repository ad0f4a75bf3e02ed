/**
 * Bundles end to end on real SQLite files: export an experiment, import it into an empty data
 * folder, and the report's figures are the same; a tampered, truncated, newer or inconsistent
 * bundle is refused with a message and leaves the data folder exactly as it was.
 */
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  seedReportExperiment,
  REPORT_STUDENT,
  REPORT_TEACHER,
} from '../../../test/support/reportFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { BUNDLE_VERSION } from '../../shared/export/bundleSchema';
import { defaultJudgeSettings } from '../../shared/quality/qualitySettings';
import { buildReport } from '../../shared/report';
import { openDatabase } from '../db/open';
import { ensureJudgePrompt, insertJudgeCall } from '../db/repos/judge';
import { listRuns } from '../db/repos/runs';
import { insertScore } from '../db/repos/scores';
import { AppFailure } from '../common/failure';
import { judgeFingerprint } from '../quality/judgeRunner';
import { loadQualityReport } from '../quality/qualityReportLoader';
import { getExperiment } from '../db/repos/experiments';
import { exportBundle } from './bundleExport';
import { importBundle } from './bundleImport';
import { loadReportInput } from './reportData';
import { listScenarios } from '../db/repos/scenarios';
import { listSavedScenarios } from './scenarioStore';

let temp: ReturnType<typeof makeTempDir>;
let source: Database;
let target: Database;
let experimentId: string;
let scenarioIds: string[];

/** A judge run on two outputs, so that the judge's tables travel too. */
function addJudgeScores(db: Database, id: string): void {
  const experiment = getExperiment(db, id)!;
  const judge = defaultJudgeSettings('us-east-1', {
    inputUsdPer1k: 0.003,
    outputUsdPer1k: 0.015,
    source: 'S15',
  });
  const prompt = ensureJudgePrompt(db, id, judge, judgeFingerprint(judge));
  const at = '2026-11-21T10:00:00.000Z';
  for (const run of listRuns(db, id)
    .filter((r) => r.status === 'ok')
    .slice(0, 2)) {
    insertJudgeCall(db, {
      experimentId: experiment.id,
      promptId: prompt.id,
      paragraphId: run.paragraphId,
      runId: run.id,
      otherRunId: null,
      modelId: run.modelId,
      kind: 'score',
      status: 'ok',
      answerText: '{"coverage":4}',
      answerJson: { coverage: 4 },
      problem: null,
      errorClass: null,
      calls: 1,
      attempts: 1,
      inputTokens: 300,
      outputTokens: 40,
      costUsd: 0.0015,
      startedAt: at,
      finishedAt: at,
    });
    insertScore(db, {
      experimentId: id,
      paragraphId: run.paragraphId,
      modelId: run.modelId,
      runId: run.id,
      source: 'judge',
      metric: 'judge.coverage',
      value: 4,
      details: { reason: 'covers it' },
      createdBy: null,
      judgePromptId: prompt.id,
    });
  }
}

/** Everything that counts in the data folder, to prove a refused import changed nothing. */
const counts = (db: Database) =>
  Object.fromEntries(
    [
      'datasets',
      'paragraphs',
      'experiments',
      'runs',
      'scores',
      'scenarios',
      'judge_prompts',
      'judge_calls',
      'quality_settings',
    ].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );

const reportOf = (db: Database, id: string, scenarios: string[]) =>
  buildReport(
    loadReportInput(
      db,
      id,
      { scenarioIds: scenarios, includeAppendix: true, paperSize: 'A4' },
      '2026-11-24T12:00:00.000Z',
    ),
  );

function refused(db: Database, text: string): string {
  try {
    importBundle(db, text);
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure);
    expect((e as AppFailure).code).toBe('import_rejected');
    return (e as AppFailure).message;
  }
  throw new Error('the import was not refused');
}

beforeEach(async () => {
  temp = makeTempDir('distill-bundle-');
  ({ db: source } = await openDatabase(join(temp.dir, 'a', 'distill-roi.sqlite')));
  ({ db: target } = await openDatabase(join(temp.dir, 'b', 'distill-roi.sqlite')));
  ({ experimentId, scenarioIds } = seedReportExperiment(source, { paragraphs: 12 }));
  addJudgeScores(source, experimentId);
});

afterEach(() => {
  source.close();
  target.close();
  temp.cleanup();
});

describe('experiment bundles', () => {
  it('import into an empty data folder gives the same figures', () => {
    const text = JSON.stringify(exportBundle(source, experimentId));
    const summary = importBundle(target, text);
    expect(summary).toMatchObject({ paragraphs: 12, runs: 24, scenarios: 2 });
    expect(summary.experimentId).not.toBe(experimentId);

    const importedScenarios = listSavedScenarios(target, summary.experimentId).map((s) => s.id);
    const before = JSON.stringify(reportOf(source, experimentId, scenarioIds));
    let after = JSON.stringify(reportOf(target, summary.experimentId, importedScenarios));
    after = after.replaceAll(summary.experimentId, experimentId);
    importedScenarios.forEach((id, i) => (after = after.replaceAll(id, scenarioIds[i]!)));
    expect(after).toBe(before);

    // The quality figures, judge scores included, come out the same too.
    const q = (db: Database, id: string) => {
      const r = loadQualityReport(db, getExperiment(db, id)!);
      return {
        metrics: r.metrics,
        preferences: r.preferences,
        // Means over runs the store lists by id (new after an import): equal up to rounding.
        costs: r.costs.map((c) => ({
          ...c,
          costPer1kRequestsUsd: c.costPer1kRequestsUsd?.toPrecision(12),
        })),
        answered: r.judge.answered,
        judgeCost: r.judge.costUsd,
      };
    };
    expect(q(target, summary.experimentId)).toEqual(q(source, experimentId));
    expect(q(source, experimentId).answered).toBe(2);
  });

  it('never overwrites: a second import is a second experiment, with its dataset renamed', () => {
    const text = JSON.stringify(exportBundle(source, experimentId));
    const first = importBundle(target, text);
    const second = importBundle(target, text);
    expect(second.experimentId).not.toBe(first.experimentId);
    expect(second.datasetName).toBe(`${first.datasetName} (imported)`);
    expect(counts(target)).toMatchObject({ experiments: 2, runs: 48, scenarios: 4 });
    const names = listScenarios(target).map((x) => x.name);
    expect(names).toContain('Distilled 8B at 3 million requests a month (imported)');
  });

  it('refuses a tampered bundle and changes nothing', () => {
    const bundle = exportBundle(source, experimentId);
    bundle.payload.runs[0]!.costUsd = 0.000001;
    const before = counts(target);
    expect(refused(target, JSON.stringify(bundle))).toMatch(/changed after it was exported/);
    expect(counts(target)).toEqual(before);
  });

  it('refuses a truncated bundle and changes nothing', () => {
    const text = JSON.stringify(exportBundle(source, experimentId));
    const before = counts(target);
    expect(refused(target, text.slice(0, Math.floor(text.length * 0.6)))).toMatch(
      /not complete JSON/,
    );
    expect(refused(target, '')).toMatch(/not complete JSON/);
    expect(counts(target)).toEqual(before);
  });

  it('refuses a bundle from a newer version with a clear message', () => {
    const bundle = { ...exportBundle(source, experimentId), version: BUNDLE_VERSION + 1 };
    expect(refused(target, JSON.stringify(bundle))).toMatch(
      /newer version of Distill ROI.*Update the app/,
    );
    expect(counts(target).experiments).toBe(0);
  });

  it('refuses a bundle whose parts do not fit together, even with a matching checksum', async () => {
    const { digestOf } = await import('./bundleDigest');
    const bundle = exportBundle(source, experimentId);
    bundle.payload.runs[0]!.paragraphId = 'not-in-this-bundle';
    bundle.digest = digestOf(bundle.payload);
    expect(refused(target, JSON.stringify(bundle))).toMatch(/not valid: .*paragraph or model/);
    expect(counts(target).experiments).toBe(0);
  });

  it('rolls back everything when the store refuses a row half way', async () => {
    const { digestOf } = await import('./bundleDigest');
    const bundle = exportBundle(source, experimentId);
    // Two ROUGE values for one output pass the schema but break the store's unique index.
    const rouge = bundle.payload.scores.find((s) => s.source === 'rouge')!;
    bundle.payload.scores.push({ ...rouge, id: 'duplicate' });
    bundle.digest = digestOf(bundle.payload);
    const before = counts(target);
    expect(() => importBundle(target, JSON.stringify(bundle))).toThrow(/UNIQUE/);
    expect(counts(target)).toEqual(before);
  });

  it('carries the prices the experiment ran under, with their sources', () => {
    const bundle = exportBundle(source, experimentId);
    expect(bundle.payload.experiment.config.prices.map((p) => p.modelId)).toEqual([
      REPORT_TEACHER,
      REPORT_STUDENT,
    ]);
    const teacher = bundle.payload.experiment.config.prices[0];
    expect(teacher?.source).toBe(
      'third-party registry (genai-prices / cline), 2026-11-24, not from AWS',
    );
    expect(teacher?.origin).toEqual({
      kind: 'catalog',
      publisher: 'third-party registry (genai-prices / cline)',
      asOf: '2026-11-24',
    });
  });
});
