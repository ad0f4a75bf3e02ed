import { describe, expect, it } from 'vitest';
import { computeRoi } from './computeRoi';
import { histogram } from './histogram';
import { monteCarlo, prepareTokenReplicates, type MonteCarloOptions } from './monteCarlo';
import { makeScenario } from './scenarioFixtures';

// Worked example by hand: S = V · 0.0024375 − 2, I = 4,156, H = 24, r = 0, so it pays back
// within the horizon exactly when V ≥ V* = (2 + 4156/24) / 0.0024375 ≈ 71,863.
const MARGIN = 0.0024375;
const V_STAR = (2 + 4156 / 24) / MARGIN;
const s = makeScenario();

const tokenRuns = (n: number, input: [number, number], output: [number, number]) =>
  Array.from({ length: n }, (_, i) => ({
    inputTokens: i % 2 === 0 ? input[0] : input[1],
    outputTokens: i % 3 === 0 ? output[0] : output[1],
  }));

const everything: MonteCarloOptions = {
  draws: 2000,
  seed: 42,
  tokenSamples: {
    teacher: tokenRuns(200, [900, 1100], [150, 225]),
    student: tokenRuns(200, [900, 1100], [200, 275]),
  },
  failureShareDraws: {
    teacher: [0.01, 0.02, 0.03],
    student: [0.04, 0.05, 0.07],
    paired: true,
  },
  volume: { low: 50_000, mode: 100_000, high: 150_000 },
};

