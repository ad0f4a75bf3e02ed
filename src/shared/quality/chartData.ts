/**
 * The numbers behind the quality charts, kept out of the components so that each chart and its
 * text alternative show the same, tested figures.
 */
import type { MetricReport } from './reportSchema';

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins over a fixed range (the metric's scale), so that every model's histogram
 * shares its bins and can be drawn side by side. Values outside the range are clamped into the
 * end bins; the top edge belongs to the last bin.
 */
export function fixedHistogram(
  values: readonly (number | null)[],
  min: number,
  max: number,
  bins: number,
): Bin[] {
  if (!(max > min) || !Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`histogram needs max > min and bins ≥ 1, got ${min}, ${max}, ${bins}`);
  }
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    const k = Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)));
    counts[k] = (counts[k] as number) + 1;
  }
  return counts.map((count, k) => ({
    from: min + k * width,
    to: k === bins - 1 ? max : min + (k + 1) * width,
    count,
  }));
}

/** Bins that read naturally for a scale: tenths for ROUGE, half points for 1–5 scores. */
export function binsForScale(min: number, max: number): number {
  return max - min <= 1 ? 10 : Math.round((max - min) * 2);
}

export interface ParagraphDifference {
  /** Index into the report's paragraphs. */
  index: number;
  difference: number;
}

/** Student minus teacher per paragraph where both have a value, in paragraph order. */
export function paragraphDifferences(
  teacher: readonly (number | null)[],
  student: readonly (number | null)[],
): ParagraphDifference[] {
  const out: ParagraphDifference[] = [];
  teacher.forEach((t, index) => {
    const s = student[index];
    if (t !== null && s !== null && s !== undefined) out.push({ index, difference: s - t });
  });
  return out;
}

/**
 * Above this many paragraphs the difference chart draws a histogram of the differences instead
 * of a bar per paragraph: tens of thousands of bars (and a figures table as long) cannot be read
 * and took the screen seconds to draw. The per-paragraph table still lists each.
 */
export const MAX_DIFFERENCE_BARS = 300;

/**
 * Student-minus-teacher differences in equal bins over every difference the scale allows
 * (−1 to 1 for ROUGE, −4 to 4 for 1–5 scores), twice the bins of the scale's own histogram.
 */
export function differenceHistogram(
  diffs: readonly ParagraphDifference[],
  min: number,
  max: number,
): Bin[] {
  const span = max - min;
  return fixedHistogram(
    diffs.map((d) => d.difference),
    -span,
    span,
    2 * binsForScale(min, max),
  );
}

export interface CostQualityPoint {
  id: string;
  costPer1kRequestsUsd: number | null;
  quality: number | null;
}

/** A model's place on the cost–quality chart, with the 95% interval of its mean when known. */
export interface CostQualityChartPoint extends CostQualityPoint {
  interval: { low: number; high: number } | null;
}

/** A model's cost per 1,000 requests (null before it has run), from `summarizeModelRuns`. */
export interface ModelCostPer1k {
  modelId: string;
  costPer1kRequestsUsd: number | null;
}

/**
 * The points of the cost–quality chart, one per model in `costs`' order: the screen's chart and
 * the report's (so its PDF) both plot these, so they cannot disagree. One without enough scores
 * has no mean. The costs come in from the caller: both pass the run summaries of the same runs.
 */
export function costQualityPoints(
  costs: readonly ModelCostPer1k[],
  metric: MetricReport,
): CostQualityChartPoint[] {
  return costs.map((c) => {
    const m = metric.perModel.find((p) => p.modelId === c.modelId)?.mean;
    const estimate = m?.kind === 'estimate' ? m : null;
    return {
      id: c.modelId,
      costPer1kRequestsUsd: c.costPer1kRequestsUsd,
      quality: estimate ? estimate.mean : null,
      interval: estimate ? { low: estimate.ci.low, high: estimate.ci.high } : null,
    };
  });
}

/**
 * Models on the cost–quality frontier: no other model is at most as expensive and at least as
 * good while strictly better on one of the two. Models missing either figure cannot be placed.
 */
export function efficientModels(points: readonly CostQualityPoint[]): Set<string> {
  const placed = points.filter(
    (p): p is CostQualityPoint & { costPer1kRequestsUsd: number; quality: number } =>
      p.costPer1kRequestsUsd !== null && p.quality !== null,
  );
  const dominated = (p: (typeof placed)[number]) =>
    placed.some(
      (q) =>
        q !== p &&
        q.costPer1kRequestsUsd <= p.costPer1kRequestsUsd &&
        q.quality >= p.quality &&
        (q.costPer1kRequestsUsd < p.costPer1kRequestsUsd || q.quality > p.quality),
    );
  return new Set(placed.filter((p) => !dominated(p)).map((p) => p.id));
}
