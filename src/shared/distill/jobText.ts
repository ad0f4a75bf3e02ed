/**
 * How a distillation job and its cost read, in one place for the Distill screen and the CLI.
 */
import { formatUsd } from '../format';
import { DISTILL_STEPS, STEP_LABELS, type DistillJobView } from './distillDomain';
import type { DistillCost } from './distillEstimate';

/** The job's state in a word or two: before AWS has it, AWS's own status, or refused. */
export function jobStatusText(j: Pick<DistillJobView, 'phase' | 'status'>): string {
  switch (j.phase) {
    case 'planned':
      return 'Creating';
    case 'refused':
      return 'Refused';
    default:
      return j.status ?? 'InProgress';
  }
}

/** "Validation: Completed · Data processing: InProgress · Training: NotStarted". */
export const stepsText = (j: Pick<DistillJobView, 'steps'>): string =>
  DISTILL_STEPS.map((s) => `${STEP_LABELS[s]}: ${j.steps[s]}`).join(' · ');

/** The §3 components as label and money, the total last. */
export function costRows(c: DistillCost | DistillJobView['estimate']): [string, string][] {
  return [
    ['Teacher generation', formatUsd(c.teacherGenerationUsd)],
    ['Student training', formatUsd(c.trainingUsd)],
    ['Storage (first month)', formatUsd(c.storageUsd)],
    ['One-off total', formatUsd(c.oneOffCostUsd)],
  ];
}

/** What the analyst should read about the job's end, or null while it runs. */
export function jobOutcome(j: DistillJobView): string | null {
  if (j.phase === 'refused') return j.lastError;
  if (j.status === 'Failed') return j.failureMessage ?? 'The job failed without a message.';
  if (j.status === 'Completed' && j.outputModelArn) return `Custom model: ${j.outputModelArn}`;
  if (j.status === 'Stopped') return 'Stopped before it finished.';
  return null;
}
