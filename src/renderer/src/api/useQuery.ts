import { useCallback, useEffect, useReducer, useRef, useState, type DependencyList } from 'react';
import type { AppError, Result } from '../../../shared/ipc/result';
import { initialQueryState, queryReducer } from './queryState';

export interface QueryOptions<T> {
  /** False: fetch nothing (e.g. no experiment chosen yet); the last data stays. */
  enabled?: boolean;
  /** Called with each answer that is kept, for screens that also copy it into a form. */
  onData?: (data: T) => void;
  /** Called with each error that is kept, for screens that show errors in one place. */
  onError?: (error: AppError) => void;
}

export interface Query<T> {
  data: T | null;
  error: AppError | null;
  loading: boolean;
  /** Fetches again with the same inputs (after a change made elsewhere). */
  reload: () => void;
  /** Replaces the data with one already in hand, such as what a save answered. */
  setData: (data: T | null) => void;
}

/**
 * The renderer's one data-fetching hook: calls `call` when the component mounts and whenever
 * `deps` change (the same rule as useEffect), keeps the latest answer's data or error, and
 * drops answers to calls made before the latest one or after unmount (queryState.ts). The call
 * made is the one of the latest render, so it may close over current props.
 */
export function useQuery<T>(
  call: () => Promise<Result<T>>,
  deps: DependencyList,
  options: QueryOptions<T> = {},
): Query<T> {
  const [state, dispatch] = useReducer(queryReducer<T>, undefined, initialQueryState<T>);
  const [revision, setRevision] = useState(0);
  const latest = useRef({ call, options });
  useEffect(() => {
    latest.current = { call, options };
  });
  const requests = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const enabled = options.enabled ?? true;

  useEffect(() => {
    if (!enabled) return;
    const request = ++requests.current;
    dispatch({ type: 'start', request });
    void latest.current.call().then((result) => {
      if (!mounted.current) return;
      // The reducer keeps only the latest request's answer; the callbacks follow it.
      dispatch({ type: 'settle', request, result });
      if (request !== requests.current) return;
      if (result.ok) latest.current.options.onData?.(result.value);
      else latest.current.options.onError?.(result.error);
    });
    // The caller's deps decide when to fetch, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled, revision]);

  const reload = useCallback(() => setRevision((r) => r + 1), []);
  const setData = useCallback((data: T | null) => dispatch({ type: 'set', data }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
