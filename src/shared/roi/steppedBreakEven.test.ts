/**
 * Break-even over unit steps (docs/roi-model.md §4) against an independent oracle: the scenario's
 * totals written out from the formulas (testing/scenarioOracle.ts), each unit step searched by
 * bisection, the first volume where the student's total is at most the teacher's taken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { steppedBreakEven } from './breakEven';
import { computeRoi } from './computeRoi';
import { ScenarioSchema, type Scenario } from './scenario';
import { num, propertyParams, reference, scenarioArb } from './testing/scenarioOracle';

describe('steppedBreakEven by hand', () => {
  // Margin $0.01 a request, 1,000 requests a unit-month, $6 a unit: each unit nets $4.
  it('lands on the step where the total first reaches the teacher’s, and stays ahead', () => {
    const r = steppedBreakEven(0.01, 10, {
      requestsPerUnitMonth: 1000,
      usdPerUnitMonth: 6,
      minUnits: 1,
    });
    // k · 4 ≥ 10 first at k = 3: V* = (3 · 6 + 10) / 0.01 = 2,800, on the step (2,000, 3,000].
    expect(r).toMatchObject({ kind: 'volume', modelUnits: 3 });
    expect(r.kind === 'volume' && r.requestsPerMonth).toBeCloseTo(2800, 9);
    // Past 3,000 the 4th unit: 3 · 4 − 6 − 10 < 0, so it falls behind until (4 · 6 + 10) / 0.01.
    expect(r.kind === 'volume' && r.above).toEqual({
      kind: 'fallsBehind',
      fromRequestsPerMonth: 3000,
      aheadAgainAt: 3400,
    });
  });

  it('stays ahead once each unit nets more than the fixed cost and one more unit', () => {
    const r = steppedBreakEven(0.01, 2, {
      requestsPerUnitMonth: 1000,
      usdPerUnitMonth: 2,
      minUnits: 1,
    });
    expect(r).toMatchObject({ kind: 'volume', modelUnits: 1, above: { kind: 'staysAhead' } });
  });

  it('is none when a unit costs more than the requests it carries save, past the minimum', () => {
    const r = steppedBreakEven(0.003, 173.17, {
      requestsPerUnitMonth: 43_800,
      usdPerUnitMonth: 14_600,
      minUnits: 1,
    });
    expect(r).toMatchObject({ kind: 'none', code: 'unitsCostMoreThanTheyCarry' });
  });

  it('breaks even within the minimum units, falls behind at the next, and catches up', () => {
    const r = steppedBreakEven(0.01, 0, {
      requestsPerUnitMonth: 1000,
      usdPerUnitMonth: 8,
      minUnits: 2,
    });
    // 2 units cost 16, covered by 1,600 requests; the third unit at 2,000⁺ is covered at 2,400.
    expect(r.kind === 'volume' && r.requestsPerMonth).toBeCloseTo(1600, 9);
    expect(r.kind === 'volume' && r.above).toEqual({
      kind: 'fallsBehind',
      fromRequestsPerMonth: 2000,
      aheadAgainAt: 2400,
    });
  });
});

/** Scenarios whose student is provisioned with units following a constant volume. */
const steppedArb: fc.Arbitrary<Scenario> = fc
  .tuple(
    scenarioArb,
    fc.integer({ min: 1, max: 5 }),
    num(0.5, 60),
    num(500, 200_000),
    fc.oneof(fc.constant(1), num(1, 3)),
  )
  .map(([s, minUnits, hourly, capacity, peak]) =>
    ScenarioSchema.parse({
      ...s,
      volume: { ...s.volume, monthlyGrowth: 0 },
      finance: { ...s.finance, yearlyDiscountRate: 0 },
      student: {
        ...s.student,
        serving: {
          kind: 'provisioned',
          modelUnits: minUnits,
          usdPerHourPerUnit: hourly,
          term: 'oneMonth',
          capacityTokensPerMinutePerUnit: capacity,
          unitsFollowVolume: true,
          peakFactor: peak,
        },
      },
    }),
  );

const MAX_STEPS = 3000;

/** The oracle: first V with student total ≤ teacher total, searched step by step. */
function oracleBreakEven(s: Scenario) {
  const ref = reference(s);
  const sv = s.student.serving;
  if (sv.kind !== 'provisioned') throw new Error('provisioned only');
  const ahead = (v: number) =>
    ref.H * v * ref.cT - (ref.I + ref.H * (ref.fixedAt(v) + v * (ref.cS + ref.q)));
  // The last volume k units carry: k units' tokens a minute, back to requests a month.
  const tokens = s.student.inputTokensPerRequest + s.student.outputTokensPerRequest;
  const edge = (k: number) =>
    (k * sv.capacityTokensPerMinutePerUnit * 730 * 60) / (tokens * sv.peakFactor);
  for (let k = sv.modelUnits; k < sv.modelUnits + MAX_STEPS; k += 1) {
    let lo = k === sv.modelUnits ? 0 : edge(k - 1);
    let hi = edge(k);
    if (ahead(hi) < 0) continue;
    if (ahead(lo) >= 0 && k === sv.modelUnits) return { v: lo, ahead, edge };
    for (let i = 0; i < 200; i += 1) {
      const mid = (lo + hi) / 2;
      if (ahead(mid) >= 0) hi = mid;
      else lo = mid;
    }
    return { v: hi, ahead, edge };
  }
  return { v: null, ahead, edge };
}

describe('steppedBreakEven against the oracle', () => {
  it('finds the same V* on the same step, or none where the oracle finds none', () => {
    fc.assert(
      fc.property(steppedArb, (s) => {
        const r = computeRoi(s).breakEven;
        const o = oracleBreakEven(s);
        const ref = reference(s);
        const scale = (v: number) => ref.H * v * (ref.cT + ref.cS + Math.abs(ref.q)) + ref.I + 1;
        if (r.kind === 'none') {
          if (r.code === 'beyondLargestVolume') return;
          expect(o.v).toBeNull();
          return;
        }
        const v = r.requestsPerMonth;
        // Equal totals at V* (docs/roi-model.md §6), relative to the money involved.
        expect(Math.abs(o.ahead(v)) / scale(v)).toBeLessThan(1e-9);
        if (o.v === null) {
          // Further out than the oracle searches: the step must be beyond its reach.
          expect(r.modelUnits ?? 0).toBeGreaterThanOrEqual(MAX_STEPS);
          return;
        }
        expect(Math.abs(v - o.v)).toBeLessThanOrEqual(1e-9 * Math.max(v, o.v) + 1e-6);
        if (r.above?.kind === 'fallsBehind') {
          const past = r.above.fromRequestsPerMonth * (1 + 1e-9);
          expect(o.ahead(past) / scale(past)).toBeLessThan(1e-9);
        } else if (r.above?.kind === 'staysAhead' && r.modelUnits !== undefined) {
          for (let k = r.modelUnits; k < r.modelUnits + 20; k += 1) {
            const past = o.edge(k) * (1 + 1e-9);
            expect(o.ahead(past) / scale(past)).toBeGreaterThan(-1e-9);
          }
        }
      }),
      propertyParams(400),
    );
  });
});
