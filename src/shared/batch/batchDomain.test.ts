import { describe, expect, it } from 'vitest';
import type { ModelQuotas } from './accountQuotas';
import { batchPlanNotes, type BatchOverview } from './batchDomain';
import { DEFAULT_BATCH_QUOTAS } from './quotas';

const UNREAD =
  "Service Quotas could not be reached to read your account's batch quotas (connect ECONNREFUSED 127.0.0.1:9); AWS's documented defaults apply.";
const DEFAULTS =
  'minimum records per job 100, records per job 50,000, records per input file 50,000, input file size 1 GB, job size 5 GB';

const unread = (modelId: string): ModelQuotas => ({
  modelId,
  quotas: DEFAULT_BATCH_QUOTAS,
  fromAccount: [],
  fromSettings: [],
  readAt: null,
});

const overview = (modelQuotas: ModelQuotas[], quotaNote: string | null): BatchOverview => ({
  experimentId: 'e',
  setup: {
    bucket: 'b',
    prefix: 'p/',
    roleArn: 'arn:aws:iam::111122223333:role/R',
    modelIds: modelQuotas.map((m) => m.modelId),
    prices: [],
    quotas: DEFAULT_BATCH_QUOTAS,
    modelQuotas,
    quotaNote,
  },
  jobs: [],
  finished: false,
  trackingStopped: null,
});

const name = (id: string) => id.toUpperCase();

describe('batchPlanNotes', () => {
  it('says once what both models share, after why the account could not be read', () => {
    expect(batchPlanNotes(overview([unread('a'), unread('b')], UNREAD), name)).toEqual([
      UNREAD,
      `Both models: all quotas are AWS's documented defaults (${DEFAULTS}).`,
    ]);
    expect(batchPlanNotes(overview([unread('a'), unread('b'), unread('c')], null), name)).toEqual([
      `All 3 models: your account's Service Quotas have not been read, so all quotas are AWS's documented defaults (${DEFAULTS}).`,
    ]);
  });

  it('then only what differs, per model', () => {
    const day = '2026-12-07T10:00:00.000Z';
    const student: ModelQuotas = {
      modelId: 'b',
      quotas: { ...DEFAULT_BATCH_QUOTAS, minRecordsPerJob: 10, maxRecordsPerJob: 60 },
      fromAccount: ['minRecordsPerJob', 'maxRecordsPerJob'],
      fromSettings: [],
      readAt: day,
    };
    expect(
      batchPlanNotes(overview([{ ...unread('a'), readAt: day }, student], null), name),
    ).toEqual([
      "Both models: records per input file 50,000, input file size 1 GB, job size 5 GB are AWS's documented defaults.",
      "A: your account's Service Quotas (read 2026-12-07) list no batch quotas for this model, so minimum records per job 100, records per job 50,000 are AWS's documented defaults.",
      'B: minimum records per job 10, records per job 60 from your account (Service Quotas, read 2026-12-07).',
    ]);
  });

  it('one model: one sentence, as before', () => {
    expect(batchPlanNotes(overview([unread('a')], null), name)).toEqual([
      `A: your account's Service Quotas have not been read, so all quotas are AWS's documented defaults (${DEFAULTS}).`,
    ]);
  });
});
