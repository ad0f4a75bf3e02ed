/**
 * Maps one Price List product and price dimension to a PriceRow. Bedrock's usage types follow
 * `<REGION>-<Model>-<direction>[-<variant>]` (AmazonBedrock) or `<RGN>-MP:<RGN>_<Descriptor>-Units`
 * (Marketplace models in AmazonBedrockFoundationModels), with the tier, batch, global routing,
 * custom-model and customization variants as suffixes or attributes (docs/bedrock.md §4).
 * Units are read, never assumed: `1K tokens` and `1M tokens` both occur, and an unknown unit on a
 * row that looks like a price is reported, not guessed.
 */
import type { ProvisionedTerm } from '../priceSchemas';
import type { PriceDirection, PriceKind, PricePer, PriceRow, PriceTier } from './priceRow';

/** The product attributes the mapping reads (the rest of a product is not kept). */
export interface OfferAttributes {
  usagetype?: string;
  model?: string;
  titanModel?: string;
  servicename?: string;
  regionCode?: string;
  inferenceType?: string;
  feature?: string;
  featureType?: string;
  serviceTier?: string;
  service_tier?: string;
}

export interface OfferDimension {
  unit?: string;
  pricePerUnit?: { USD?: string };
  beginRange?: string;
  startingRange?: string;
}

export type Classified =
  | { ok: true; row: PriceRow }
  /** Not a price this app uses (images, video seconds, agents...): counted, not reported. */
  | { ok: false; ignored: string }
  /** Looks like a Bedrock price but cannot be read: reported to the user. */
  | { ok: false; problem: string };

const MARKETPLACE = ' (Amazon Bedrock Edition)';

/** `1K tokens` → ×1, `1M tokens` → ÷1000, per-token → ×1000; hours; months. */
function normaliseUnit(unit: string): { per: PricePer; factor: number } | null {
  const u = unit.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^1k tokens?$|^1,000 tokens$|^thousand tokens$/.test(u))
    return { per: '1K tokens', factor: 1 };
  if (/^1m tokens?$|^1,000,000 tokens$|^million tokens$/.test(u)) {
    return { per: '1K tokens', factor: 1 / 1000 };
  }
  if (/^(1 )?tokens?$/.test(u)) return { per: '1K tokens', factor: 1000 };
  if (/^(hrs?|hours?|model ?unit-?hours?|mu-?hrs?)$/.test(u)) return { per: 'hour', factor: 1 };
  if (/^(months?|mo|model-?months?)$/.test(u)) return { per: 'month', factor: 1 };
  return null;
}

function modelNameOf(a: OfferAttributes, usagetype: string): string | null {
  if (a.model) return a.model.trim();
  if (a.titanModel) return a.titanModel.trim();
  if (a.servicename?.endsWith(MARKETPLACE)) return a.servicename.slice(0, -MARKETPLACE.length);
  // Mantle usage types embed the model id: USE1-openai.gpt-oss-20b-mantle-input-tokens-flex.
  const mantle = /^[A-Z0-9]+-([a-z0-9-]+\.[a-z0-9.:-]+?)-mantle-/.exec(usagetype);
  if (mantle?.[1]) return mantle[1];
  // Other service names (AgentCore, Guardrails...) are not models: no row is made for them.
  return null;
}

export function tierOf(u: string, a: OfferAttributes): PriceTier {
  const attr = `${a.serviceTier ?? a.service_tier ?? ''}`.toLowerCase();
  const type = (a.inferenceType ?? '').toLowerCase();
  const feature = (a.feature ?? '').toLowerCase();
  if (/reserved/.test(u) || attr === 'reserved') return 'reserved';
  if (/(^|[-_])priority([-_]|$)/.test(u) || attr === 'priority' || /\bpriority\b/.test(type)) {
    return 'priority';
  }
  if (/(^|[-_])flex([-_]|$)/.test(u) || attr === 'flex' || /\bflex\b/.test(type)) return 'flex';
  if (/(^|[-_])batch([-_]|$)/.test(u) || /batch/.test(feature) || /\bbatch\b/.test(type)) {
    return 'batch';
  }
  return 'standard';
}

export function directionOf(u: string, a: OfferAttributes): PriceDirection | null {
  const text = `${u} ${(a.inferenceType ?? '').toLowerCase()}`;
  if (/cache[-_ ]?read|cacheread/.test(text)) return 'cacheRead';
  if (/cache[-_ ]?write|cachewrite/.test(text)) return 'cacheWrite';
  if (/input/.test(text)) return 'input';
  if (/output/.test(text)) return 'output';
  return null;
}

