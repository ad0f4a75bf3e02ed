import { formatNumber } from '../format';
import { formatScore, formatSigned } from '../quality/formatQuality';
import type { DecisionSource } from './decisionSettings';
import type { SourceEvidence } from './decisionEvidence';

/**
 * What one evidence source says about the student, in a state the verdict can weigh and a
 * sentence the screen, the CLI and the report print as is, with what would settle it when it
 * does not settle the question yet.
 */

/** Below this many paragraphs the verdict is never Yes and the evidence is called thin (§5, §7). */
export const MIN_DECISION_PARAGRAPHS = 10;

export type FindingState = 'within' | 'beyond' | 'straddles' | 'thin' | 'missing' | 'unreadable';

export interface SourceFinding {
  source: DecisionSource;
  decisive: boolean;
  state: FindingState;
  /** Which way the point estimate leans, when there is one. */
  lean: 'within' | 'against' | null;
  text: string;
  /** What would settle it; null when it is settled. */
  settle: string | null;
}

const MORE_WORK: Record<DecisionSource, (k: number) => string> = {
  human: (k) => `rate ${k} more ${k === 1 ? 'paragraph' : 'paragraphs'} blind`,
  judge: (k) => `have the judge score ${k} more ${k === 1 ? 'paragraph' : 'paragraphs'}`,
  rougeReference: (k) =>
    `score ${k} more ${k === 1 ? 'paragraph' : 'paragraphs'} with reference summaries`,
  rougeTeacher: (k) =>
    `score ${k} more ${k === 1 ? 'paragraph' : 'paragraphs'} against the teacher`,
};

const FIRST_WORK: Record<DecisionSource, string> = {
  human: `rate at least ${MIN_DECISION_PARAGRAPHS} paragraphs blind`,
  judge: `run the judge on at least ${MIN_DECISION_PARAGRAPHS} paragraphs`,
  rougeReference: `add reference summaries to at least ${MIN_DECISION_PARAGRAPHS} paragraphs and score them`,
  rougeTeacher: `score at least ${MIN_DECISION_PARAGRAPHS} paragraphs against the teacher`,
};

/** Where the tolerance lies on the measure's axis: a loss of `t` is a difference of −t. */
const boundaryOf = (e: SourceEvidence) => (e.measure === 'difference' ? -e.tolerance : e.tolerance);

/**
 * How many more paragraphs would bring the interval clear of the tolerance, if the estimate and
 * the spread stay as they are (the half-width shrinks as 1/√n). Null when the estimate sits on
 * the tolerance, where more paragraphs alone cannot be counted on.
 */
export function paragraphsToSettle(e: SourceEvidence): number | null {
  if (!e.estimate) return null;
  const half = (e.estimate.ci.high - e.estimate.ci.low) / 2;
  const margin = Math.abs(e.estimate.mean - boundaryOf(e));
  if (margin < 1e-9 || !(half > 0)) return null;
  // Less a hair, so that 431.99999 (floating point for 432) is not rounded up to 433.
  const needed = Math.ceil(e.n * (half / margin) ** 2 - 1e-9);
  return Math.max(1, needed - e.n);
}

export function describeEstimate(e: SourceEvidence): string {
  const d = e.decimals;
  const settingNote = e.toleranceIsDefault ? ' (default)' : '';
  const paragraphs = `${formatNumber(e.n)} ${e.n === 1 ? 'paragraph' : 'paragraphs'}`;
  const what =
    e.measure === 'difference'
      ? `student − teacher ${
          e.estimate
            ? `${formatSigned(e.estimate.mean, d)} [${formatSigned(e.estimate.ci.low, d)}, ${formatSigned(e.estimate.ci.high, d)}]`
            : 'no interval yet'
        } on ${paragraphs}, tolerance ${formatSigned(-e.tolerance, d)}${settingNote}`
      : `the student's similarity to the teacher ${
          e.estimate
            ? `${formatScore(e.estimate.mean, d)} [${formatScore(e.estimate.ci.low, d)}, ${formatScore(e.estimate.ci.high, d)}]`
            : 'has no interval yet'
        } on ${paragraphs}, lowest accepted ${formatScore(e.tolerance, d)}${settingNote}`;
  const method = e.estimate ? `; ${e.estimate.method}` : '';
  const pref = e.preference
    ? `; student preferred on ${e.preference.student} of ${e.preference.of}${e.preference.ties > 0 ? ` (${e.preference.ties} ties)` : ''}`
    : '';
  return `${e.label} (${e.metricLabel}): ${what}${method}${pref}`;
}

export function findingOf(e: SourceEvidence): SourceFinding {
  const base = { source: e.source, decisive: e.decisive };
  const text = describeEstimate(e);
  const boundary = boundaryOf(e);
  const lean = e.estimate ? (e.estimate.mean >= boundary ? 'within' : 'against') : null;
  if (e.source === 'judge' && e.unreadable > 0) {
    return {
      ...base,
      state: 'unreadable',
      lean,
      text: `${text}. ${e.unreadable} of the judge's answers could not be read or never arrived, and count as no score.`,
      settle: `re-run the judge on its ${e.unreadable} unreadable ${e.unreadable === 1 ? 'answer' : 'answers'}, or mark the judge as not decisive`,
    };
  }
  if (e.n === 0) {
    return {
      ...base,
      state: 'missing',
      lean,
      text: `${e.label}: none yet.`,
      settle: FIRST_WORK[e.source],
    };
  }
  if (e.n < MIN_DECISION_PARAGRAPHS || !e.estimate) {
    const leaning =
      lean === null
        ? ''
        : lean === 'within'
          ? ', leaning within tolerance'
          : ', leaning against the student';
    return {
      ...base,
      state: 'thin',
      lean,
      text: `${text}. Thin evidence: ${e.n} of the ${MIN_DECISION_PARAGRAPHS} paragraphs needed${leaning}.`,
      settle: MORE_WORK[e.source](MIN_DECISION_PARAGRAPHS - e.n),
    };
  }
  const { low, high } = e.estimate.ci;
  if (low >= boundary) {
    return {
      ...base,
      state: 'within',
      lean,
      text: `${text}. The whole interval is within tolerance.`,
      settle: null,
    };
  }
  if (high < boundary) {
    return {
      ...base,
      state: 'beyond',
      lean,
      text: `${text}. The whole interval is beyond tolerance.`,
      settle: null,
    };
  }
  const more = paragraphsToSettle(e);
  return {
    ...base,
    state: 'straddles',
    lean,
    text: `${text}. The interval straddles the tolerance.`,
    settle:
      more === null
        ? `the estimate sits on the tolerance: more paragraphs alone will not settle it; reconsider the tolerance of ${e.label.toLowerCase()}`
        : `${MORE_WORK[e.source](more)} (an estimate, if the spread stays as it is)`,
  };
}
