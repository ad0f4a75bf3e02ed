import { describe, expect, it } from 'vitest';
import { CATALOG_ONLY, priceBookOf, resolvePrice } from '../pricing/priceBook';
import { PRICE_CATALOG } from '../pricing/priceCatalog';
import { PriceOverrideSchema } from '../pricing/priceSchemas';
import { ScenarioSchema } from './scenario';
import { scenarioPriceOf } from './scenarioBuilders';
import { WORKED_EXAMPLE } from './scenarioFixtures';

const parse = (patch: Record<string, unknown>) =>
  ScenarioSchema.safeParse({ ...WORKED_EXAMPLE, ...patch });

describe('ScenarioSchema', () => {
  it('fills defaults: no growth, no teacher batch, no failure cost, no discount', () => {
    const s = ScenarioSchema.parse({
      ...WORKED_EXAMPLE,
      volume: { requestsPerMonth: 10 },
      quality: { teacherFailureShare: 0, studentFailureShare: 0 },
      finance: { horizonMonths: 12 },
    });
    expect(s.schemaVersion).toBe(1);
    expect(s.volume.monthlyGrowth).toBe(0);
    // Absent: like-for-like with the student's share (docs/roi-model.md §2).
    expect(s.teacher.batchShare).toBeUndefined();
    expect(s.quality.usdPerFailure).toBe(0);
    expect(s.finance.yearlyDiscountRate).toBe(0);
  });

  it('loads a scenario stored before version 2 of the model, filling the new fields', () => {
    // As the app stored it: parsed output, teacher share 0 written out, no new fields.
    const stored = {
      ...WORKED_EXAMPLE,
      schemaVersion: 1,
      teacher: { ...WORKED_EXAMPLE.teacher, batchShare: 0 },
      student: {
        ...WORKED_EXAMPLE.student,
        serving: {
          kind: 'provisioned',
          modelUnits: 2,
          usdPerHourPerUnit: 20,
          term: 'oneMonth',
          capacityTokensPerMinutePerUnit: 1250,
          capacityBasis: 'assumption',
        },
      },
      distillation: { kind: 'distill', prompts: 15_000, epochs: 2, trainingUsdPer1kTokens: 0.004 },
    };
    const s = ScenarioSchema.parse(JSON.parse(JSON.stringify(stored)));
    // The typed teacher share stays (set apart); units become the minimum that follows volume.
    expect(s.teacher.batchShare).toBe(0);
    expect(s.student.serving).toMatchObject({
      modelUnits: 2,
      unitsFollowVolume: true,
      peakFactor: 1,
    });
    expect(s.distillation).toMatchObject({ expansionFactor: 1, dataSource: 'teacherGenerates' });
    expect(s.quality.expectedDistilledFailureShare).toBeUndefined();
  });

  it('round-trips through JSON, so a stored scenario reads back the same', () => {
    const s = ScenarioSchema.parse(WORKED_EXAMPLE);
    expect(ScenarioSchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('takes prompts beyond 15,000 (the ceiling is on pairs) up to 1e7, whole ones only', () => {
    const distill = { kind: 'distill', epochs: 1, trainingUsdPer1kTokens: 0.001 };
    expect(parse({ distillation: { ...distill, prompts: 15_001 } }).success).toBe(true);
    expect(parse({ distillation: { ...distill, prompts: 1e7 } }).success).toBe(true);
    expect(parse({ distillation: { ...distill, prompts: 1e7 + 1 } }).success).toBe(false);
    expect(parse({ distillation: { ...distill, prompts: 10.5 } }).success).toBe(false);
  });

  it('accepts only 12, 24 or 36 months', () => {
    expect(parse({ finance: { horizonMonths: 18 } }).success).toBe(false);
    expect(parse({ finance: { horizonMonths: 36 } }).success).toBe(true);
  });

  it('rejects negative money, shares above 1 and an inverted interval', () => {
    expect(parse({ engineering: { hours: 1, usdPerHour: -5 } }).success).toBe(false);
    const q = WORKED_EXAMPLE.quality;
    expect(parse({ quality: { ...q, studentFailureShare: 1.2 } }).success).toBe(false);
    expect(
      parse({ quality: { ...q, studentFailureShareCi: { low: 0.2, high: 0.1 } } }).success,
    ).toBe(false);
  });

  it('marks provisioned capacity as an assumption unless told it was measured', () => {
    const s = ScenarioSchema.parse({
      ...WORKED_EXAMPLE,
      student: {
        ...WORKED_EXAMPLE.student,
        serving: {
          kind: 'provisioned',
          modelUnits: 1,
          usdPerHourPerUnit: 10,
          term: 'sixMonths',
          capacityTokensPerMinutePerUnit: 5000,
        },
      },
    });
    expect(s.student.serving.kind === 'provisioned' && s.student.serving.capacityBasis).toBe(
      'assumption',
    );
    const units = { ...s.student.serving, modelUnits: 0 };
    expect(parse({ student: { ...WORKED_EXAMPLE.student, serving: units } }).success).toBe(false);
  });
});

describe('scenarioPriceOf', () => {
  const MODEL = 'meta.llama3-8b-instruct-v1:0';
  const priced = (book = CATALOG_ONLY) => {
    const r = resolvePrice(book, MODEL, 'us-east-1');
    if (!r.found) throw new Error(r.message);
    return r;
  };

  it('keeps the figures with their sources and date', () => {
    expect(scenarioPriceOf(priced())).toEqual({
      inputUsdPer1k: 0.0003,
      outputUsdPer1k: 0.0006,
      batchMultiplier: 0.5,
      asOf: PRICE_CATALOG.asOf,
      source: `third-party registry (genai-prices / cline), ${PRICE_CATALOG.asOf}, not from AWS`,
      origin: {
        kind: 'catalog',
        publisher: 'third-party registry (genai-prices / cline)',
        asOf: PRICE_CATALOG.asOf,
      },
    });
  });

  it("carries an override's date and note, and assumes no batch discount when none is known", () => {
    const override = PriceOverrideSchema.parse({
      modelId: MODEL,
      region: 'us-east-1',
      inputUsdPer1k: 0.00025,
      asOf: '2026-12-01',
      note: 'private pricing',
    });
    const price = scenarioPriceOf(priced(priceBookOf([{ override, scenarioId: null }])));
    expect(price.inputUsdPer1k).toBe(0.00025);
    expect(price.asOf).toBe('2026-12-01');
    expect(price.origin).toEqual({
      kind: 'override',
      scope: 'global',
      note: 'private pricing',
      asOf: '2026-12-01',
    });
    expect(price.source).toBe('override for every scenario, 2026-12-01: private pricing');
    const base = priced();
    const entry = base.entry;
    if (!entry) throw new Error('no entry');
    const unknownBatch = {
      ...base,
      entry: { ...entry, batchMultiplier: { value: null, unknownReason: 'n/a' } },
    };
    expect(scenarioPriceOf(unknownBatch).batchMultiplier).toBe(1);
  });
});