describe('monteCarlo', () => {
  it('gives identical output for the same seed, and different output for another', () => {
    const a = monteCarlo(s, everything);
    const b = monteCarlo(s, everything);
    expect(b).toEqual(a);
    expect(a.varied).toEqual(['teacherTokens', 'studentTokens', 'failureShares', 'volume']);
    const c = monteCarlo(s, { ...everything, seed: 43 });
    expect(c.npvUsd).not.toEqual(a.npvUsd);
  });

  it('collapses to the deterministic figures when nothing is drawn', () => {
    const r = monteCarlo(s, { draws: 50, seed: 1 });
    const base = computeRoi(s);
    expect(r.varied).toEqual([]);
    expect(r.npvUsd).toEqual({ p5: base.npvUsd, p50: base.npvUsd, p95: base.npvUsd });
    expect(r.monthlySavingUsd.p50).toBe(base.firstMonth.savingUsd);
    expect(r.probabilityPaybackWithinHorizon).toBe(1);
    expect(r.histograms.npvUsd).toEqual([{ from: base.npvUsd, to: base.npvUsd, count: 50 }]);
  });

  it('follows the triangular volume: percentiles and the chance of paying back', () => {
    const volume = { low: 50_000, mode: 72_000, high: 94_000 };
    const r = monteCarlo(s, { draws: 20_000, seed: 7, volume });
    // Triangular CDF below the mode: (x − a)² / ((c − a)(m − a)).
    const belowVStar = (V_STAR - 50_000) ** 2 / (44_000 * 22_000);
    expect(Math.abs(r.probabilityPaybackWithinHorizon - (1 - belowVStar))).toBeLessThan(0.02);
    // Saving is linear in V, so its percentiles are the volume's: P50 = mode (symmetric),
    // P5 = a + √(0.05 (c − a)(m − a)).
    const p5Volume = 50_000 + Math.sqrt(0.05 * 44_000 * 22_000);
    expect(r.monthlySavingUsd.p50).toBeCloseTo(72_000 * MARGIN - 2, -1);
    expect(Math.abs(r.monthlySavingUsd.p5 - (p5Volume * MARGIN - 2))).toBeLessThan(3);
    expect(
      monteCarlo(s, { draws: 500, seed: 7, volume: { low: 10e3, mode: 20e3, high: 30e3 } })
        .probabilityPaybackWithinHorizon,
    ).toBe(0);
    expect(
      monteCarlo(s, { draws: 500, seed: 7, volume: { low: 1e5, mode: 1.5e5, high: 2e5 } })
        .probabilityPaybackWithinHorizon,
    ).toBe(1);
  });

  it('reads paired failure shares at one index, keeping their difference', () => {
    // f_S − f_T is 0.03 at every index, as in the scenario: the quality cost never moves.
    const paired = monteCarlo(s, {
      draws: 300,
      seed: 3,
      failureShareDraws: { teacher: [0.0, 0.02, 0.1], student: [0.03, 0.05, 0.13], paired: true },
    });
    expect(paired.monthlySavingUsd.p5).toBeCloseTo(paired.monthlySavingUsd.p95, 9);
    const unpaired = monteCarlo(s, {
      draws: 300,
      seed: 3,
      failureShareDraws: { teacher: [0.0, 0.02, 0.1], student: [0.03, 0.05, 0.13], paired: false },
    });
    expect(unpaired.monthlySavingUsd.p95 - unpaired.monthlySavingUsd.p5).toBeGreaterThan(1000);
  });

  it("keeps the scenario's f_T when only the student's shares were drawn", () => {
    // f_T stays 0.02; f_S ∈ {0.05, 0.15} moves q between 0.003 and 0.013 per request.
    const r = monteCarlo(s, {
      draws: 400,
      seed: 5,
      failureShareDraws: { teacher: null, student: [0.05, 0.15], paired: true },
    });
    expect(r.monthlySavingUsd.p95).toBeCloseTo(100_000 * MARGIN - 2, 6);
    expect(r.monthlySavingUsd.p5).toBeCloseTo(100_000 * (MARGIN - 0.01) - 2, 6);
  });

  it('resamples token means around the measured mean', () => {
    const r = monteCarlo(s, {
      draws: 1000,
      seed: 11,
      tokenSamples: { teacher: tokenRuns(100, [800, 1200], [200, 200]) },
    });
    // Mean teacher input is 1,000, as in the scenario: the median saving stays near the base.
    const base = computeRoi(s).firstMonth.savingUsd;
    expect(Math.abs(r.monthlySavingUsd.p50 - base)).toBeLessThan(5);
    expect(r.monthlySavingUsd.p95).toBeGreaterThan(r.monthlySavingUsd.p5 + 1);
  });

  it('gives the same figures from tokens prepared once as from the raw runs', () => {
    const { tokenSamples, ...rest } = everything;
    const preparedTokens = prepareTokenReplicates(tokenSamples ?? {}, rest);
    expect(monteCarlo(s, { ...rest, preparedTokens })).toEqual(monteCarlo(s, everything));
    // Prepared for another seed or draw count, or alongside raw runs: refused, not mixed up.
    expect(() => monteCarlo(s, { ...rest, seed: 43, preparedTokens })).toThrow(RangeError);
    expect(() => monteCarlo(s, { ...rest, draws: 500, preparedTokens })).toThrow(RangeError);
    expect(() => monteCarlo(s, { ...everything, preparedTokens })).toThrow(RangeError);
  });

  it('rejects settings it cannot honour', () => {
    expect(() => monteCarlo(s, { draws: 0, seed: 1 })).toThrow(RangeError);
    expect(() => monteCarlo(s, { draws: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() =>
      monteCarlo(s, {
        draws: 10,
        seed: 1,
        failureShareDraws: { teacher: [0.1], student: [0.1, 0.2], paired: true },
      }),
    ).toThrow(/same length/);
  });

  // Its speed is a bench figure (bench/roiBench.ts, roi.monteCarlo10k).
  it('runs 10,000 draws over 10,000 measured runs per model', () => {
    const r = monteCarlo(s, {
      ...everything,
      draws: 10_000,
      tokenSamples: {
        teacher: tokenRuns(10_000, [900, 1100], [150, 225]),
        student: tokenRuns(10_000, [900, 1100], [200, 275]),
      },
    });
    expect(r.monthlySavingUsd.p5).toBeLessThanOrEqual(r.monthlySavingUsd.p50);
    expect(r.monthlySavingUsd.p50).toBeLessThanOrEqual(r.monthlySavingUsd.p95);
  });
});

describe('histogram', () => {
  it('spreads values over equal bins, the maximum in the last one', () => {
    const h = histogram([0, 1, 2, 3, 4, 10], 5);
    // Width 2: [0, 2) holds 0 and 1, [2, 4) holds 2 and 3, [4, 6) holds 4, the last holds 10.
    expect(h.map((b) => b.count)).toEqual([2, 2, 1, 0, 1]);
    expect(h[0]).toEqual({ from: 0, to: 2, count: 2 });
    expect(h[4]?.to).toBe(10);
    expect(histogram([], 5)).toEqual([]);
  });
});

describe('monteCarlo over prices and engineering cost', () => {
  const base = computeRoi(s);

  it('moves NPV but not the monthly saving when only the engineering cost is drawn', () => {
    const r = monteCarlo(s, {
      draws: 2000,
      seed: 7,
      engineeringFactor: { low: 0.75, mode: 1, high: 2 },
    });
    expect(r.varied).toEqual(['engineeringCost']);
    expect(r.monthlySavingUsd.p5).toBe(base.firstMonth.savingUsd);
    expect(r.monthlySavingUsd.p95).toBe(base.firstMonth.savingUsd);
    // E = $4,000 of the $4,156; NPV = base − E · (factor − 1), so the spread is E times the
    // factor's: within E · [−0.25, +1], and wider than nothing.
    expect(r.npvUsd.p95).toBeLessThanOrEqual(base.npvUsd + 4000 * 0.25 + 1e-6);
    expect(r.npvUsd.p5).toBeGreaterThanOrEqual(base.npvUsd - 4000 * 1 - 1e-6);
    expect(r.npvUsd.p95 - r.npvUsd.p5).toBeGreaterThan(1000);
  });

  it('spreads the saving around the base when each side’s prices are drawn', () => {
    for (const side of ['teacher', 'student'] as const) {
      const r = monteCarlo(s, {
        draws: 2000,
        seed: 7,
        priceFactors: { [side]: { low: 0.5, high: 1.75 } },
      });
      expect(r.varied).toEqual([`${side}Prices`]);
      expect(r.monthlySavingUsd.p5).toBeLessThan(base.firstMonth.savingUsd);
      expect(r.monthlySavingUsd.p95).toBeGreaterThan(base.firstMonth.savingUsd);
    }
  });

  it('draws the student’s provisioned hourly rate with its prices', () => {
    const provisioned = makeScenario({
      student: {
        ...s.student,
        serving: {
          kind: 'provisioned',
          modelUnits: 1,
          usdPerHourPerUnit: 1,
          term: 'oneMonth',
          capacityTokensPerMinutePerUnit: 10_000,
        },
      },
    });
    const r = monteCarlo(provisioned, {
      draws: 500,
      seed: 1,
      priceFactors: { student: { low: 0.5, high: 1.5 } },
    });
    expect(r.monthlySavingUsd.p95 - r.monthlySavingUsd.p5).toBeGreaterThan(0);
  });

  it('refuses a factor range that does not hold 1, naming it', () => {
    expect(() =>
      monteCarlo(s, { draws: 10, seed: 1, priceFactors: { teacher: { low: 1.2, high: 2 } } }),
    ).toThrow(/priceFactors.teacher/);
    expect(() =>
      monteCarlo(s, { draws: 10, seed: 1, engineeringFactor: { low: 1, mode: 0.5, high: 2 } }),
    ).toThrow(/engineeringFactor/);
  });
});
