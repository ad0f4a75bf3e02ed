import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import { buildQualityReport } from '../../shared/quality/qualityReport';
import type { QualityReport } from '../../shared/quality/reportSchema';
import { latestUsedJudgePrompt, listJudgeCallRows } from '../db/repos/judge';
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { getQualitySettings } from '../db/repos/qualitySettings';
import { listRunSamples } from '../db/repos/runs';
import { listScoreRows } from '../db/repos/scores';
import { storeStamp } from '../db/storeStamp';

/**
 * The last reports built, per connection, with what they were built from. At 50,000 paragraphs a
 * report takes seconds (store reads and 2,000 resamples over every paragraph), and the Quality
 * screen, the ROI evidence, the report preview and the PDF each ask for the same one; any write
 * to the store changes the stamp, so a kept report is never older than the rows.
 */
const kept = new WeakMap<Database, Map<string, { stamp: string; report: QualityReport }>>();
const KEPT_PER_CONNECTION = 4;

/**
 * Reads everything the quality view shows from the store and hands it to the pure builder, or
 * returns the report built from the same store state. It only reads: ROUGE scores are kept
 * current where runs land (rougeScoring.ts).
 */
export function loadQualityReport(db: Database, experiment: Experiment): QualityReport {
  const { name, teacherModelId, studentModelIds } = experiment.config;
  const key = JSON.stringify([experiment.id, name, teacherModelId, studentModelIds]);
  const stamp = storeStamp(db);
  let reports = kept.get(db);
  if (reports === undefined) {
    reports = new Map();
    kept.set(db, reports);
  }
  const hit = reports.get(key);
  if (hit !== undefined && hit.stamp === stamp) return hit.report;
  const report = buildFromStore(db, experiment);
  reports.delete(key);
  reports.set(key, { stamp, report });
  // Oldest first in a Map's order: drop beyond the few experiments an analyst moves between.
  for (const old of reports.keys()) {
    if (reports.size <= KEPT_PER_CONNECTION) break;
    reports.delete(old);
  }
  return report;
}

function buildFromStore(db: Database, experiment: Experiment): QualityReport {
  const prompt = latestUsedJudgePrompt(db, experiment.id);
  const settings = getQualitySettings(db, experiment.id);
  return buildQualityReport({
    experimentId: experiment.id,
    experimentName: experiment.config.name,
    teacherModelId: experiment.config.teacherModelId,
    studentModelIds: experiment.config.studentModelIds,
    paragraphs: experimentParagraphs(db, experiment),
    scores: listScoreRows(db, experiment.id),
    runs: listRunSamples(db, experiment.id),
    judgeCalls: listJudgeCallRows(db, experiment.id),
    judgePrompt: prompt && {
      id: prompt.id,
      modelId: prompt.settings.modelId,
      createdAt: prompt.createdAt,
    },
    settings,
    rougeStemmed: settings.rougeStemmed,
  });
}
