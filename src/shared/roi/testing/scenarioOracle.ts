/**
 * Test support for the property tests: random valid scenarios, and roi-model.md §2–§4 written
 * out again, directly from the formulas, as an oracle independent of the code under test.
 * Imported by tests only.
 */
import fc from 'fast-check';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../scenario';

/**
 * Options for every fc.assert here: a failing property must fail within the test timeout, not
 * shrink for minutes; past the limit fast-check reports the smallest counterexample so far.
 */
export const propertyParams = (numRuns = 300) => ({
  numRuns,
  plugins: [fc.interruptAfterTimeLimit(10_000, { failOnInterrupt: true })],
});

export const num = (min: number, max: number) => fc.double({ min, max, noNaN: true });
/** Zero or a realistic amount: sub-nanodollar rates only test the floating-point format. */
const money = (min: number, max: number) => fc.oneof(fc.constant(0), num(min, max));
/** A share: 0, 1, or a realistic value, so products never reach subnormal doubles. */
const share = (max = 1) => fc.oneof(fc.constant(0), fc.constant(max), num(1e-6, max));
const price = num(1e-6, 0.05);

const modelSide = (modelId: string) =>
  fc.record({
    modelId: fc.constant(modelId),
    region: fc.constant('us-east-1'),
    inputTokensPerRequest: num(1, 20_000),
    outputTokensPerRequest: num(1, 4_000),
    price: fc.record({ inputUsdPer1k: price, outputUsdPer1k: price, batchMultiplier: share() }),
  });

const serving = fc.oneof(
  fc.constant({ kind: 'onDemand' as const }),
  fc.record({ kind: fc.constant('batch' as const), batchShare: share() }),
  fc.record({
    kind: fc.constant('provisioned' as const),
    modelUnits: fc.integer({ min: 1, max: 10 }),
    usdPerHourPerUnit: num(0.5, 100),
    term: fc.constantFrom('noCommitment' as const, 'oneMonth' as const, 'sixMonths' as const),
    capacityTokensPerMinutePerUnit: num(1_000, 1_000_000),
  }),
);

const distillation = fc.oneof(
  fc.constant({ kind: 'baseModelAsIs' as const }),
  fc.record({
    kind: fc.constant('distill' as const),
    prompts: fc.integer({ min: 1, max: 15_000 }),
    epochs: fc.integer({ min: 1, max: 10 }),
    trainingUsdPer1kTokens: money(1e-6, 0.02),
  }),
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    volume: fc.record({ requestsPerMonth: num(1, 1e8), monthlyGrowth: num(-0.1, 0.1) }),
    teacher: fc
      .tuple(modelSide('teacher'), share())
      .map(([t, batchShare]) => ({ ...t, batchShare })),
    student: fc
      .tuple(modelSide('student'), serving, money(0.01, 10))
      .map(([m, s, storage]) => ({ ...m, serving: s, storageUsdPerMonth: storage })),
    distillation,
    engineering: fc.record({ hours: money(0.1, 500), usdPerHour: money(1, 300) }),
    quality: fc.record({
      teacherFailureShare: share(0.5),
      studentFailureShare: share(0.5),
      usdPerFailure: money(0.001, 5),
    }),
    finance: fc.record({
      yearlyDiscountRate: num(0, 0.2),
      horizonMonths: fc.constantFrom(12 as const, 24 as const, 36 as const),
    }),
  })
  .map((input: ScenarioInput) => ScenarioSchema.parse(input));

/** roi-model.md §2–§4 written out directly from the scenario. */
export function reference(s: Scenario) {
  const onDemand = (m: Scenario['teacher'] | Scenario['student']) =>
    (m.inputTokensPerRequest * m.price.inputUsdPer1k +
      m.outputTokensPerRequest * m.price.outputUsdPer1k) /
    1000;
  const batch = (c: number, share: number, mult: number) => c * (1 - share + share * mult);
  const cT = batch(onDemand(s.teacher), s.teacher.batchShare, s.teacher.price.batchMultiplier);
  const sv = s.student.serving;
  const cS =
    sv.kind === 'provisioned'
      ? 0
      : sv.kind === 'batch'
        ? batch(onDemand(s.student), sv.batchShare, s.student.price.batchMultiplier)
        : onDemand(s.student);
  const storage = s.distillation.kind === 'baseModelAsIs' ? 0 : s.student.storageUsdPerMonth;
  const F = (sv.kind === 'provisioned' ? sv.modelUnits * sv.usdPerHourPerUnit * 730 : 0) + storage;
  // §7: a quality gain counts only when its interval lies wholly below zero; a loss always counts.
  const diff = s.quality.studentFailureShare - s.quality.teacherFailureShare;
  const ci = s.quality.failureShareDifferenceCi;
  const q = diff >= 0 || (ci !== undefined && ci.high < 0) ? diff * s.quality.usdPerFailure : 0;
  const E = s.engineering.hours * s.engineering.usdPerHour;
  const d = s.distillation;
  const { inputTokensPerRequest: inT, outputTokensPerRequest: outT } = s.teacher;
  const I =
    d.kind === 'distill'
      ? d.prompts * onDemand(s.teacher) +
        (d.prompts * (inT + outT) * d.epochs * d.trainingUsdPer1kTokens) / 1000 +
        E
      : E;
  const H = s.finance.horizonMonths;
  const V = s.volume.requestsPerMonth;
  const saving = (t: number) => V * (1 + s.volume.monthlyGrowth) ** (t - 1) * (cT - cS - q) - F;
  let npv = -I;
  for (let t = 1; t <= H; t += 1) npv += saving(t) / (1 + s.finance.yearlyDiscountRate / 12) ** t;
  // The size of the money involved, to judge rounding against.
  const scale = V * 3 * (cT + cS + Math.abs(q)) + F + I + 1e-9;
  return { cT, cS, F, q, I, H, saving, npv, scale };
}

export const close = (a: number, b: number, scale: number, tol = 1e-9) =>
  Math.abs(a - b) <= tol * scale;

/** Every money input multiplied by k; tokens, shares and volumes unchanged. */
export function scaleMoney(s: Scenario, k: number): Scenario {
  const p = (m: Scenario['teacher']['price']) => ({
    ...m,
    inputUsdPer1k: m.inputUsdPer1k * k,
    outputUsdPer1k: m.outputUsdPer1k * k,
  });
  const sv = s.student.serving;
  const d = s.distillation;
  return ScenarioSchema.parse({
    ...s,
    teacher: { ...s.teacher, price: p(s.teacher.price) },
    student: {
      ...s.student,
      price: p(s.student.price),
      storageUsdPerMonth: s.student.storageUsdPerMonth * k,
      serving:
        sv.kind === 'provisioned' ? { ...sv, usdPerHourPerUnit: sv.usdPerHourPerUnit * k } : sv,
    },
    distillation:
      d.kind === 'distill' ? { ...d, trainingUsdPer1kTokens: d.trainingUsdPer1kTokens * k } : d,
    engineering: { ...s.engineering, usdPerHour: s.engineering.usdPerHour * k },
    quality: { ...s.quality, usdPerFailure: s.quality.usdPerFailure * k },
  });
}
