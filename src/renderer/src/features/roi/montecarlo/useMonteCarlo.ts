import { useEffect, useRef, useState } from 'react';
import {
  uncertaintyOptions,
  volumeRange,
  type MonteCarloInputs,
  type MonteCarloResult,
  type Scenario,
} from '../../../../../shared/roi';
import type { WorkerReply, WorkerRequest } from './workerCore';

export interface MonteCarloSettings {
  draws: number;
  seed: number;
  /** Triangular volume from (1 − spread)·V to (1 + spread)·V, mode at V. */
  volumeSpread: number;
  /** Both sides' prices times a triangular factor in [1 − spread, 1 + spread] (tier, batch). */
  priceSpread: number;
  /** Engineering cost times a triangular factor in [1 − overrun / 4, 1 + overrun], mode 1. */
  engineeringOverrun: number;
}

export interface MonteCarloState {
  result: MonteCarloResult | null;
  running: boolean;
  error: string | null;
  /** Time of the draws, and of preparing the token replicates when that was needed. */
  ms: number | null;
  preparedMs: number | null;
}

/** Slider moves arrive every few milliseconds; the worker gets the scenario once they pause. */
const DEBOUNCE_MS = 250;

/**
 * Runs the Monte Carlo in a Web Worker, debounced, always with the latest scenario; results of
 * superseded runs are dropped. Same scenario, settings and seed give the same numbers.
 */
export function useMonteCarlo(
  scenario: Scenario | null,
  settings: MonteCarloSettings,
  inputs: MonteCarloInputs | null,
): MonteCarloState {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const postedKey = useRef<string | null>(null);
  const [state, setState] = useState<MonteCarloState>({
    result: null,
    running: false,
    error: null,
    ms: null,
    preparedMs: null,
  });

  useEffect(() => {
    let w: Worker;
    try {
      w = new Worker(new URL('./monteCarlo.worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      const message = `The simulation could not start: ${e instanceof Error ? e.message : String(e)}`;
      queueMicrotask(() => setState((s) => ({ ...s, error: message })));
      return;
    }
    w.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.id !== latest.current) return;
      // Timings are for developers: the browser's performance timeline, not the screen.
      if (reply.type === 'result') {
        performance.measure('monte-carlo draws', { end: performance.now(), duration: reply.ms });
      }
      setState(
        reply.type === 'result'
          ? {
              result: reply.result,
              running: false,
              error: null,
              ms: reply.ms,
              preparedMs: reply.preparedMs,
            }
          : (s) => ({ ...s, running: false, error: reply.message }),
      );
    };
    w.onerror = (e) =>
      setState((s) => ({ ...s, running: false, error: e.message || 'The simulation failed.' }));
    worker.current = w;
    // A new worker has no samples yet, whatever the last one was sent.
    postedKey.current = null;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const samplesKey = inputs?.samplesKey ?? null;
  const tokenSamples = inputs?.tokenSamples ?? null;
  useEffect(() => {
    // The samples are rebuilt with every scenario; the worker needs them once per experiment.
    if (samplesKey === null || tokenSamples === null || postedKey.current === samplesKey) return;
    const request: WorkerRequest = { type: 'samples', key: samplesKey, samples: tokenSamples };
    worker.current?.postMessage(request);
    postedKey.current = samplesKey;
  }, [samplesKey, tokenSamples]);

  const shares = inputs?.failureShareDraws;
  const { draws, seed, volumeSpread, priceSpread, engineeringOverrun } = settings;
  useEffect(() => {
    if (!scenario || !worker.current) return;
    const id = latest.current + 1;
    latest.current = id;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, running: true }));
      const request: WorkerRequest = {
        type: 'run',
        id,
        scenario,
        samplesKey,
        options: {
          draws,
          seed,
          volume: volumeRange(scenario, volumeSpread),
          ...uncertaintyOptions(priceSpread, engineeringOverrun),
          ...(shares ? { failureShareDraws: shares } : {}),
        },
      };
      worker.current?.postMessage(request);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [scenario, draws, seed, volumeSpread, priceSpread, engineeringOverrun, samplesKey, shares]);

  return state;
}
