import type { Database } from 'better-sqlite3';
import type { Paragraph } from '../../shared/domain/dataset';
import type { Experiment } from '../../shared/domain/experiment';
import type { RunRecord } from '../../shared/domain/run';
import { renderPairwisePrompt, renderScorePrompt } from '../../shared/quality/judgePrompt';
import type { JudgeSettings } from '../../shared/quality/qualitySettings';
import { judgeCallKey, recordedJudgeKeys, type JudgeCallKind } from '../db/repos/judge';
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { listRuns } from '../db/repos/runs';
import { sampleKey, sampleRuns } from './samples';

/**
 * The judge calls an experiment needs under one prompt version: a rubric score for every
 * model's output on every paragraph, and for every student a pairwise comparison with the
 * teacher in both orders. Paragraph-major, so a run stopped early has judged whole paragraphs.
 */

export interface JudgeTask {
  readonly key: string;
  readonly kind: JudgeCallKind;
  readonly paragraphId: string;
  /** Whose output is judged; for a pairwise call, the student's. */
  readonly modelId: string;
  readonly runId: string;
  /** The teacher's run in a pairwise call. */
  readonly otherRunId: string | null;
  readonly userText: string;
  /** What the task has cost so far, across re-queues and the retry of a malformed answer. */
  requeues: number;
  calls: number;
  attempts: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Unreadable answers so far (the second one ends the task as a judge failure). */
  malformed: number;
  lastUnreadable: { problem: string; text: string } | null;
  startedAt: string | undefined;
}

const task = (
  fields: Pick<JudgeTask, 'kind' | 'paragraphId' | 'modelId' | 'runId' | 'otherRunId' | 'userText'>,
): JudgeTask => ({
  ...fields,
  key: judgeCallKey(fields.runId, fields.kind),
  requeues: 0,
  calls: 0,
  attempts: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  malformed: 0,
  lastUnreadable: null,
  startedAt: undefined,
});

export function buildJudgeTasks(
  experiment: Experiment,
  paragraphs: readonly Paragraph[],
  runs: readonly RunRecord[],
  judge: JudgeSettings,
): JudgeTask[] {
  const samples = sampleRuns(runs);
  const { teacherModelId, studentModelIds } = experiment.config;
  const out: JudgeTask[] = [];
  for (const p of paragraphs) {
    const teacher = samples.get(sampleKey(p.id, teacherModelId));
    for (const modelId of [teacherModelId, ...studentModelIds]) {
      const run = samples.get(sampleKey(p.id, modelId));
      if (!run) continue;
      out.push(
        task({
          kind: 'score',
          paragraphId: p.id,
          modelId,
          runId: run.id,
          otherRunId: null,
          userText: renderScorePrompt(judge.scorePrompt, {
            rubric: judge.rubric,
            paragraph: p.text,
            reference: p.reference,
            output: run.outputText as string,
          }),
        }),
      );
    }
    if (!teacher) continue;
    for (const modelId of studentModelIds) {
      const student = samples.get(sampleKey(p.id, modelId));
      if (!student) continue;
      const pair = (kind: 'pairwiseTeacherFirst' | 'pairwiseStudentFirst') => {
        const [a, b] = kind === 'pairwiseTeacherFirst' ? [teacher, student] : [student, teacher];
        return task({
          kind,
          paragraphId: p.id,
          modelId,
          runId: student.id,
          otherRunId: teacher.id,
          userText: renderPairwisePrompt(judge.pairwisePrompt, {
            rubric: judge.rubric,
            paragraph: p.text,
            outputA: a.outputText as string,
            outputB: b.outputText as string,
          }),
        });
      };
      out.push(pair('pairwiseTeacherFirst'), pair('pairwiseStudentFirst'));
    }
  }
  return out;
}

/**
 * Every task of a prompt version and those a judge run would make now: all but the ones with a
 * final result (answered or failed) under that version; errored ones are made again. The runner
 * and the cost estimate both take them from here, so the estimate counts what a run makes.
 */
export function pendingJudgeTasks(
  db: Database,
  experiment: Experiment,
  judge: JudgeSettings,
  promptId: string | null,
): { all: JudgeTask[]; pending: JudgeTask[] } {
  const all = buildJudgeTasks(
    experiment,
    experimentParagraphs(db, experiment),
    listRuns(db, experiment.id),
    judge,
  );
  if (promptId === null) return { all, pending: all };
  const recorded = recordedJudgeKeys(db, promptId);
  return { all, pending: all.filter((t) => !recorded.has(t.key)) };
}
