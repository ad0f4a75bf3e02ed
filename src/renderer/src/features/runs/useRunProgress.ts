import { useEffect, useState } from 'react';
import type { RunProgress } from '../../../../shared/domain/run';
import { api } from '../../api/transport';

/** The experiment's progress: read once, then kept current by the events main pushes. */
export function useRunProgress(experimentId: string) {
  const [progress, setProgress] = useState<RunProgress | null>(null);
  useEffect(() => {
    let live = true;
    void api.getRunProgress({ id: experimentId }).then((r) => {
      if (live && r.ok) setProgress((p) => p ?? r.value);
    });
    const off = api.onEvent((e) => {
      if (e.type === 'runProgress' && e.progress.experimentId === experimentId)
        setProgress(e.progress);
    });
    return () => {
      live = false;
      off();
    };
  }, [experimentId]);
  return [progress, setProgress] as const;
}
