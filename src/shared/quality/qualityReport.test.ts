import { describe, expect, it } from 'vitest';
import type { RunSample } from '../metrics';
import {
  buildQualityReport,
  excerpt,
  judgeSummary,
  type QualityReportInput,
} from './qualityReport';
import { costQualityPoints } from './chartData';
import { defaultQualitySettings } from './qualitySettings';
import type { ScoreRow } from './scoreTable';

const T = 'teacher-model';
const S = 'student-model';

function input(n: number, over: Partial<QualityReportInput> = {}): QualityReportInput {
  const paragraphs = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    position: i,
    text: `Paragraph ${i}`,
    reference: i % 2 === 0 ? `Ref ${i}` : null,
  }));
  const scores: ScoreRow[] = paragraphs.flatMap((p, i) => [
    {
      paragraphId: p.id,
      modelId: T,
      runId: `t${i}`,
      source: 'rouge',
      metric: 'rougeL@reference',
      value: 0.5 + i / 100,
      createdBy: null,
      promptId: null,
    },
    {
      paragraphId: p.id,
      modelId: S,
      runId: `s${i}`,
      source: 'rouge',
      metric: 'rougeL@reference',
      value: 0.4 + i / 100,
      createdBy: null,
      promptId: null,
    },
    {
      paragraphId: p.id,
      modelId: S,
      runId: `s${i}`,
      source: 'rouge',
      metric: 'rougeL@teacher',
      value: i % 3 === 0 ? 0.2 : 0.7,
      createdBy: null,
      promptId: null,
    },
  ]);
  const run = (modelId: string, costUsd: number): RunSample => ({
    modelId,
    status: 'ok',
    inputTokens: 10,
    outputTokens: 10,
    e2eMs: 100,
    serverMs: 90,
    ttftMs: null,
    costUsd,
  });
  return {
    experimentId: 'e1',
    experimentName: 'Exp',
    teacherModelId: T,
    studentModelIds: [S],
    paragraphs,
    scores,
    runs: [run(T, 0.002), run(T, 0.004), run(S, 0.001)],
    judgeCalls: [],
    judgePrompt: null,
    settings: defaultQualitySettings(),
    rougeStemmed: true,
    ...over,
  };
}

describe('buildQualityReport', () => {
  it('gives means with intervals, the paired difference and the win rate', () => {
    const r = buildQualityReport(input(10));
    const m = r.metrics.find((x) => x.key === 'rougeL@reference');
    if (!m) throw new Error('missing metric');
    const teacher = m.perModel.find((x) => x.modelId === T);
    expect(teacher?.mean).toMatchObject({
      kind: 'estimate',
      n: 10,
      mean: expect.closeTo(0.545, 12),
    });
    const s = m.perStudent[0];
    expect(s?.difference).toMatchObject({
      kind: 'estimate',
      n: 10,
      mean: expect.closeTo(-0.1, 12),
    });
    // A constant gap: every paired resample has exactly that difference.
    if (s?.difference?.kind === 'estimate') {
      expect(s.difference.ci.low).toBeCloseTo(-0.1, 12);
      expect(s.difference.ci.high).toBeCloseTo(-0.1, 12);
    }
    expect(s?.winRate).toMatchObject({ kind: 'estimate', wins: 0, losses: 10 });
    expect(r.options).toEqual({
      seed: 20240601,
      resamples: 2000,
      confidence: 0.95,
      minParagraphs: 5,
      rougeStemmed: true,
    });
  });

  it('says "insufficient" below five paragraphs instead of inventing an interval', () => {
    const r = buildQualityReport(input(4));
    const m = r.metrics.find((x) => x.key === 'rougeL@reference');
    expect(m?.perModel[0]?.mean).toEqual({ kind: 'insufficient', n: 4 });
    expect(m?.perStudent[0]?.difference).toEqual({ kind: 'insufficient', n: 4 });
    expect(m?.perStudent[0]?.winRate).toEqual({ kind: 'insufficient', n: 4 });
    expect(m?.perStudent[0]?.failureShares).toEqual({ kind: 'insufficient', n: 4 });
  });

  it('leaves the teacher out of metrics where it is the target', () => {
    const r = buildQualityReport(input(9));
    const m = r.metrics.find((x) => x.key === 'rougeL@teacher');
    expect(m?.perModel.map((x) => x.modelId)).toEqual([S]);
    expect(m?.perStudent[0]).toEqual({
      modelId: S,
      difference: null,
      winRate: null,
      failureShares: null,
    });
    // Paragraphs 0, 3, 6 score 0.2, under the default bar of 0.3.
    expect(m?.perModel[0]?.failure).toMatchObject({ kind: 'estimate', failures: 3, share: 3 / 9 });
  });

  it('uses the analyst’s bar and seed', () => {
    const settings = { ...defaultQualitySettings(), seed: 5, bars: { 'rougeL@reference': 0.5 } };
    const r = buildQualityReport(input(10, { settings }));
    const m = r.metrics.find((x) => x.key === 'rougeL@reference');
    expect(m?.bar).toBe(0.5);
    expect(m?.perStudent[0]?.failureShares).toMatchObject({
      kind: 'estimate',
      teacher: { failures: 0 },
      student: { failures: 10 },
      difference: { value: 1 },
    });
    expect(r.options.seed).toBe(5);
  });

  it('shows judge scores of the current prompt only, and counts the judge cost apart', () => {
    const judge = (promptId: string, value: number): ScoreRow[] =>
      ['faithfulness', 'coverage', 'conciseness', 'fluency'].map((c) => ({
        paragraphId: 'p0',
        modelId: T,
        runId: 't0',
        source: 'judge',
        metric: `judge.${c}`,
        value,
        createdBy: null,
        promptId,
      }));
    const base = input(6);
    const r = buildQualityReport({
      ...base,
      scores: [...base.scores, ...judge('old', 1), ...judge('new', 4)],
      judgePrompt: { id: 'new', modelId: 'judge-m', createdAt: '2025-01-01T00:00:00Z' },
      judgeCalls: [
        { promptId: 'old', status: 'ok', costUsd: 0.01 },
        { promptId: 'new', status: 'ok', costUsd: 0.02 },
        { promptId: 'new', status: 'invalid', costUsd: 0.03 },
        { promptId: 'new', status: 'error', costUsd: null },
      ],
    });
    const overall = r.metrics.find((x) => x.key === 'judge.overall');
    expect(overall?.values[T]?.[0]).toBe(4);
    expect(r.judge).toEqual({
      promptId: 'new',
      modelId: 'judge-m',
      promptCreatedAt: '2025-01-01T00:00:00Z',
      answered: 1,
      failures: 1,
      errors: 1,
      costUsd: expect.closeTo(0.06, 12),
    });
    expect(r.comparisonCostUsd).toBeCloseTo(0.007, 12);
    expect(r.costs).toEqual([
      {
        modelId: T,
        role: 'teacher',
        calls: 2,
        errors: 0,
        costPer1kRequestsUsd: expect.closeTo(3, 9),
      },
      {
        modelId: S,
        role: 'student',
        calls: 1,
        errors: 0,
        costPer1kRequestsUsd: expect.closeTo(1, 9),
      },
    ]);
  });

  it('turns preferences into win rates and lists raters', () => {
    const base = input(6);
    const prefs: ScoreRow[] = base.paragraphs.map((p, i) => ({
      paragraphId: p.id,
      modelId: S,
      runId: `s${i}`,
      source: 'human',
      metric: 'human.preference',
      value: i < 3 ? 1 : 0.5,
      createdBy: i % 2 ? 'zoe' : 'ana',
      promptId: null,
    }));
    const r = buildQualityReport({ ...base, scores: [...base.scores, ...prefs] });
    const human = r.preferences.find((p) => p.source === 'human')?.perStudent[0];
    expect(human?.winRate).toMatchObject({ kind: 'estimate', n: 6, wins: 3, ties: 3, rate: 0.75 });
    expect(human?.verdicts).toEqual(['student', 'student', 'student', 'tie', 'tie', 'tie']);
    expect(r.raters).toEqual(['ana', 'zoe']);
    expect(r.preferences.find((p) => p.source === 'judge')?.perStudent[0]?.winRate).toEqual({
      kind: 'insufficient',
      n: 0,
    });
  });

  it('is reproducible from its seed', () => {
    expect(buildQualityReport(input(12))).toEqual(buildQualityReport(input(12)));
  });
});

