import { describe, expect, it } from 'vitest';
import { defaultMetric, emptyGroups, groupedMetrics, metricsWithData } from './reportViews';
import type { MetricReport } from './reportSchema';

const m = (key: string, values: Record<string, (number | null)[]>) =>
  ({ key, bar: 0, perModel: [], perStudent: [], values }) as unknown as MetricReport;

const report = {
  metrics: [
    m('rougeL@reference', { T: [null, null] }),
    m('rouge1@teacher', { S: [0.4, null] }),
    m('rougeL@teacher', { S: [0.5, 0.2] }),
    m('human.rating', { T: [4, null], S: [null, null] }),
  ],
};

describe('report views', () => {
  it('keeps metrics with at least one value, grouped in catalog order', () => {
    expect(metricsWithData(report).map((x) => x.key)).toEqual([
      'rouge1@teacher',
      'rougeL@teacher',
      'human.rating',
    ]);
    expect(groupedMetrics(report).map((g) => [g.group, g.metrics.length])).toEqual([
      ['ROUGE vs teacher', 2],
      ['Your ratings', 1],
    ]);
    expect(emptyGroups(report)).toEqual(['ROUGE vs reference', 'LLM judge']);
  });

  it('opens on the most telling metric that has data', () => {
    expect(defaultMetric(report)).toBe('human.rating');
    expect(defaultMetric({ metrics: [] })).toBe('rougeL@reference');
  });
});
