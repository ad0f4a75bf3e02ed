/**
 * Buying a serving, as the screen and the command line both ask for it: the custom model must
 * be Active and the option on sale for its base model and region; the rates come from what the
 * analyst typed, else the price book, never made up; and nothing is bought until the analyst
 * has seen what it costs and confirmed.
 */
import type { Database } from 'better-sqlite3';
import { servingCostText, type ServingOffer } from '../../shared/serving/servingCost';
import {
  withTrackedDistillations,
  type ServeRequest,
  type Serving,
} from '../../shared/serving/servingDomain';
import { AppFailure } from '../common/failure';
import { getCustomModel } from './customModels';
import { completedDistillations } from '../distill/completedDistillations';
import { servingOfferFor } from './servingOfferFor';
import { servingMessage } from './servingErrors';
import type { ServingRates, ServingService } from './servingService';

function ratesFor(req: ServeRequest, offer: ServingOffer): ServingRates {
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

export async function serveCustomModel(
  db: Database,
  servings: ServingService,
  input: ServeRequest,
): Promise<Serving> {
  let model;
  try {
    const listed = await getCustomModel(
      servings.client(input.region),
      input.customModelArn,
      input.region,
    );
    const tracked = completedDistillations(db).filter((d) => d.outputModelArn === listed.modelArn);
    model = withTrackedDistillations([listed], tracked)[0] ?? listed;
  } catch (e) {
    throw new AppFailure('aws', servingMessage(e, 'GetCustomModel', input.region));
  }
  if (model.status !== null && model.status !== 'Active') {
    throw new AppFailure(
      'conflict',
      `${model.modelName} is ${model.status}: Bedrock serves a custom model once it is Active.`,
    );
  }
  const offer = servingOfferFor(db, model);
  const option = offer.options.find((o) => o.kind === input.kind);
  if (!option?.offered) {
    throw new AppFailure('invalid_input', option?.reason ?? 'Bedrock does not sell this serving.');
  }
  if (input.kind === 'provisioned' && input.term && !option.terms?.includes(input.term)) {
    throw new AppFailure('invalid_input', `term: ${input.term} is not on sale for this model.`);
  }
  const rates = ratesFor(input, offer);
  if (!input.confirmed) {
    // The figure the analyst agrees to, from the same function the list of servings shows.
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
  return servings.serve(model, input, rates);
}
