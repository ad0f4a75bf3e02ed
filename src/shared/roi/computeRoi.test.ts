import { describe, expect, it } from 'vitest';
import { requests } from '../units';
import { computeRoi } from './computeRoi';
import { seedStudyScenario } from './scenarioBuilders';
import { makeScenario, WORKED_EXAMPLE } from './scenarioFixtures';

const rel = (actual: number, expected: number) =>
  expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);

// The worked example by hand: c_T = (1000·0.003 + 200·0.015)/1000, c_S = (1000·0.00025 +
// 250·0.00125)/1000, q = (0.05 − 0.02)·0.1, s = 2, I = 60 + 96 + 4000, V = 100,000, H = 24.
const cT = 0.006;
const cS = 0.0005625;
const q = 0.003;
const V = 100_000;
const I = 4156;
const S = V * (cT - cS - q) - 2;

describe('computeRoi on the worked example', () => {
  const r = computeRoi(makeScenario());

  it('gives per-request and first-month figures', () => {
    expect(rel(r.perRequest.teacherUsd, cT)).toBeLessThan(1e-12);
    expect(rel(r.perRequest.studentUsd ?? 0, cS)).toBeLessThan(1e-12);
    expect(rel(r.perRequest.teacherToStudentRatio ?? 0, cT / cS)).toBeLessThan(1e-12);
    expect(rel(r.firstMonth.teacherCostUsd, 600)).toBeLessThan(1e-12);
    expect(rel(r.firstMonth.studentCostUsd, V * cS + 2)).toBeLessThan(1e-12);
    expect(rel(r.firstMonth.qualityCostUsd, 300)).toBeLessThan(1e-12);
    expect(rel(r.firstMonth.savingUsd, S)).toBeLessThan(1e-12);
    // The headline share is the cost saving alone; the quality cost is its own line.
    expect(rel(r.firstMonth.costSavingUsd, 600 - (V * cS + 2))).toBeLessThan(1e-12);
    expect(rel(r.firstMonth.savingShareOfTeacher ?? 0, (600 - (V * cS + 2)) / 600)).toBeLessThan(
      1e-12,
    );
    expect(rel(r.qualityMoney.firstMonthUsd, -300)).toBeLessThan(1e-12);
  });

  it('gives investment, NPV, payback, ROI and break-even', () => {
    expect(rel(r.investment.totalUsd, I)).toBeLessThan(1e-12);
    expect(r.monthly).toHaveLength(24);
    expect(rel(r.horizonTotals.savingUsd, 24 * S)).toBeLessThan(1e-12);
    expect(rel(r.npvUsd, 24 * S - I)).toBeLessThan(1e-9);
    // CF(17) = −4156 + 17 · 241.75 = −46.25, so 46.25 / 241.75 of month 18 is needed.
    expect(r.payback.kind === 'month' && r.payback.months).toBeCloseTo(17 + 46.25 / 241.75, 9);
    expect(r.roi.kind === 'ratio' && r.roi.value).toBeCloseTo((24 * S - I) / I, 9);
    const vStar = (2 + I / 24) / (cT - cS - q);
    expect(r.breakEven.kind === 'volume' && rel(r.breakEven.requestsPerMonth, vStar)).toBeLessThan(
      1e-9,
    );
    // The worked example is a Claude pair served at the base price: nothing Bedrock sells.
    expect(r.warnings.map((w) => w.code)).toEqual(['notOfferedByBedrock', 'notOfferedByBedrock']);
    expect(r.warnings.map((w) => w.message).join(' ')).toMatch(/Anthropic.*base model's on-demand/);
    expect(r.utilization).toBeNull();
  });

  it("reports the seed's ratio with quality loss relative to the teacher's pass rate", () => {
    expect(r.seedRatio.kind).toBe('ratio');
    const expected = (600 - (V * cS + 2)) / 600 / (0.03 / 0.98);
    expect(r.seedRatio.kind === 'ratio' && rel(r.seedRatio.value, expected)).toBeLessThan(1e-9);
  });

  it('draws cost-vs-volume lines that cross at V*', () => {
    const chart = r.charts.costVsVolume;
    expect(chart.points).toHaveLength(41);
    expect(chart.points[0]?.teacherUsd).toBe(0);
    expect(rel(chart.points[0]?.studentUsd ?? 0, 2 + I / 24)).toBeLessThan(1e-12);
    const mark = chart.breakEven;
    if (!mark) throw new Error('expected a break-even mark');
    const studentThere = 2 + I / 24 + mark.requestsPerMonth * (cS + q);
    expect(rel(mark.monthlyUsd, studentThere)).toBeLessThan(1e-9);
    const last = chart.points[chart.points.length - 1];
    expect(last?.requestsPerMonth).toBe(2 * V);
  });

  it('runs the cash-flow chart over the horizon when payback falls inside it', () => {
    const cf = r.charts.cashFlow;
    expect(cf.points).toHaveLength(25);
    expect(cf.points[0]).toEqual({ month: 0, cumulativeUsd: -I });
    expect(cf.payback?.months).toBeCloseTo(17.1913, 4);
  });
});

describe('computeRoi in other set-ups', () => {
  it('extends the cash-flow chart to a payback beyond a 12-month horizon', () => {
    const r = computeRoi(makeScenario({ finance: { yearlyDiscountRate: 0, horizonMonths: 12 } }));
    expect(r.charts.cashFlow.points).toHaveLength(19);
    expect(r.charts.cashFlow.horizonMonths).toBe(12);
    expect(rel(r.npvUsd, 12 * S - I)).toBeLessThan(1e-9);
  });

  it('reproduces the seed study: 6.58×, no investment, immediate payback', () => {
    const r = computeRoi(seedStudyScenario(requests(100_000)));
    expect(rel(r.perRequest.teacherUsd, 0.00046985)).toBeLessThan(1e-12);
    expect(rel(r.perRequest.studentUsd ?? 0, 0.0000714)).toBeLessThan(1e-12);
    expect(r.perRequest.teacherToStudentRatio?.toFixed(2)).toBe('6.58');
    expect(r.roi.kind).toBe('undefined');
    expect(r.payback).toEqual({ kind: 'month', months: 0 });
    expect(r.seedRatio.kind).toBe('noQualityLoss');
    expect(r.breakEven).toEqual({ kind: 'volume', requestsPerMonth: 0 });
  });

  it('applies a batch share to both sides alike unless the teacher share is set apart', () => {
    const batchStudent = { ...WORKED_EXAMPLE.student, serving: { kind: 'batch', batchShare: 0.5 } };
    const r = computeRoi(makeScenario({ student: batchStudent as typeof WORKED_EXAMPLE.student }));
    expect(rel(r.perRequest.studentUsd ?? 0, cS * (1 - 0.5 + 0.5 * 0.5))).toBeLessThan(1e-12);
    expect(rel(r.perRequest.teacherUsd, cT * 0.75)).toBeLessThan(1e-12);
    expect(r.batch).toMatchObject({ teacher: 0.5, student: 0.5, setApart: false });
    expect(r.batch?.savingFromBatchUsd).toBe(0);
    expect(r.batch?.notes.join(' ')).toContain('within hours');

    const apart = computeRoi(
      makeScenario({
        teacher: { ...WORKED_EXAMPLE.teacher, batchShare: 0 },
        student: batchStudent as typeof WORKED_EXAMPLE.student,
      }),
    );
    expect(rel(apart.perRequest.teacherUsd, cT)).toBeLessThan(1e-12);
    // V · c_T · (β_S − β_T) · (1 − b_T) = 100,000 · 0.006 · 0.5 · 0.5.
    expect(apart.batch?.savingFromBatchUsd).toBeCloseTo(150, 9);
    expect(apart.firstMonth.savingUsd - r.firstMonth.savingUsd).toBeCloseTo(150, 9);
    expect(apart.batch?.notes.join(' ')).toContain('$150');
  });

  it("applies the teacher's own batch share to the teacher", () => {
    const teacher = { ...WORKED_EXAMPLE.teacher, batchShare: 0.5 };
    const r = computeRoi(makeScenario({ teacher }));
    // Half the traffic at half price: c_T · 0.75; the student is untouched.
    expect(rel(r.perRequest.teacherUsd, cT * 0.75)).toBeLessThan(1e-12);
    expect(rel(r.perRequest.studentUsd ?? 0, cS)).toBeLessThan(1e-12);
  });

  it('prices a provisioned student by the hour and checks its utilization', () => {
    const student = {
      ...WORKED_EXAMPLE.student,
      serving: {
        kind: 'provisioned' as const,
        modelUnits: 2,
        usdPerHourPerUnit: 20,
        term: 'noCommitment' as const,
        capacityTokensPerMinutePerUnit: 2000,
        unitsFollowVolume: false,
      },
    };
    const r = computeRoi(makeScenario({ student }));
    expect(r.perRequest.studentUsd).toBeNull();
    expect(r.firstMonth.studentCostUsd).toBe(2 * 20 * 730 + 2);
    expect(r.payback.kind).toBe('never');
    const vStar = (2 * 20 * 730 + 2 + I / 24) / (cT - q);
    expect(r.breakEven.kind === 'volume' && rel(r.breakEven.requestsPerMonth, vStar)).toBeLessThan(
      1e-9,
    );
    expect(r.utilization?.firstMonth).toBeCloseTo((V * 1250) / (730 * 60) / 4000, 12);
    expect(r.warnings.map((w) => w.code)).toEqual(['notOfferedByBedrock', 'noCommitmentLimits']);
  });

  it('grows volume month by month', () => {
    const r = computeRoi(makeScenario({ volume: { requestsPerMonth: V, monthlyGrowth: 0.05 } }));
    expect(r.monthly[2]?.volume).toBeCloseTo(V * 1.05 ** 2, 6);
  });

  it('carries the high end of the quality CI into a pessimistic case', () => {
    const quality = { ...WORKED_EXAMPLE.quality, studentFailureShareCi: { low: 0.03, high: 0.08 } };
    const r = computeRoi(makeScenario({ quality }));
    const p = r.pessimistic;
    if (!p) throw new Error('expected a pessimistic case');
    expect(p.studentFailureShare).toBe(0.08);
    // q = (0.08 − 0.02) · 0.1 = 0.006 ≥ c_T − c_S: the student never pays back.
    expect(p.breakEven.kind).toBe('none');
    expect(p.payback.kind).toBe('never');
    expect(rel(p.firstMonthSavingUsd, V * (cT - cS - 0.006) - 2)).toBeLessThan(1e-9);
    expect(p.note).toMatch(/8\.0% instead of 5\.0%/);
    expect(computeRoi(makeScenario()).pessimistic).toBeNull();
  });
});

describe('what computeRoi says about its assumptions', () => {
  it('labels the distilled student’s failure share as an assumption or as the analyst’s estimate', () => {
    const assumed = computeRoi(makeScenario()).studentQuality;
    expect(assumed).toMatchObject({ basis: 'assumedSameAsBase', failureShare: 0.05 });
    expect(assumed.note).toMatch(/^Assumption: the distilled student keeps/);
    const typed = computeRoi(
      makeScenario({ quality: { ...WORKED_EXAMPLE.quality, expectedDistilledFailureShare: 0.03 } }),
    );
    expect(typed.studentQuality).toMatchObject({ basis: 'expectedDistilled', failureShare: 0.03 });
    // q = (0.03 − 0.02) · 0.1 = 0.001 instead of 0.003: $200 a month more at 100,000 requests.
    expect(
      typed.firstMonth.savingUsd - computeRoi(makeScenario()).firstMonth.savingUsd,
    ).toBeCloseTo(200, 9);
    // The measured interval says nothing of a typed expectation: no pessimistic case from it.
    const withCi = {
      ...WORKED_EXAMPLE.quality,
      studentFailureShareCi: { low: 0.03, high: 0.08 },
      expectedDistilledFailureShare: 0.03,
    };
    expect(computeRoi(makeScenario({ quality: withCi })).pessimistic).toBeNull();
    const seed = computeRoi(makeScenario({ distillation: { kind: 'baseModelAsIs' } }));
    expect(seed.studentQuality).toMatchObject({ basis: 'measured', note: null });
  });

  it('says when a teacher batch share set apart lowers the saving', () => {
    const r = computeRoi(makeScenario({ teacher: { ...WORKED_EXAMPLE.teacher, batchShare: 0.5 } }));
    expect(r.batch?.setApart).toBe(true);
    expect(r.batch?.savingFromBatchUsd).toBeCloseTo(-150, 9);
    expect(r.batch?.notes[1]).toContain("lowers the first month's saving by $150");
  });
});
