import { describe, expect, it } from 'vitest';
import { RUN_MISSING_LABEL, describeEnd, settleNote } from './jobStatus';

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
