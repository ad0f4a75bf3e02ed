/**
 * Custom models and their servings: list the account's custom models with the serving options
 * Bedrock sells for each, buy one on confirmation, follow it, delete it; evaluate a served model
 * in an experiment and turn the measurement into a ROI scenario.
 */
import type { ServeRequest } from '../../shared/serving/servingDomain';
import type { EvaluateRequest } from '../../shared/serving/servingDomain';
import { servingOffer, servingCostText } from '../../shared/serving/servingCost';
import { getExperiment } from '../db/repos/experiments';
import { loadPriceBook } from '../db/repos/priceOverrides';
import { linkEvaluation } from '../db/repos/servings';
import { bookWithSnapshot } from '../priceList/bookWithSnapshot';
import { getCustomModel, listCustomModels } from '../serving/customModels';
import { evaluationConfig, evaluationScenario, requireInService } from '../serving/evaluation';
import { servingMessage } from '../serving/servingErrors';
import type { ServingRates } from '../serving/servingService';
import type { HandlerContext } from './context';
import { requireDataset } from './datasets';
import { experimentHandlers } from './experiments';
import { AppFailure } from './failure';
import { scenarioHandlers } from './scenarios';

async function customModel(ctx: HandlerContext, arn: string, region: string) {
  try {
    return await getCustomModel(ctx.servings.client(region), arn, region);
  } catch (e) {
    throw new AppFailure('aws', servingMessage(e, 'GetCustomModel', region));
  }
}

/** The rates to buy at: what the analyst typed, else the price book's; never made up. */
function ratesFor(req: ServeRequest, offer: ReturnType<typeof servingOffer>): ServingRates {
  if (req.kind === 'provisioned') {
    const rate =
      req.usdPerHourPerUnit ??
      offer.prices.provisionedUsdPerHourPerUnit[req.term ?? 'noCommitment'];
    if (rate === null) {
      throw new AppFailure(
        'invalid_input',
        'usdPerHourPerUnit: the price book has no hourly rate per model unit for this model, region and term; enter the one the Bedrock console shows.',
      );
    }
    return { usdPerHourPerUnit: rate, inputUsdPer1k: null, outputUsdPer1k: null };
  }
  const input = req.inputUsdPer1k ?? offer.prices.customModel?.inputUsdPer1k ?? null;
  const output = req.outputUsdPer1k ?? offer.prices.customModel?.outputUsdPer1k ?? null;
  if (input === null || output === null) {
    throw new AppFailure(
      'invalid_input',
      'inputUsdPer1k: the price book has no custom-model per-token rates for this model; enter the input and output prices per 1,000 tokens.',
    );
  }
  return { usdPerHourPerUnit: null, inputUsdPer1k: input, outputUsdPer1k: output };
}

export const servingHandlers = {
  listCustomModels: async (ctx: HandlerContext, input: { region: string }) => {
    let models;
    try {
      models = await listCustomModels(ctx.servings.client(input.region), input.region);
    } catch (e) {
      throw new AppFailure('aws', servingMessage(e, 'ListCustomModels', input.region));
    }
    const book = bookWithSnapshot(loadPriceBook(ctx.db), ctx.db, input.region);
    return models.map((model) => {
      const offer = servingOffer(model, book);
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

  serveCustomModel: async (ctx: HandlerContext, input: ServeRequest) => {
    const model = await customModel(ctx, input.customModelArn, input.region);
    if (model.status !== null && model.status !== 'Active') {
      throw new AppFailure(
        'conflict',
        `${model.modelName} is ${model.status}: Bedrock serves a custom model once it is Active.`,
      );
    }
    const book = bookWithSnapshot(loadPriceBook(ctx.db), ctx.db, input.region);
    const offer = servingOffer(model, book);
    const option = offer.options.find((o) => o.kind === input.kind);
    if (!option?.offered) {
      throw new AppFailure(
        'invalid_input',
        option?.reason ?? 'Bedrock does not sell this serving.',
      );
    }
    if (input.kind === 'provisioned' && input.term && !option.terms?.includes(input.term)) {
      throw new AppFailure('invalid_input', `term: ${input.term} is not on sale for this model.`);
    }
    const rates = ratesFor(input, offer);
    if (!input.confirmed) {
      // The figure the analyst is about to agree to, from the same function the list shows.
      const preview = servingCostText(
        {
          kind: input.kind,
          modelUnits: input.kind === 'provisioned' ? (input.modelUnits ?? 1) : null,
          term: input.kind === 'provisioned' ? (input.term ?? 'noCommitment') : null,
          ...rates,
          acceptedAt: null,
          deletedAt: null,
        },
        new Date().toISOString(),
      );
      throw new AppFailure('needs_confirmation', `This will cost ${preview} Confirm to buy it.`);
    }
    return ctx.servings.serve(model, input, rates);
  },

  refreshServing: (ctx: HandlerContext, input: { id: string }) => ctx.servings.refresh(input.id),

  deleteServing: (ctx: HandlerContext, input: { id: string }) => ctx.servings.delete(input.id),

  evaluateServing: (ctx: HandlerContext, input: EvaluateRequest) => {
    const serving = requireInService(ctx.servings.get(input.servingId));
    requireDataset(ctx.db, input.datasetId);
    const config = evaluationConfig(ctx.db, serving, input);
    const experiment = experimentHandlers.createExperiment(ctx, config);
    linkEvaluation(ctx.db, serving.id, {
      experimentId: experiment.id,
      datasetId: input.datasetId,
      ...(input.oneOffCostUsd !== undefined ? { oneOffCostUsd: input.oneOffCostUsd } : {}),
    });
    ctx.runs.start(experiment.id);
    return { serving: ctx.servings.get(serving.id), experimentId: experiment.id };
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
    if (!experiment) {
      throw new AppFailure('conflict', 'Evaluate this serving first: there is no experiment yet.');
    }
    const progress = ctx.runs.progress(experiment.id);
    const status = progress?.status ?? experiment.status;
    if (status !== 'completed') {
      throw new AppFailure(
        'conflict',
        `The evaluation is ${status}: the scenario is made from its measurements once it has completed.`,
      );
    }
    const oneOffCostUsd = input.oneOffCostUsd ?? serving.oneOffCostUsd;
    if (oneOffCostUsd === null || oneOffCostUsd === undefined) {
      throw new AppFailure(
        'invalid_input',
        'oneOffCostUsd: enter what the distillation cost (from the job or the bill).',
      );
    }
    const evidence = scenarioHandlers.getRoiEvidence(ctx, { experimentId: experiment.id });
    const inputs = evaluationScenario(ctx.db, serving, evidence, {
      oneOffCostUsd,
      capacityTokensPerMinutePerUnit: input.capacityTokensPerMinutePerUnit,
    });
    const saved = scenarioHandlers.saveScenario(ctx, {
      name: `${serving.customModelName} as served (${serving.kind === 'provisioned' ? 'provisioned' : 'on demand'}) ${serving.id.slice(0, 6)}`,
      experimentId: experiment.id,
      inputs,
    });
    linkEvaluation(ctx.db, serving.id, { scenarioId: saved.id, oneOffCostUsd });
    return { serving: ctx.servings.get(serving.id), scenarioId: saved.id };
  },
};
