import type { Database } from 'better-sqlite3';
import type { Paragraph } from '../../shared/domain/dataset';
import type { Experiment } from '../../shared/domain/experiment';
import type { RunRecord } from '../../shared/domain/run';
import { renderPairwisePrompt, renderScorePrompt } from '../../shared/quality/judgePrompt';
import type { JudgeSettings } from '../../shared/quality/qualitySettings';
import { judgeCallKey, priorJudgeCalls, type JudgeCallKind } from '../db/repos/judge';
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
  /** Unreadable answers so far (the judge's answerAttempts-th ends the task as a failure). */
  malformed: number;
  /** The item's earlier record (an error, or a failure being retried), replaced when it ends. */
  prior: { status: 'invalid' | 'error'; costUsd: number } | null;
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
  prior: null,
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
 * Every task of a prompt version and those a judge run would make now: the ones without a
 * record, the errored ones (no answer: made again, like a runner resume) and, when the analyst
 * asks (`retryFailures`), the failed ones (unreadable answers). A task made again starts with
 * what its earlier record cost. The runner and the cost estimate both take them from here, so
 * the estimate counts what a run makes.
 */
export function pendingJudgeTasks(
  db: Database,
  experiment: Experiment,
  judge: JudgeSettings,
  promptId: string | null,
  retryFailures = false,
): { all: JudgeTask[]; pending: JudgeTask[]; failed: number } {
  const all = buildJudgeTasks(
    experiment,
    experimentParagraphs(db, experiment),
    listRuns(db, experiment.id),
    judge,
  );
  if (promptId === null) return { all, pending: all, failed: 0 };
  const prior = priorJudgeCalls(db, promptId);
  const pending: JudgeTask[] = [];
  let failed = 0;
  for (const t of all) {
    const p = prior.get(t.key);
    if (p?.status === 'invalid') failed++;
    if (p?.status === 'ok' || (p?.status === 'invalid' && !retryFailures)) continue;
    if (p) {
      t.prior = { status: p.status, costUsd: p.costUsd };
      t.calls = p.calls;
      t.attempts = p.attempts;
      t.inputTokens = p.inputTokens;
      t.outputTokens = p.outputTokens;
      t.costUsd = p.costUsd;
    }
    pending.push(t);
  }
  return { all, pending, failed };
}
