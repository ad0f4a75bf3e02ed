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

/**
 * Tags of the third-party tables the hand-written catalog was read from (sources.ts). A figure
 * backed by any of them is theirs, not AWS's, whatever AWS page sits beside it, and is shown as
 * "third-party registry (genai-prices / cline), <date>, not from AWS".
 */
const THIRD_PARTY: Record<string, string> = {
  S15: 'genai-prices',
  S16: 'cline',
  S17: 'LiteLLM',
  S18: 'public price tables',
  S19: 'batch pricing guides',
};
const THIRD_PARTY_PUBLISHER = 'third-party registry';

/** "AWS Bedrock pricing page and AWS API model definitions": each publisher once, in order. */
export function publishersOf(sources: readonly SourceRef[]): string {
  const thirdParty = [
    ...new Set(sources.flatMap((s) => (THIRD_PARTY[s.tag] ? [THIRD_PARTY[s.tag]] : []))),
  ];
  if (thirdParty.length > 0) return `${THIRD_PARTY_PUBLISHER} (${thirdParty.join(' / ')})`;
  const names = [
    ...new Set(sources.filter((s) => s.tag !== 'override').map((s) => PUBLISHERS[s.tag] ?? s.tag)),
  ];
  if (names.length === 0) return 'price catalog';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/**
 * The publisher of a catalog price stored before origins were kept: releases up to 0.1.0 wrote
 * the catalog's source tags and file paths ("S15: pydantic/genai-prices, … (commit 47df840);
 * S16: …", or "catalog S15"). Read back, the tags name their publisher as today's catalog does;
 * any other text is kept as it was written.
 */
export function publisherOfStoredSource(source: string): string {
  const tags = [...source.matchAll(/\b(S\d+|seed|prior-art)\b/g)].map((m) => m[1]!);
  const known = tags.filter((tag) => PUBLISHERS[tag] ?? THIRD_PARTY[tag]);
  return known.length > 0 ? publishersOf(known.map((tag) => ({ tag, ref: '' }))) : source;
}

/**
 * A catalog figure's origin in words: "AWS Price List, 2026-11-01"; a third-party figure says
 * plainly that it is not an AWS price.
 */
export function catalogOriginText(publisher: string, asOf: string): string {
  const notAws = publisher.startsWith(`${THIRD_PARTY_PUBLISHER} (`) ? ', not from AWS' : '';
  return `${publisher}, ${asOf}${notAws}`;
}

export const isOverridden = (o: PriceOrigin): boolean => o.kind !== 'catalog';

/**
 * The origin in an analyst's words: "AWS Price List, 2026-11-01";
 * "override for every scenario, 2026-12-07: quote from AWS"; "typed for this experiment,
 * 2026-12-07".
 */
export function describeOrigin(o: PriceOrigin): string {
  switch (o.kind) {
    case 'catalog':
      return catalogOriginText(o.publisher, o.asOf);
    case 'override':
      return `${o.scope === 'global' ? 'override for every scenario' : 'override for this scenario'}, ${o.asOf}: ${o.note}`;
    case 'typed':
      return `typed for this experiment, ${o.asOf}${o.note ? `: ${o.note}` : ''}`;
  }
}
