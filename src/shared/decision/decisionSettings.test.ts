import { describe, expect, it } from 'vitest';
import {
  DecisionSettingsSchema,
  defaultDecisionSettings,
  defaultTolerance,
  isDecisive,
  sourceMetric,
  toleranceFor,
} from './decisionSettings';

describe('decision settings', () => {
  it('has a tolerance per metric, in the metric’s unit', () => {
    expect(defaultTolerance('human.rating')).toBe(0.25);
    expect(defaultTolerance('rouge2@reference')).toBeLessThan(defaultTolerance('rouge1@reference'));
    expect(sourceMetric('rougeReference', 'rouge2')).toBe('rouge2@reference');
    expect(sourceMetric('human', 'rougeL')).toBe('human.rating');
  });

  it('says whether a tolerance and a decisive flag are the analyst’s or the default', () => {
    const s = { ...defaultDecisionSettings(), tolerances: { 'human.rating': 0.5 } };
    expect(toleranceFor(s, 'human.rating')).toEqual({ value: 0.5, isDefault: false });
    expect(toleranceFor(s, 'judge.overall')).toEqual({ value: 0.25, isDefault: true });
    expect(isDecisive(s, 'human', true)).toEqual({ value: true, isDefault: true });
    expect(isDecisive(s, 'human', false)).toEqual({ value: false, isDefault: true });
    expect(isDecisive(s, 'rougeTeacher', true)).toEqual({ value: false, isDefault: true });
    const off = { ...s, decisive: { rougeReference: false } };
    expect(isDecisive(off, 'rougeReference', true)).toEqual({ value: false, isDefault: false });
  });

  it('refuses a tolerance outside its range with a message naming the field', () => {
    const negative = DecisionSettingsSchema.safeParse({ tolerances: { 'human.rating': -0.1 } });
    expect(negative.success).toBe(false);
    expect(negative.error?.issues[0]?.message).toBe(
      'Tolerance for Your ratings · Rating (1–5) must be between 0 and 4 (got -0.1).',
    );
    expect(negative.error?.issues[0]?.path).toEqual(['tolerances', 'human.rating']);
    const rouge = DecisionSettingsSchema.safeParse({ tolerances: { 'rougeL@reference': 2 } });
    expect(rouge.error?.issues[0]?.message).toContain('ROUGE vs reference · ROUGE-L F1');
    const unknown = DecisionSettingsSchema.safeParse({ tolerances: { 'judge.fluency': 0.1 } });
    expect(unknown.error?.issues[0]?.message).toBe('There is no tolerance for "judge.fluency".');
  });
});
