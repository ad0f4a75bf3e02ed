/**
 * The ways Bedrock serves a student (docs/bedrock.md §6, checked 2026-12-07), so the form
 * offers only those and says why the rest are missing. A base model used as-is is served like
 * any base model; a distilled (custom) model only on provisioned throughput, or on an on-demand
 * custom-model deployment where AWS offers one, and never in batch (S32, S41, S21).
 */
import { distillationCheck } from '../pricing/distillationPairs';
import { normalizeModelId } from '../pricing/modelIds';
import type { ProvisionedTerm } from '../pricing/priceSchemas';
import type { Scenario, Serving } from './scenario';

export type ServingKind = Serving['kind'];

export interface ServingOption {
  kind: ServingKind;
  offered: boolean;
  /** Why it is not offered; null when it is. */
  reason: string | null;
  /** Provisioned: the commitment terms on sale for this student. */
  terms?: ProvisionedTerm[];
  /** Limits that come with the option, in words. */
  notes?: string[];
}

export interface ServingContext {
  distilled: boolean;
  studentModelId: string;
  /** Where the student is served. */
  region: string;
  /** Whether the price list has a batch price for the student in this region. */
  batchPriced: boolean;
}

/** Where AWS lists on-demand custom-model deployment (S41): model → regions. */
const CUSTOM_MODEL_ON_DEMAND: Readonly<Record<string, readonly string[]>> = {
  'amazon.nova-micro-v1:0': ['us-east-1', 'us-west-2'],
  'amazon.nova-lite-v1:0': ['us-east-1', 'us-west-2'],
  'amazon.nova-pro-v1:0': ['us-east-1', 'us-west-2'],
  'amazon.nova-2-lite-v1:0': ['us-east-1', 'us-west-2'],
  // One AWS page lists it; the others do not.
  'meta.llama3-3-70b-instruct-v1:0': ['us-west-2'],
};

export const NO_COMMITMENT_LIMITS =
  'Without commitment: 1 model unit per custom model, at most 2 such models per account.';

export function customModelOnDemandOffered(studentModelId: string, region: string): boolean {
  const { modelId } = normalizeModelId(studentModelId);
  return CUSTOM_MODEL_ON_DEMAND[modelId]?.includes(region) ?? false;
}

export function servingOptions(ctx: ServingContext): ServingOption[] {
  const { distilled, studentModelId, region, batchPriced } = ctx;
  const offered = (kind: ServingKind, extra: Partial<ServingOption> = {}): ServingOption => ({
    kind,
    offered: true,
    reason: null,
    ...extra,
  });
  const refused = (kind: ServingKind, reason: string): ServingOption => ({
    kind,
    offered: false,
    reason,
  });
  if (!distilled) {
    return [
      offered('onDemand'),
      batchPriced
        ? offered('batch')
        : refused(
            'batch',
            `The price list has no batch price for ${studentModelId} in ${region}, so batch is not offered.`,
          ),
      offered('provisioned', {
        terms: ['oneMonth', 'sixMonths'],
        notes: ['Provisioned Throughput without commitment is for custom models only.'],
      }),
      refused(
        'customModelOnDemand',
        'On-demand custom-model deployment serves customized (distilled) models only.',
      ),
    ];
  }
  return [
    refused(
      'onDemand',
      "A distilled model is not served at the base model's on-demand price: Bedrock serves it on provisioned throughput, or on an on-demand custom-model deployment where offered.",
    ),
    refused('batch', 'Batch inference is not available for custom (distilled) models.'),
    offered('provisioned', {
      terms: ['noCommitment', 'oneMonth', 'sixMonths'],
      notes: [NO_COMMITMENT_LIMITS],
    }),
    customModelOnDemandOffered(studentModelId, region)
      ? offered('customModelOnDemand', {
          notes: [
            'Priced at the custom-model per-token rates, not the base price; for models customized on or after 2025-07-16.',
          ],
        })
      : refused(
          'customModelOnDemand',
          `On-demand custom-model deployment is offered for Nova Micro, Lite, Pro and Nova 2 Lite in us-east-1 and us-west-2 (and Llama 3.3 70B in us-west-2), not for ${studentModelId} in ${region}.`,
        ),
  ];
}

/**
 * What in this scenario Bedrock does not sell, in words: a distillation of a pair AWS does not
 * list, or a serving mode not offered for the student. Empty when everything is on sale.
 */
export function notOfferedProblems(s: Scenario, batchPriced = true): string[] {
  const problems: string[] = [];
  const distilled = s.distillation.kind === 'distill';
  if (distilled) {
    const check = distillationCheck(
      s.teacher.modelId,
      s.student.modelId,
      s.teacher.region,
      s.student.region,
    );
    if (!check.ok) problems.push(check.reason);
  }
  const serving = s.student.serving;
  const option = servingOptions({
    distilled,
    studentModelId: s.student.modelId,
    region: s.student.region,
    batchPriced,
  }).find((o) => o.kind === serving.kind);
  if (option && !option.offered && option.reason) problems.push(option.reason);
  return problems;
}
