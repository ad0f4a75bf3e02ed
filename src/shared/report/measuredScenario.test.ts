import { describe, expect, it } from 'vitest';
import { tokenSamplesByModel } from '../roi/evidence';
import { tokenProfileOf } from '../roi/measurements';
import { DEFAULT_REQUESTS_PER_MONTH, measuredScenario } from './measuredScenario';
import { qualityGap } from './qualityGap';
import { S, T, testExperiment, testParagraphs, testQuality, testRuns } from './testing/reportInput';

const e = testExperiment();
const paragraphs = testParagraphs(20);
const runs = testRuns(paragraphs, [T, S]);

describe('the measured scenario', () => {
  it('has the measured tokens, the experiment’s prices and the measured failure shares', () => {
    const quality = testQuality(e, paragraphs, runs);
    const s = measuredScenario(e.config, S, runs, qualityGap(quality, S));
    expect(s.volume.requestsPerMonth).toBe(DEFAULT_REQUESTS_PER_MONTH);
    expect(s.teacher).toMatchObject({ inputTokensPerRequest: 69, outputTokensPerRequest: 82 });
    expect(s.student).toMatchObject({ inputTokensPerRequest: 69, outputTokensPerRequest: 73 });
    expect(s.teacher.price).toMatchObject({
      inputUsdPer1k: 0.00265,
      source: 'third-party registry (genai-prices), 2026-11-24, not from AWS',
      origin: { kind: 'catalog' },
    });
    // The report tells a typed price by its origin.
    expect(s.student.price.origin).toEqual({ kind: 'typed', asOf: '2026-11-24', note: 'typed in' });
    expect(s.student.price.source).toBe('typed for this experiment, 2026-11-24: typed in');
    // The student fails every fifth paragraph, the teacher none.
    expect(s.quality).toMatchObject({ teacherFailureShare: 0, studentFailureShare: 0.2 });
    expect(s.quality.studentFailureShareCi).toBeDefined();
  });

  it('takes the calculator’s token profile: both means over the calls that reported both', () => {
    const partial = runs.map((r, i) =>
      i === 3 ? { ...r, inputTokens: 500, outputTokens: null } : r,
    );
    const s = measuredScenario(e.config, S, partial, qualityGap(null, S));
    const profile = tokenProfileOf({ models: tokenSamplesByModel(e, partial) }, S);
    expect(s.student.inputTokensPerRequest).toBe(profile?.inputTokens);
    expect(s.student.inputTokensPerRequest).toBe(69);
  });

  it('assumes no failures, and no interval, where none were measured', () => {
    const s = measuredScenario(e.config, S, runs, qualityGap(null, S));
    expect(s.quality).toEqual({ teacherFailureShare: 0, studentFailureShare: 0, usdPerFailure: 0 });
  });
});
