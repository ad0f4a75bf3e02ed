import type { Paragraph } from '../domain/dataset';
import type { Experiment } from '../domain/experiment';
import type { RunRecord } from '../domain/run';
import { toCsv, type CsvCell } from '../io/csvWrite';
import { meanOrNull } from '../metrics';
import { HUMAN_PREFERENCE_METRIC, JUDGE_PAIRWISE_METRIC, METRIC_KEYS } from '../quality/metricKeys';
import type { ScoreRow } from '../quality/scoreTable';
import { modelName } from '../report/names';
import { redactNullable } from '../security/redactSecrets';

/**
 * Runs and scores as one CSV row per call, with the columns an analyst pivots on: paragraph,
 * model, role, repeat, status, tokens, latencies, cost and the service tier it was billed at, then one column per quality metric (the
 * mean over raters where several scored the same output) and the output text last. Judge scores
 * come from the prompt version the quality view shows (`judgePromptId`), as in the report.
 */

export const SCORE_COLUMNS: readonly string[] = [
  ...METRIC_KEYS,
  JUDGE_PAIRWISE_METRIC,
  HUMAN_PREFERENCE_METRIC,
];

export const RUN_COLUMNS = [
  'experiment_id',
  'experiment_name',
  'paragraph_position',
  'paragraph_id',
  'model_id',
  'model_name',
  'role',
  'repeat',
  'status',
  'input_tokens',
  'output_tokens',
  'e2e_ms',
  'server_ms',
  'ttft_ms',
  'output_tokens_per_s',
  'cost_usd',
  'service_tier',
  'attempts',
  'stop_reason',
  'error_class',
  'error_message',
  'started_at',
  'finished_at',
  ...SCORE_COLUMNS,
  'output_text',
] as const;

export interface RunsCsvInput {
  experiment: Experiment;
  paragraphs: readonly Paragraph[];
  runs: readonly RunRecord[];
  scores: readonly ScoreRow[];
  judgePromptId: string | null;
}

function scoresByRun(scores: readonly ScoreRow[], judgePromptId: string | null) {
  const byRun = new Map<string, Map<string, number[]>>();
  for (const s of scores) {
    if (s.runId === null || s.value === null) continue;
    if (s.source === 'judge' && s.promptId !== judgePromptId) continue;
    let metrics = byRun.get(s.runId);
    if (!metrics) byRun.set(s.runId, (metrics = new Map()));
    const list = metrics.get(s.metric);
    if (list) list.push(s.value);
    else metrics.set(s.metric, [s.value]);
  }
  return byRun;
}

export function runsCsvRows(i: RunsCsvInput): CsvCell[][] {
  const position = new Map(i.paragraphs.map((p) => [p.id, p.position + 1]));
  const byRun = scoresByRun(i.scores, i.judgePromptId);
  const { id, config } = i.experiment;
  return i.runs.map((r) => {
    const metrics = byRun.get(r.id);
    return [
      id,
      config.name,
      position.get(r.paragraphId) ?? null,
      r.paragraphId,
      r.modelId,
      modelName(r.modelId),
      r.role,
      r.repeatIndex + 1,
      r.status,
      r.inputTokens,
      r.outputTokens,
      r.e2eMs,
      r.serverMs,
      r.ttftMs,
      r.outputTokensPerS,
      r.costUsd,
      // The tier Bedrock reported (null: not reported, a failed call, or stored before tiers).
      r.serviceTier ?? null,
      r.attempts,
      r.stopReason,
      r.errorClass,
      // Rows stored before error texts were redacted may still quote a session token.
      redactNullable(r.errorMessage),
      r.startedAt,
      r.finishedAt,
      ...SCORE_COLUMNS.map((m) => meanOrNull(metrics?.get(m) ?? [])),
      r.outputText,
    ];
  });
}

export const runsCsv = (i: RunsCsvInput): string => toCsv(RUN_COLUMNS, runsCsvRows(i));
