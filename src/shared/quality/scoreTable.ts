import type { Preference } from '../metrics';
import { meanOrNull } from '../metrics';
import {
  HUMAN_PREFERENCE_METRIC,
  JUDGE_CRITERIA,
  JUDGE_PAIRWISE_METRIC,
  METRIC_KEYS,
  judgeMetricKey,
  type MetricKey,
  type ScoreSource,
} from './metricKeys';
import { preferenceOfValue } from './pairwise';

/**
 * Turns stored per-output scores into one value per paragraph and model, aligned by paragraph,
 * which is what the paired bootstrap resamples. Several rows for one paragraph and model (repeats
 * for ROUGE, raters for ratings) are averaged: the paragraph, not the call, is the unit of
 * evidence, so a model with more repeats does not get a narrower interval for free.
 */

export interface ScoreRow {
  paragraphId: string;
  modelId: string;
  runId: string | null;
  source: ScoreSource;
  metric: string;
  value: number | null;
  createdBy: string | null;
  /** For judge scores: the stored prompt version that produced them. */
  promptId: string | null;
}

/** Per metric, per model id: one value (or null) per paragraph, in `paragraphIds` order. */
export type MetricValues = Record<MetricKey, Record<string, (number | null)[]>>;

/** Per preference source, per student id: one verdict (or null) per paragraph. */
export interface PreferenceVerdicts {
  judge: Record<string, (Preference | null)[]>;
  human: Record<string, (Preference | null)[]>;
}

const METRIC_SET: ReadonlySet<string> = new Set(METRIC_KEYS);

function collect(
  rows: readonly ScoreRow[],
  paragraphIndex: ReadonlyMap<string, number>,
  keep: (r: ScoreRow) => boolean,
): Map<string, Map<string, number[][]>> {
  const out = new Map<string, Map<string, number[][]>>();
  for (const r of rows) {
    const i = paragraphIndex.get(r.paragraphId);
    if (i === undefined || r.value === null || !Number.isFinite(r.value) || !keep(r)) continue;
    let byModel = out.get(r.metric);
    if (!byModel) out.set(r.metric, (byModel = new Map()));
    let cells = byModel.get(r.modelId);
    if (!cells)
      byModel.set(r.modelId, (cells = Array.from({ length: paragraphIndex.size }, () => [])));
    (cells[i] as number[]).push(r.value);
  }
  return out;
}

const means = (cells: number[][] | undefined, n: number): (number | null)[] =>
  cells ? cells.map((c) => meanOrNull(c)) : new Array<number | null>(n).fill(null);

export function tabulateScores(
  rows: readonly ScoreRow[],
  paragraphIds: readonly string[],
  modelIds: readonly string[],
): { values: MetricValues; preferences: PreferenceVerdicts } {
  const index = new Map(paragraphIds.map((id, i) => [id, i]));
  const n = paragraphIds.length;
  const cells = collect(rows, index, (r) => METRIC_SET.has(r.metric));
  const values = {} as MetricValues;
  for (const key of METRIC_KEYS) {
    values[key] = Object.fromEntries(modelIds.map((m) => [m, means(cells.get(key)?.get(m), n)]));
  }
  // The overall judge score exists only where all four criteria do: a partial answer was never
  // accepted, so a gap means the judge failed on that output and must not be averaged around.
  for (const m of modelIds) {
    const parts = JUDGE_CRITERIA.map((c) => values[judgeMetricKey(c)][m] as (number | null)[]);
    values['judge.overall'][m] = paragraphIds.map((_, i) => {
      const xs = parts.map((p) => p[i] ?? null);
      return xs.every((x) => x !== null) ? meanOrNull(xs) : null;
    });
  }
  const verdicts = (metric: string) => {
    const byModel = collect(rows, index, (r) => r.metric === metric).get(metric);
    return Object.fromEntries(
      modelIds.map((m) => [
        m,
        means(byModel?.get(m), n).map((v) => (v === null ? null : preferenceOfValue(v))),
      ]),
    );
  };
  return {
    values,
    preferences: {
      judge: verdicts(JUDGE_PAIRWISE_METRIC),
      human: verdicts(HUMAN_PREFERENCE_METRIC),
    },
  };
}
