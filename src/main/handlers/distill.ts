/**
 * Distillation from the app: its settings (role, S3 location, budget), the checked estimate
 * (no AWS), launch, the job list and Stop. Problems come back naming the form field.
 */
import type { DistillLaunch, DistillSettings } from '../../shared/distill/distillDomain';
import { DistillLaunchError } from '../distill/distillErrors';
import { planDistill } from '../distill/planDistill';
import { readDistillSettings, saveDistillSettings } from '../distill/distillService';
import type { HandlerContext } from '../core/context';
import { AppFailure, notFound } from '../common/failure';

const asFailure = (e: unknown): never => {
  if (e instanceof DistillLaunchError) throw new AppFailure('invalid_input', e.message);
  throw e;
};

export const distillHandlers = {
  getDistillSettings: (ctx: HandlerContext) => readDistillSettings(ctx.db),

  saveDistillSettings: (ctx: HandlerContext, input: DistillSettings) => {
    saveDistillSettings(ctx.db, input);
    return readDistillSettings(ctx.db);
  },

  previewDistill: (ctx: HandlerContext, input: DistillLaunch) =>
    planDistill(ctx.db, input, readDistillSettings(ctx.db)).preview,

  startDistill: (ctx: HandlerContext, input: DistillLaunch) =>
    ctx.distill.launch(input).catch(asFailure),

  listDistillJobs: (ctx: HandlerContext) => ctx.distill.list(),

  stopDistill: async (ctx: HandlerContext, input: { id: string }) => {
    const j = await ctx.distill.stop(input.id).catch(asFailure);
    if (!j) throw notFound('This distillation job');
    return j;
  },
};
