import { describe, expect, it } from 'vitest';
import { batchEndReason } from './endReason';

describe('batchEndReason', () => {
  it('says one job, one record and one error in the singular', () => {
    expect(batchEndReason({ stored: 1, errors: 1, missing: 1, notes: 1 })).toBe(
      'batch: 1 result, 1 record error, 1 record without a result; 1 job needs attention (see the job panel)',
    );
  });

  it('counts in the plural with thousands separated, and is null when nothing is amiss', () => {
    expect(batchEndReason({ stored: 12_000, errors: 0, missing: 180, notes: 2 })).toBe(
      'batch: 12,000 results, 0 record errors, 180 records without a result; 2 jobs need attention (see the job panel)',
    );
    expect(batchEndReason({ stored: 240, errors: 3, missing: 0, notes: 0 })).toBe(
      'batch: 240 results, 3 record errors, 0 records without a result',
    );
    expect(batchEndReason({ stored: 240, errors: 0, missing: 0, notes: 0 })).toBeNull();
  });
});
