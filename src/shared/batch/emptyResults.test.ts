import { describe, expect, it } from 'vitest';
import type { BatchJobView, BatchOverview } from './batchDomain';
import { emptyResultsNote, missingOutputText, NO_RESULTS_YET, NOT_RUN_YET } from './emptyResults';

const job = (over: Partial<BatchJobView>): BatchJobView => ({
  id: 'j',
  modelId: 'm',
  partIndex: 0,
  recordCount: 120,
  inputFiles: 1,
  phase: 'collected',
  jobArn: 'arn',
  status: 'Failed',
  message: null,
  inputUri: 's3://b/in/',
  outputUri: 's3://b/out/',
  totalRecords: null,
  processedRecords: null,
  successRecords: null,
  errorRecords: null,
  submitTime: null,
  lastModifiedTime: null,
  endTime: null,
  polledAt: null,
  storedOk: 0,
  storedErrors: 0,
  notReturned: 120,
  collectNote: null,
  collectedAt: null,
  ...over,
});

const overview = (jobs: BatchJobView[], finished: boolean): BatchOverview => ({
  experimentId: 'e',
  setup: {} as BatchOverview['setup'],
  jobs,
  finished,
  trackingStopped: null,
});

describe('emptyResultsNote', () => {
  it('an experiment without a batch is told to run', () => {
    expect(emptyResultsNote(null)).toBe(NO_RESULTS_YET);
    expect(emptyResultsNote({ ...overview([], false), setup: null })).toBe(NO_RESULTS_YET);
  });

  it('a batch still running says its results come as each job is collected', () => {
    expect(
      emptyResultsNote(overview([job({ phase: 'submitted', status: 'InProgress' })], false)),
    ).toBe(
      "No results yet: the batch jobs are still running, and each job's results appear here once it is collected.",
    );
  });

  it('a collected batch that stored calls the results have not read yet does not say it has none', () => {
    expect(
      emptyResultsNote(
        overview([job({ status: 'PartiallyCompleted', storedOk: 60 }), job({ id: 'b' })], true),
      ),
    ).toBe('Reading the results the batch jobs stored…');
  });

  it('a collected batch with nothing stored says the jobs ended without a result, how, and names the button', () => {
    const o = overview(
      [
        job({ id: 'a' }),
        job({ id: 'b', status: 'Expired' }),
        job({ id: 'c', phase: 'failed', status: null }),
      ],
      true,
    );
    expect(emptyResultsNote(o)).toBe(
      'All 3 batch jobs ended without a result (Failed, Expired, not created): nothing came back to show here. The job notes above say why; "Run missing calls on demand" in the run panel makes these calls on demand.',
    );
    expect(emptyResultsNote(overview([job({})], true))).toMatch(
      /^The batch job ended without a result \(Failed\)/,
    );
  });
});

describe('missingOutputText', () => {
  const withModels = (jobs: BatchJobView[], finished: boolean): BatchOverview => ({
    ...overview(jobs, finished),
    setup: { ...overview(jobs, finished).setup, modelIds: ['batched'] } as BatchOverview['setup'],
  });

  it('a model sent to batch waits for its job, then says the job brought nothing and what makes it', () => {
    expect(missingOutputText(withModels([job({ phase: 'submitted' })], false), 'batched')).toBe(
      'Waiting for its batch job',
    );
    expect(missingOutputText(withModels([job({})], true), 'batched')).toBe(
      'No result from its batch job; "Run missing calls on demand" makes the call',
    );
  });

  it('a model run on demand, or an experiment without a batch, is simply not run yet', () => {
    expect(missingOutputText(withModels([job({})], true), 'on-demand')).toBe(NOT_RUN_YET);
    expect(missingOutputText(null, 'batched')).toBe(NOT_RUN_YET);
    expect(missingOutputText(withModels([], false), 'batched')).toBe(NOT_RUN_YET);
  });
});
