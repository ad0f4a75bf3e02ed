import { describe, expect, it } from 'vitest';
import { summarizeByTier } from './tierSummary';

const run = (modelId: string, serviceTier: string | null, e2eMs: number, costUsd: number) => ({
  modelId,
  status: 'ok' as const,
  inputTokens: 100,
  outputTokens: 50,
  e2eMs,
  serverMs: e2eMs,
  ttftMs: 10,
  costUsd,
  serviceTier,
});

describe('summarizeByTier', () => {
  it('splits a model’s calls by the tier served, falling back to the tier asked for', () => {
    const rows = summarizeByTier(
      [
        run('m', 'flex', 300, 0.001),
        run('m', 'flex', 500, 0.001),
        run('m', 'default', 100, 0.002),
        run('t', null, 50, 0.01),
      ],
      (id) => (id === 'm' ? 'flex' : 'default'),
    );
    expect(rows.map((r) => [r.model, r.tier, r.calls, r.e2e.mean, r.costPerRequest])).toEqual([
      ['m', 'flex', 2, 400, 0.001],
      ['m', 'default', 1, 100, 0.002],
      ['t', 'default', 1, 50, 0.01],
    ]);
  });
});
