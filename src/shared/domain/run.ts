import { z } from 'zod';

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
});

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
  /**
   * True while another process (the command line, another window) makes this experiment's
   * calls: this one only watches, re-reading the store, and offers no controls.
   */
  runningElsewhere: z.boolean().optional(),
});
export type RunProgress = z.infer<typeof RunProgressSchema>;
