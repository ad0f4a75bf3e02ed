import { describe, expect, it } from 'vitest';
import type { Experiment } from '../domain/experiment';
import { evidenceOf, latencyEvidence, type RunTokens } from './evidence';
import { testExperiment } from '../report/testing/reportInput';

const ok = (modelId: string, via?: 'batch' | 'on-demand'): RunTokens => ({
  modelId,
  status: 'ok',
  inputTokens: 10,
  outputTokens: 5,
  ...(via ? { via } : {}),
});

describe('latencyEvidence: what the ROI screen tells the verdict about latency', () => {
  it('counts successful batch calls apart, so a batch-only student reads as such', () => {
    const e: Experiment = testExperiment();
    const { teacherModelId: t } = e.config;
    const s = e.config.studentModelIds[0]!;
    const runs = [
      ok(t),
      ok(t, 'on-demand'),
      ok(s, 'batch'),
      ok(s, 'batch'),
      { ...ok(s), status: 'error' as const },
    ];
    const evidence = evidenceOf(e, runs, []);
    expect(evidence.models.map((m) => [m.modelId, m.batchOk])).toEqual([
      [t, 0],
      [s, 2],
    ]);
    // Batch calls still count for tokens: only latency is missing from them.
    expect(evidence.models[1]!.inputTokens).toEqual([10, 10]);
    expect(latencyEvidence(evidence, s)).toEqual({ teacher: 'on-demand', student: 'batch-only' });
    const mixed = evidenceOf(e, [...runs, ok(s)], []);
    expect(latencyEvidence(mixed, s).student).toBe('on-demand-only-of-mixed');
  });
});
