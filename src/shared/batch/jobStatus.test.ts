import { describe, expect, it } from 'vitest';
import { RUN_MISSING_LABEL, describeEnd } from './jobStatus';

describe('describeEnd', () => {
  it('a Failed job names the button and the command that make its records on demand, not a new batch', () => {
    const note = describeEnd('Failed', 'the input did not validate', 'exp-1');
    expect(note).toBe(
      'Failed (the input did not validate): no output; run them on demand with "Run missing calls on demand" in the run panel, or distill-roi run --resume exp-1.',
    );
    expect(note).not.toContain('new batch');
    expect(RUN_MISSING_LABEL).toBe('Run missing calls on demand');
  });

  it('every end that leaves records without a result points to the same action', () => {
    for (const status of ['PartiallyCompleted', 'Failed', 'Stopped', 'Expired']) {
      expect(describeEnd(status, null, 'exp-2'), status).toContain(
        `"${RUN_MISSING_LABEL}" in the run panel, or distill-roi run --resume exp-2`,
      );
    }
    expect(describeEnd('Completed', null, 'exp-2')).toBe('Completed: every record was processed.');
  });
});
