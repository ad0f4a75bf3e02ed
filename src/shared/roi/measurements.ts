/**
 * What an experiment measured, as a scenario's figures: each side's mean tokens per request over
 * its runs (the token profile) and the student's failure shares. The calculator's prefill and
 * the report's measured scenario both take them from here, so the two cannot disagree.
 */
import { mean } from '../metrics/statistics';
import { fraction, tokens, type Fraction, type Tokens } from '../units';
import { measuredFailureShares, type RoiEvidence } from './evidence';
import type { ScenarioInput } from './scenario';

export interface TokenProfile {
  modelId: string;
  /** Successful calls with reported usage that the means are taken over. */
  runs: number;
  inputTokens: Tokens;
  outputTokens: Tokens;
}

export function tokenProfileOf(
  evidence: Pick<RoiEvidence, 'models'>,
  modelId: string,
): TokenProfile | null {
  const m = evidence.models.find((x) => x.modelId === modelId);
  if (!m || m.inputTokens.length === 0) return null;
  return {
    modelId,
    runs: m.inputTokens.length,
    inputTokens: tokens(mean(m.inputTokens)),
    outputTokens: tokens(mean(m.outputTokens)),
  };
}

/** The failure shares a scenario stores. */
export interface MeasuredShares {
  teacherFailureShare: Fraction;
  studentFailureShare: Fraction;
  studentCi: { low: Fraction; high: Fraction };
  /** The paired interval of f_S − f_T, when the teacher has shares of its own. */
  differenceCi: { low: number; high: number } | null;
}

export interface MeasuredQuality extends MeasuredShares {
  n: number;
  metric: string;
  bar: number;
}

// The scenario schema refuses a share outside [0, 1].
const clampShare = (x: number) => fraction(Math.min(1, Math.max(0, x)));

export function measuredShares(
  teacherShare: number,
  studentShare: number,
  studentCi: { low: number; high: number },
  differenceCi: { low: number; high: number } | null = null,
): MeasuredShares {
  return {
    teacherFailureShare: clampShare(teacherShare),
    studentFailureShare: clampShare(studentShare),
    studentCi: { low: clampShare(studentCi.low), high: clampShare(studentCi.high) },
    differenceCi,
  };
}

export function measuredQualityOf(
  evidence: RoiEvidence,
  studentModelId: string,
): MeasuredQuality | null {
  const shares = measuredFailureShares(evidence, studentModelId);
  if (!shares) return null;
  const { teacher, student, n } = shares.result;
  return {
    // No teacher share when the metric scores against the teacher itself: f_T = 0 by definition.
    ...measuredShares(
      teacher?.share ?? 0,
      student.share,
      student.ci,
      shares.result.difference?.ci ?? null,
    ),
    n,
    metric: shares.metric,
    bar: shares.bar,
  };
}

type Side = ScenarioInput['teacher'] | ScenarioInput['student'];

function withSide<T extends Side>(
  side: T,
  modelId: string,
  region: string,
  profile: TokenProfile | null,
): T {
  return {
    ...side,
    modelId,
    region,
    ...(profile && {
      inputTokensPerRequest: profile.inputTokens,
      outputTokensPerRequest: profile.outputTokens,
    }),
  };
}

/** The part of an experiment's evidence that the measured figures come from. */
export type MeasuredRuns = Pick<RoiEvidence, 'region' | 'teacherModelId' | 'models'>;

/**
 * The scenario set to the experiment's models and region, with each side's measured tokens and
 * the student's measured failure shares. What was not measured keeps the scenario's value.
 */
export function withMeasurements(
  base: ScenarioInput,
  runs: MeasuredRuns,
  studentModelId: string,
  shares: MeasuredShares | null,
): ScenarioInput {
  const teacherId = runs.teacherModelId;
  // An interval measured for another student says nothing about this one.
  const {
    studentFailureShareCi: _otherStudents,
    failureShareDifferenceCi: _otherDifference,
    ...typedQuality
  } = base.quality;
  return {
    ...base,
    teacher: withSide(base.teacher, teacherId, runs.region, tokenProfileOf(runs, teacherId)),
    student: withSide(
      base.student,
      studentModelId,
      runs.region,
      tokenProfileOf(runs, studentModelId),
    ),
    quality: shares
      ? {
          ...base.quality,
          teacherFailureShare: shares.teacherFailureShare,
          studentFailureShare: shares.studentFailureShare,
          studentFailureShareCi: shares.studentCi,
          ...(shares.differenceCi ? { failureShareDifferenceCi: shares.differenceCi } : {}),
        }
      : typedQuality,
  };
}
