import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import { estimateJudge, type JudgeEstimate } from '../../shared/estimate/judgeEstimate';
import { knownJudgePrice } from '../../shared/quality/judgePrice';
import type { JudgeSettings } from '../../shared/quality/qualitySettings';
import { findJudgePromptId } from '../db/repos/judge';
import { countPromptTokens } from '../estimate/promptTokens';
import { MALFORMED_REMINDER } from './judgeCall';
import { judgeFingerprint } from './judgeRunner';
import { pendingJudgeTasks } from './judgeTasks';

/**
 * What judging with these settings would cost now, before any call: the calls a judge run would
 * make (those of the prompt version these settings make, less the ones it already has a result
 * for, and its failed ones when they are to be retried), their prompts counted as the judge
 * model counts them (judge calls have no system prompt), as asked and with the reminder an
 * unreadable answer gets when the judge asks again.
 */
export function loadJudgeEstimate(
  db: Database,
  experiment: Experiment,
  judge: JudgeSettings,
  retryFailures = false,
): JudgeEstimate {
  const promptId = findJudgePromptId(db, experiment.id, judgeFingerprint(judge));
  const { all, pending, failed } = pendingJudgeTasks(
    db,
    experiment,
    judge,
    promptId,
    retryFailures,
  );
  const asked = countPromptTokens(
    judge.modelId,
    pending.map((t) => t.userText),
    null,
  );
  const askedAgain = countPromptTokens(
    judge.modelId,
    pending.map((t) => t.userText + MALFORMED_REMINDER),
    null,
  );
  return estimateJudge({
    judgeModelId: judge.modelId,
    tokenizer: asked.tokenizer,
    totalCalls: all.length,
    pending: pending.map((t, i) => ({
      kind: t.kind,
      promptTokens: asked.promptTokens[i] as number,
      retryPromptTokens: askedAgain.promptTokens[i] as number,
    })),
    failedCalls: failed,
    retryFailures,
    answerAttempts: judge.answerAttempts,
    maxTokens: judge.maxTokens,
    price: knownJudgePrice(judge),
  });
}
