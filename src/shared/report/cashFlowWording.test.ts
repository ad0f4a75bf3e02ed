import { describe, expect, it } from 'vitest';
import { computeRoi } from '../roi/computeRoi';
import { makeScenario } from '../roi/scenarioFixtures';
import { scenarioSection } from './scenarioSection';

const describeCashFlow = (patch: Parameters<typeof makeScenario>[0]) => {
  const scenario = makeScenario(patch);
  const { section } = scenarioSection({ id: null, name: 'x', origin: 'saved', scenario }, []);
  return { text: section.cashFlow.description, roi: computeRoi(scenario) };
};

describe('the cash-flow wording follows the horizon', () => {
  it('says a payback after the horizon is after it, not that the flow stays negative for 120 months', () => {
    // Engineering of $24,000: the payback comes well after the 24-month horizon.
    const { text, roi } = describeCashFlow({ engineering: { hours: 240, usdPerHour: 100 } });
    expect(roi.payback.kind === 'month' && roi.payback.months > 24).toBe(true);
    expect(text).toMatch(
      /stays negative over the 24 months shown \(it turns positive after [\d.]+ months\)/,
    );
    expect(text).not.toContain('120 months');
  });

  it('says so when it never turns positive', () => {
    const { text, roi } = describeCashFlow({ volume: { requestsPerMonth: 10, monthlyGrowth: 0 } });
    expect(roi.payback.kind).toBe('never');
    expect(text).toContain(
      'stays negative over the 24 months shown and does not turn positive within 10 years',
    );
  });

  it('says when it turns positive within the horizon', () => {
    const { text } = describeCashFlow({});
    expect(text).toMatch(/turns positive after [\d.]+ months, and reaches/);
  });
});
