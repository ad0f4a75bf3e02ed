import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planModelJobs } from './plan';
import { DEFAULT_BATCH_QUOTAS, describeBatchQuotas, splitNote, type BatchQuotas } from './quotas';

const q = (o: Partial<BatchQuotas>): BatchQuotas => ({ ...DEFAULT_BATCH_QUOTAS, ...o });

describe('planModelJobs', () => {
  it('keeps 50,000 records in one job and one file under the default quotas', () => {
    const plan = planModelJobs(new Array<number>(50_000).fill(500), DEFAULT_BATCH_QUOTAS, 'm');
    expect(plan.ok && plan.jobs.map((j) => [j.count, j.files.length])).toEqual([[50_000, 1]]);
  });

  it('balances 100,001 records into three jobs, none below the minimum', () => {
    const plan = planModelJobs(new Array<number>(100_001).fill(500), DEFAULT_BATCH_QUOTAS, 'm');
    expect(plan.ok && plan.jobs.map((j) => j.count)).toEqual([33_334, 33_334, 33_333]);
  });

  it('splits by bytes as well as by records', () => {
    const plan = planModelJobs(
      new Array<number>(300).fill(10_000),
      q({ maxFileBytes: 250_000, maxJobBytes: 1_000_000 }),
      'm',
    );
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.jobs.map((j) => j.count)).toEqual([100, 100, 100]);
    expect(plan.jobs[0]?.files.map((f) => f.count)).toEqual([25, 25, 25, 25]);
  });

  it('refuses below the minimum, naming the model and offering on-demand', () => {
    const plan = planModelJobs(new Array<number>(99).fill(1), DEFAULT_BATCH_QUOTAS, 'meta.x');
    expect(plan).toEqual({
      ok: false,
      reason: 'belowMinimum',
      message:
        'meta.x: 99 records is below the batch minimum of 100 per job; run this model on demand instead.',
    });
  });

  it('covers every record exactly once, within every limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2_000 }), { minLength: 10, maxLength: 3_000 }),
        fc.integer({ min: 10, max: 500 }),
        fc.integer({ min: 5, max: 200 }),
        (bytes, maxJob, maxFile) => {
          const quotas = q({
            minRecordsPerJob: 1,
            maxRecordsPerJob: maxJob,
            maxRecordsPerFile: maxFile,
            maxFileBytes: 50_000,
            maxJobBytes: 200_000,
          });
          const plan = planModelJobs(bytes, quotas, 'm');
          if (!plan.ok) return;
          let next = 0;
          for (const job of plan.jobs) {
            expect(job.count).toBeLessThanOrEqual(maxJob);
            expect(job.bytes).toBeLessThanOrEqual(200_000);
            for (const f of job.files) {
              expect(f.first).toBe(next);
              expect(f.count).toBeLessThanOrEqual(maxFile);
              expect(f.bytes).toBeLessThanOrEqual(50_000);
              next += f.count;
            }
          }
          expect(next).toBe(bytes.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('what the plan says about quotas', () => {
  it('names the documented defaults, and why a model went as several files in one job', () => {
    expect(describeBatchQuotas(DEFAULT_BATCH_QUOTAS)).toMatch(
      /documented defaults, not read from your account; if your account/,
    );
    const q = { ...DEFAULT_BATCH_QUOTAS, minRecordsPerJob: 1, maxRecordsPerFile: 10 };
    const plan = planModelJobs(new Array<number>(25).fill(100), q, 'm');
    if (!plan.ok) throw new Error(plan.message);
    const jobs = plan.jobs.map((j) => ({ recordCount: j.count, files: j.files.length }));
    expect(splitNote({ modelName: 'M', jobs }, q)).toBe(
      'M: 25 records exceed the 10 records per input file, so they go as 3 input files in one job.',
    );
    // One job, one file: nothing to say.
    expect(splitNote({ modelName: 'M', jobs: [{ recordCount: 25, files: 1 }] }, q)).toBeNull();
    // Several jobs because of their size in bytes, not their count.
    const bySize = { ...q, maxRecordsPerFile: 1_000, maxJobBytes: 2_000, maxFileBytes: 2_000 };
    const big = planModelJobs(new Array<number>(25).fill(100), bySize, 'm');
    if (!big.ok) throw new Error(big.message);
    expect(
      splitNote(
        { modelName: 'M', jobs: big.jobs.map((j) => ({ recordCount: j.count, files: 1 })) },
        bySize,
      ),
    ).toBe(
      'M: 25 records exceed the 2,000 bytes per job, so they go as 2 jobs (13 + 12 records, 2 input files).',
    );
  });
});
