import { z } from 'zod';
import { RunProgressSchema } from '../domain/run';
import { JudgeProgressSchema } from '../quality/judgeProgress';
import { BatchOverviewSchema } from '../batch/batchDomain';
import { DistillJobViewSchema } from '../distill/distillDomain';

/** Events main pushes to the renderer; the payload shapes grow with the runner. */
export const AppEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('datasetsChanged') }),
  z.object({ type: z.literal('runProgress'), progress: RunProgressSchema }),
  z.object({ type: z.literal('judgeProgress'), progress: JudgeProgressSchema }),
  z.object({ type: z.literal('batchJobs'), overview: BatchOverviewSchema }),
  z.object({ type: z.literal('distillJob'), job: DistillJobViewSchema }),
]);
export type AppEvent = z.infer<typeof AppEventSchema>;
