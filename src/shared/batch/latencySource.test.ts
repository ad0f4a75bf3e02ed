import { describe, expect, it } from 'vitest';
import {
  BATCH_LATENCY_TEXT,
  latencySource,
  noOnDemandCalls,
  onDemandFigure,
} from './latencySource';

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

describe('onDemandFigure', () => {
  it('a model with batch calls only shows no time and no count, never a zero', () => {
    const calls = { batch: 120, all: 120 };
    expect(noOnDemandCalls(calls.batch, calls.all)).toBe(true);
    expect(onDemandFigure(calls, 'time', () => '0.00 ms')).toBe(BATCH_LATENCY_TEXT);
    expect(onDemandFigure(calls, 'count', () => '0')).toBe('—');
  });

  it('one on-demand call shows the figure; no call at all shows none', () => {
    expect(noOnDemandCalls(119, 120)).toBe(false);
    expect(onDemandFigure({ batch: 119, all: 120 }, 'time', () => '0 s')).toBe('0 s');
    expect(onDemandFigure({ batch: 0, all: 0 }, 'time', () => '0 s')).toBe('—');
    expect(onDemandFigure({ batch: 0, all: 0 }, 'count', () => '0 / 0')).toBe('—');
  });
});
