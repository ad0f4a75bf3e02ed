import { useCallback, useSyncExternalStore } from 'react';

/**
 * What the analyst last chose, kept across screens and restarts (issue 12: screens jumped to the
 * newest experiment, and the ROI screen forgot everything on each visit). One key per choice in
 * localStorage; a storage that refuses (private mode, quota) only means nothing is remembered.
 */
export type WorkspaceKey = 'experiment' | 'roiScenario' | 'roiExperiment';

const PREFIX = 'distill-roi.workspace.';
const listeners = new Set<() => void>();

export function readChoice(key: WorkspaceKey): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function writeChoice(key: WorkspaceKey, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // Not remembered; the choice still holds on this screen.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A remembered choice and its setter, shared by every screen that reads the same key. */
export function useChoice(key: WorkspaceKey): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(subscribe, () => readChoice(key));
  const set = useCallback((v: string | null) => writeChoice(key, v), [key]);
  return [value, set];
}
