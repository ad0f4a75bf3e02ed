import { describe, expect, it } from 'vitest';
import {
  RUN_MISSING_LABEL,
  describeEnd,
  jobStateWords,
  noteParts,
  runMissingCommand,
  settleNote,
  statusWords,
} from './jobStatus';

const HINT = `"${RUN_MISSING_LABEL}" in the run panel, or distill-roi run --resume exp-2`;

describe('describeEnd', () => {
  it('a Failed job names the button and the command that make its records on demand, not a new batch', () => {
    const note = describeEnd(
      { status: 'Failed', message: 'the input did not validate', notReturned: 120 },
      'exp-1',
    );
    expect(note).toBe(
      'Failed (the input did not validate): no output; 120 records had no result; run them on demand with "Run missing calls on demand" in the run panel, or distill-roi run --resume exp-1.',
    );
    expect(note).not.toContain('new batch');
    expect(RUN_MISSING_LABEL).toBe('Run missing calls on demand');
  });

  it('every end that leaves records without a result points to the same action', () => {
    for (const status of ['PartiallyCompleted', 'Failed', 'Stopped', 'Expired', 'Completed']) {
      expect(describeEnd({ status, message: null, notReturned: 3 }, 'exp-2'), status).toContain(
        `3 records had no result; run them on demand with ${HINT}.`,
      );
    }
    expect(describeEnd({ status: 'Completed', message: null, notReturned: 0 }, 'exp-2')).toBeNull();
  });

  it('once the missing calls are made on demand, the note says so and offers no button', () => {
    for (const status of ['PartiallyCompleted', 'Failed', 'Stopped', 'Expired', 'Completed']) {
      const note = describeEnd({ status, message: null, notReturned: 1_200 }, 'exp-2', true);
      expect(note, status).toContain('the 1,200 records without a result were run on demand.');
      expect(note, status).not.toContain(RUN_MISSING_LABEL);
      expect(note, status).not.toContain('--resume');
    }
    expect(describeEnd({ status: 'Stopped', message: null, notReturned: 1 }, 'exp-2', true)).toBe(
      'Stopped: the records processed before the stop were collected; the 1 record without a result was run on demand.',
    );
  });
});

describe('settleNote', () => {
  const end = { status: 'PartiallyCompleted', message: 'some records failed', notReturned: 60 };
  const stored = `${describeEnd(end, 'exp-3') ?? ''} manifest.json.out is missing.`;

  it("settles the end's words and keeps what collection found besides", () => {
    expect(settleNote(stored, end, 'exp-3', true)).toBe(
      'Partially completed (some records failed): the records processed were collected; the 60 records without a result were run on demand. manifest.json.out is missing.',
    );
  });

  it('leaves the note as stored while calls are missing, and a note in other words', () => {
    expect(settleNote(stored, end, 'exp-3', false)).toBe(stored);
    expect(settleNote('Written by an older version.', end, 'exp-3', true)).toBe(
      'Written by an older version.',
    );
    expect(settleNote(null, end, 'exp-3', true)).toBeNull();
  });
});

describe('jobStateWords', () => {
  it("says a job's status in words, never AWS's enum, with where collection stands", () => {
    expect(jobStateWords({ phase: 'collected', status: 'PartiallyCompleted' })).toBe(
      'Partially completed · collected',
    );
    expect(jobStateWords({ phase: 'submitted', status: 'InProgress' })).toBe('In progress');
    expect(jobStateWords({ phase: 'uploaded', status: null })).toBe('Uploading');
    expect(jobStateWords({ phase: 'failed', status: null })).toBe('Not created');
    expect(jobStateWords({ phase: 'collected', status: 'Failed' })).toBe('Failed · collected');
  });

  it('the notes and the status cell use the same words', () => {
    const note = describeEnd({ status: 'PartiallyCompleted', message: null, notReturned: 1 }, 'e');
    expect(note?.startsWith(statusWords('PartiallyCompleted'))).toBe(true);
    expect(statusWords('SomethingNew')).toBe('SomethingNew');
  });
});

describe('noteParts', () => {
  it('cuts a note at the command it names, so the screen can keep the command whole', () => {
    const note = describeEnd({ status: 'Failed', message: null, notReturned: 2 }, 'exp-9') ?? '';
    const parts = noteParts(note, [runMissingCommand('exp-9')]);
    expect(parts.filter((p) => p.command)).toEqual([
      { text: 'distill-roi run --resume exp-9', command: true },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(note);
    expect(parts.at(-1)).toEqual({ text: '.', command: false });
  });

  it('a note without a command is one piece of words; every occurrence is cut', () => {
    expect(noteParts('nothing is missing.', ['distill-roi run --resume e'])).toEqual([
      { text: 'nothing is missing.', command: false },
    ]);
    expect(noteParts('a x b x', ['x']).map((p) => p.command)).toEqual([false, true, false, true]);
  });
});
