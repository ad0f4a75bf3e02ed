import { describe, expect, it } from 'vitest';
import { monteCarlo, startingScenario } from '../../../../../shared/roi';
import { MonteCarloWorkerCore, type RunOptions } from './workerCore';

const scenario = startingScenario();
const samples = {
  teacher: Array.from({ length: 300 }, (_, i) => ({
    inputTokens: 60 + (i % 20),
    outputTokens: 70 + (i % 30),
  })),
  student: Array.from({ length: 300 }, (_, i) => ({
    inputTokens: 60 + (i % 20),
    outputTokens: 60 + (i % 25),
  })),
};
const options: RunOptions = { draws: 2000, seed: 9, volume: { low: 7e5, mode: 1e6, high: 1.3e6 } };

describe('the Monte Carlo worker', () => {
  it('gives exactly what monteCarlo gives, preparing the token resampling once per seed', () => {
    const core = new MonteCarloWorkerCore();
    expect(core.handle({ type: 'samples', key: 'e1', samples })).toBeNull();
    const run = (id: number, o: RunOptions) =>
      core.handle({ type: 'run', id, scenario, options: o, samplesKey: 'e1' });
    const first = run(1, options);
    if (first?.type !== 'result') throw new Error('expected a result');
    expect(first.result).toEqual(monteCarlo(scenario, { ...options, tokenSamples: samples }));
    expect(first.preparedMs).not.toBeNull();
    const again = run(2, { ...options, volume: { low: 1e5, mode: 2e5, high: 3e5 } });
    expect(again?.type === 'result' && again.preparedMs).toBeNull();
    const reseeded = run(3, { ...options, seed: 10 });
    expect(reseeded?.type === 'result' && reseeded.preparedMs).not.toBeNull();
  });

  it('runs without samples, and says so when asked for samples it does not have', () => {
    const core = new MonteCarloWorkerCore();
    const plain = core.handle({ type: 'run', id: 1, scenario, options, samplesKey: null });
    expect(plain?.type === 'result' && plain.result).toEqual(monteCarlo(scenario, options));
    expect(core.handle({ type: 'run', id: 2, scenario, options, samplesKey: 'e9' })).toMatchObject({
      type: 'error',
      id: 2,
      message: 'The measured runs are still loading.',
    });
    expect(
      core.handle({
        type: 'run',
        id: 3,
        scenario,
        options: { ...options, draws: 0 },
        samplesKey: null,
      }),
    ).toMatchObject({ type: 'error', id: 3 });
  });
});
