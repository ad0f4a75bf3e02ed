import { describe, expect, it } from 'vitest';
import { CATALOG_ONLY, priceBookOf } from '../pricing/priceBook';
import { PriceOverrideSchema } from '../pricing/priceSchemas';
import { tokenSamplesByModel } from './evidence';
import { tokenProfileOf } from './measurements';
import { prefillFromEvidence } from './prefill';
import { ScenarioSchema, type ScenarioInput } from './scenario';
import { startingScenario } from './startingScenario';
import { fixtureEvidence, TEACHER } from './testing/evidenceFixture';

const STUDENT = 'meta.llama3-8b-instruct-v1:0';
const CUSTOM = 'acme.custom-student-v1:0';

// Teacher: 100 or 110 in, 200 or 240 out (means 105 / 220); student: 100 or 110 in, 80 out.
const teacher = {
  modelId: TEACHER,
  tokens: (i: number) => ({ input: i % 2 ? 110 : 100, output: i % 2 ? 240 : 200 }),
  score: (i: number) => (i % 10 === 0 ? 2 : 4),
};
const student = {
  modelId: STUDENT,
  tokens: (i: number) => ({ input: i % 2 ? 110 : 100, output: 80 }),
  score: (i: number) => (i % 5 === 0 ? 2 : 4),
};
const evidence = fixtureEvidence(
  teacher,
  [student, { modelId: CUSTOM, tokens: () => ({ input: 90, output: 60 }) }],
  40,
);
const base = startingScenario();

describe('token samples from runs', () => {
  it('keeps successful calls with usage, counts calls and errors, teacher first', () => {
    const experiment = { config: { teacherModelId: 'T', studentModelIds: ['S'] } } as never;
    const samples = tokenSamplesByModel(experiment, [
      { modelId: 'S', status: 'ok', inputTokens: 10, outputTokens: 5 },
      { modelId: 'T', status: 'ok', inputTokens: 12, outputTokens: 9 },
      { modelId: 'S', status: 'error', inputTokens: null, outputTokens: null },
      { modelId: 'S', status: 'ok', inputTokens: null, outputTokens: null },
      { modelId: 'X', status: 'ok', inputTokens: 1, outputTokens: 1 },
    ]);
    expect(samples).toEqual([
      {
        modelId: 'T',
        role: 'teacher',
        calls: 1,
        errors: 0,
        batchOk: 0,
        inputTokens: [12],
        outputTokens: [9],
      },
      {
        modelId: 'S',
        role: 'student',
        calls: 3,
        errors: 1,
        batchOk: 0,
        inputTokens: [10],
        outputTokens: [5],
      },
    ]);
  });

  it('averages each model over its runs, and has no profile without runs', () => {
    expect(tokenProfileOf(evidence, TEACHER)).toEqual({
      modelId: TEACHER,
      runs: 40,
      inputTokens: 105,
      outputTokens: 220,
    });
    expect(tokenProfileOf(evidence, 'nobody')).toBeNull();
  });
});

