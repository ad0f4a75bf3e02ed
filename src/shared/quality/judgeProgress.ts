import { z } from 'zod';

/**
 * Where a judge run stands, pushed to the renderer as it goes. `done` counts calls with a final
 * result for the current prompt version: answered, failed (two unusable answers) or errored
 * (no answer after retries; the next run tries those again).
 */
export const JudgeProgressSchema = z.object({
  experimentId: z.string(),
  status: z.enum(['idle', 'running', 'completed', 'cancelled', 'stopped']),
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
});
export type JudgeProgress = z.infer<typeof JudgeProgressSchema>;
