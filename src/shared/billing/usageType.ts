/**
 * Reads a Cost Explorer line's service and usage type as the app's terms: the region, the model
 * (a normalised name, the key the app's own calls are matched on), the token direction and the
 * service tier. Usage types are the Price List's (`USE1-NovaLite-input-tokens`,
 * `USE1-MP:USE1_InputTokenCount-Units`); Marketplace models name the model in the service
 * ("Claude 3 Haiku (Amazon Bedrock Edition)"), not in the usage type. Tier and direction are read
 * by the same rules the Price List reader uses, so a price and a bill line agree on them.
 */
import { directionOf, tierOf } from '../pricing/priceList/classifyPriceRow';
import type { PriceDirection, PriceTier } from '../pricing/priceList/priceRow';
import { normaliseModelName } from '../pricing/priceList/snapshotPrices';

/** AWS billing's region prefixes (as in usage types) for the regions Bedrock serves. */
const REGION_PREFIXES: Readonly<Record<string, string>> = {
  USE1: 'us-east-1',
  USE2: 'us-east-2',
  USW1: 'us-west-1',
  USW2: 'us-west-2',
  UGW1: 'us-gov-west-1',
  UGE1: 'us-gov-east-1',
  CAN1: 'ca-central-1',
  SAE1: 'sa-east-1',
  EUC1: 'eu-central-1',
  EUC2: 'eu-central-2',
  EU: 'eu-west-1',
  EUW1: 'eu-west-1',
  EUW2: 'eu-west-2',
  EUW3: 'eu-west-3',
  EUN1: 'eu-north-1',
  EUS1: 'eu-south-1',
  EUS2: 'eu-south-2',
  APN1: 'ap-northeast-1',
  APN2: 'ap-northeast-2',
  APN3: 'ap-northeast-3',
  APS1: 'ap-southeast-1',
  APS2: 'ap-southeast-2',
  APS3: 'ap-south-1',
  APS4: 'ap-southeast-3',
  APS5: 'ap-south-2',
  APS6: 'ap-southeast-4',
  APS7: 'ap-southeast-5',
  APE1: 'ap-east-1',
  MEC1: 'me-central-1',
  MES1: 'me-south-1',
  AFS1: 'af-south-1',
  ILC1: 'il-central-1',
};

export const MARKETPLACE_SUFFIX = ' (Amazon Bedrock Edition)';

export interface UsageRead {
  region: string;
  /** The model as the bill names it, for people. */
  modelName: string;
  /** normaliseModelName of it: the match key. */
  key: string;
  direction: PriceDirection | null;
  tier: PriceTier;
}

/** The region a usage type starts with, or 'unknown' for a prefix not in the table. */
export function regionOfUsageType(usageType: string): string {
  const prefix = /^([A-Z]{2,4}\d?)-/.exec(usageType)?.[1];
  return (prefix && REGION_PREFIXES[prefix]) ?? 'unknown';
}

/** Cuts "-input-tokens…", "-output-tokens…", "-cache-read…" off `NovaLite-input-tokens`. */
const FIRST_PARTY_MODEL = /^[A-Z]{2,4}\d?-(.+?)-(input|output|cache)/i;

export function readUsageType(service: string, usageType: string): UsageRead {
  const lower = usageType.toLowerCase();
  const region = regionOfUsageType(usageType);
  const direction = directionOf(lower, {});
  const tier = tierOf(lower, {});
  const modelName = service.endsWith(MARKETPLACE_SUFFIX)
    ? service.slice(0, -MARKETPLACE_SUFFIX.length)
    : (FIRST_PARTY_MODEL.exec(usageType)?.[1] ?? usageType);
  return { region, modelName, key: normaliseModelName(modelName), direction, tier };
}
