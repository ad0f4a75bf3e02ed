import { describe, expect, it } from 'vitest';
import { computeRoi } from './computeRoi';
import { makeScenario, WORKED_EXAMPLE } from './scenarioFixtures';
import { sensitivity } from './sensitivity';

// Worked example: margin per request 0.0024375, V = 100,000, H = 24, I = 4,156 (by hand).
const MARGIN = 0.006 - 0.0005625 - 0.003;

describe('sensitivity (tornado)', () => {
  const s = makeScenario();
  const t = sensitivity(s);
  const row = (key: string) => t.byNpv.find((r) => r.key === key);

  it('starts from the same base as computeRoi', () => {
    const r = computeRoi(s);
    expect(t.baseNpvUsd).toBe(r.npvUsd);
    expect(t.baseMonthlySavingUsd).toBe(r.firstMonth.savingUsd);
  });

  it('moves volume ±20 %: NPV spread 24 · 40,000 · margin', () => {
    const v = row('requestsPerMonth');
    expect(v?.lowValue).toBeCloseTo(80_000, 9);
    expect(v?.highValue).toBeCloseTo(120_000, 9);
    expect(v?.npvSpreadUsd).toBeCloseTo(24 * 40_000 * MARGIN, 6);
    expect(v?.savingSpreadUsd).toBeCloseTo(40_000 * MARGIN, 6);
  });

  it('puts the widest input first: the student failure share, 24 · 100,000 · 0.02 · $0.1', () => {
    // Distilled: the row moves the expected share (here the base student's, standing in).
    expect(t.byNpv[0]?.key).toBe('expectedDistilledFailureShare');
    expect(t.byNpv.some((r) => r.key === 'studentFailureShare')).toBe(false);
    expect(t.byNpv[0]?.npvSpreadUsd).toBeCloseTo(24 * 100_000 * 0.02 * 0.1, 6);
    for (let i = 1; i < t.byNpv.length; i += 1) {
      expect(t.byNpv[i - 1]?.npvSpreadUsd).toBeGreaterThanOrEqual(t.byNpv[i]?.npvSpreadUsd ?? 0);
      expect(t.byMonthlySaving[i - 1]?.savingSpreadUsd).toBeGreaterThanOrEqual(
        t.byMonthlySaving[i]?.savingSpreadUsd ?? 0,
      );
    }
  });

  it('ranks one-off costs by NPV but last by monthly saving', () => {
    const hours = row('engineeringHours');
    expect(hours?.npvSpreadUsd).toBeCloseTo(0.4 * 4000, 9);
    expect(hours?.savingSpreadUsd).toBe(0);
    expect(t.byMonthlySaving.findIndex((r) => r.key === 'engineeringHours')).toBeGreaterThan(
      t.byMonthlySaving.findIndex((r) => r.key === 'requestsPerMonth'),
    );
  });

  it('leaves out inputs that do nothing here or have no width', () => {
    const keys = t.byNpv.map((r) => r.key);
    for (const absent of [
      'provisionedHourlyRate',
      'studentBatchShare',
      'studentBatchMultiplier',
      'teacherBatchMultiplier',
      'teacherBatchShare',
      'monthlyGrowth',
      'discountRate',
    ]) {
      expect(keys).not.toContain(absent);
    }
    expect(keys).toContain('storage');
  });

  it('uses a range the user sets, in the input’s own unit', () => {
    const custom = sensitivity(s, { ranges: { requestsPerMonth: { low: 50_000, high: 150_000 } } });
    expect(custom.byNpv[0]?.key).toBe('requestsPerMonth');
    expect(custom.byNpv[0]?.npvSpreadUsd).toBeCloseTo(24 * 100_000 * MARGIN, 6);
  });

  it('scales with rangePct and clamps shares to [0, 1]', () => {
    const narrow = sensitivity(s, { rangePct: 0.1 });
    expect(narrow.byNpv.find((r) => r.key === 'requestsPerMonth')?.npvSpreadUsd).toBeCloseTo(
      24 * 20_000 * MARGIN,
      6,
    );
    const wide = sensitivity(s, { rangePct: 2 });
    const f = wide.byNpv.find((r) => r.key === 'expectedDistilledFailureShare');
    expect(f?.lowValue).toBe(0);
    expect(f?.highValue).toBeCloseTo(0.15, 12);
  });

  it('does not touch the scenario it is given', () => {
    const before = JSON.stringify(s);
    sensitivity(s, { rangePct: 0.5 });
    expect(JSON.stringify(s)).toBe(before);
  });

  it('moves the hourly rate for a provisioned student and leaves its token prices alone', () => {
    const provisioned = makeScenario({
      student: {
        ...WORKED_EXAMPLE.student,
        serving: {
          kind: 'provisioned',
          modelUnits: 2,
          usdPerHourPerUnit: 20,
          term: 'oneMonth',
          capacityTokensPerMinutePerUnit: 2000,
        },
      },
    });
    const keys = sensitivity(provisioned).byNpv.map((r) => r.key);
    expect(keys).toContain('provisionedHourlyRate');
    expect(keys).not.toContain('studentInputPrice');
    const rate = sensitivity(provisioned).byNpv.find((r) => r.key === 'provisionedHourlyRate');
    // ±20 % of 2 × $20 × 730 h a month, over 24 months.
    expect(rate?.npvSpreadUsd).toBeCloseTo(0.4 * 2 * 20 * 730 * 24, 6);
  });
});
