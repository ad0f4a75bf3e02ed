/**
 * The analyst's decision settings through dispatch and the real store: a tolerance or pass mark
 * outside its range is refused with a message naming the field and nothing is saved; a valid
 * choice survives the round trip and changes the evidence the verdict weighs. Each core is
 * closed by the helper when its test ends.
 */
import { describe, expect, it } from 'vitest';
import { seededQualityCore as setup } from '../../../test/support/qualityCore';
import { studentEvidence } from '../../shared/decision/decisionEvidence';
import { defaultQualitySettings } from '../../shared/quality/qualitySettings';

describe('decision settings', () => {
  it('refuses a tolerance out of range, naming it, and saves nothing', async () => {
    const { call, value, seeded } = await setup(6);
    const bad = await call('saveQualitySettings', {
      experimentId: seeded.experimentId,
      settings: {
        ...defaultQualitySettings(),
        decision: { decisive: {}, tolerances: { 'human.rating': 9 }, rougeType: 'rougeL' },
      },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining(
          'Tolerance for Your ratings · Rating (1–5) must be between 0 and 4 (got 9).',
        ),
      },
    });
    const badBar = await call('saveQualitySettings', {
      experimentId: seeded.experimentId,
      settings: { ...defaultQualitySettings(), bars: { 'rouge1@reference': -0.1 } },
    });
    expect(badBar).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Pass mark for ROUGE vs reference · ROUGE-1 F1') },
    });
    const report = await value('getQualityReport', { experimentId: seeded.experimentId });
    expect(report.settings.decision).toEqual(defaultQualitySettings().decision);
  });

  it('keeps the analyst’s choice and marks it as not a default', async () => {
    const { value, seeded } = await setup(6);
    const decision = {
      decisive: { rougeReference: false },
      tolerances: { 'rouge2@reference': 0.05 },
      rougeType: 'rouge2' as const,
    };
    await value('saveQualitySettings', {
      experimentId: seeded.experimentId,
      settings: { ...defaultQualitySettings(), decision },
    });
    const report = await value('getQualityReport', { experimentId: seeded.experimentId });
    expect(report.settings.decision).toEqual(decision);
    const rouge = studentEvidence(report, seeded.students[0] as string).sources.find(
      (s) => s.source === 'rougeReference',
    );
    expect(rouge).toMatchObject({
      metric: 'rouge2@reference',
      decisive: false,
      decisiveIsDefault: false,
      tolerance: 0.05,
      toleranceIsDefault: false,
      n: 6,
    });
  });
});
