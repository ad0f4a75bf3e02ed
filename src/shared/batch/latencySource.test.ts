import { describe, expect, it } from 'vitest';
import { latencySource } from './latencySource';

describe('latencySource', () => {
  const runs = [
    { modelId: 'a', status: 'ok', via: 'batch' as const },
    { modelId: 'b', status: 'ok', via: 'batch' as const },
    { modelId: 'b', status: 'ok', via: 'on-demand' as const },
    { modelId: 'c', status: 'ok' },
    { modelId: 'c', status: 'error', via: 'batch' as const },
  ];
  it('tells batch-only, mixed and on-demand models apart (failed calls do not count)', () => {
    expect(latencySource(runs, 'a')).toBe('batch-only');
    expect(latencySource(runs, 'b')).toBe('on-demand-only-of-mixed');
    expect(latencySource(runs, 'c')).toBe('on-demand');
  });
});
