/**
 * Where a price came from, as data rather than as words inside a source string: the catalog
 * (who published it and when), a saved override (its note, date and whether it applies to every
 * scenario or to one), or a price typed for one experiment. Every surface says it in the same
 * words through `describeOrigin`, and "overridden" is read from `kind`, never from the text.
 */
import { z } from 'zod';
import { isoDateField } from './unitSchemas';
import type { SourceRef } from './sources';

export const PriceOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('catalog'),
    /** Who published the figure, in an analyst's words: "AWS Bedrock pricing page". */
    publisher: z.string().min(1).max(300),
    asOf: isoDateField(),
  }),
  z.strictObject({
    kind: z.literal('override'),
    /** A global override applies to every experiment set up and scenario priced after it. */
    scope: z.enum(['global', 'scenario']),
    note: z.string().min(1).max(500),
    asOf: isoDateField(),
  }),
  z.strictObject({
    kind: z.literal('typed'),
    /** Typed into the experiment form or given with --price for this experiment only. */
    note: z.string().max(500).optional(),
    asOf: isoDateField(),
  }),
]);
export type PriceOrigin = z.infer<typeof PriceOriginSchema>;

/** Publishers behind the source tags of the catalog (sources.ts), in the words of a report. */
const PUBLISHERS: Record<string, string> = {
  S3: 'AWS API model definitions',
  S14: 'AWS Bedrock pricing page',
  S15: 'genai-prices (Pydantic)',
  S16: 'Cline model table',
  S17: 'LiteLLM price map',
  S18: 'public price tables',
  S19: 'batch pricing guides',
  S21: 'AWS Bedrock documentation',
  S29: 'AWS Bedrock documentation',
  S30: 'AWS Bedrock documentation',
  S31: 'AWS Nova documentation',
  S37: 'AWS Nova documentation',
  seed: 'AWS Bedrock pricing as quoted by the built-in example (undated)',
  'prior-art': 'an earlier ROI calculator',
  // Price List snapshots (pricing/priceList): the publisher, with the date in asOf.
  'aws-price-list': 'AWS Price List',
};

/** "AWS Bedrock pricing page and genai-prices (Pydantic)": each publisher once, in order. */
export function publishersOf(sources: readonly SourceRef[]): string {
  const names = [
    ...new Set(sources.filter((s) => s.tag !== 'override').map((s) => PUBLISHERS[s.tag] ?? s.tag)),
  ];
  if (names.length === 0) return 'price catalog';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

export const isOverridden = (o: PriceOrigin): boolean => o.kind !== 'catalog';

/**
 * The origin in an analyst's words: "AWS Bedrock pricing page, 2026-11-24";
 * "override for every scenario, 2026-12-07: quote from AWS"; "typed for this experiment,
 * 2026-12-07".
 */
export function describeOrigin(o: PriceOrigin): string {
  switch (o.kind) {
    case 'catalog':
      return `${o.publisher}, ${o.asOf}`;
    case 'override':
      return `${o.scope === 'global' ? 'override for every scenario' : 'override for this scenario'}, ${o.asOf}: ${o.note}`;
    case 'typed':
      return `typed for this experiment, ${o.asOf}${o.note ? `: ${o.note}` : ''}`;
  }
}
