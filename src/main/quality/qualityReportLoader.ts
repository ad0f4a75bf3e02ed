import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import { buildQualityReport } from '../../shared/quality/qualityReport';
import type { QualityReport } from '../../shared/quality/reportSchema';
import { latestUsedJudgePrompt, listJudgeCallRows } from '../db/repos/judge';
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { getQualitySettings } from '../db/repos/qualitySettings';
import { listRuns } from '../db/repos/runs';
import { listScoreRows } from '../db/repos/scores';

/**
 * Reads everything the quality view shows from the store and hands it to the pure builder. It
 * only reads: ROUGE scores are kept current where runs land (rougeScoring.ts).
 */
export function loadQualityReport(db: Database, experiment: Experiment): QualityReport {
  const prompt = latestUsedJudgePrompt(db, experiment.id);
  const settings = getQualitySettings(db, experiment.id);
  return buildQualityReport({
    experimentId: experiment.id,
    experimentName: experiment.config.name,
    teacherModelId: experiment.config.teacherModelId,
    studentModelIds: experiment.config.studentModelIds,
    paragraphs: experimentParagraphs(db, experiment),
    scores: listScoreRows(db, experiment.id),
    runs: listRuns(db, experiment.id),
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
