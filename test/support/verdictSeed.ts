/**
 * The experiment, written into a data folder before the host starts: on 20 paragraphs
 * the student's summaries are the reference summaries themselves (so ROUGE against the
 * references favours it), while the analyst's blind ratings of five paragraphs favour the
 * teacher (student rated a point lower on average, preferred on none). A test tool only.
 */
import { upsertHumanScore } from '../../src/main/db/repos/scores';
import {
  seedExperimentWithRuns,
  seedOutput,
  seedReference,
  type SeededExperiment,
} from './qualitySeed';
import { writeDataDir } from './seedDataDir';

export const VERDICT_STUDY = 'Ratings against ROUGE';
const TEACHER_RATING = 4;
const STUDENT_RATINGS = [3, 2, 3, 3, 4];

export function seedConflictingEvidence(dir: string): Promise<SeededExperiment> {
  return writeDataDir(dir, (db) => {
    const seeded = seedExperimentWithRuns(db, {
      name: VERDICT_STUDY,
      paragraphs: 20,
      output: (i, modelId, role) =>
        role === 'student' ? seedReference(i) : seedOutput(i, modelId, role),
    });
    const student = seeded.students[0] as string;
    const score = (paragraphId: string, modelId: string, metric: string, value: number) =>
      upsertHumanScore(db, {
        experimentId: seeded.experimentId,
        paragraphId,
        modelId,
        runId: null,
        source: 'human',
        metric,
        value,
        details: { blind: true },
        createdBy: 'Analyst',
        judgePromptId: null,
      });
    STUDENT_RATINGS.forEach((rating, i) => {
      const paragraphId = seeded.paragraphIds[i] as string;
      score(paragraphId, seeded.teacher, 'human.rating', TEACHER_RATING);
      score(paragraphId, student, 'human.rating', rating);
      // The preference is stored on the student: 0 means the teacher was preferred.
      score(paragraphId, student, 'human.preference', 0);
    });
    return seeded;
  });
}
