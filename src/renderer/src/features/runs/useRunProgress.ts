import { useEffect } from 'react';
import type { RunProgress } from '../../../../shared/domain/run';
import { api } from '../../api/transport';
import { putProgress, seedProgress, useProgress } from './progressStore';
import { useQuery } from '../../api/useQuery';

/** How often the store is re-read while another process runs the experiment (no events come). */
export const ELSEWHERE_POLL_MS = 2_000;

/**
 * The experiment's progress from the shared snapshot (progressStore): read once, then kept
 * current by the events main pushes; while another process (the command line) runs it,
 * re-read every ELSEWHERE_POLL_MS instead, and re-read when its batch jobs change.
 */
export function useRunProgress(experimentId: string) {
  const progress = useProgress(experimentId);
  useQuery(() => api.getRunProgress({ id: experimentId }), [experimentId], {
    onData: seedProgress,
  });

  const watching = progress?.runningElsewhere === true;
  useEffect(() => {
    if (!watching) return;
    let live = true;
    const timer = setInterval(() => {
      void api.getRunProgress({ id: experimentId }).then((r) => {
        if (live && r.ok) putProgress(r.value);
      });
    }, ELSEWHERE_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [experimentId, watching]);

  // Batch jobs change the experiment's status (running, paused when tracking stopped, completed)
  // without a runner's progress events: re-read it whenever its job panel changes.
  useEffect(() => {
    let live = true;
    const off = api.onEvent((e) => {
      if (e.type !== 'batchJobs' || e.overview.experimentId !== experimentId) return;
      void api.getRunProgress({ id: experimentId }).then((r) => {
        if (live && r.ok) putProgress(r.value);
      });
    });
    return () => {
      live = false;
      off();
    };
  }, [experimentId]);

  return [progress, putProgress as (p: RunProgress) => void] as const;
}
