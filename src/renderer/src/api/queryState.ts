import type { AppError, Result } from '../../../shared/ipc/result';

/**
 * The state of one data-fetching query, as a pure reducer so that its rules are tested without
 * a DOM: every fetch gets a number, and only the answer to the latest one is kept, so a slow
 * answer to an old request (the user switched experiments meanwhile) never overwrites a newer
 * one. Data stays on screen while a reload is under way and when a reload fails.
 */
export interface QueryState<T> {
  /** The number of the latest fetch started; 0 before the first. */
  request: number;
  data: T | null;
  error: AppError | null;
  loading: boolean;
}

export type QueryEvent<T> =
  | { type: 'start'; request: number }
  | { type: 'settle'; request: number; result: Result<T> }
  /** The caller replaced the data (e.g. with a mutation's answer): no fetch is waited for. */
  | { type: 'set'; data: T | null };

export const initialQueryState = <T>(): QueryState<T> => ({
  request: 0,
  data: null,
  error: null,
  loading: false,
});

export function queryReducer<T>(state: QueryState<T>, event: QueryEvent<T>): QueryState<T> {
  switch (event.type) {
    case 'start':
      return { ...state, request: event.request, loading: true };
    case 'settle':
      if (event.request !== state.request) return state;
      return event.result.ok
        ? { ...state, data: event.result.value, error: null, loading: false }
        : { ...state, error: event.result.error, loading: false };
    case 'set':
      return { ...state, data: event.data, error: null };
  }
}
