import { useEffect, useState } from 'react';
import type { RunProgress } from '../../../../shared/domain/run';
import { api } from '../../api/transport';

/** How often the store is re-read while another process runs the experiment (no events come). */
export const ELSEWHERE_POLL_MS = 2_000;

/**
 * The experiment's progress: read once, then kept current by the events main pushes; while
 * another process (the command line) runs it, re-read every ELSEWHERE_POLL_MS instead.
 */
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

  const watching = progress?.runningElsewhere === true;
  useEffect(() => {
    if (!watching) return;
    let live = true;
    const timer = setInterval(() => {
      void api.getRunProgress({ id: experimentId }).then((r) => {
        if (live && r.ok) setProgress(r.value);
      });
    }, ELSEWHERE_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [experimentId, watching]);

  return [progress, setProgress] as const;
}
