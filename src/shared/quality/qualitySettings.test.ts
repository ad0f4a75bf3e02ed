import { describe, expect, it } from 'vitest';
import {
  fullLabel,
  METRICS,
  METRIC_KEYS,
  metricInfo,
  rougeMetricKey,
  judgeMetricKey,
  type MetricKey,
} from './metricKeys';
import {
  barFor,
  defaultJudgeSettings,
  defaultQualitySettings,
  JudgeSettingsSchema,
  QualitySettingsSchema,
} from './qualitySettings';

describe('metric catalog', () => {
  it('has one entry per key, with its scale', () => {
    expect(METRICS.map((m) => m.key)).toEqual([...METRIC_KEYS]);
    expect(rougeMetricKey('rougeLsum', 'teacher')).toBe('rougeLsum@teacher');
    expect(judgeMetricKey('fluency')).toBe('judge.fluency');
    expect(metricInfo('rouge2@teacher')).toMatchObject({ min: 0, max: 1, teacherScored: false });
    expect(metricInfo('judge.overall')).toMatchObject({ min: 1, max: 5, source: 'judge' });
    expect(metricInfo('human.rating')).toMatchObject({ source: 'human', defaultBar: 3 });
    expect(fullLabel(metricInfo('judge.coverage'))).toBe('LLM judge · Coverage');
    expect(fullLabel(metricInfo('rougeL@teacher'))).toBe('ROUGE vs teacher · ROUGE-L F1');
  });
});

describe('quality settings', () => {
  it('defaults validate and bars fall back to the metric default', () => {
    const s = defaultQualitySettings();
    expect(QualitySettingsSchema.parse(s)).toEqual(s);
    expect(barFor(s, 'rougeL@reference')).toBe(0.3);
    expect(barFor({ ...s, bars: { 'rougeL@reference': 0.45 } }, 'rougeL@reference')).toBe(0.45);
  });

  it('gives each ROUGE variant its own pass mark', () => {
    const s = defaultQualitySettings();
    const marks = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'].map((t) =>
      barFor(s, `${t}@reference` as MetricKey),
    );
    expect(new Set(marks).size).toBe(4);
    expect(barFor(s, 'rouge2@reference')).toBeLessThan(barFor(s, 'rouge1@reference'));
  });

  it('refuses a pass mark outside its metric’s scale, naming the metric', () => {
    const bad = QualitySettingsSchema.safeParse({
      ...defaultQualitySettings(),
      bars: { 'rouge2@reference': 1.5 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(
      'Pass mark for ROUGE vs reference · ROUGE-2 F1 must be between 0 and 1 (got 1.5).',
    );
    expect(bad.error?.issues[0]?.path).toEqual(['bars', 'rouge2@reference']);
    const rating = QualitySettingsSchema.safeParse({
      ...defaultQualitySettings(),
      bars: { 'human.rating': 0 },
    });
    expect(rating.error?.issues[0]?.message).toContain('Your ratings · Rating (1–5)');
  });

  it('reads settings stored before the decision settings as the defaults', () => {
    const { decision: _, ...stored } = defaultQualitySettings();
    expect(QualitySettingsSchema.parse(stored).decision).toEqual({
      decisive: {},
      tolerances: {},
      rougeType: 'rougeL',
    });
  });

  it('stems ROUGE by default, reads settings stored before the choice as stemmed, keeps "off"', () => {
    expect(defaultQualitySettings().rougeStemmed).toBe(true);
    const { rougeStemmed: _, ...stored } = defaultQualitySettings();
    expect(QualitySettingsSchema.parse(stored).rougeStemmed).toBe(true);
    const off = { ...defaultQualitySettings(), rougeStemmed: false };
    expect(QualitySettingsSchema.parse(JSON.parse(JSON.stringify(off)))).toEqual(off);
    expect(QualitySettingsSchema.safeParse({ ...off, rougeStemmed: 'no' }).success).toBe(false);
  });

  it('rejects a prompt without its placeholders and an unknown metric bar', () => {
    const judge = defaultJudgeSettings('us-east-1', {
      inputUsdPer1k: 0.003,
      outputUsdPer1k: 0.015,
      source: 'catalog',
    });
    expect(JudgeSettingsSchema.safeParse(judge).success).toBe(true);
    const broken = JudgeSettingsSchema.safeParse({ ...judge, scorePrompt: 'Rate {{output}}' });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]?.message).toContain('{{rubric}}');
    expect(
      QualitySettingsSchema.safeParse({ ...defaultQualitySettings(), bars: { nope: 1 } }).success,
    ).toBe(false);
  });
});
