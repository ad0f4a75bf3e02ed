/**
 * Seeded random payloads for every IPC channel: arbitrary values (structured-clone-like for IPC,
 * JSON for http), prototype-pollution shapes, and mutations of one valid input per channel
 * (a field replaced, dropped or added), so the fuzzer also lands next to the valid space.
 * Ids in the samples name nothing in the store: a valid payload reaches a handler and answers
 * not_found, so no valid payload starts a run or a network call.
 */
import fc from 'fast-check';
import { DEFAULT_PROMPT_TEMPLATE } from '../../src/shared/domain/experiment';
import type { Channel } from '../../src/shared/ipc/channels';
import {
  defaultJudgeSettings,
  defaultQualitySettings,
} from '../../src/shared/quality/qualitySettings';

const ID = 'fuzz-no-such-id';
const MODEL = 'meta.llama3-8b-instruct-v1:0';
const config = {
  name: 'Fuzz',
  datasetId: ID,
  teacherModelId: 'meta.llama3-70b-instruct-v1:0',
  studentModelIds: [MODEL],
  region: 'us-east-1',
  promptTemplate: DEFAULT_PROMPT_TEMPLATE,
  systemPrompt: null,
  inference: { maxTokens: 200, temperature: 0.5, topP: 0.9 },
  repeats: 1,
  concurrency: 2,
  budgetUsd: null,
  prices: [],
};

/** One valid-looking input per channel; channels not listed here get `{}`. */
export const FUZZ_SAMPLES: Partial<Record<Channel, Record<string, unknown>>> = {
  createDataset: { name: 'Fuzz dataset' },
  renameDataset: { id: ID, name: 'Renamed' },
  deleteDataset: { id: ID },
  listParagraphs: { datasetId: ID },
  addParagraph: { datasetId: ID, text: 'A paragraph.', reference: null, tags: [] },
  updateParagraph: { id: ID, text: 'A paragraph.', reference: 'Ref', tags: ['a'] },
  deleteParagraph: { id: ID },
  reorderParagraphs: { datasetId: ID, orderedIds: [ID] },
  importParagraphs: {
    target: { kind: 'existing', datasetId: ID },
    rows: [{ text: 'One.', reference: null, tags: [] }],
  },
  estimateExperiment: config,
  createExperiment: config,
  deleteExperiment: { id: ID },
  startExperiment: { id: ID, confirmOverBudget: false },
  pauseExperiment: { id: ID },
  cancelExperiment: { id: ID },
  retryFailedRuns: { id: ID },
  getRunProgress: { id: ID },
  getExperimentResults: { id: ID },
  saveAwsSettings: {
    credentialMode: 'keys',
    profile: null,
    defaultRegion: 'us-east-1',
    endpointOverride: null,
  },
  listModels: { region: 'us-east-1', refresh: false },
  refreshPrices: { regions: ['us-east-1'] },
  listPriceSnapshots: { region: null },
  getPriceSnapshot: { region: 'us-east-1' },
  planBill: { from: '2026-12-01', to: '2026-12-03', tagKey: null },
  reconcileBill: { from: '2026-12-01', to: '2026-12-03', tagKey: null, mode: 'cache' },
  listExperimentProfiles: { experimentId: ID },
  createExperimentProfiles: { experimentId: ID },
  saveAccessKeys: { accessKeyId: 'AKIDFUZZ', secretAccessKey: 'fuzz-secret', sessionToken: null },
  getQualityReport: { experimentId: ID },
  getQualitySetup: { experimentId: ID },
  saveQualitySettings: { experimentId: ID, settings: defaultQualitySettings() },
  estimateJudge: { experimentId: ID, judge: defaultJudgeSettings('us-east-1', null) },
  startJudge: { experimentId: ID },
  cancelJudge: { experimentId: ID },
  getJudgeProgress: { experimentId: ID },
  getRatingSession: { experimentId: ID, studentModelId: MODEL, rater: 'Ana' },
  rateOutput: {
    experimentId: ID,
    studentModelId: MODEL,
    paragraphId: ID,
    label: 'A',
    rating: 4,
    rater: 'Ana',
  },
  ratePreference: {
    experimentId: ID,
    studentModelId: MODEL,
    paragraphId: ID,
    preferred: 'tie',
    rater: 'Ana',
  },
  getFailureShares: { experimentId: ID },
  restoreBackup: { fileName: 'distill-roi.sqlite.v20.x.bak', confirm: true },
  startFresh: { confirm: true },
};

/** Shapes aimed at prototype pollution and at code that trusts `constructor` or `toString`. */
const HOSTILE: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  { toString: 'not a function', valueOf: 1 },
  Object.create(null),
  [],
  '',
  0,
  null,
  undefined,
  Number.NaN,
  'x'.repeat(200_000),
  '\u0000\u202e<script>window.__pwned=1</script>',
];

const anyValue = (json: boolean) =>
  json
    ? fc.jsonValue({ maxDepth: 3 })
    : fc.anything({
        maxDepth: 3,
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
      });

function mutationsOf(sample: Record<string, unknown>, json: boolean): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  const value = anyValue(json);
  const parts: fc.Arbitrary<unknown>[] = [
    // A key the schema does not know (strict objects refuse it).
    fc.tuple(fc.string({ maxLength: 12 }), value).map(([k, v]) => ({ ...sample, [`x${k}`]: v })),
    fc.constant(sample),
  ];
  if (keys.length > 0) {
    parts.push(
      fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => ({ ...sample, [k]: v })),
      fc.constantFrom(...keys).map((k) => {
        const copy = { ...sample };
        delete copy[k];
        return copy;
      }),
      // Type confusion: the right key with a value of the wrong kind.
      fc
        .tuple(
          fc.constantFrom(...keys),
          fc.constantFrom<unknown>('1', 1, true, [], {}, null, -1e308),
        )
        .map(([k, v]) => ({ ...sample, [k]: v })),
    );
  }
  return fc.oneof(...parts);
}

/** `count` payloads for one channel, the same for the same seed. */
export function fuzzPayloads(
  channel: Channel,
  count: number,
  seed: number,
  json: boolean,
): unknown[] {
  const sample = FUZZ_SAMPLES[channel] ?? {};
  const arbitrary = fc.oneof(
    { weight: 4, arbitrary: anyValue(json) },
    { weight: 5, arbitrary: mutationsOf(sample, json) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  );
  return fc.sample(arbitrary, { seed, numRuns: count });
}
