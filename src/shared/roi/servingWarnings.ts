/** Warnings about the student's serving set-up that the figures alone would hide. */
import type { Scenario } from './scenario';
import { notOfferedProblems } from './servingOptions';
import type { UtilizationWarning } from './utilization';

export type RoiWarning =
  | UtilizationWarning
  | { code: 'noCommitmentLimits'; message: string }
  | { code: 'noCommitmentNeedsCustomModel'; message: string }
  /** The scenario prices something Bedrock does not sell: its figures describe no real option. */
  | { code: 'notOfferedByBedrock'; message: string };

/**
 * `maxUnits`: the most units bought in any month (units that follow the volume can pass the
 * one unit a no-commitment purchase allows).
 */
export function servingWarnings(s: Scenario, maxUnits?: number): RoiWarning[] {
  const warnings: RoiWarning[] = notOfferedProblems(s).map((message) => ({
    code: 'notOfferedByBedrock' as const,
    message: `Not what Bedrock sells: ${message}`,
  }));
  const serving = s.student.serving;
  if (serving.kind !== 'provisioned' || serving.term !== 'noCommitment') return warnings;
  // [S21]: no-commitment throughput exists for custom models only, 1 MU each, 2 per account.
  if (s.distillation.kind === 'baseModelAsIs') {
    warnings.push({
      code: 'noCommitmentNeedsCustomModel',
      message:
        'Provisioned Throughput without commitment is offered for custom models only; a base model needs a 1- or 6-month term.',
    });
  }
  const units = Math.max(serving.modelUnits, maxUnits ?? 0);
  if (units > 1) {
    warnings.push({
      code: 'noCommitmentLimits',
      message: `Without commitment a provisioned model gets 1 model unit (at most 2 such per account); ${units} units need a 1- or 6-month term.`,
    });
  }
  return warnings;
}
