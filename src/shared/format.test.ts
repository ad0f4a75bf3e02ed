import { describe, expect, it } from 'vitest';
import { months, requests, usd } from './units';
import {
  formatAboveBreakEven,
  formatBreakEven,
  formatBreakEvenRequests,
  formatCompactNumber,
  formatCompactUsd,
  formatMonths,
  formatNumber,
  formatPayback,
  formatPercent,
  formatRatio,
  formatRoi,
  formatSeedRatio,
  formatUsd,
} from './format';

describe('formatUsd', () => {
  it('keeps the digits of a per-request cost instead of showing $0.00', () => {
    expect(formatUsd(0.0000714)).toBe('$0.0000714');
    expect(formatUsd(0.00046985)).toBe('$0.00046985');
    // Never fewer than 4 significant digits, whatever a caller asks for.
    expect(formatUsd(0.00046985, 3)).toBe('$0.0004699');
  });

  it("reproduces the seed study's figures exactly, and their ratio from the shown digits", () => {
    const teacher = (69 * 0.00265 + 82 * 0.0035) / 1000;
    const student = (69 * 0.0004 + 73 * 0.0006) / 1000;
    expect([formatUsd(teacher), formatUsd(student)]).toEqual(['$0.00046985', '$0.0000714']);
    expect(formatRatio(teacher / student)).toBe('6.58×');
    const shown = (s: string) => Number(s.replace('$', ''));
    expect(formatRatio(shown(formatUsd(teacher)) / shown(formatUsd(student)))).toBe('6.58×');
  });

  it('keeps small totals to four significant digits, so spent amounts compare truly', () => {
    expect(formatUsd(0.011247)).toBe('$0.011247');
    expect(formatUsd(0.0017098)).toBe('$0.0017098');
    expect(formatUsd(0.01)).toBe('$0.01');
    expect(formatUsd(0.999_999_9)).toBe('$1.00');
  });

  it('shows cents for ordinary amounts and whole dollars from $1,000', () => {
    expect(formatUsd(0.5)).toBe('$0.50');
    expect(formatUsd(241.75)).toBe('$241.75');
    expect(formatUsd(12_345.67)).toBe('$12,346');
    expect(formatUsd(-4156)).toBe('-$4,156');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(-0)).toBe('$0');
    expect(formatUsd(Number.NaN)).toBe('—');
  });
});

describe('other formats', () => {
  it('formats counts, shares and ratios', () => {
    expect(formatNumber(71_863.2)).toBe('71,863');
    expect(formatNumber(81.57, 1)).toBe('81.6');
    expect(formatPercent(0.84808)).toBe('84.8%');
    expect(formatPercent(0.05, 0)).toBe('5%');
    expect(formatRatio(6.580532)).toBe('6.58×');
  });

  it('formats months and payback', () => {
    expect(formatMonths(4.2667)).toBe('4.3 months');
    expect(formatMonths(1)).toBe('1.0 month');
    expect(formatPayback({ kind: 'month', months: months(17.19) })).toBe('17.2 months');
    expect(formatPayback({ kind: 'month', months: months(0) })).toBe('immediately');
    expect(formatPayback({ kind: 'never', searchedMonths: 120 })).toBe('never');
  });

  it('formats ROI, break-even and the seed ratio without ever showing infinity', () => {
    expect(formatRoi({ kind: 'ratio', value: 0.396 })).toBe('40%');
    expect(
      formatRoi({ kind: 'undefined', reason: 'noInvestment', totalSavingUsd: usd(1200) }),
    ).toBe('no investment: $1,200 saved over the horizon');
    expect(formatBreakEven({ kind: 'volume', requestsPerMonth: requests(71_863.2) })).toBe(
      '71,864 requests/month',
    );
    // Up, never to nearest: 71,863 requests a month would not yet pay back.
    expect(formatBreakEvenRequests(71_863.2)).toBe('71,864');
    expect(formatBreakEvenRequests(71_864)).toBe('71,864');
    expect(formatBreakEven({ kind: 'none', code: 'studentCostsMore', reason: 'x' })).toBe(
      'none: the student never pays back',
    );
    expect(formatBreakEven({ kind: 'none', code: 'beyondLargestVolume', reason: 'x' })).toBe(
      'none within 1e12 requests/month',
    );
    expect(formatAboveBreakEven({ kind: 'volume', requestsPerMonth: requests(5) })).toBeNull();
    expect(
      formatAboveBreakEven({
        kind: 'volume',
        requestsPerMonth: requests(1600),
        modelUnits: 2,
        above: {
          kind: 'fallsBehind',
          fromRequestsPerMonth: requests(2000),
          aheadAgainAt: requests(2400),
        },
      }),
    ).toBe(
      '2 provisioned unit(s) at break-even; above 2,000 requests/month the next unit puts the student behind again, until 2,400 requests/month.',
    );
    expect(
      formatRoi({ kind: 'undefined', reason: 'negligibleInvestment', totalSavingUsd: usd(5) }),
    ).toBe('investment under a cent: $5.00 saved over the horizon');
    expect(
      formatSeedRatio({ kind: 'ratio', value: 17, costSavingShare: 0.85, qualityLossShare: 0.05 }),
    ).toBe('17×');
    expect(
      formatSeedRatio({ kind: 'noQualityLoss', costSavingShare: 0.85, qualityLossShare: 0 }),
    ).toBe('no quality loss');
  });
});

describe('compact formats for chart axes', () => {
  it('keeps three significant digits and a short suffix', () => {
    expect(formatCompactNumber(1_500_000)).toBe('1.5M');
    expect(formatCompactNumber(250_000)).toBe('250K');
    expect(formatCompactNumber(12)).toBe('12');
    expect(formatCompactNumber(-0)).toBe('0');
    expect(formatCompactUsd(1_234_567)).toBe('$1.23M');
    expect(formatCompactUsd(-4_000)).toBe('-$4K');
    expect(formatCompactUsd(0.5)).toBe('$0.5');
    expect(formatCompactUsd(Number.NaN)).toBe('—');
  });
});
