import { z } from 'zod';
import { costPerRequestUsd } from '../roi/perRequest';
import { tokens, usd, usdPer1k, type Tokens, type Usd } from '../units';
import type { ModelPrice } from '../domain/experiment';

/**
 * A summary's length is not known before the call. For the "expected" figure we assume an output
 * of about a third of the prompt plus a fixed preamble, capped by maxTokens; the "at most" figure
 * assumes every output reaches maxTokens, and it is the one the budget is checked against.
 */
export const OUTPUT_SHARE_OF_INPUT = 1 / 3;
export const OUTPUT_BASE_TOKENS = 40;

export const expectedOutputTokens = (inputTokens: number, maxTokens: number): Tokens =>
  tokens(Math.min(maxTokens, Math.round(inputTokens * OUTPUT_SHARE_OF_INPUT + OUTPUT_BASE_TOKENS)));

export const ModelEstimateSchema = z.object({
  modelId: z.string(),
  calls: z.number().int(),
  inputTokens: z.number().int(),
  expectedOutputTokens: z.number().int(),
  maxOutputTokens: z.number().int(),
  expectedUsd: z.number(),
  maxUsd: z.number(),
  tokenizer: z.enum(['llama3', 'approximate']),
});
export type ModelEstimate = z.infer<typeof ModelEstimateSchema>;

export const RunEstimateSchema = z.object({
  perModel: z.array(ModelEstimateSchema),
  calls: z.number().int(),
  expectedUsd: z.number(),
  maxUsd: z.number(),
  budgetUsd: z.number().nullable(),
  overBudget: z.boolean(),
});
export type RunEstimate = z.infer<typeof RunEstimateSchema>;

export interface ModelPromptTokens {
  modelId: string;
  /** Input tokens of each paragraph's full prompt for this model (template and system included). */
  promptTokens: number[];
  tokenizer: ModelEstimate['tokenizer'];
}

function priceOf(prices: ModelPrice[], modelId: string): ModelPrice {
  const p = prices.find((x) => x.modelId === modelId);
  if (!p) throw new Error(`No price for ${modelId}`);
  return p;
}

export interface ModelCallOptions {
  repeats: number;
  maxTokens: number;
  price: Pick<ModelPrice, 'inputUsdPer1k' | 'outputUsdPer1k'>;
  /** The output length assumed for the expected figure; default: a summary's (above). */
  expectedOutput?: (inputTokens: number, maxTokens: number) => Tokens;
}

/** One model's calls: every prompt once per repeat, expected and with every output at maxTokens. */
export function estimateModelCalls(m: ModelPromptTokens, opts: ModelCallOptions): ModelEstimate {
  const pin = usdPer1k(opts.price.inputUsdPer1k);
  const pout = usdPer1k(opts.price.outputUsdPer1k);
  const expectedOut = opts.expectedOutput ?? expectedOutputTokens;
  let input = 0;
  let expectedOutTotal = 0;
  let expectedUsd = 0;
  let maxUsd = 0;
  for (const t of m.promptTokens) {
    const out = expectedOut(t, opts.maxTokens);
    input += t;
    expectedOutTotal += out;
    expectedUsd += costPerRequestUsd(tokens(t), out, pin, pout);
    maxUsd += costPerRequestUsd(tokens(t), tokens(opts.maxTokens), pin, pout);
  }
  const r = opts.repeats;
  return {
    modelId: m.modelId,
    calls: m.promptTokens.length * r,
    inputTokens: input * r,
    expectedOutputTokens: expectedOutTotal * r,
    maxOutputTokens: m.promptTokens.length * opts.maxTokens * r,
    expectedUsd: expectedUsd * r,
    maxUsd: maxUsd * r,
    tokenizer: m.tokenizer,
  };
}

/** The cost of a whole experiment before it runs: expected and worst case, per model and in total. */
export function estimateRun(
  models: ModelPromptTokens[],
  opts: { repeats: number; maxTokens: number; prices: ModelPrice[]; budgetUsd: number | null },
): RunEstimate {
  const perModel = models.map((m) =>
    estimateModelCalls(m, {
      repeats: opts.repeats,
      maxTokens: opts.maxTokens,
      price: priceOf(opts.prices, m.modelId),
    }),
  );
  const total = (pick: (m: ModelEstimate) => number): Usd =>
    usd(perModel.reduce((s, m) => s + pick(m), 0));
  const maxUsd = total((m) => m.maxUsd);
  return {
    perModel,
    calls: perModel.reduce((s, m) => s + m.calls, 0),
    expectedUsd: total((m) => m.expectedUsd),
    maxUsd,
    budgetUsd: opts.budgetUsd,
    overBudget: opts.budgetUsd !== null && maxUsd > opts.budgetUsd,
  };
}
