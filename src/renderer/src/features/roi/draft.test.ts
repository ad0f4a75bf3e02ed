import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../shared/pricing/applyOverrides';
import { PRICE_CATALOG } from '../../../../shared/pricing/priceCatalog';
import { ScenarioSchema, startingScenario } from '../../../../shared/roi';
import {
  draftProblems,
  readDraft,
  withDistillationKind,
  withServingKind,
  withTerm,
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
    const d = withDistillationKind(base, 'distill', PRICE_CATALOG);
    expect(problemsOf(d)).toEqual([
      'Enter the custom model storage per month, the training price per 1,000 tokens: not found in sources.',
    ]);
    const back = withDistillationKind(d, 'baseModelAsIs', PRICE_CATALOG);
    expect(problemsOf(back)).toEqual([]);
    expect(ScenarioSchema.parse(back).student.storageUsdPerMonth).toBe(0);
  });

  it('says what else is wrong, path by path', () => {
    expect(problemsOf(writeDraft(base, 'volume.requestsPerMonth', -5))[0]).toMatch(
      /^volume\.requestsPerMonth: /,
    );
  });
});
