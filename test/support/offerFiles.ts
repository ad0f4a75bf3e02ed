/**
 * Offer files in the AWS Price List bulk format (docs/bedrock.md §4: formatVersion,
 * disclaimer, offerCode, version, publicationDate, products keyed by SKU with attributes, terms
 * keyed by type, SKU and `<SKU>.<termCode>` with priceDimensions), written from compact rows so
 * each test states the prices it needs. Written from the documented format, not copied from a
 * live file; the SKUs and codes are made up.
 */

export interface FixtureRow {
  usagetype: string;
  regionCode: string;
  /** Exactly one of model / titanModel / servicename names the model, as in AWS's files. */
  model?: string;
  titanModel?: string;
  servicename?: string;
  inferenceType?: string;
  feature?: string;
  unit: string;
  usd: string;
  termType?: 'OnDemand' | 'Reserved';
  leaseContractLength?: string;
}

export interface FixtureOffer {
  offerCode: string;
  publicationDate: string;
  version?: string;
  rows: FixtureRow[];
}

const LOCATIONS: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-west-2': 'US West (Oregon)',
  'eu-central-1': 'EU (Frankfurt)',
};

const skuOf = (offerCode: string, i: number) =>
  `${offerCode.slice(0, 4).toUpperCase()}${String(i).padStart(12, '0')}`;

/** The offer as a JS object (for GetProducts-style reuse) in AWS's bulk layout. */
export function offerObject(offer: FixtureOffer): Record<string, unknown> {
  const products: Record<string, unknown> = {};
  const onDemand: Record<string, unknown> = {};
  const reserved: Record<string, unknown> = {};
  offer.rows.forEach((r, i) => {
    const sku = skuOf(offer.offerCode, i);
    const attributes: Record<string, string> = {
      servicecode: offer.offerCode,
      location: LOCATIONS[r.regionCode] ?? r.regionCode,
      regionCode: r.regionCode,
      usagetype: r.usagetype,
      ...(r.model ? { model: r.model } : {}),
      ...(r.titanModel ? { titanModel: r.titanModel } : {}),
      ...(r.servicename ? { servicename: r.servicename } : {}),
      ...(r.inferenceType ? { inferenceType: r.inferenceType } : {}),
      ...(r.feature ? { feature: r.feature } : {}),
    };
    products[sku] = { sku, productFamily: 'Amazon Bedrock', attributes };
    const termCode = r.termType === 'Reserved' ? 'R6M0NTHS00' : 'JRTCKXETXF';
    const rateCode = `${sku}.${termCode}.6YS6EN2CT7`;
    const term = {
      [`${sku}.${termCode}`]: {
        offerTermCode: termCode,
        sku,
        effectiveDate: offer.publicationDate,
        termAttributes: r.leaseContractLength ? { LeaseContractLength: r.leaseContractLength } : {},
        priceDimensions: {
          [rateCode]: {
            rateCode,
            description: `$${r.usd} per ${r.unit} for ${r.model ?? r.titanModel ?? r.servicename} in ${attributes.location}`,
            unit: r.unit,
            beginRange: '0',
            endRange: 'Inf',
            appliesTo: [],
            pricePerUnit: { USD: r.usd },
          },
        },
      },
    };
    (r.termType === 'Reserved' ? reserved : onDemand)[sku] = term;
  });
  return {
    formatVersion: 'v1.0',
    disclaimer: 'This pricing list is for informational purposes only.',
    offerCode: offer.offerCode,
    version: offer.version ?? offer.publicationDate.replace(/\D/g, '').slice(0, 14),
    publicationDate: offer.publicationDate,
    products,
    terms: { OnDemand: onDemand, ...(Object.keys(reserved).length ? { Reserved: reserved } : {}) },
    attributesList: {},
  };
}

/** The offer file's text, indented like AWS's files. */
export const offerFile = (offer: FixtureOffer): string =>
  JSON.stringify(offerObject(offer), null, 2);

