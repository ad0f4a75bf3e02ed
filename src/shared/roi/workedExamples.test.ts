/**
 * The three worked examples of issue 14, before and after: like-for-like batch, capacity that
 * grows with volume, and a 1e200 input refused with the field's name. "Before" figures are kept
 * reachable on purpose (teacher share set apart, units fixed) so the report can quote both.
 */
import { describe, expect, it } from 'vitest';
import { formatBreakEven, formatPayback, formatUsd } from '../format';
import { computeRoi } from './computeRoi';
import { ScenarioSchema, type ScenarioInput } from './scenario';
import { WORKED_EXAMPLE, makeScenario } from './scenarioFixtures';
import { scenarioProblems } from './scenarioProblems';

const batchStudent = {
  ...WORKED_EXAMPLE.student,
  serving: { kind: 'batch' as const, batchShare: 1 },
};

describe('batch, 24 months, both multipliers 0.5', () => {
  it('gives NPV $1,646 and payback 17.2 months without batch', () => {
    const r = computeRoi(makeScenario());
    expect(r.npvUsd).toBeCloseTo(1646, 6);
    expect(formatPayback(r.payback)).toBe('17.2 months');
    expect(r.batch).toBeNull();
  });

  it('is like-for-like by default: NPV −$4,879, never pays back', () => {
    const r = computeRoi(makeScenario({ student: batchStudent }));
    expect(r.npvUsd).toBeCloseTo(-4879, 6);
    expect(r.payback.kind).toBe('never');
    expect(r.batch).toMatchObject({ teacher: 1, student: 1, setApart: false });
    expect(r.batch?.notes[0]).toMatch(/within hours/);
  });

  it('gives the old $2,321 and 15.4 months only with the teacher set apart, and says why', () => {
    const r = computeRoi(
      makeScenario({
        teacher: { ...WORKED_EXAMPLE.teacher, batchShare: 0 },
        student: batchStudent,
      }),
    );
    expect(r.npvUsd).toBeCloseTo(2321, 6);
    expect(formatPayback(r.payback)).toBe('15.4 months');
    // 100,000 requests · $0.006 · (1 − 0) · (1 − 0.5): the discount, not the switch.
    expect(r.batch?.savingFromBatchUsd).toBeCloseTo(300, 9);
    expect(r.batch?.notes[1]).toContain(formatUsd(300));
  });
});

describe('capacity: 1 unit at $20/hour carrying 1,250 tokens a minute', () => {
  const provisioned = (unitsFollowVolume: boolean) =>
    makeScenario({
      student: {
        ...WORKED_EXAMPLE.student,
        serving: {
          kind: 'provisioned',
          modelUnits: 1,
          usdPerHourPerUnit: 20,
          term: 'oneMonth',
          capacityTokensPerMinutePerUnit: 1250,
          unitsFollowVolume,
        },
      },
    });

  it('before (units fixed): V* = 4,925,056 a month while one unit carries 43,800', () => {
    const r = computeRoi(provisioned(false));
    expect(r.breakEven.kind === 'volume' && Math.ceil(r.breakEven.requestsPerMonth)).toBe(
      4_925_056,
    );
    // 1,250 tokens a request: one unit carries 1,250 · 730 · 60 / 1,250 requests a month.
    const atStar = computeRoi(
      makeScenario({
        ...provisioned(false),
        volume: { requestsPerMonth: 4_925_056, monthlyGrowth: 0 },
      } as ScenarioInput),
    );
    expect(atStar.utilization?.unitsNeededAtPeak).toBe(113);
    expect(atStar.warnings.map((w) => w.code)).toContain('provisionedInsufficient');
  });

  it('after (units follow the volume): no break-even, since each unit costs more than it saves', () => {
    const r = computeRoi(provisioned(true));
    expect(r.breakEven).toMatchObject({ kind: 'none', code: 'unitsCostMoreThanTheyCarry' });
    expect(r.breakEven.kind === 'none' && r.breakEven.reason).toContain('43,800');
    expect(formatBreakEven(r.breakEven)).toBe('none: the student never pays back');
    // 100,000 requests need ⌈100,000 / 43,800⌉ = 3 units.
    expect(r.monthly[0]?.modelUnits).toBe(3);
    expect(r.firstMonth.studentCostUsd).toBeCloseTo(3 * 20 * 730 + 2, 9);
    expect(r.warnings.map((w) => w.code)).not.toContain('provisionedInsufficient');
  });
});

describe('1e200 anywhere is refused with the field’s name', () => {
  const base: ScenarioInput = {
    ...WORKED_EXAMPLE,
    student: {
      ...WORKED_EXAMPLE.student,
      serving: {
        kind: 'provisioned',
        modelUnits: 1,
        usdPerHourPerUnit: 20,
        term: 'oneMonth',
        capacityTokensPerMinutePerUnit: 1250,
        peakFactor: 1,
      },
    },
    quality: {
      ...WORKED_EXAMPLE.quality,
      expectedDistilledFailureShare: 0.04,
      studentFailureShareCi: { low: 0.03, high: 0.07 },
      failureShareDifferenceCi: { low: 0.01, high: 0.05 },
    },
    distillation: { ...WORKED_EXAMPLE.distillation, expansionFactor: 1 } as never,
  };

  /** Every numeric leaf of the scenario, as a path. */
  function numericPaths(node: unknown, prefix: string[] = []): string[][] {
    if (typeof node === 'number') return [prefix];
    if (typeof node !== 'object' || node === null) return [];
    return Object.entries(node).flatMap(([k, v]) => numericPaths(v, [...prefix, k]));
  }
  const withValue = (node: unknown, path: string[], value: number): unknown => {
    const [head, ...rest] = path;
    if (head === undefined) return value;
    const record = node as Record<string, unknown>;
    return { ...record, [head]: withValue(record[head], rest, value) };
  };

  const paths = numericPaths(base);

  it('covers every numeric input', () => {
    expect(ScenarioSchema.safeParse(base).success).toBe(true);
    expect(paths.length).toBeGreaterThanOrEqual(25);
  });

  it.each(paths.map((p) => [p.join('.'), p] as const))('%s', (name, path) => {
    const parsed = ScenarioSchema.safeParse(withValue(base, path, 1e200));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const problems = scenarioProblems(parsed.error.issues);
    expect(problems).toHaveLength(1);
    const message = problems[0] ?? '';
    expect(message.startsWith(`${name}: must be `)).toBe(true);
    expect(message).toMatch(/must be (at most|12, 24 or 36)/);
  });
});
