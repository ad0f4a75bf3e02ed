/**
 * The scenario inputs a tornado can move, each with its place in the scenario and the bounds a
 * moved value must respect (a share stays in [0, 1], a job takes at most 15,000 prompts).
 * Integer settings (model units, epochs) are left out: their prices already carry the same
 * effect, and ±20 % of one unit is not a setting anyone can buy.
 */
import { batchSharesOf } from './batchShares';
import { effectiveStudentFailureShare } from './roiInputs';
import { SCENARIO_BOUNDS, type Scenario } from './scenario';

export type SensitivityKey =
  | 'requestsPerMonth'
  | 'monthlyGrowth'
  | 'teacherInputTokens'
  | 'teacherOutputTokens'
  | 'studentInputTokens'
  | 'studentOutputTokens'
  | 'teacherInputPrice'
  | 'teacherOutputPrice'
  | 'studentInputPrice'
  | 'studentOutputPrice'
  | 'teacherBatchShare'
  | 'teacherBatchMultiplier'
  | 'studentBatchShare'
  | 'studentBatchMultiplier'
  | 'provisionedHourlyRate'
  | 'storage'
  | 'distillationPrompts'
  | 'trainingPrice'
  | 'engineeringHours'
  | 'engineeringRate'
  | 'teacherFailureShare'
  | 'studentFailureShare'
  | 'expectedDistilledFailureShare'
  | 'costPerFailure'
  | 'discountRate';

export interface SensitivityInput {
  key: SensitivityKey;
  label: string;
  path: readonly string[];
  min: number;
  max: number;
  /** Whether the input changes anything in this scenario. */
  applies?: (s: Scenario) => boolean;
  /** The base value when it is not simply the value at `path` (an absent input's stand-in). */
  read?: (s: Scenario) => number | undefined;
}

const ANY = { min: 0, max: Number.POSITIVE_INFINITY };
const SHARE = { min: 0, max: 1 };
const perToken = (s: Scenario) => s.student.serving.kind !== 'provisioned';
const distilled = (s: Scenario) => s.distillation.kind === 'distill';

const input = (
  key: SensitivityKey,
  label: string,
  path: string,
  bounds: { min: number; max: number },
  applies?: (s: Scenario) => boolean,
  read?: (s: Scenario) => number | undefined,
): SensitivityInput => ({ key, label, path: path.split('.'), ...bounds, applies, read });

export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = [
  input('requestsPerMonth', 'Requests per month', 'volume.requestsPerMonth', ANY),
  input('monthlyGrowth', 'Monthly growth', 'volume.monthlyGrowth', { min: -0.5, max: 1 }),
  input('teacherInputTokens', 'Teacher input tokens', 'teacher.inputTokensPerRequest', ANY),
  input('teacherOutputTokens', 'Teacher output tokens', 'teacher.outputTokensPerRequest', ANY),
  input(
    'studentInputTokens',
    'Student input tokens',
    'student.inputTokensPerRequest',
    ANY,
    perToken,
  ),
  input(
    'studentOutputTokens',
    'Student output tokens',
    'student.outputTokensPerRequest',
    ANY,
    perToken,
  ),
  input('teacherInputPrice', 'Teacher input price', 'teacher.price.inputUsdPer1k', ANY),
  input('teacherOutputPrice', 'Teacher output price', 'teacher.price.outputUsdPer1k', ANY),
  input('studentInputPrice', 'Student input price', 'student.price.inputUsdPer1k', ANY, perToken),
  input(
    'studentOutputPrice',
    'Student output price',
    'student.price.outputUsdPer1k',
    ANY,
    perToken,
  ),
  input('teacherBatchShare', 'Teacher batch share', 'teacher.batchShare', SHARE),
  input(
    'teacherBatchMultiplier',
    'Teacher batch multiplier',
    'teacher.price.batchMultiplier',
    SHARE,
    (s) => batchSharesOf(s).teacher > 0,
  ),
  input('studentBatchShare', 'Student batch share', 'student.serving.batchShare', SHARE),
  input(
    'studentBatchMultiplier',
    'Student batch multiplier',
    'student.price.batchMultiplier',
    SHARE,
    (s) => s.student.serving.kind === 'batch',
  ),
  input(
    'provisionedHourlyRate',
    'Hourly rate per model unit',
    'student.serving.usdPerHourPerUnit',
    ANY,
  ),
  input('storage', 'Custom model storage', 'student.storageUsdPerMonth', ANY, distilled),
  input('distillationPrompts', 'Distillation prompts', 'distillation.prompts', {
    min: 1,
    max: SCENARIO_BOUNDS.prompts,
  }),
  input('trainingPrice', 'Training price', 'distillation.trainingUsdPer1kTokens', ANY),
  input('engineeringHours', 'Engineering hours', 'engineering.hours', ANY),
  input('engineeringRate', 'Engineering rate', 'engineering.usdPerHour', ANY),
  input('teacherFailureShare', 'Teacher failure share', 'quality.teacherFailureShare', SHARE),
  // For a distilled student the next row moves the share the model uses.
  input(
    'studentFailureShare',
    'Student failure share',
    'quality.studentFailureShare',
    SHARE,
    (s) => !distilled(s),
  ),
  // Absent, the base student's measured share stands in: the row moves that assumption.
  input(
    'expectedDistilledFailureShare',
    'Expected failure share of the distilled student',
    'quality.expectedDistilledFailureShare',
    SHARE,
    distilled,
    effectiveStudentFailureShare,
  ),
  input('costPerFailure', 'Cost per failed output', 'quality.usdPerFailure', ANY),
  input('discountRate', 'Discount rate', 'finance.yearlyDiscountRate', {
    min: 0,
    max: SCENARIO_BOUNDS.yearlyDiscountRate,
  }),
];

/** The value at `path`, or undefined when this scenario has no such input (e.g. no batch). */
export function readInput(s: Scenario, path: readonly string[]): number | undefined {
  let node: unknown = s;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' ? node : undefined;
}

/** A copy of the scenario with one input replaced; the original is never touched. */
export function writeInput(s: Scenario, path: readonly string[], value: number): Scenario {
  const set = (node: unknown, depth: number): unknown => {
    const part = path[depth];
    if (part === undefined) return value;
    const record = node as Record<string, unknown>;
    return { ...record, [part]: set(record[part], depth + 1) };
  };
  return set(s, 0) as Scenario;
}
