import { latencyReason, type LatencyEvidence } from '../batch/latencySource';
import { formatUsd } from '../format';
import type { RoiOutputs } from '../roi/computeRoi';
import type { Scenario } from '../roi/scenario';
import { shortModelName } from '../report/names';
import { savingShareText } from '../roi/figureLabels';
import type { StudentEvidence } from './decisionEvidence';
import { findingOf, type FindingState, type SourceFinding } from './sourceFinding';

/**
 * The verdict (docs/roi-model.md §7): Yes, No or Not yet, with its reasons and what would settle it.
 * The one function the ROI screen, the CLI and the report call; none of them words a verdict of
 * its own.
 *
 * - No when the move does not pay over the horizon in the base scenario, or when a decisive
 *   source's whole interval lies beyond its tolerance and no other decisive source clearly
 *   says the opposite.
 * - Yes only when it pays and every decisive source's whole interval lies within tolerance on
 *   at least 10 paragraphs.
 * - Otherwise Not yet: sources that disagree, thin evidence, intervals straddling a tolerance,
 *   unreadable judge answers, or no decisive evidence at all.
 *
 * Latency never decides it: batch calls have none, and a reason says so when they were used.
 */

export type VerdictKind = 'yes' | 'no' | 'unclear';

export interface Verdict {
  verdict: VerdictKind;
  answer: string;
  /** Cost first, then each decisive source, then any conflict; each one full sentence. */
  reasons: string[];
  /** What would settle a Not yet, in the order to do it. */
  settle: string[];
  /** Every source, decisive or not, for the tables that list them. */
  findings: SourceFinding[];
  /** The reasons as one paragraph, for places with room for one. */
  detail: string;
}

export interface VerdictInput {
  scenario: Scenario;
  roi: RoiOutputs;
  /** The student's quality evidence; null when quality was never measured. */
  evidence: StudentEvidence | null;
  /**
   * Where each model's latency came from (absent: on demand). Batch calls have none, so the
   * reasons say so; the verdict itself never weighs latency.
   */
  latency?: LatencyEvidence | undefined;
}

function costReason(s: Scenario, roi: RoiOutputs): { holds: boolean; text: string } {
  const student = shortModelName(s.student.modelId);
  const horizon = s.finance.horizonMonths;
  const first = roi.firstMonth;
  const costSaving = first.costSavingUsd;
  const shareText = savingShareText(first.savingShareOfTeacher);
  const share = shareText === null ? '' : ` (${shareText})`;
  const pessimistic = roi.pessimistic
    ? `; ${formatUsd(roi.pessimistic.npvUsd)} in the pessimistic case`
    : '';
  const holds = roi.npvUsd > 0;
  const npv = `net present value over ${horizon} months ${formatUsd(roi.npvUsd)}${pessimistic}`;
  const text =
    costSaving > 0
      ? `Cost: ${student} costs ${formatUsd(costSaving)} a month less${share}; ${npv}.`
      : `Cost: ${student} costs ${formatUsd(-costSaving)} a month more than the teacher; ${npv}.`;
  return { holds, text: holds ? text : `${text} The move does not pay within ${horizon} months.` };
}

const NOT_YET_ANSWER: Record<
  Exclude<FindingState, 'within' | 'beyond'> | 'conflict' | 'none',
  string
> = {
  conflict: 'Not yet: the evidence disagrees',
  unreadable: "Not yet: the judge's answers could not all be read",
  missing: 'Not yet: measure quality first',
  none: 'Not yet: measure quality first',
  thin: 'Not yet: too few paragraphs',
  straddles: 'Not yet: the intervals are too wide',
};

/** "Your blind ratings" → "your blind ratings", but "ROUGE …" and "LLM judge" stay. */
const inSentence = (label: string) =>
  /^[A-Z][a-z]/.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;

function conflictReason(findings: readonly SourceFinding[], labels: Map<string, string>) {
  const side = (lean: SourceFinding['lean']) =>
    findings
      .filter((f) => f.lean === lean)
      .map((f) => inSentence(labels.get(f.source) ?? f.source))
      .join(' and ');
  return {
    text: `Conflict: the student is within tolerance by ${side('within')} but worse by ${side('against')}.`,
    settle:
      'decide which source speaks for the workload (mark the other as not decisive) or review the paragraphs where they disagree',
  };
}

export function decideMove(input: VerdictInput): Verdict {
  const { scenario: s, roi } = input;
  const teacher = shortModelName(s.teacher.modelId);
  const student = shortModelName(s.student.modelId);
  const sources = input.evidence?.sources ?? [];
  const labels = new Map(sources.map((e) => [e.source, e.label]));
  const findings = sources.map(findingOf);
  const decisive = findings.filter((f) => f.decisive);
  const cost = costReason(s, roi);
  const latency = input.latency ? latencyReason(input.latency, { teacher, student }) : null;
  const reasons = [cost.text, ...(latency ? [latency] : []), ...decisive.map((f) => f.text)];
  const settle = decisive.flatMap((f) => (f.settle ? [f.settle] : []));
  const leansBothWays =
    decisive.some((f) => f.lean === 'within') && decisive.some((f) => f.lean === 'against');
  const conclusive = (state: FindingState) => decisive.some((f) => f.state === state);
  const conflict = leansBothWays ? conflictReason(decisive, labels) : null;
  if (conflict) reasons.push(conflict.text);
  const done = (verdict: VerdictKind, answer: string, extraSettle: string[] = []): Verdict => {
    const allSettle = verdict === 'unclear' ? [...extraSettle, ...settle] : [];
    return { verdict, answer, reasons, settle: allSettle, findings, detail: reasons.join(' ') };
  };

  if (!cost.holds) return done('no', `No: stay on ${teacher}`);
  if (input.evidence === null) {
    reasons.push('Quality: not measured for this student.');
    return done('unclear', NOT_YET_ANSWER.none, [
      'measure quality on at least 10 paragraphs of an experiment (ROUGE against references, blind ratings or the judge)',
    ]);
  }
  if (decisive.length === 0) {
    reasons.push('Quality: no evidence source is decisive yet.');
    return done('unclear', NOT_YET_ANSWER.none, [
      `rate at least 10 paragraphs blind, or mark a measured source as decisive`,
    ]);
  }
  // A clear "worse" stands unless another decisive source clearly says "as good".
  if (conclusive('beyond') && !(conflict && conclusive('within'))) {
    return done('no', `No: ${student} falls short on quality`);
  }
  if (decisive.every((f) => f.state === 'within')) return done('yes', `Yes: move to ${student}`);
  const first = (['unreadable', 'missing', 'thin', 'straddles'] as const).find(conclusive);
  const answer = conflict ? NOT_YET_ANSWER.conflict : NOT_YET_ANSWER[first ?? 'straddles'];
  return done('unclear', answer, conflict ? [conflict.settle] : []);
}