/** A Nova Pro / Marketplace Claude / gpt-oss price set for one region, at a given Nova Pro input price. */
export function bedrockRows(region: string, novaProInput = '0.0008'): FixtureRow[] {
  const p = region === 'us-east-1' ? 'USE1' : region === 'us-west-2' ? 'USW2' : 'EUC1';
  const row = (usagetype: string, unit: string, usd: string, extra: Partial<FixtureRow> = {}) => ({
    usagetype: `${p}-${usagetype}`,
    regionCode: region,
    unit,
    usd,
    feature: 'On-demand Inference',
    ...extra,
  });
  return [
    row('NovaPro-input-tokens', '1K tokens', novaProInput, {
      model: 'Nova Pro',
      inferenceType: 'Input tokens',
    }),
    row('NovaPro-output-tokens', '1K tokens', '0.0032', {
      model: 'Nova Pro',
      inferenceType: 'Output tokens',
    }),
    row('NovaPro-input-tokens-priority', '1K tokens', '0.0014', {
      model: 'Nova Pro',
      inferenceType: 'Input tokens priority',
    }),
    row('NovaPro-output-tokens-priority', '1K tokens', '0.0056', {
      model: 'Nova Pro',
      inferenceType: 'Output tokens priority',
    }),
    row('NovaPro-input-tokens-flex', '1K tokens', '0.0004', {
      model: 'Nova Pro',
      inferenceType: 'Input tokens flex',
    }),
    row('NovaPro-output-tokens-flex', '1K tokens', '0.0016', {
      model: 'Nova Pro',
      inferenceType: 'Output tokens flex',
    }),
    // Batch marked only by feature, with a plain inferenceType (docs/bedrock.md §4).
    row('NovaPro-input-tokens-batch', '1K tokens', '0.0004', {
      model: 'Nova Pro',
      inferenceType: 'Input tokens',
      feature: 'Batch Inference',
    }),
    row('NovaPro-output-tokens-batch', '1K tokens', '0.0016', {
      model: 'Nova Pro',
      inferenceType: 'Output tokens',
      feature: 'Batch Inference',
    }),
    row('NovaPro-cache-read-input-token-count', '1K tokens', '0.0002', {
      model: 'Nova Pro',
      inferenceType: 'Prompt cache read input tokens',
    }),
    row('NovaLite-input-tokens-custom-model', '1K tokens', '0.00006', {
      model: 'Nova Lite',
      inferenceType: 'Input tokens',
    }),
    row('NovaLite-output-tokens-custom-model', '1K tokens', '0.00024', {
      model: 'Nova Lite',
      inferenceType: 'Output tokens',
    }),
    row('NovaLite-Customization-Training', '1K tokens', '0.001', {
      model: 'Nova Lite',
      feature: 'Model Customization',
    }),
    row('NovaLite-Custom-Model-Storage', 'Month', '1.95', {
      model: 'Nova Lite',
      feature: 'Model Customization',
    }),
    row('ProvisionedThroughput-NovaLite-NoCommit', 'Hrs', '108.15', {
      model: 'Nova Lite',
      feature: 'Provisioned Throughput',
    }),
    row('ProvisionedThroughput-NovaLite-6Month', 'Hrs', '75.5', {
      model: 'Nova Lite',
      feature: 'Provisioned Throughput',
    }),
    row('Nova2.0Lite-input-tokens-cross-region-global', '1K tokens', '0.0003', {
      model: 'Nova 2.0 Lite',
      inferenceType: 'Cross-region global input tokens',
    }),
    row('Nova2.0Lite-output-tokens-cross-region-global', '1K tokens', '0.0025', {
      model: 'Nova 2.0 Lite',
      inferenceType: 'Cross-region global output tokens',
    }),
    row('TitanImageGenerator-images', 'image', '0.01', { titanModel: 'Titan Image Generator G1' }),
    row('openai.gpt-oss-20b-mantle-input-tokens-standard', '1M tokens', '0.07', {}),
    row('openai.gpt-oss-20b-mantle-output-tokens-standard', '1M tokens', '0.30', {}),
    row('openai.gpt-oss-20b-mantle-input-tokens-flex', '1M tokens', '0.035', {}),
    row('openai.gpt-oss-20b-mantle-output-tokens-flex', '1M tokens', '0.15', {}),
  ];
}

/** Marketplace rows as AmazonBedrockFoundationModels lists them (per 1M tokens, servicename). */
export function marketplaceRows(region: string, sonnetInput = '3.3000000000'): FixtureRow[] {
  const p = region === 'us-east-1' ? 'USE1' : region === 'us-west-2' ? 'USW2' : 'EUC1';
  const sonnet = 'Claude Sonnet 4.5 (Amazon Bedrock Edition)';
  return [
    {
      usagetype: `${p}-MP:${p}_InputTokenCount-Units`,
      regionCode: region,
      servicename: sonnet,
      unit: '1M tokens',
      usd: sonnetInput,
    },
    {
      usagetype: `${p}-MP:${p}_OutputTokenCount-Units`,
      regionCode: region,
      servicename: sonnet,
      unit: '1M tokens',
      usd: '16.5000000000',
    },
    {
      usagetype: `${p}-MP:${p}_InputTokenCount_Global-Units`,
      regionCode: region,
      servicename: sonnet,
      unit: '1M tokens',
      usd: '3.0000000000',
    },
    {
      usagetype: `${p}-MP:${p}_OutputTokenCount_Global-Units`,
      regionCode: region,
      servicename: sonnet,
      unit: '1M tokens',
      usd: '15.0000000000',
    },
    {
      usagetype: `${p}-MP:${p}_Reserved_1Month_InputTPM_Geo-Units`,
      regionCode: region,
      servicename: sonnet,
      unit: 'TPM-Month',
      usd: '50.0000000000',
    },
  ];
}
