/**
 * Custom models and their servings: list the account's custom models with the serving options
 * Bedrock sells for each, buy one on confirmation, follow it, delete it; evaluate a served model
 * in an experiment and turn the measurement into a ROI scenario.
 */
import {
  withTrackedDistillations,
  type EvaluateRequest,
  type ServeRequest,
} from '../../shared/serving/servingDomain';
import { completedDistillations } from '../distill/completedDistillations';
import { getExperiment } from '../db/repos/experiments';
import { listCustomModels } from '../serving/customModels';
import { serveCustomModel } from '../serving/serveCustomModel';
import { servingOfferFor } from '../serving/servingOfferFor';
import { createEvaluation, requireInService, saveEvaluationScenario } from '../serving/evaluation';
import { servingMessage } from '../serving/servingErrors';
import type { HandlerContext } from '../core/context';
import { requireDataset } from '../common/lookups';
import { AppFailure } from '../common/failure';

export const servingHandlers = {
  listCustomModels: async (ctx: HandlerContext, input: { region: string }) => {
    let models;
    try {
      // The models this app distilled carry their teacher, paragraphs and actual one-off cost.
      models = withTrackedDistillations(
        await listCustomModels(ctx.servings.client(input.region), input.region),
        completedDistillations(ctx.db).filter((d) => d.region === input.region),
      );
    } catch (e) {
      throw new AppFailure('aws', servingMessage(e, 'ListCustomModels', input.region));
    }
    return models.map((model) => {
      const offer = servingOfferFor(ctx.db, model);
      return {
        model,
        offer: {
          options: offer.options,
          usdPerHourPerUnit: offer.prices.provisionedUsdPerHourPerUnit,
          customModel: offer.prices.customModel,
        },
      };
    });
  },

  listServings: (ctx: HandlerContext) => ctx.servings.list(),

  serveCustomModel: (ctx: HandlerContext, input: ServeRequest) =>
    serveCustomModel(ctx.db, ctx.servings, input),

  refreshServing: (ctx: HandlerContext, input: { id: string }) => ctx.servings.refresh(input.id),

  deleteServing: (ctx: HandlerContext, input: { id: string }) => ctx.servings.delete(input.id),

  evaluateServing: (ctx: HandlerContext, input: EvaluateRequest) => {
    const serving = requireInService(ctx.servings.get(input.servingId));
    requireDataset(ctx.db, input.datasetId);
    const experimentId = createEvaluation(ctx.db, serving, input);
    ctx.runs.start(experimentId);
    return { serving: ctx.servings.get(serving.id), experimentId };
  },

  createEvaluationScenario: (
    ctx: HandlerContext,
    input: {
      servingId: string;
      oneOffCostUsd?: number | undefined;
      capacityTokensPerMinutePerUnit?: number | undefined;
    },
  ) => {
    const serving = ctx.servings.get(input.servingId);
    const experiment = serving.experimentId ? getExperiment(ctx.db, serving.experimentId) : null;
    const status = experiment
      ? (ctx.runs.progress(experiment.id)?.status ?? experiment.status)
      : 'not started';
    const scenarioId = saveEvaluationScenario(ctx.db, serving, status, input);
    return { serving: ctx.servings.get(serving.id), scenarioId };
  },
};
