/**
 * Test support for the property tests: random valid scenarios, and docs/roi-model.md §2–§4 written
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
    unitsFollowVolume: fc.boolean(),
    peakFactor: fc.oneof(fc.constant(1), num(1, 3)),
  }),
  fc.record({
    kind: fc.constant('customModelOnDemand' as const),
    inputUsdPer1k: price,
    outputUsdPer1k: price,
  }),
);

const distillation = fc.oneof(
  fc.constant({ kind: 'baseModelAsIs' as const }),
  fc.record({
    kind: fc.constant('distill' as const),
    prompts: fc.integer({ min: 1, max: 30_000 }),
    expansionFactor: fc.oneof(fc.constant(1), num(1, 5)),
    dataSource: fc.constantFrom('teacherGenerates' as const, 'invocationLogs' as const),
    epochs: fc.integer({ min: 1, max: 10 }),
    trainingUsdPer1kTokens: money(1e-6, 0.02),
  }),
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    volume: fc.record({ requestsPerMonth: num(1, 1e8), monthlyGrowth: num(-0.1, 0.1) }),
    // Absent: like-for-like (the student's share); present: set apart on purpose.
    teacher: fc
      .tuple(modelSide('teacher'), fc.option(share(), { nil: undefined }))
      .map(([t, batchShare]) => (batchShare === undefined ? t : { ...t, batchShare })),
    student: fc
      .tuple(modelSide('student'), serving, money(0.01, 10))
      .map(([m, s, storage]) => ({ ...m, serving: s, storageUsdPerMonth: storage })),
    distillation,
    engineering: fc.record({ hours: money(0.1, 500), usdPerHour: money(1, 300) }),
    quality: fc.record({
      teacherFailureShare: share(0.5),
      studentFailureShare: share(0.5),
      usdPerFailure: money(0.001, 5),
      expectedDistilledFailureShare: fc.option(share(0.5), { nil: undefined }),
    }),
    finance: fc.record({
      yearlyDiscountRate: num(0, 0.2),
      horizonMonths: fc.constantFrom(12 as const, 24 as const, 36 as const),
    }),
  })
  .map((input: ScenarioInput) => ScenarioSchema.parse(input));

/** docs/roi-model.md §2–§4 written out directly from the scenario. */
export function reference(s: Scenario) {
  const onDemand = (m: Scenario['teacher'] | Scenario['student']) =>
    (m.inputTokensPerRequest * m.price.inputUsdPer1k +
      m.outputTokensPerRequest * m.price.outputUsdPer1k) /
    1000;
  const batch = (c: number, share: number, mult: number) => c * (1 - share + share * mult);
  const sv = s.student.serving;
  const studentShare = sv.kind === 'batch' ? sv.batchShare : 0;
  const teacherShare = s.teacher.batchShare ?? studentShare;
  const cT = batch(onDemand(s.teacher), teacherShare, s.teacher.price.batchMultiplier);
  const cS =
    sv.kind === 'provisioned'
      ? 0
      : sv.kind === 'customModelOnDemand'
        ? (s.student.inputTokensPerRequest * sv.inputUsdPer1k +
            s.student.outputTokensPerRequest * sv.outputUsdPer1k) /
          1000
        : sv.kind === 'batch'
          ? batch(onDemand(s.student), sv.batchShare, s.student.price.batchMultiplier)
          : onDemand(s.student);
  const storage = s.distillation.kind === 'baseModelAsIs' ? 0 : s.student.storageUsdPerMonth;
  const V = s.volume.requestsPerMonth;
  const volumeAt = (t: number) => V * (1 + s.volume.monthlyGrowth) ** (t - 1);
  /** Units in a month: tokens a minute needed at the peak over what one unit carries. */
  const units = (volume: number) => {
    if (sv.kind !== 'provisioned') return 0;
    if (!sv.unitsFollowVolume) return sv.modelUnits;
    const tokensPerMinute =
      (volume * (s.student.inputTokensPerRequest + s.student.outputTokensPerRequest)) / (730 * 60);
    const x = (tokensPerMinute * sv.peakFactor) / sv.capacityTokensPerMinutePerUnit;
    // The model's rule: a load within 1e-12 of k units' worth needs k units, not k + 1.
    const nearest = Math.round(x);
    const needed = Math.abs(x - nearest) <= 1e-12 * x ? nearest : Math.ceil(x);
    return Math.max(sv.modelUnits, needed);
  };
  const unitHourly = sv.kind === 'provisioned' ? sv.usdPerHourPerUnit : 0;
  const F = units(V) * unitHourly * 730 + storage;
  const expected =
    s.distillation.kind === 'distill' ? s.quality.expectedDistilledFailureShare : undefined;
  const fS = expected ?? s.quality.studentFailureShare;
  // §7: a quality gain counts only when its interval lies wholly below zero; a loss always counts.
  // A distilled student's typed expectation has no interval of its own, so its gain never counts.
  const diff = fS - s.quality.teacherFailureShare;
  const ci = expected === undefined ? s.quality.failureShareDifferenceCi : undefined;
  const q = diff >= 0 || (ci !== undefined && ci.high < 0) ? diff * s.quality.usdPerFailure : 0;
  const E = s.engineering.hours * s.engineering.usdPerHour;
  const d = s.distillation;
  const { inputTokensPerRequest: inT, outputTokensPerRequest: outT } = s.teacher;
  const pairs = d.kind === 'distill' ? Math.min(d.prompts * d.expansionFactor, 15_000) : 0;
  const teacherCalls = d.kind === 'distill' && d.dataSource === 'teacherGenerates' ? pairs : 0;
  const I =
    d.kind === 'distill'
      ? teacherCalls * onDemand(s.teacher) +
        (pairs * (inT + outT) * d.epochs * d.trainingUsdPer1kTokens) / 1000 +
        E
      : E;
  const H = s.finance.horizonMonths;
  const saving = (t: number) => {
    const v = volumeAt(t);
    return v * (cT - cS - q) - units(v) * unitHourly * 730 - storage;
  };
  let npv = -I;
  for (let t = 1; t <= H; t += 1) npv += saving(t) / (1 + s.finance.yearlyDiscountRate / 12) ** t;
  // The size of the money involved, to judge rounding against.
  const scale = V * 3 * (cT + cS + Math.abs(q)) + F + I + 1e-9;
  /** F_S at a constant volume: the units that volume needs, plus storage. */
  const fixedAt = (volume: number) => units(volume) * unitHourly * 730 + storage;
  return { cT, cS, F, fixedAt, q, I, H, saving, npv, scale };
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
        sv.kind === 'provisioned'
          ? { ...sv, usdPerHourPerUnit: sv.usdPerHourPerUnit * k }
          : sv.kind === 'customModelOnDemand'
            ? { ...sv, inputUsdPer1k: sv.inputUsdPer1k * k, outputUsdPer1k: sv.outputUsdPer1k * k }
            : sv,
    },
    distillation:
      d.kind === 'distill' ? { ...d, trainingUsdPer1kTokens: d.trainingUsdPer1kTokens * k } : d,
    engineering: { ...s.engineering, usdPerHour: s.engineering.usdPerHour * k },
    quality: { ...s.quality, usdPerFailure: s.quality.usdPerFailure * k },
  });
}
