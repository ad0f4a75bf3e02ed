/**
 * The one-off cost of a distillation job (docs/roi-model.md §3) before it is launched and once it
 * has run: teacher generation and student training from `investmentUsd` (the ROI model's own
 * function, so the Distill screen and the ROI screen can never disagree), plus the first month
 * of custom-model storage, which starts the moment the model exists. Engineering time is the
 * analyst's, not the job's, so it is not part of this figure.
 */
import { investmentUsd } from '../roi/investment';
import { usd, usdPer1k, type Tokens, type Usd } from '../units';

export interface DistillCostInput {
  /** N: prompts in the training data. */
  prompts: number;
  /** Pairs per prompt after Bedrock's augmentation (1: none). */
  expansionFactor: number;
  /** `invocationLogs` with reused responses means no teacher calls. */
  dataSource: 'teacherGenerates' | 'invocationLogs';
  epochs: number;
  /** in_T: mean input tokens of a prompt (counted from the prompts where the app wrote them). */
  inputTokensPerPrompt: number;
  /** out_T: mean tokens of a teacher answer; before the job, the response-length ceiling. */
  outputTokensPerResponse: number;
  teacherPrice: { inputUsdPer1k: number; outputUsdPer1k: number };
  trainingUsdPer1kTokens: number;
  storageUsdPerMonth: number;
}

export interface DistillCost {
  teacherGenerationUsd: Usd;
  teacherCalls: number;
  trainingPairs: number;
  pairsCapped: boolean;
  trainingTokens: Tokens;
  trainingUsd: Usd;
  /** One month of storage for the custom model. */
  storageUsd: Usd;
  /** Teacher generation + training + the first month of storage. */
  oneOffCostUsd: Usd;
}

export function distillCost(i: DistillCostInput): DistillCost {
  const b = investmentUsd(
    {
      kind: 'distill',
      prompts: i.prompts,
      expansionFactor: i.expansionFactor,
      dataSource: i.dataSource,
      epochs: i.epochs,
      trainingUsdPer1kTokens: usdPer1k(i.trainingUsdPer1kTokens),
    },
    {
      inputTokensPerRequest: i.inputTokensPerPrompt as Tokens,
      outputTokensPerRequest: i.outputTokensPerResponse as Tokens,
      price: {
        inputUsdPer1k: usdPer1k(i.teacherPrice.inputUsdPer1k),
        outputUsdPer1k: usdPer1k(i.teacherPrice.outputUsdPer1k),
        batchMultiplier: 1,
      },
    },
    usd(0),
  );
  const storageUsd = usd(i.storageUsdPerMonth);
  return {
    teacherGenerationUsd: b.syntheticDataUsd,
    teacherCalls: b.teacherCalls,
    trainingPairs: b.trainingPairs,
    pairsCapped: b.pairsCapped,
    trainingTokens: b.trainingTokens,
    trainingUsd: b.trainingUsd,
    storageUsd,
    oneOffCostUsd: usd(b.totalUsd + storageUsd),
  };
}

/** Whether launching needs the analyst's explicit yes: the estimate is above the budget. */
export const overBudget = (cost: Pick<DistillCost, 'oneOffCostUsd'>, budgetUsd: number | null) =>
  budgetUsd !== null && cost.oneOffCostUsd > budgetUsd;
