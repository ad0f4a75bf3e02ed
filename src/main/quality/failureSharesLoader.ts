import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import { failureSharesForRoi, type FailureShares } from '../../shared/quality/failureSharesForRoi';
import type { MetricKey } from '../../shared/quality/metricKeys';
import { barFor } from '../../shared/quality/qualitySettings';
import { scoresShown } from '../../shared/quality/qualityReport';
import { tabulateScores } from '../../shared/quality/scoreTable';
import { latestUsedJudgePrompt } from '../db/repos/judge';
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { getQualitySettings } from '../db/repos/qualitySettings';
import { listScoreRows } from '../db/repos/scores';
import { AppFailure } from '../common/failure';

/**
 * f_T and f_S of one student for the ROI calculator, from the same stored scores, bars and seed
 * as the quality view (so the calculator and the view can never disagree).
 */
export function loadFailureShares(
  db: Database,
  e: Experiment,
  input: {
    studentModelId?: string | undefined;
    metric?: MetricKey | undefined;
    bar?: number | undefined;
  },
): FailureShares {
  const studentModelId = input.studentModelId ?? (e.config.studentModelIds[0] as string);
  if (!e.config.studentModelIds.includes(studentModelId)) {
    throw new AppFailure('invalid_input', 'This model is not a student of the experiment.');
  }
  const settings = getQualitySettings(db, e.id);
  const metric = input.metric ?? settings.failureMetric;
  const teacher = e.config.teacherModelId;
  const scores = scoresShown(listScoreRows(db, e.id), latestUsedJudgePrompt(db, e.id)?.id ?? null);
  const paragraphIds = experimentParagraphs(db, e).map((p) => p.id);
  const { values } = tabulateScores(scores, paragraphIds, [teacher, studentModelId]);
  return failureSharesForRoi({
    experimentId: e.id,
    metric,
    bar: input.bar ?? barFor(settings, metric),
    seed: settings.seed,
    teacherModelId: teacher,
    studentModelId,
    teacherValues: values[metric][teacher] ?? [],
    studentValues: values[metric][studentModelId] ?? [],
  });
}
