import { useEffect, useState } from 'react';
import type { ExperimentResults } from '../../../../shared/ipc/experimentChannels';
import type { AppError } from '../../../../shared/ipc/result';
import { api } from '../../api/transport';

/**
 * An experiment's paragraphs and runs. While a run is going the caller passes a changing
 * `revision` (calls done); reads are spaced out so a fast run does not re-read on every call.
 */
export function useExperimentResults(experimentId: string, revision: number) {
  const [results, setResults] = useState<ExperimentResults | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        void api.getExperimentResults({ id: experimentId }).then((r) => {
          if (!live) return;
          if (r.ok) setResults(r.value);
          else setError(r.error);
        });
      },
      revision === 0 ? 0 : 800,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [experimentId, revision]);
  return { results, error };
}
