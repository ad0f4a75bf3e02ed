/**
 * docs/roi-model.md §6 checks added with version 2, over several hundred random scenarios each:
 * like-for-like batch leaves the saving share of token cost alone, provisioned units carry the
 * volume unless fixed (and then a warning says so), and no output is NaN or infinite even at the
 * bounds of §8.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRoi } from './computeRoi';
import { ScenarioSchema, type Scenario } from './scenario';
import { num, propertyParams, reference, scenarioArb } from './testing/scenarioOracle';
import { tokensPerMinuteNeeded } from './utilization';

describe('like-for-like batch', () => {
  it('scales both sides’ token costs alike: the saving share of token cost is unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, num(0, 1), num(0.05, 1), (s, share, b) => {
        const priced = (batchShare: number): Scenario =>
          ScenarioSchema.parse({
            ...s,
            teacher: {
              ...s.teacher,
              batchShare: undefined,
              price: { ...s.teacher.price, batchMultiplier: b },
            },
            student: {
              ...s.student,
              price: { ...s.student.price, batchMultiplier: b },
              serving: { kind: 'batch', batchShare },
            },
          });
        const off = computeRoi(priced(0)).perRequest;
        const on = computeRoi(priced(share)).perRequest;
        const shareOf = (p: typeof on) => (p.teacherUsd - (p.studentUsd ?? 0)) / p.teacherUsd;
        // Relative: a student thousands of times dearer than the teacher gives a share near -1e3,
        // whose last bits differ between the two routes to the same figure.
        const scale = Math.max(1, Math.abs(shareOf(off)));
        expect(Math.abs(shareOf(on) - shareOf(off))).toBeLessThan(1e-9 * scale);
        expect(computeRoi(priced(share)).batch?.savingFromBatchUsd ?? 0).toBe(0);
      }),
      propertyParams(300),
    );
  });
});

describe('volume and a negative margin', () => {
  it('lowers a per-token saving when V goes up and each request loses money', () => {
    fc.assert(
      fc.property(scenarioArb, num(1.01, 10), (s, up) => {
        const ref = reference(s);
        const margin = ref.cT - ref.cS - ref.q;
        fc.pre(s.student.serving.kind !== 'provisioned' && margin < -1e-9 * (ref.cT + ref.cS));
        const bigger = ScenarioSchema.parse({
          ...s,
          volume: { ...s.volume, requestsPerMonth: s.volume.requestsPerMonth * up },
        });
        expect(computeRoi(bigger).firstMonth.savingUsd).toBeLessThan(
          computeRoi(s).firstMonth.savingUsd,
        );
      }),
      propertyParams(300),
    );
  });
});

describe('provisioned units', () => {
  const provisionedArb = fc
    .tuple(
      scenarioArb,
      fc.boolean(),
      fc.integer({ min: 1, max: 20 }),
      num(1_000, 500_000),
      num(1, 3),
    )
    .map(([s, follow, units, capacity, peak]) =>
      ScenarioSchema.parse({
        ...s,
        student: {
          ...s.student,
          serving: {
            kind: 'provisioned',
            modelUnits: units,
            usdPerHourPerUnit: 20,
            term: 'sixMonths',
            capacityTokensPerMinutePerUnit: capacity,
            unitsFollowVolume: follow,
            peakFactor: peak,
          },
        },
      }),
    );

  it('carry the volume every month unless fixed, and fixed ones that cannot are warned of', () => {
    fc.assert(
      fc.property(provisionedArb, (s) => {
        const sv = s.student.serving;
        if (sv.kind !== 'provisioned') throw new Error('provisioned only');
        const r = computeRoi(s);
        const carried = r.monthly.every((m, i) => {
          const need =
            tokensPerMinuteNeeded(
              m.volume,
              s.student.inputTokensPerRequest,
              s.student.outputTokensPerRequest,
            ) * sv.peakFactor;
          const units = r.utilization?.unitsByMonth[i] ?? 0;
          return need <= units * sv.capacityTokensPerMinutePerUnit * (1 + 1e-9);
        });
        const warned = r.warnings.some((w) => w.code === 'provisionedInsufficient');
        if (sv.unitsFollowVolume) {
          expect(carried).toBe(true);
          expect(warned).toBe(false);
          // The cost the months are billed at is the units they need.
          r.monthly.forEach((m, i) => expect(m.modelUnits).toBe(r.utilization?.unitsByMonth[i]));
        } else {
          expect(warned).toBe(!carried);
        }
      }),
      propertyParams(300),
    );
  });
});

/** Every number in an output, wherever it sits. */
function numbersIn(node: unknown, path = 'roi'): [string, number][] {
  if (typeof node === 'number') return [[path, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
}

describe('§8: no NaN or Infinity in any output', () => {
  const extreme = (lo: number, hi: number) => fc.constantFrom(lo, hi);
  const extremeArb = fc
    .record({
      v: extreme(0, 1e12),
      g: extreme(-0.5, 1),
      tokens: extreme(0, 1e7),
      price: extreme(0, 1000),
      mult: extreme(0, 1),
      hourly: extreme(0, 100_000),
      units: extreme(1, 10_000),
      capacity: extreme(1, 1e10),
      peak: extreme(1, 100),
      storage: extreme(0, 1e9),
      hours: extreme(0, 1e6),
      rate: extreme(0, 10),
      usd: extreme(0, 1e9),
      share: extreme(0, 1),
      follow: fc.boolean(),
      kind: fc.constantFrom('onDemand', 'batch', 'provisioned', 'customModelOnDemand'),
      distill: fc.boolean(),
      horizon: fc.constantFrom(12, 24, 36),
    })
    .map((x) => {
      const side = {
        inputTokensPerRequest: x.tokens,
        outputTokensPerRequest: x.tokens,
        price: { inputUsdPer1k: x.price, outputUsdPer1k: x.price, batchMultiplier: x.mult },
      };
      const serving =
        x.kind === 'provisioned'
          ? {
              kind: x.kind,
              modelUnits: x.units,
              usdPerHourPerUnit: x.hourly,
              term: 'oneMonth',
              capacityTokensPerMinutePerUnit: x.capacity,
              unitsFollowVolume: x.follow,
              peakFactor: x.peak,
            }
          : x.kind === 'batch'
            ? { kind: x.kind, batchShare: x.share }
            : x.kind === 'customModelOnDemand'
              ? { kind: x.kind, inputUsdPer1k: x.price, outputUsdPer1k: x.price }
              : { kind: x.kind };
      return ScenarioSchema.parse({
        volume: { requestsPerMonth: x.v, monthlyGrowth: x.g },
        teacher: { modelId: 't', region: 'us-west-2', ...side },
        student: {
          modelId: 's',
          region: 'us-west-2',
          ...side,
          serving,
          storageUsdPerMonth: x.storage,
        },
        distillation: x.distill
          ? {
              kind: 'distill',
              prompts: 1e7,
              expansionFactor: 1000,
              epochs: 100,
              trainingUsdPer1kTokens: x.price,
            }
          : { kind: 'baseModelAsIs' },
        engineering: { hours: x.hours, usdPerHour: x.hourly },
        quality: {
          teacherFailureShare: x.share,
          studentFailureShare: 1 - x.share,
          usdPerFailure: x.usd,
          studentFailureShareCi: { low: 0, high: 1 },
        },
        finance: { yearlyDiscountRate: x.rate, horizonMonths: x.horizon },
      });
    });

  it('keeps every figure finite at the bounds, and labels only true reasons', () => {
    fc.assert(
      fc.property(extremeArb, (s) => {
        const r = computeRoi(s);
        const bad = numbersIn(r).filter(([, n]) => !Number.isFinite(n));
        expect(bad).toEqual([]);
        if (r.roi.kind === 'undefined' && r.roi.reason === 'noInvestment') {
          expect(r.investment.totalUsd).toBe(0);
        }
      }),
      propertyParams(400),
    );
  });
});
