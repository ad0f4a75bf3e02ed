import { z } from 'zod';

/**
 * Where a judge run stands, pushed to the renderer as it goes. `done` counts calls with a final
 * result for the current prompt version: answered, failed (two unusable answers) or errored
 * (no answer after retries; the next run tries those again).
 */
export const JudgeProgressSchema = z.object({
  experimentId: z.string(),
  /** `paused`: too many unreadable answers in a row or overall (see judgePause.ts). */
  status: z.enum(['idle', 'running', 'completed', 'cancelled', 'stopped', 'paused']),
  statusReason: z.string().nullable(),
  /** The stored prompt version being judged with; null before the first judge run. */
  promptId: z.string().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  answered: z.number().int(),
  failures: z.number().int(),
  errors: z.number().int(),
  inFlight: z.number().int(),
  /** Everything the judge has cost on this experiment so far, apart from the comparison's cost. */
  costUsd: z.number(),
  /** What this judge run has cost so far (0 when none is live), to set against its estimate. */
  runCostUsd: z.number(),
  /** The estimate shown when this run started; null when none is live or the judge has no price. */
  runEstimate: z.object({ expectedUsd: z.number(), maxUsd: z.number() }).nullable(),
});
export type JudgeProgress = z.infer<typeof JudgeProgressSchema>;
