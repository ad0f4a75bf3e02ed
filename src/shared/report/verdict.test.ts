import { describe, expect, it } from 'vitest';
import { computeRoi } from '../roi/computeRoi';
import { makeScenario } from '../roi/scenarioFixtures';
import type { QualityGap } from './qualityGap';
import { decide, QUALITY_TOLERANCE } from './verdict';

const gap = (teacherShare: number, studentShare: number): QualityGap => ({
  kind: 'estimate',
  metric: 'rougeL@reference',
  label: 'ROUGE-L F1',
  bar: 0.3,
  decimals: 3,
  n: 50,
  teacherShare,
  studentShare,
  studentCi: { low: studentShare - 0.02, high: studentShare + 0.02 },
  difference: { value: studentShare - teacherShare, ci: { low: -0.01, high: 0.06 } },
  meanDifference: null,
});

describe('the answer on the cover', () => {
  const s = makeScenario();
  const roi = computeRoi(s);

  it('is yes when the move saves, pays back within the horizon and quality is within tolerance', () => {
    const v = decide(s, roi, gap(0.05, 0.05 + QUALITY_TOLERANCE));
    expect(v.verdict).toBe('yes');
    expect(v.answer).toBe('Yes: move to Claude 3 Haiku');
    expect(v.detail).toContain('5.0 pts more often');
  });

  it('says when the student fails as often as, or less often than, the teacher', () => {
    expect(decide(s, roi, gap(0.05, 0.05)).detail).toContain(
      'fails the quality bar as often as Claude 3.5 Sonnet',
    );
    expect(decide(s, roi, gap(0.05, 0.03)).detail).toContain('2.0 pts less often');
  });

  it('is no beyond the tolerance, and says by how much', () => {
    const v = decide(s, roi, gap(0.05, 0.16));
    expect(v.verdict).toBe('no');
    expect(v.detail).toContain('11.0 pts more often');
  });

  it('is no when the student saves nothing, whatever its quality', () => {
    const costly = makeScenario({ volume: { requestsPerMonth: 10, monthlyGrowth: 0 } });
    expect(decide(costly, computeRoi(costly), gap(0.05, 0.05)).verdict).toBe('no');
  });

  it('is "not yet" without a quality measurement', () => {
    expect(decide(s, roi, { kind: 'none' }).verdict).toBe('unclear');
    expect(
      decide(s, roi, { kind: 'insufficient', metric: 'rougeL@reference', label: 'x', n: 3 }).detail,
    ).toContain('too few scored paragraphs');
  });
});
