import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../shared/pricing/applyOverrides';
import { PRICE_CATALOG } from '../../../../shared/pricing/priceCatalog';
import { ScenarioSchema, startingScenario } from '../../../../shared/roi';
import {
  distillationOfferOf,
  draftProblems,
  readDraft,
  servingOptionsOf,
  withDistillationKind,
  withExpectedQuality,
  withServingKind,
  withTeacherBatch,
  withTerm,
  withUnitsFollowVolume,
  writeDraft,
} from './draft';

const base = startingScenario();
const STUDENT = base.student.modelId;
const problemsOf = (d: unknown) => {
  const r = ScenarioSchema.safeParse(d);
  return r.success ? [] : draftProblems(r.error);
};

describe('the draft scenario', () => {
  it('asks for the hourly rate and capacity when the book has none, and parses once entered', () => {
    const d = withServingKind(base, 'provisioned', PRICE_CATALOG);
    expect(Number.isNaN(readDraft(d, 'student.serving.usdPerHourPerUnit'))).toBe(true);
    expect(problemsOf(d)).toEqual([
      'Enter the hourly rate per model unit, the tokens per minute one model unit carries: not found in sources.',
    ]);
    const filled = writeDraft(
      writeDraft(d, 'student.serving.usdPerHourPerUnit', 20),
      'student.serving.capacityTokensPerMinutePerUnit',
      50_000,
    );
    expect(ScenarioSchema.parse(filled).student.serving).toMatchObject({
      kind: 'provisioned',
      usdPerHourPerUnit: 20,
    });
    // Back to on demand: nothing left to ask.
    expect(problemsOf(withServingKind(d, 'onDemand', PRICE_CATALOG))).toEqual([]);
  });

  it('takes the book’s rate for a term where an override gives one, and keeps a typed one elsewhere', () => {
    const book = applyOverrides(PRICE_CATALOG, [
      {
        modelId: STUDENT,
        region: 'us-east-1',
        provisionedUsdPerHourPerUnit: { sixMonths: 15 },
        asOf: '2026-11-01',
        note: 'Console',
      } as never,
    ]).catalog;
    const typed = writeDraft(
      withServingKind(base, 'provisioned', book),
      'student.serving.usdPerHourPerUnit',
      25,
    );
    expect(readDraft(withTerm(typed, 'sixMonths', book), 'student.serving.usdPerHourPerUnit')).toBe(
      15,
    );
    expect(
      readDraft(withTerm(typed, 'noCommitment', book), 'student.serving.usdPerHourPerUnit'),
    ).toBe(25);
  });

  it('asks for training price and storage when distilling, and forgets storage for a base model', () => {
    // A distilled model is served on provisioned throughput, so its figures are asked for too.
    const d = withDistillationKind(base, 'distill', PRICE_CATALOG);
    expect(d.student.serving.kind).toBe('provisioned');
    expect(problemsOf(d)).toEqual([
      'Enter the hourly rate per model unit, the tokens per minute one model unit carries, the custom model storage per month, the training price per 1,000 tokens: not found in sources.',
    ]);
    const back = withServingKind(
      withDistillationKind(d, 'baseModelAsIs', PRICE_CATALOG),
      'onDemand',
      PRICE_CATALOG,
    );
    expect(problemsOf(back)).toEqual([]);
    expect(ScenarioSchema.parse(back).student.storageUsdPerMonth).toBe(0);
  });

  it('says what else is wrong, path by path', () => {
    expect(problemsOf(writeDraft(base, 'volume.requestsPerMonth', -5))[0]).toMatch(
      /^volume\.requestsPerMonth: /,
    );
  });
});

describe('the draft offers only what Bedrock sells', () => {
  const llama: typeof base = {
    ...base,
    teacher: { ...base.teacher, modelId: 'meta.llama3-1-70b-instruct-v1:0', region: 'us-west-2' },
    student: { ...base.student, modelId: 'meta.llama3-1-8b-instruct-v1:0', region: 'us-west-2' },
  };
  const kindsOffered = (d: typeof llama) =>
    servingOptionsOf(d, PRICE_CATALOG)
      .filter((o) => o.offered)
      .map((o) => o.kind);

  it('moves a distilled Llama 3.1 8B to provisioned throughput, its only way to be served', () => {
    expect(distillationOfferOf(llama).ok).toBe(true);
    const d = withDistillationKind(llama, 'distill', PRICE_CATALOG);
    expect(kindsOffered(d)).toEqual(['provisioned']);
    expect(d.student.serving.kind).toBe('provisioned');
    // Back to the base model: on demand again is fine, provisioned stays allowed.
    const back = withDistillationKind(d, 'baseModelAsIs', PRICE_CATALOG);
    expect(kindsOffered(back)).toContain('onDemand');
  });

  it('does not offer distilling the seed pair, and says why', () => {
    const offer = distillationOfferOf(base);
    expect(offer.ok).toBe(false);
    expect(!offer.ok && offer.reason).toMatch(/as-is/);
  });

  it('asks for the custom-model rates instead of inventing them', () => {
    const d = withServingKind(base, 'customModelOnDemand', PRICE_CATALOG);
    expect(problemsOf(d)).toEqual([
      'Enter the custom-model input price per 1,000 tokens, the custom-model output price per 1,000 tokens: not found in sources.',
    ]);
  });

  it('keeps batch like-for-like until the teacher share is set apart, and back', () => {
    const batch = withServingKind(base, 'batch', PRICE_CATALOG);
    expect(batch.teacher.batchShare).toBeUndefined();
    const apart = withTeacherBatch(batch, true);
    expect(apart.teacher.batchShare).toBe(1);
    expect(withTeacherBatch(apart, false).teacher.batchShare).toBeUndefined();
  });

  it('starts the expected distilled share at the base student’s and drops it again', () => {
    const typed = withExpectedQuality(base, true);
    expect(typed.quality.expectedDistilledFailureShare).toBe(base.quality.studentFailureShare);
    expect(withExpectedQuality(typed, false).quality.expectedDistilledFailureShare).toBeUndefined();
  });

  it('switches units between following the volume and fixed', () => {
    const d = withServingKind(base, 'provisioned', PRICE_CATALOG);
    const fixed = withUnitsFollowVolume(d, false);
    expect(fixed.student.serving).toMatchObject({ unitsFollowVolume: false });
    expect(withUnitsFollowVolume(fixed, true).student.serving).toMatchObject({
      unitsFollowVolume: true,
    });
  });
});
