import { describe, expect, it } from 'vitest';
import { CATALOG_ONLY } from '../pricing/priceBook';
import { fraction, tokens } from '../units';
import { monteCarlo } from './monteCarlo';
import { monteCarloInputsFor, uncertaintyOptions, volumeRange } from './monteCarloInputs';
import { makeScenario } from './scenarioFixtures';
import { prefillFromEvidence } from './prefill';
import { ScenarioSchema } from './scenario';
import { startingScenario } from './startingScenario';
import { fixtureEvidence, TEACHER } from './testing/evidenceFixture';

const STUDENT = 'meta.llama3-8b-instruct-v1:0';
const evidence = fixtureEvidence(
  { modelId: TEACHER, tokens: (i) => ({ input: 100 + (i % 3), output: 200 }), score: () => 4 },
  [
    {
      modelId: STUDENT,
      tokens: (i) => ({ input: 100 + (i % 3), output: 150 }),
      score: (i) => (i % 4 ? 4 : 2),
    },
  ],
  30,
);
const measured = ScenarioSchema.parse(
  prefillFromEvidence(startingScenario(), evidence, STUDENT, CATALOG_ONLY).scenario,
);

describe('what the Monte Carlo draws', () => {
  it('draws nothing measured without an experiment', () => {
    const m = monteCarloInputsFor(startingScenario(), null);
    expect(m).toMatchObject({ samplesKey: null, tokenSamples: null, failureShareDraws: undefined });
    expect(m.notes[0]).toMatch(/No experiment/);
  });

  it('resamples the measured runs and draws the failure shares while the scenario holds them', () => {
    const m = monteCarloInputsFor(measured, evidence);
    expect(m.tokenSamples?.teacher).toHaveLength(30);
    expect(m.tokenSamples?.student?.[1]).toEqual({ inputTokens: 101, outputTokens: 150 });
    expect(m.failureShareDraws?.paired).toBe(true);
    expect(m.samplesKey).toBe(`exp-1|${TEACHER}|${STUDENT}`);
  });

  it('holds an input fixed once the analyst edits it away from the measurement', () => {
    const edited = {
      ...measured,
      teacher: { ...measured.teacher, outputTokensPerRequest: tokens(250) },
      quality: { ...measured.quality, studentFailureShare: fraction(0.5) },
    };
    const m = monteCarloInputsFor(edited, evidence);
    expect(m.tokenSamples?.teacher).toBeUndefined();
    expect(m.tokenSamples?.student).toHaveLength(30);
    expect(m.failureShareDraws).toBeUndefined();
    expect(m.notes).toContain('Teacher tokens fixed: edited away from the measured means.');
    expect(m.notes).toContain('Failure shares fixed: edited away from the measured ones.');
  });

  it('spreads volume symmetrically around today’s', () => {
    expect(volumeRange(measured, 0.3)).toEqual({ low: 700_000, mode: 1_000_000, high: 1_300_000 });
  });
});

describe('uncertaintyOptions', () => {
  it('asks for nothing at 0 and for factors around 1 otherwise, accepted by monteCarlo', () => {
    expect(uncertaintyOptions(0, 0)).toEqual({});
    const o = uncertaintyOptions(0.25, 1);
    expect(o.priceFactors).toEqual({
      teacher: { low: 0.75, high: 1.25 },
      student: { low: 0.75, high: 1.25 },
    });
    expect(o.engineeringFactor).toEqual({ low: 0.75, mode: 1, high: 2 });
    const r = monteCarlo(makeScenario(), { draws: 50, seed: 3, ...o });
    expect(r.varied).toEqual(['teacherPrices', 'studentPrices', 'engineeringCost']);
  });
});
