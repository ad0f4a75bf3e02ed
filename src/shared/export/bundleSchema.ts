import { z } from 'zod';
import {
  IdSchema,
  NameSchema,
  ParagraphTextSchema,
  ReferenceSchema,
  TagsSchema,
} from '../domain/dataset';
import { ExperimentConfigSchema, ExperimentStatusSchema } from '../domain/experiment';
import { RunRecordSchema } from '../domain/run';
import { JudgeSettingsSchema, QualitySettingsSchema } from '../quality/qualitySettings';
import { ScenarioSchema } from '../roi/scenario';

/**
 * An experiment as one versioned JSON file: its dataset, config (with the prices it ran under),
 * runs, quality settings, judge prompts and calls, scores and scenarios. Every part is checked
 * with the same schemas the app uses, plus the references between parts, so an import either
 * brings in a whole, consistent experiment or nothing. Ids in a bundle only link its parts; an
 * import gives everything new ids.
 */

export const BUNDLE_FORMAT = 'distill-roi.experiment-bundle';
export const BUNDLE_VERSION = 1;

const Time = z.string().min(1).max(40);
const Text = z.string().max(1_000_000);

const ParagraphSchema = z.strictObject({
  id: IdSchema,
  position: z.number().int().nonnegative(),
  text: ParagraphTextSchema,
  reference: ReferenceSchema,
  tags: TagsSchema,
});

export const BundleRunSchema = RunRecordSchema.omit({ experimentId: true }).strict();

const JudgePromptSchema = z.strictObject({
  id: IdSchema,
  fingerprint: z.string().min(1).max(200),
  settings: JudgeSettingsSchema,
  createdAt: Time,
});

const JudgeCallSchema = z.strictObject({
  id: IdSchema,
  promptId: IdSchema,
  paragraphId: IdSchema,
  runId: IdSchema,
  otherRunId: IdSchema.nullable(),
  modelId: z.string().min(1).max(2048),
  kind: z.enum(['score', 'pairwiseTeacherFirst', 'pairwiseStudentFirst']),
  status: z.enum(['ok', 'invalid', 'error']),
  answerText: Text.nullable(),
  answerJson: z.unknown(),
  problem: Text.nullable(),
  errorClass: z.string().max(200).nullable(),
  calls: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  costUsd: z.number().finite().nullable(),
  startedAt: Time,
  finishedAt: Time,
});

export const BundleScoreSchema = z.strictObject({
  id: IdSchema,
  paragraphId: IdSchema,
  modelId: z.string().min(1).max(2048),
  runId: IdSchema.nullable(),
  source: z.enum(['rouge', 'judge', 'human']),
  metric: z.string().min(1).max(100),
  value: z.number().finite().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdBy: z.string().max(200).nullable(),
  createdAt: Time,
  judgePromptId: IdSchema.nullable(),
});

const ScenarioEntrySchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  inputs: ScenarioSchema,
});

type Payload = z.output<typeof PayloadShape>;

const PayloadShape = z.strictObject({
  exportedAt: Time,
  appVersion: z.string().max(40),
  dataset: z.strictObject({
    id: IdSchema,
    name: NameSchema,
    paragraphs: z.array(ParagraphSchema).min(1),
  }),
  experiment: z.strictObject({
    id: IdSchema,
    config: ExperimentConfigSchema,
    status: ExperimentStatusSchema,
    statusReason: z.string().max(2000).nullable(),
    createdAt: Time,
    updatedAt: Time,
  }),
  runs: z.array(BundleRunSchema),
  qualitySettings: QualitySettingsSchema.nullable(),
  judgePrompts: z.array(JudgePromptSchema),
  judgeCalls: z.array(JudgeCallSchema),
  scores: z.array(BundleScoreSchema),
  scenarios: z.array(ScenarioEntrySchema),
});

/** Every reference inside the bundle points at something the bundle holds. */
function checkReferences(p: Payload, ctx: z.RefinementCtx): void {
  const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
  const paragraphs = new Set(p.dataset.paragraphs.map((x) => x.id));
  const runs = new Set(p.runs.map((x) => x.id));
  const prompts = new Set(p.judgePrompts.map((x) => x.id));
  const c = p.experiment.config;
  const models = new Set([c.teacherModelId, ...c.studentModelIds]);
  if (c.datasetId !== p.dataset.id) problem('The experiment points at another dataset.');
  const unique = (ids: string[], what: string) => {
    if (new Set(ids).size !== ids.length) problem(`Two ${what} share an id.`);
  };
  unique(
    p.dataset.paragraphs.map((x) => x.id),
    'paragraphs',
  );
  unique(
    p.runs.map((x) => x.id),
    'runs',
  );
  unique(
    p.scores.map((x) => x.id),
    'scores',
  );
  if (p.runs.some((r) => !paragraphs.has(r.paragraphId) || !models.has(r.modelId))) {
    problem('A run points at a paragraph or model the bundle does not have.');
  }
  if (
    p.scores.some(
      (s) =>
        !paragraphs.has(s.paragraphId) ||
        (s.runId !== null && !runs.has(s.runId)) ||
        (s.judgePromptId !== null && !prompts.has(s.judgePromptId)),
    )
  ) {
    problem('A score points at a paragraph, run or judge prompt the bundle does not have.');
  }
  if (
    p.judgeCalls.some(
      (j) =>
        !prompts.has(j.promptId) ||
        !paragraphs.has(j.paragraphId) ||
        !runs.has(j.runId) ||
        (j.otherRunId !== null && !runs.has(j.otherRunId)),
    )
  ) {
    problem('A judge call points at a prompt, paragraph or run the bundle does not have.');
  }
}

export const BundlePayloadSchema = PayloadShape.superRefine(checkReferences);
export type BundlePayload = z.output<typeof BundlePayloadSchema>;

export const BundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  /** sha256 of JSON.stringify(payload): a bundle edited or cut after export is refused. */
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  payload: BundlePayloadSchema,
});
export type Bundle = z.output<typeof BundleSchema>;

/**
 * The first look at a file: is it a bundle, and one this version can read? Done before the full
 * check so that a newer bundle gets "update the app" rather than a list of unknown fields.
 */
export function checkBundleHead(raw: unknown): { ok: true } | { ok: false; message: string } {
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) {
    return { ok: false, message: 'This file is not a Distill ROI experiment bundle.' };
  }
  const v = head.data.version;
  if (Number.isInteger(v) && v > BUNDLE_VERSION) {
    return {
      ok: false,
      message: `This bundle was made by a newer version of Distill ROI (bundle format ${v}; this version reads format ${BUNDLE_VERSION}). Update the app to import it. Nothing was imported.`,
    };
  }
  if (v !== BUNDLE_VERSION)
    return { ok: false, message: `Bundle format ${v} is not one this app knows.` };
  return { ok: true };
}
