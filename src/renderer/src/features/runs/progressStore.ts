import { useSyncExternalStore } from 'react';
import type { RunProgress } from '../../../../shared/domain/run';
import { api } from '../../api/transport';

/**
 * The one progress snapshot per experiment that the experiment list, the run panel, its
 * progress bar and the results all read, so they can never disagree (issue 12: the list said
 * 0/120 while the panel said 7/120). It is fed by main's progress events for the app's
 * lifetime, by the first read of an experiment, and by the answers of start/pause/cancel.
 */

const snapshots = new Map<string, RunProgress>();
const listeners = new Set<() => void>();
let version = 0;
let listening = false;

export function putProgress(p: RunProgress): void {
  snapshots.set(p.experimentId, p);
  version += 1;
  for (const l of listeners) l();
}

/** A first read only fills a gap: an event that arrived meanwhile is newer. */
export function seedProgress(p: RunProgress): void {
  if (!snapshots.has(p.experimentId)) putProgress(p);
}

function subscribe(listener: () => void): () => void {
  if (!listening) {
    listening = true;
    api.onEvent((e) => {
      if (e.type === 'runProgress') putProgress(e.progress);
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useProgress(experimentId: string): RunProgress | null {
  return useSyncExternalStore(subscribe, () => snapshots.get(experimentId) ?? null);
}

/** Every snapshot; re-renders on any change. */
export function useAllProgress(): ReadonlyMap<string, RunProgress> {
  useSyncExternalStore(subscribe, () => version);
  return snapshots;
}
