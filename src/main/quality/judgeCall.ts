import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { converseOnce } from '../bedrock/converseStream';
import { costPerRequestUsd } from '../../shared/roi/perRequest';
import { usdPer1k } from '../../shared/units';
import {
  parsePairwiseAnswer,
  parseScoreAnswer,
  type PairwiseAnswer,
  type Parsed,
  type ScoreAnswer,
} from '../../shared/quality/judgeAnswer';
import type { JudgeSettings } from '../../shared/quality/qualitySettings';
import type { JudgeTask } from './judgeTasks';

/**
 * One judged output: ask, read the answer strictly, and if it cannot be read ask again with a
 * reminder of the format, up to the judge's `answerAttempts` asks in all (one unless the analyst
 * asks for more). An item whose every answer was unreadable is a judge failure, stored with its
 * raw answer and the reason; nothing is guessed.
 * Transport failures (throttling, timeouts…) are thrown as BedrockCallError for the session's
 * retry policy; what the calls cost so far stays on the task, so a retried or failed task is
 * still charged for every answer it paid for.
 */

export const MALFORMED_REMINDER =
  '\n\nYour previous answer could not be read as the required JSON object. Answer again with that JSON object only, and nothing else.';

export type JudgeOutcome =
  | { status: 'ok'; answer: ScoreAnswer | PairwiseAnswer; text: string }
  | { status: 'invalid'; problem: string; text: string; cutOff: boolean };

export async function askJudge(
  client: BedrockRuntimeClient,
  task: JudgeTask,
  judge: JudgeSettings,
  signal: AbortSignal,
): Promise<JudgeOutcome> {
  const parse = (text: string): Parsed<ScoreAnswer | PairwiseAnswer> =>
    task.kind === 'score' ? parseScoreAnswer(text) : parsePairwiseAnswer(text);
  // Counted on the task, not per attempt here: a transport failure after one unreadable
  // answer re-queues the task, and the retry it then gets is still its only one.
  for (;;) {
    const m = await converseOnce(
      client,
      {
        modelId: judge.modelId,
        userText: task.malformed === 0 ? task.userText : task.userText + MALFORMED_REMINDER,
        maxTokens: judge.maxTokens,
        // Deterministic as far as the model allows: the same output should get the same score.
        temperature: 0,
        topP: 1,
      },
      { signal },
    );
    task.calls++;
    task.attempts += m.attempts;
    task.inputTokens += m.inputTokens;
    task.outputTokens += m.outputTokens;
    task.costUsd += costPerRequestUsd(
      m.inputTokens,
      m.outputTokens,
      usdPer1k(judge.inputUsdPer1k),
      usdPer1k(judge.outputUsdPer1k),
    );
    const parsed = parse(m.text);
    if (parsed.ok) return { status: 'ok', answer: parsed.value, text: m.text };
    task.malformed++;
    const cutOff = m.stopReason === 'max_tokens';
    const problem = cutOff
      ? `${parsed.problem} It was cut off at the ${judge.maxTokens}-token limit.`
      : parsed.problem;
    task.lastUnreadable = { problem, text: m.text };
    if (task.malformed >= judge.answerAttempts) {
      return { status: 'invalid', ...task.lastUnreadable, cutOff };
    }
  }
}
