import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/ipc/result';
import { initialQueryState, queryReducer, type QueryEvent, type QueryState } from './queryState';

const run = (events: QueryEvent<string>[]): QueryState<string> =>
  events.reduce(queryReducer<string>, initialQueryState<string>());

describe('queryReducer', () => {
  it('starts empty and idle, loads, then holds the answer', () => {
    expect(initialQueryState()).toEqual({ request: 0, data: null, error: null, loading: false });
    expect(run([{ type: 'start', request: 1 }])).toMatchObject({ loading: true, data: null });
    expect(
      run([
        { type: 'start', request: 1 },
        { type: 'settle', request: 1, result: ok('first') },
      ]),
    ).toEqual({ request: 1, data: 'first', error: null, loading: false });
  });

  it('keeps only the latest request: an older answer arriving last is dropped', () => {
    const state = run([
      { type: 'start', request: 1 },
      { type: 'start', request: 2 },
      { type: 'settle', request: 2, result: ok('new') },
      { type: 'settle', request: 1, result: ok('old') },
    ]);
    expect(state).toEqual({ request: 2, data: 'new', error: null, loading: false });
  });

  it('stays loading while only an older request has answered', () => {
    const state = run([
      { type: 'start', request: 1 },
      { type: 'start', request: 2 },
      { type: 'settle', request: 1, result: ok('old') },
    ]);
    expect(state).toMatchObject({ data: null, loading: true });
  });

  it('keeps the data on screen while reloading and when a reload fails, with its error', () => {
    const reloading = run([
      { type: 'start', request: 1 },
      { type: 'settle', request: 1, result: ok('shown') },
      { type: 'start', request: 2 },
    ]);
    expect(reloading).toMatchObject({ data: 'shown', loading: true });
    const failed = queryReducer(reloading, {
      type: 'settle',
      request: 2,
      result: err('aws', 'Bedrock could not be reached.'),
    });
    expect(failed).toEqual({
      request: 2,
      data: 'shown',
      error: { code: 'aws', message: 'Bedrock could not be reached.' },
      loading: false,
    });
  });

  it('clears an error once an answer arrives or the data is replaced', () => {
    const failed = run([
      { type: 'start', request: 1 },
      { type: 'settle', request: 1, result: err('not_found', 'gone') },
    ]);
    expect(queryReducer(failed, { type: 'set', data: 'saved' })).toMatchObject({
      data: 'saved',
      error: null,
    });
    const retried = run([
      { type: 'start', request: 1 },
      { type: 'settle', request: 1, result: err('not_found', 'gone') },
      { type: 'start', request: 2 },
      { type: 'settle', request: 2, result: ok('back') },
    ]);
    expect(retried).toMatchObject({ data: 'back', error: null });
  });

  it('lets a replaced value stand against a fetch started before it only until that answers', () => {
    const state = run([
      { type: 'start', request: 1 },
      { type: 'set', data: 'saved' },
    ]);
    expect(state).toMatchObject({ data: 'saved', loading: true });
    expect(queryReducer(state, { type: 'settle', request: 1, result: ok('fresh') }).data).toBe(
      'fresh',
    );
  });
});
