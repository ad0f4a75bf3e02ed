/**
 * The sources behind every catalog figure, with the tags of docs/bedrock.md §11, so a price
 * shown in the app can be traced back to the source that justifies it.
 */
export interface SourceRef {
  tag: string;
  ref: string;
}

const source = (tag: string, ref: string): SourceRef => ({ tag, ref });

export const SOURCES = {
  S3: source('S3', 'aws/api-models-aws, bedrock/service/2023-04-20/bedrock-2023-04-20.json'),
  S14: source('S14', 'https://aws.amazon.com/bedrock/pricing/ (overview text)'),
  S15: source('S15', 'pydantic/genai-prices, prices/providers/aws.yml (commit 47df840)'),
  S16: source('S16', 'Cline-style Bedrock model table, src/shared/api.ts (cline/cline)'),
  S17: source('S17', 'LiteLLM price-map diff: meta.llama3-8b-instruct-v1:0 at 4e-07'),
  S18: source('S18', 'Public price tables (llama3-1-405b at 0.00532 / 0.016; 70B at 0.00099)'),
  S19: source(
    'S19',
    'https://www.wring.co/blog/aws-bedrock-batch-inference-guide; https://awsnegotiations.com/bedrock-on-demand-vs-batch-pricing',
  ),
  S21: source('S21', 'https://docs.aws.amazon.com/bedrock/latest/userguide/prov-throughput.html'),
  S27: source('S27', 'langchain-ai/langchain-aws issue #258; LibreChat issue #4570'),
  S28: source('S28', 'https://ai-tldr.dev/models/llama-3/'),
  S29: source(
    'S29',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-meta-llama-3-1-405b-instruct.md',
  ),
  S30: source(
    'S30',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning.html',
  ),
  S31: source('S31', 'https://docs.aws.amazon.com/nova/latest/userguide/customization.html'),
  S35: source(
    'S35',
    'https://aws-samples.github.io/amazon-bedrock-samples/custom-models/model-distillation/Historical_invocation_distillation',
  ),
  S37: source('S37', 'https://docs.aws.amazon.com/nova/latest/userguide/customize-distill.html'),
  S38: source(
    'S38',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/prequisites-model-distillation.html',
  ),
  S32: source(
    'S32',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-supported.html',
  ),
  S41: source(
    'S41',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/deploy-custom-model-on-demand.html',
  ),
  SEED: source(
    'seed',
    'The built-in example (Llama 3 70B → 8B), quoting "AWS Bedrock Pricing", undated',
  ),
  PRIOR_ART: source('prior-art', 'An earlier ROI calculator this app replaces'),
} as const satisfies Record<string, SourceRef>;
