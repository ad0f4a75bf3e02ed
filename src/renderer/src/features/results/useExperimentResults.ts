import { useEffect, useRef, useState } from 'react';
import type { ExperimentResults } from '../../../../shared/ipc/experimentChannels';
import type { AppError } from '../../../../shared/ipc/result';
import { api } from '../../api/transport';

/** The least time between two reads while a run is going. */
const READ_EVERY_MS = 800;

/**
 * An experiment's paragraphs and runs. While a run is going the caller passes a changing
 * `revision` (calls done). Reads are throttled, not debounced: a run that finishes a call every
 * 100 ms must still show results every READ_EVERY_MS, not only once it stops.
 */
export function useExperimentResults(experimentId: string, revision: number) {
  const [results, setResults] = useState<ExperimentResults | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const lastRead = useRef(0);
  useEffect(() => {
    let live = true;
    const since = performance.now() - lastRead.current;
    const wait = revision === 0 ? 0 : Math.max(0, READ_EVERY_MS - since);
    const timer = setTimeout(() => {
      lastRead.current = performance.now();
      void api.getExperimentResults({ id: experimentId }).then((r) => {
        if (!live) return;
        if (r.ok) setResults(r.value);
        else setError(r.error);
      });
    }, wait);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [experimentId, revision]);
  return { results, error };
}