describe('costQualityPoints (the cost–quality chart on screen and in the report)', () => {
  const metricOf = (r: ReturnType<typeof buildQualityReport>) => {
    const m = r.metrics.find((x) => x.key === 'rougeL@reference');
    if (!m) throw new Error('missing metric');
    return m;
  };

  it("places each model at its cost per 1,000 requests and its mean, with the mean's interval", () => {
    const r = buildQualityReport(input(10));
    const points = costQualityPoints(r.costs, metricOf(r));
    expect(points.map((p) => p.id)).toEqual([T, S]);
    const [teacher, student] = points;
    expect(teacher?.costPer1kRequestsUsd).toBeCloseTo(3, 9);
    expect(teacher?.quality).toBeCloseTo(0.545, 12);
    expect(student?.costPer1kRequestsUsd).toBeCloseTo(1, 9);
    expect(student?.quality).toBeCloseTo(0.445, 12);
    for (const p of points) {
      expect(p.interval).not.toBeNull();
      expect(p.interval!.low).toBeLessThanOrEqual(p.quality!);
      expect(p.interval!.high).toBeGreaterThanOrEqual(p.quality!);
    }
  });

  it('leaves out the mean below the paragraphs needed, and the cost of a model that never ran', () => {
    const base = input(3);
    const r = buildQualityReport({ ...base, runs: base.runs.filter((x) => x.modelId === T) });
    const [teacher, student] = costQualityPoints(r.costs, metricOf(r));
    expect(teacher).toMatchObject({ quality: null, interval: null });
    expect(teacher?.costPer1kRequestsUsd).toBeCloseTo(3, 9);
    expect(student).toMatchObject({ costPer1kRequestsUsd: null, quality: null, interval: null });
  });
});

describe('helpers', () => {
  it('shortens long paragraphs to one line', () => {
    expect(excerpt('a\n  b')).toBe('a b');
    const long = excerpt('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long.endsWith('…')).toBe(true);
  });

  it('has an empty judge summary before any judging', () => {
    expect(judgeSummary([], null)).toEqual({
      promptId: null,
      modelId: null,
      promptCreatedAt: null,
      answered: 0,
      failures: 0,
      errors: 0,
      costUsd: 0,
    });
  });
});
