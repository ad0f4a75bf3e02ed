import type { Database } from 'better-sqlite3';
import {
  criterionScores,
  PairwiseAnswerSchema,
  type PairwiseAnswer,
  type ScoreAnswer,
} from '../../shared/quality/judgeAnswer';
import { JUDGE_PAIRWISE_METRIC, judgeMetricKey } from '../../shared/quality/metricKeys';
import { combineOrders, preferenceValue } from '../../shared/quality/pairwise';
import type { ClassifiedError } from '../bedrock/errors';
import {
  deleteJudgeCall,
  insertJudgeCall,
  pairwiseAnswer,
  type JudgePrompt,
} from '../db/repos/judge';
import { insertScore } from '../db/repos/scores';
import type { JudgeOutcome } from './judgeCall';
import type { JudgeTask } from './judgeTasks';

/**
 * Commits one finished judge task the moment it ends: the call (answer, tokens, cost) and the
 * scores it yields, in one transaction, so a crash never leaves scores without their call or a
 * paid call without its record. A pairwise verdict is stored once both orders are answered.
 */

export type TaskResult = { outcome: JudgeOutcome } | { error: ClassifiedError };

function otherOrder(kind: JudgeTask['kind']): 'pairwiseTeacherFirst' | 'pairwiseStudentFirst' {
  return kind === 'pairwiseTeacherFirst' ? 'pairwiseStudentFirst' : 'pairwiseTeacherFirst';
}

export function recordJudgeTask(
  db: Database,
  experimentId: string,
  prompt: JudgePrompt,
  task: JudgeTask,
  result: TaskResult,
  finishedAt: string,
): void {
  const outcome = 'outcome' in result ? result.outcome : null;
  const status = outcome ? outcome.status : 'error';
  db.transaction(() => {
    if (task.prior) deleteJudgeCall(db, prompt.id, task.runId, task.kind);
    const callId = insertJudgeCall(db, {
      experimentId,
      promptId: prompt.id,
      paragraphId: task.paragraphId,
      runId: task.runId,
      otherRunId: task.otherRunId,
      modelId: task.modelId,
      kind: task.kind,
      status,
      answerText: outcome ? outcome.text : (task.lastUnreadable?.text ?? null),
      answerJson: outcome?.status === 'ok' ? outcome.answer : null,
      problem:
        outcome?.status === 'invalid'
          ? outcome.problem
          : 'error' in result
            ? result.error.userMessage
            : null,
      errorClass: 'error' in result ? result.error.kind : null,
      calls: task.calls,
      attempts: task.attempts,
      inputTokens: task.calls > 0 ? task.inputTokens : null,
      outputTokens: task.calls > 0 ? task.outputTokens : null,
      costUsd: task.calls > 0 ? task.costUsd : null,
      startedAt: task.startedAt ?? finishedAt,
      finishedAt,
    });
    if (outcome?.status !== 'ok') return;
    const base = {
      experimentId,
      paragraphId: task.paragraphId,
      modelId: task.modelId,
      runId: task.runId,
      source: 'judge' as const,
      createdBy: null,
      judgePromptId: prompt.id,
    };
    if (task.kind === 'score') {
      const answer = outcome.answer as ScoreAnswer;
      for (const [criterion, value] of criterionScores(answer)) {
        insertScore(db, {
          ...base,
          metric: judgeMetricKey(criterion),
          value,
          details: { reason: answer.reason, judgeCallId: callId },
        });
      }
      return;
    }
    const other = PairwiseAnswerSchema.safeParse(
      pairwiseAnswer(db, prompt.id, task.runId, otherOrder(task.kind)),
    );
    if (!other.success) return;
    const mine = outcome.answer as PairwiseAnswer;
    const [teacherFirst, studentFirst] =
      task.kind === 'pairwiseTeacherFirst' ? [mine, other.data] : [other.data, mine];
    const verdict = combineOrders(teacherFirst.preferred, studentFirst.preferred);
    insertScore(db, {
      ...base,
      metric: JUDGE_PAIRWISE_METRIC,
      value: preferenceValue(verdict),
      details: { verdict, teacherRunId: task.otherRunId, teacherFirst, studentFirst },
    });
  })();
}
