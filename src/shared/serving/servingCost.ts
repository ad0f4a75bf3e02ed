/**
 * What serving a custom model costs, the one place the screen and the CLI take it from: the
 * options Bedrock sells for the model and region (servingOptions) with the price book's rates,
 * the hourly rate of a Provisioned Throughput, and what one has accrued while it existed.
 */
import { formatNumber, formatUsd } from '../format';
import { resolvePrice, type PriceBook } from '../pricing/priceBook';
import type { ProvisionedTerm } from '../pricing/priceSchemas';
import { servingOptions, type ServingOption } from '../roi/servingOptions';
import { servingPricesFromEntry, type ServingPrices } from '../roi/servingPrices';
import { usd, usdPerHour, type Usd, type UsdPerHour } from '../units';
import type { CustomModel, Serving } from './servingDomain';

export interface ServingOffer {
  /** Provisioned and on-demand deployment only: a custom model is never served otherwise. */
  options: ServingOption[];
  prices: ServingPrices;
}

export const TERM_WORDS: Record<ProvisionedTerm, string> = {
  noCommitment: 'no commitment',
  oneMonth: '1-month commitment',
  sixMonths: '6-month commitment',
};

/** Wire value of `commitmentDuration`; absent for no commitment (docs/bedrock.md §6). */
export const COMMITMENT_DURATION: Record<ProvisionedTerm, 'OneMonth' | 'SixMonths' | undefined> = {
  noCommitment: undefined,
  oneMonth: 'OneMonth',
  sixMonths: 'SixMonths',
};

/**
 * `customModelRates`: the deployment's per-token rates where the Price List has them (the price
 * book's catalog entries hold none).
 */
export function servingOffer(
  model: CustomModel,
  book: PriceBook,
  customModelRates: ServingPrices['customModel'] = null,
): ServingOffer {
  const student = model.baseModelId ?? model.modelArn;
  const options = servingOptions({
    distilled: true,
    studentModelId: student,
    region: model.region,
    batchPriced: false,
  }).filter((o) => o.kind === 'provisioned' || o.kind === 'customModelOnDemand');
  const price = resolvePrice(book, student, model.region);
  const prices = servingPricesFromEntry(price.found ? price.entry : null);
  return { options, prices: { ...prices, customModel: prices.customModel ?? customModelRates } };
}

export function provisionedUsdPerHour(modelUnits: number, usdPerHourPerUnit: number): UsdPerHour {
  return usdPerHour(modelUnits * usdPerHourPerUnit);
}

const HOUR_MS = 3_600_000;

/** The hourly charge from `fromIso` to `toIso`, by the started hour as AWS bills it. */
export function accruedUsd(rate: UsdPerHour, fromIso: string, toIso: string): Usd {
  const elapsedMs = Math.max(0, Date.parse(toIso) - Date.parse(fromIso));
  return usd(rate * Math.max(1, Math.ceil(elapsedMs / HOUR_MS)));
}

export type CostedServing = Pick<
  Serving,
  | 'kind'
  | 'modelUnits'
  | 'term'
  | 'usdPerHourPerUnit'
  | 'inputUsdPer1k'
  | 'outputUsdPer1k'
  | 'acceptedAt'
  | 'deletedAt'
>;

/** What a serving costs while it exists, in words, for the screen and the CLI. */
export function servingCostText(s: CostedServing, nowIso: string): string {
  if (s.kind === 'customModelOnDemand') {
    return s.inputUsdPer1k !== null && s.outputUsdPer1k !== null
      ? `${formatUsd(s.inputUsdPer1k)} in / ${formatUsd(s.outputUsdPer1k)} out per 1,000 tokens; no hourly charge.`
      : 'Per token at the custom-model rates (not entered); no hourly charge.';
  }
  if (s.modelUnits === null || s.usdPerHourPerUnit === null) return 'Hourly rate not known.';
  const rate = provisionedUsdPerHour(s.modelUnits, s.usdPerHourPerUnit);
  const perHour = `${formatUsd(rate)} per hour (${formatNumber(s.modelUnits)} × ${formatUsd(s.usdPerHourPerUnit)}${s.term ? `, ${TERM_WORDS[s.term]}` : ''})`;
  if (!s.acceptedAt) return `${perHour}.`;
  const end = s.deletedAt ?? nowIso;
  const so = s.deletedAt ? 'in all' : 'so far';
  const committed =
    s.term === 'oneMonth' || s.term === 'sixMonths'
      ? ' The commitment is billed for its whole term, even if deleted sooner.'
      : '';
  return `${perHour}; ${formatUsd(accruedUsd(rate, s.acceptedAt, end))} ${so}.${committed}`;
}
