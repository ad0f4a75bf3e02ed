/** Warnings about the student's serving set-up that the figures alone would hide. */
import type { Scenario } from './scenario';
import type { UtilizationWarning } from './utilization';

export type RoiWarning =
  | UtilizationWarning
  | { code: 'noCommitmentLimits'; message: string }
  | { code: 'noCommitmentNeedsCustomModel'; message: string };

export function servingWarnings(s: Scenario): RoiWarning[] {
  const serving = s.student.serving;
  if (serving.kind !== 'provisioned' || serving.term !== 'noCommitment') return [];
  const warnings: RoiWarning[] = [];
  // [S21]: no-commitment throughput exists for custom models only, 1 MU each, 2 per account.
  if (s.distillation.kind === 'baseModelAsIs') {
    warnings.push({
      code: 'noCommitmentNeedsCustomModel',
      message:
        'Provisioned Throughput without commitment is offered for custom models only; a base model needs a 1- or 6-month term.',
    });
  }
  if (serving.modelUnits > 1) {
    warnings.push({
      code: 'noCommitmentLimits',
      message: `Without commitment a provisioned model gets 1 model unit (at most 2 such per account); ${serving.modelUnits} units need a 1- or 6-month term.`,
    });
  }
  return warnings;
}