describe('prefill from an experiment', () => {
  it('takes measured tokens, the prices the experiment ran under and measured failure shares', () => {
    const { scenario, notes } = prefillFromEvidence(base, evidence, STUDENT, CATALOG_ONLY);
    const s = ScenarioSchema.parse(scenario);
    expect(s.teacher).toMatchObject({
      modelId: TEACHER,
      inputTokensPerRequest: 105,
      outputTokensPerRequest: 220,
    });
    expect(s.student).toMatchObject({
      modelId: STUDENT,
      inputTokensPerRequest: 105,
      outputTokensPerRequest: 80,
    });
    // The experiment's own price, not the catalog's $0.0003 nor the base's $0.0004; the
    // catalog still says what batch costs.
    expect(s.student.price).toMatchObject({
      inputUsdPer1k: 0.001,
      outputUsdPer1k: 0.002,
      batchMultiplier: 0.5,
    });
    // Teacher fails 4 of 40 paragraphs, the student 8.
    expect(s.quality.teacherFailureShare).toBeCloseTo(0.1, 12);
    expect(s.quality.studentFailureShare).toBeCloseTo(0.2, 12);
    const ci = s.quality.studentFailureShareCi;
    expect(ci && ci.low < 0.2 && 0.2 < ci.high).toBe(true);
    // Volume, investment and finance stay as the analyst set them.
    expect(s.volume).toEqual(base.volume);
    expect(s.engineering).toEqual(base.engineering);
    expect(notes.join('\n')).toMatch(/mean of 40 measured runs/);
    expect(notes.join('\n')).toMatch(/teacher 10\.0%, student 20\.0%/);
  });

  it('uses the price the experiment ran under for a model the catalog lacks', () => {
    const { scenario, notes } = prefillFromEvidence(base, evidence, CUSTOM, CATALOG_ONLY);
    const s = ScenarioSchema.parse(scenario);
    expect(s.student.price).toMatchObject({
      inputUsdPer1k: 0.001,
      outputUsdPer1k: 0.002,
      batchMultiplier: 1,
    });
    expect(s.student.price.source).toBe('experiment fixture, 2026-01-01');
    expect(notes.join('\n')).toMatch(/\$0\.001 in \/ \$0\.002 out per 1,000 tokens/);
  });

  it('keeps typed failure shares, and drops another student’s interval, when none were measured', () => {
    const typed: ScenarioInput = {
      ...base,
      quality: {
        teacherFailureShare: 0.01,
        studentFailureShare: 0.03,
        studentFailureShareCi: { low: 0.02, high: 0.05 },
      },
    };
    const { scenario, notes } = prefillFromEvidence(typed, evidence, CUSTOM, CATALOG_ONLY);
    expect(scenario.quality).toMatchObject({
      teacherFailureShare: 0.01,
      studentFailureShare: 0.03,
    });
    expect(scenario.quality.studentFailureShareCi).toBeUndefined();
    expect(notes.join('\n')).toMatch(/not measured .*no scores yet/);
  });

  it('leaves the experiment’s price alone when an override is saved for every scenario', () => {
    const book = priceBookOf([
      {
        scenarioId: null,
        override: PriceOverrideSchema.parse({
          modelId: STUDENT,
          region: 'us-east-1',
          inputUsdPer1k: 0.00025,
          asOf: '2026-11-01',
          note: 'Quote',
        }),
      },
    ]);
    const s = ScenarioSchema.parse(prefillFromEvidence(base, evidence, STUDENT, book).scenario);
    expect(s.student.price.inputUsdPer1k).toBe(0.001);
    expect(s.student.price.origin?.kind).toBe('catalog');
  });

  it('applies this scenario’s overrides: token prices, hourly rate, training price, storage', () => {
    const scoped = (o: object) => ({
      scenarioId: 's1',
      override: PriceOverrideSchema.parse(o),
    });
    const book = priceBookOf([
      scoped({
        modelId: STUDENT,
        region: 'us-east-1',
        inputUsdPer1k: 0.00025,
        asOf: '2026-11-01',
        note: 'Quote',
      }),
      scoped({
        modelId: STUDENT,
        region: 'us-east-1',
        provisionedUsdPerHourPerUnit: { oneMonth: 20 },
        trainingUsdPer1kTokens: 0.004,
        storageUsdPerMonth: 1.95,
        asOf: '2026-11-02',
        note: 'Console',
      }),
    ]);
    const plan: ScenarioInput = {
      ...base,
      student: {
        ...base.student,
        serving: {
          kind: 'provisioned',
          modelUnits: 1,
          usdPerHourPerUnit: 99,
          term: 'oneMonth',
          capacityTokensPerMinutePerUnit: 10_000,
        },
      },
      distillation: { kind: 'distill', prompts: 1000, epochs: 2, trainingUsdPer1kTokens: 0 },
    };
    const s = ScenarioSchema.parse(
      prefillFromEvidence(plan, evidence, STUDENT, book, 's1').scenario,
    );
    expect(s.student.price.inputUsdPer1k).toBe(0.00025);
    expect(s.student.price.origin).toEqual({
      kind: 'override',
      scope: 'scenario',
      note: 'Quote',
      asOf: '2026-11-01',
    });
    expect(s.student.serving).toMatchObject({ kind: 'provisioned', usdPerHourPerUnit: 20 });
    expect(s.distillation).toMatchObject({ kind: 'distill', trainingUsdPer1kTokens: 0.004 });
    expect(s.student.storageUsdPerMonth).toBe(1.95);
    // Where the book knows nothing, the analyst's own figure stays.
    const sixMonths = {
      ...plan,
      student: {
        ...plan.student,
        serving: { ...plan.student.serving, term: 'sixMonths' as const },
      },
    };
    const kept = ScenarioSchema.parse(
      prefillFromEvidence(sixMonths, evidence, STUDENT, book, 's1').scenario,
    );
    expect(kept.student.serving).toMatchObject({ usdPerHourPerUnit: 99 });
  });
});
