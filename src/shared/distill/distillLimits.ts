/**
 * What Bedrock accepts of a distillation job's training data. The ceiling is the 15,000
 * prompt-response pairs the ROI model already caps training at; the floor is the service quota
 * for distillation input (100 prompts). Both are checked before any AWS call so a job that
 * Bedrock would reject at validation (and bill nothing for) is never started.
 */
import { MAX_DISTILLATION_PAIRS } from '../roi/scenario';

export const MIN_DISTILLATION_PROMPTS = 100;
export const MAX_DISTILLATION_PROMPTS = MAX_DISTILLATION_PAIRS;

/** The schema version every training record must carry (bedrock-conversation-2024). */
export const TRAINING_SCHEMA_VERSION = 'bedrock-conversation-2024';

/** A problem with the prompt count, naming the field, or null when it is within the limits. */
export function promptCountProblem(count: number, field = 'Prompts'): string | null {
  if (!Number.isInteger(count) || count < MIN_DISTILLATION_PROMPTS) {
    return `${field}: Bedrock needs at least ${MIN_DISTILLATION_PROMPTS} prompts for a distillation job; this has ${count}.`;
  }
  if (count > MAX_DISTILLATION_PROMPTS) {
    return `${field}: Bedrock takes at most ${MAX_DISTILLATION_PROMPTS.toLocaleString('en-US')} prompts per distillation job; this has ${count.toLocaleString('en-US')}.`;
  }
  return null;
}
