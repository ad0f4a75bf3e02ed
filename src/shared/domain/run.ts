import { z } from 'zod';

/**
 * One HTTP attempt of a call, the SDK's hidden retries included. Times are milliseconds on the
 * monotonic clock from the start of the call's first attempt.
 */
export const CallAttemptSchema = z.object({
  status: z.enum(['ok', 'error']),
  /** The classified error kind ('throttled', 'timeout', …); null for the attempt that answered. */
  errorClass: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  startMs: z.number(),
  endMs: z.number(),
  /** Idle time just before it: a retry back-off and the wait for a free slot. */
  waitMs: z.number(),
});
export type CallAttempt = z.infer<typeof CallAttemptSchema>;

/** One call's stored result: a success with its measurements, or a classified failure. */
export const RunRecordSchema = z.object({
  id: z.string(),
  experimentId: z.string(),
  paragraphId: z.string(),
  modelId: z.string(),
  role: z.enum(['teacher', 'student']),
  repeatIndex: z.number().int().nonnegative(),
  status: z.enum(['ok', 'error']),
  outputText: z.string().nullable(),
  stopReason: z.string().nullable(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  /** End-to-end latency on the client's monotonic clock. */
  e2eMs: z.number().nullable(),
  /** Bedrock's own `metrics.latencyMs`. */
  serverMs: z.number().nullable(),
  ttftMs: z.number().nullable(),
  outputTokensPerS: z.number().nullable(),
  costUsd: z.number().nullable(),
  /** The service tier the response reported (null: not reported, or a failed call). */
  serviceTier: z.string().nullable().optional(),
  attempts: z.number().int(),
  errorClass: z.string().nullable(),
  errorMessage: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /**
   * Every attempt, in order; e2eMs, ttftMs and serverMs are those of the one that answered.
   * Absent on calls stored before attempts were kept (and on imported bundles without them).
   */
  attemptLog: z.array(CallAttemptSchema).nullable().optional(),
  /** Attempts Bedrock throttled (429 or an in-stream throttlingException). */
  throttles: z.number().int().nullable().optional(),
  /** Time lost to failed attempts and the waits before retries (the whole call when it failed). */
  lostMs: z.number().nullable().optional(),
  /**
   * How the call was made. Batch calls (Bedrock batch inference) have no latency of their own:
   * their latency fields are null, and latency figures come from on-demand calls only.
   * Absent means on-demand (records from before batch existed).
   */
  via: z.enum(['on-demand', 'batch']).optional(),
  /**
   * The application inference profile the call was sent through (its ARN was the request's
   * modelId), so the bill carries the experiment's cost allocation tag; null or absent: the call
   * named the model itself. modelId stays the experiment's model: the profile resolves to it.
   */
  profileArn: z.string().nullable().optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

/** Progress of a running experiment, pushed to the renderer (and printed by the CLI). */
export const ModelProgressSchema = z.object({
  modelId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  failed: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  /** Why the runner stopped calling this model (no access, unknown id, credentials), if it did. */
  blocked: z.string().optional(),
  /** Attempts throttled, attempts retried, and time lost to them (runs stored before: absent). */
  throttles: z.number().int().optional(),
  retries: z.number().int().optional(),
  lostMs: z.number().optional(),
  /** Of `done`, the calls made in batch jobs, which retry nothing on demand (absent: none). */
  batchCalls: z.number().int().optional(),
});

/** The last time the runner moved its in-flight limit, and why. */
export const LimitChangeSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  reason: z.string(),
  /** Elapsed run time (as in RunProgress.elapsedMs) when it changed. */
  atMs: z.number(),
  /** Counts every change of this session, so a listener sees each one once. */
  seq: z.number().int(),
});
export type LimitChange = z.infer<typeof LimitChangeSchema>;

export const RunProgressSchema = z.object({
  experimentId: z.string(),
  status: z.enum(['running', 'paused', 'completed', 'cancelled', 'interrupted', 'draft']),
  statusReason: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  failed: z.number().int(),
  inFlight: z.number().int(),
  concurrency: z.number().int(),
  elapsedMs: z.number(),
  etaMs: z.number().nullable(),
  spentUsd: z.number(),
  perModel: z.array(ModelProgressSchema),
  /** The latest change of `concurrency` and its reason; absent while it is the one asked for. */
  limitChange: LimitChangeSchema.optional(),
  /**
   * True while another process (the command line, another window) makes this experiment's
   * calls: this one only watches, re-reading the store, and offers no controls.
   */
  runningElsewhere: z.boolean().optional(),
  /**
   * True while the run is paused because the network is down and will resume by itself when
   * Bedrock answers again (statusReason says why in words; this says it as a fact).
   */
  offline: z.boolean().optional(),
  /**
   * True while Bedrock batch jobs make this experiment's calls: the batch job panel has the
   * controls (Stop, Resume tracking), and the run panel offers none, so that nothing starts the
   * same calls on demand.
   */
  batch: z.boolean().optional(),
});
export type RunProgress = z.infer<typeof RunProgressSchema>;