function termOf(u: string, lease: string | undefined): ProvisionedTerm | null {
  const text = `${u} ${(lease ?? '').toLowerCase()}`;
  if (/no[-_ ]?commit/.test(text)) return 'noCommitment';
  if (/(^|[^0-9])6[-_ ]?(month|mo)|six[-_ ]?month/.test(text)) return 'sixMonths';
  if (/(^|[^0-9])1[-_ ]?(month|mo)|one[-_ ]?month/.test(text)) return 'oneMonth';
  return null;
}

function kindOf(u: string, a: OfferAttributes): PriceKind {
  const feature = `${a.feature ?? ''} ${a.featureType ?? ''}`.toLowerCase();
  if (/provisioned/.test(u) || /provisioned/.test(feature)) return 'provisioned';
  if (/storage/.test(u) || /storage/.test(feature)) return 'storage';
  if (/customization[-_]?training|[-_]training/.test(u) || /\btraining\b/.test(feature)) {
    return 'training';
  }
  if (/custom[-_]?model/.test(u)) return 'customModelTokens';
  if (/model[-_]?customization/.test(u) || /customization/.test(feature)) return 'training';
  return 'tokens';
}

export function classifyPriceRow(
  offerCode: string,
  sku: string,
  attributes: OfferAttributes,
  dimension: OfferDimension,
  fallbackRegion: string,
  leaseContractLength?: string,
): Classified {
  const usagetype = attributes.usagetype ?? '';
  const u = usagetype.toLowerCase();
  const modelName = modelNameOf(attributes, usagetype);
  if (!modelName) return { ok: false, ignored: `${sku}: no model named` };
  if (/latency optimized/i.test(modelName)) {
    return { ok: false, ignored: `${sku}: latency-optimized rate (preview)` };
  }
  const kind = kindOf(u, attributes);
  const direction =
    kind === 'tokens' || kind === 'customModelTokens' ? directionOf(u, attributes) : null;
  if ((kind === 'tokens' || kind === 'customModelTokens') && direction === null) {
    return { ok: false, ignored: `${sku}: ${usagetype} is not a token price` };
  }
  const rawUnit = dimension.unit ?? '';
  const unit = normaliseUnit(rawUnit);
  const rawUsd = dimension.pricePerUnit?.USD ?? '';
  if (!unit && tierOf(u, attributes) === 'reserved') {
    // Reserved capacity is bought per tokens-per-minute and month through AWS, not per token.
    return { ok: false, ignored: `${sku}: reserved tier priced per ${rawUnit}` };
  }
  if (!unit) {
    if (/^(images?|seconds?|videos?|requests?|queries)$/i.test(rawUnit.trim())) {
      return { ok: false, ignored: `${sku}: priced per ${rawUnit}` };
    }
    return {
      ok: false,
      problem: `${offerCode} ${usagetype || sku} (${modelName}): unknown unit "${rawUnit}"; this price was left out.`,
    };
  }
  const usd = Number(rawUsd);
  if (rawUsd.trim() === '' || !Number.isFinite(usd) || usd < 0) {
    return {
      ok: false,
      problem: `${offerCode} ${usagetype || sku} (${modelName}): pricePerUnit.USD "${rawUsd}" is not a price.`,
    };
  }
  const term = kind === 'provisioned' ? termOf(u, leaseContractLength) : null;
  if (kind === 'provisioned' && term === null) {
    return {
      ok: false,
      problem: `${offerCode} ${usagetype} (${modelName}): Provisioned Throughput term not recognised.`,
    };
  }
  const expected: PricePer =
    kind === 'provisioned' ? 'hour' : kind === 'storage' ? 'month' : '1K tokens';
  if (unit.per !== expected) {
    return {
      ok: false,
      problem: `${offerCode} ${usagetype} (${modelName}): unit "${rawUnit}" does not fit a ${kind} price.`,
    };
  }
  return {
    ok: true,
    row: {
      offerCode,
      sku,
      usagetype,
      region: attributes.regionCode || fallbackRegion,
      modelName,
      kind,
      tier: tierOf(u, attributes),
      scope:
        /global/.test(u) || /global/i.test(attributes.inferenceType ?? '') ? 'global' : 'regional',
      direction,
      term,
      // Rounded to 12 significant digits so 1M→1K division leaves no binary noise.
      usd: Number((usd * unit.factor).toPrecision(12)),
      per: unit.per,
      rawUnit,
      rawUsd,
    },
  };
}
