import { describe, expect, it } from 'vitest';
import { CATALOG_ONLY } from '../pricing/priceBook';
import { fraction } from '../units';
import { computeRoi } from './computeRoi';
import { startingScenario } from './startingScenario';
import { fixtureEvidence, TEACHER } from './testing/evidenceFixture';
import { whatIfView } from './whatIf';

const teacher = {
  modelId: TEACHER,
  tokens: () => ({ input: 100, output: 200 }),
  score: (i: number) => (i % 20 === 0 ? 2 : 4),
};
// Nova Micro is far cheaper than Llama 3 8B but fails 30 % of paragraphs; the 8B fails 10 %.
const llama = {
  modelId: 'meta.llama3-8b-instruct-v1:0',
  tokens: () => ({ input: 100, output: 150 }),
  score: (i: number) => (i % 10 === 0 ? 2 : 4),
};
const micro = {
  modelId: 'amazon.nova-micro-v1:0',
  tokens: () => ({ input: 100, output: 150 }),
  score: (i: number) => (i % 10 < 3 ? 2 : 4),
};
const unscored = { modelId: 'amazon.nova-lite-v1:0', tokens: () => ({ input: 100, output: 150 }) };
const evidence = fixtureEvidence(teacher, [llama, micro, unscored], 40);
const context = (max: number) => ({
  evidence,
  priceBook: CATALOG_ONLY,
  maxFailureShare: fraction(max),
});

describe('whatIfView', () => {
  it('gives the ROI figures, the tornado and the three presets with no experiment', () => {
    const s = startingScenario();
    const v = whatIfView(s, {
      evidence: null,
      priceBook: CATALOG_ONLY,
      maxFailureShare: fraction(0.1),
    });
    expect(v.roi).toEqual(computeRoi(s));
    expect(v.tornado.byNpv.length).toBeGreaterThan(3);
    expect(v.presets.map((p) => p.preset.id)).toEqual(['conservative', 'base', 'aggressive']);
    expect(v.presets[1]?.roi).toBe(v.roi);
    expect(v.recommendation).toBeNull();
  });

  it('recommends the student that saves most within the quality bar, and says why', () => {
    const v = whatIfView(startingScenario(), context(0.15));
    const rec = v.recommendation;
    if (!rec) throw new Error('expected a recommendation');
    expect(rec.candidates.map((c) => [c.modelId, c.qualityMeasured])).toEqual([
      [llama.modelId, true],
      [micro.modelId, true],
      [unscored.modelId, false],
    ]);
    // Micro saves more but fails 30 %: over the bar. Lite has no scores: the typed 0 % stands in.
    expect(rec.result.excluded.map((c) => c.modelId)).toEqual([micro.modelId]);
    expect(rec.result.winner?.modelId).toBe(unscored.modelId);
    expect(rec.result.reason).toMatch(/^Amazon Nova Lite saves the most/);
    const strict = whatIfView(startingScenario(), context(0.05)).recommendation;
    expect(strict?.result.ranked.map((c) => c.modelId)).toEqual([unscored.modelId]);
  });
});
