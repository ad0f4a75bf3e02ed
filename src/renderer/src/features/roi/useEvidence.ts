import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { RoiEvidence } from '../../../../shared/roi';
import { api } from '../../api/transport';

/** The measured evidence of the chosen experiment; null while there is none or it loads. */
export function useEvidence(experimentId: string | null) {
  const [loaded, setLoaded] = useState<{ id: string; evidence: RoiEvidence } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    if (experimentId === null) return;
    let live = true;
    void api.getRoiEvidence({ experimentId }).then((r) => {
      if (!live) return;
      if (r.ok) setLoaded({ id: experimentId, evidence: r.value });
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [experimentId]);
  const evidence = loaded && loaded.id === experimentId ? loaded.evidence : null;
  return {
    evidence,
    loading: experimentId !== null && evidence === null && !error,
    error,
    setError,
  };
}
