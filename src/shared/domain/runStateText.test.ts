import { describe, expect, it } from 'vitest';
import { endedIncomplete, runStateText } from './runStateText';

describe('runStateText', () => {
  it('names each status, and a run that ended with calls never made as Incomplete', () => {
    expect(runStateText({ status: 'completed', done: 240, total: 240 })).toBe('Completed');
    expect(runStateText({ status: 'completed', done: 60, total: 240 })).toBe('Incomplete');
    expect(runStateText({ status: 'completed', done: 0, total: 240 })).toBe('Incomplete');
    expect(runStateText({ status: 'running', done: 60, total: 240 })).toBe('Running');
    expect(runStateText({ status: 'paused', done: 60, total: 240 })).toBe('Paused');
    expect(runStateText({ status: 'draft', done: 0, total: 240 })).toBe('Not started');
    expect(runStateText({ status: 'cancelled', done: 3, total: 240 })).toBe('Cancelled');
    expect(runStateText({ status: 'interrupted', done: 3, total: 240 })).toBe('Interrupted');
  });

  it('calls only a completed run with calls left incomplete', () => {
    expect(endedIncomplete({ status: 'completed', done: 239, total: 240 })).toBe(true);
    expect(endedIncomplete({ status: 'completed', done: 240, total: 240 })).toBe(false);
    expect(endedIncomplete({ status: 'paused', done: 0, total: 240 })).toBe(false);
    expect(endedIncomplete({ status: 'completed', done: 0, total: 0 })).toBe(false);
  });
});
