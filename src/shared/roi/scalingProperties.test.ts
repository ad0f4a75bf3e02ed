/**
 * Property tests of docs/roi-model.md §6 over random valid scenarios: scaling every price by k, and
 * the direction in which the saving moves with the student's price and with volume.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRoi } from './computeRoi';
import {
  close,
  num,
  propertyParams,
  reference,
  scaleMoney,
  scenarioArb,
} from './testing/scenarioOracle';

describe('computeRoi under scaling and monotone changes', () => {
  it('scales costs, saving and NPV by k and leaves payback, ROI and V* unchanged', () => {
    // Powers of two scale a double exactly, so the invariants must hold to the last bit.
    const k = fc.constantFrom(0.125, 0.25, 0.5, 2, 4, 8);
    fc.assert(
      fc.property(scenarioArb, k, (s, factor) => {
        const a = computeRoi(s);
        const b = computeRoi(scaleMoney(s, factor));
        expect(b.perRequest.teacherUsd).toBe(a.perRequest.teacherUsd * factor);
        expect(b.firstMonth.studentCostUsd).toBe(a.firstMonth.studentCostUsd * factor);
        expect(b.firstMonth.savingUsd).toBe(a.firstMonth.savingUsd * factor);
        expect(b.investment.totalUsd).toBe(a.investment.totalUsd * factor);
        expect(b.npvUsd).toBe(a.npvUsd * factor);
        expect(b.payback).toEqual(a.payback);
        expect(b.roi.kind === 'ratio' ? b.roi.value : null).toBe(
          a.roi.kind === 'ratio' ? a.roi.value : null,
        );
        expect(b.breakEven).toEqual(a.breakEven);
      }),
      propertyParams(300),
    );
  });

  it('scales by any k up to rounding', () => {
    fc.assert(
      fc.property(scenarioArb, num(0.1, 10), (s, k) => {
        const a = computeRoi(s);
        const b = computeRoi(scaleMoney(s, k));
        const ref = reference(s);
        expect(close(b.firstMonth.savingUsd, a.firstMonth.savingUsd * k, ref.scale * k)).toBe(true);
        expect(close(b.npvUsd, a.npvUsd * k, ref.scale * ref.H * k)).toBe(true);
        if (a.breakEven.kind === 'volume' && b.breakEven.kind === 'volume') {
          const va = a.breakEven.requestsPerMonth;
          expect(close(b.breakEven.requestsPerMonth, va, va + 1e-12, 1e-9)).toBe(true);
        }
      }),
      propertyParams(200),
    );
  });

  it("never raises the saving when the student's price goes up", () => {
    const field = fc.constantFrom('input', 'output', 'hourly', 'storage');
    fc.assert(
      fc.property(scenarioArb, field, num(1.001, 3), (s, which, up) => {
        const sv = s.student.serving;
        const student = { ...s.student, price: { ...s.student.price } };
        if (which === 'input')
          student.price.inputUsdPer1k = (student.price.inputUsdPer1k * up) as never;
        if (which === 'output')
          student.price.outputUsdPer1k = (student.price.outputUsdPer1k * up) as never;
        if (which === 'storage')
          student.storageUsdPerMonth = (student.storageUsdPerMonth * up) as never;
        if (which === 'hourly' && sv.kind === 'provisioned') {
          student.serving = { ...sv, usdPerHourPerUnit: (sv.usdPerHourPerUnit * up) as never };
        }
        const before = computeRoi(s);
        const after = computeRoi({ ...s, student });
        const slack = 1e-12 * reference(s).scale * s.finance.horizonMonths;
        expect(after.firstMonth.savingUsd).toBeLessThanOrEqual(before.firstMonth.savingUsd + slack);
        expect(after.npvUsd).toBeLessThanOrEqual(before.npvUsd + slack);
      }),
      propertyParams(300),
    );
  });

  it('never lowers the saving per request when V goes up, unless a unit step is crossed', () => {
    fc.assert(
      fc.property(scenarioArb, num(1.001, 10), (s, up) => {
        // Units that follow the volume step up: the next unit can cost more than it carries.
        const sv = s.student.serving;
        fc.pre(sv.kind !== 'provisioned' || !sv.unitsFollowVolume);
        const bigger = {
          ...s,
          volume: { ...s.volume, requestsPerMonth: (s.volume.requestsPerMonth * up) as never },
        };
        const a = computeRoi(s).firstMonth;
        const b = computeRoi(bigger).firstMonth;
        const perRequest = (m: typeof a) => m.savingUsd / m.volume;
        const slack = 1e-12 * (reference(s).scale / s.volume.requestsPerMonth);
        expect(perRequest(b)).toBeGreaterThanOrEqual(perRequest(a) - slack);
      }),
      propertyParams(300),
    );
  });

  it('never lowers a per-token saving when V goes up and each request saves money', () => {
    fc.assert(
      fc.property(scenarioArb, num(1.001, 10), (s, up) => {
        const ref = reference(s);
        fc.pre(s.student.serving.kind !== 'provisioned' && ref.cT - ref.cS - ref.q >= 0);
        const bigger = {
          ...s,
          volume: { ...s.volume, requestsPerMonth: (s.volume.requestsPerMonth * up) as never },
        };
        const slack = 1e-12 * ref.scale;
        expect(computeRoi(bigger).firstMonth.savingUsd).toBeGreaterThanOrEqual(
          computeRoi(s).firstMonth.savingUsd - slack,
        );
      }),
      propertyParams(300),
    );
  });
});
