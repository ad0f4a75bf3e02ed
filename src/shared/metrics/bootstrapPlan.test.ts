import { describe, expect, it } from 'vitest';
import {
  bootstrapMean,
  pairedBootstrap,
  planBootstrapMean,
  planPairedBootstrap,
} from './bootstrap';
import { BootstrapBatch } from './bootstrapPlan';
import {
  failureShare,
  pairedFailureShares,
  planFailureShare,
  planPairedFailureShares,
} from './failureShare';
import { createRng } from './random';

const data = createRng(4242);
/** Scores with gaps, as a model that failed some paragraphs leaves them. */
const withGaps = (n: number, missing: number) =>
  Array.from({ length: n }, () => (data.nextFloat() < missing ? null : data.nextFloat()));

describe('BootstrapBatch', () => {
  it('gives every figure exactly as computing it alone would', () => {
    const teacher = withGaps(60, 0);
    const student = withGaps(60, 0.1);
    const judge = withGaps(60, 0.5);
    const few = withGaps(60, 0.97);
    const seeds = [{ seed: 3 }, { seed: 8, resamples: 400 }];
    const batch = new BootstrapBatch();
    const planned = seeds.flatMap((o) => [
      { want: bootstrapMean(teacher, o), got: batch.add(planBootstrapMean(teacher, o)) },
      { want: bootstrapMean(judge, o), got: batch.add(planBootstrapMean(judge, o)) },
      { want: bootstrapMean(few, o), got: batch.add(planBootstrapMean(few, o)) },
      {
        want: pairedBootstrap(teacher, student, o),
        got: batch.add(planPairedBootstrap(teacher, student, o)),
      },
      {
        want: failureShare(student, { ...o, threshold: 0.4 }),
        got: batch.add(planFailureShare(student, { ...o, threshold: 0.4 })),
      },
      {
        want: pairedFailureShares(teacher, judge, { ...o, threshold: 0.5 }),
        got: batch.add(planPairedFailureShares(teacher, judge, { ...o, threshold: 0.5 })),
      },
    ]);
    batch.run();
    for (const { want, got } of planned) expect(got()).toStrictEqual(want);
    expect(planned.some(({ want }) => want.kind === 'insufficient')).toBe(true);
  });

  it('is read only after it has run, and takes no plan after', () => {
    const batch = new BootstrapBatch();
    const read = batch.add(planBootstrapMean([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]));
    expect(read).toThrow(/before run/);
    batch.run();
    expect(read().kind).toBe('estimate');
    expect(() => batch.add(planBootstrapMean([0.1]))).toThrow(/after run/);
  });
});
