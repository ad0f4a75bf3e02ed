import { z } from 'zod';
import { metricInfo, MetricKeySchema } from '../quality/metricKeys';
import { defaultQualitySettings } from '../quality/qualitySettings';
import type { QualityReport } from '../quality/reportSchema';
import {
  DECISION_SOURCES,
  DecisionSourceSchema,
  isDecisive,
  SOURCE_LABEL,
  sourceMetric,
  toleranceFor,
  type DecisionSource,
} from './decisionSettings';

/**
 * The quality evidence the verdict weighs, one entry per source for one student, read from the
 * quality report and the analyst's decision settings. Main builds it once (for the ROI screen it
 * crosses IPC), so the screen, the CLI and the PDF weigh the same numbers.
 */

const IntervalSchema = z.object({ low: z.number(), high: z.number() });

export const SourceEvidenceSchema = z.object({
  source: DecisionSourceSchema,
  label: z.string(),
  metric: MetricKeySchema,
  metricLabel: z.string(),
  decimals: z.number().int(),
  decisive: z.boolean(),
  decisiveIsDefault: z.boolean(),
  /** Largest loss tolerated (difference), or lowest similarity accepted (similarity). */
  tolerance: z.number(),
  toleranceIsDefault: z.boolean(),
  /** Student minus teacher; or, against the teacher, the student's mean similarity to it. */
  measure: z.enum(['difference', 'similarity']),
  /** Paragraphs with a score for both models (difference) or for the student (similarity). */
  n: z.number().int(),
  /** Null below the few paragraphs an interval needs. */
  estimate: z.object({ mean: z.number(), ci: IntervalSchema, method: z.string() }).nullable(),
  /** How often the student was preferred, for the sources that also compare side by side. */
  preference: z
    .object({ student: z.number().int(), ties: z.number().int(), of: z.number().int() })
    .nullable(),
  /** Judge answers that could not be read or never arrived: never scores, and they leave a gap. */
  unreadable: z.number().int(),
});
export type SourceEvidence = z.infer<typeof SourceEvidenceSchema>;

export const StudentEvidenceSchema = z.object({
  studentModelId: z.string(),
  sources: z.array(SourceEvidenceSchema),
});
export type StudentEvidence = z.infer<typeof StudentEvidenceSchema>;

function preferenceOf(report: QualityReport, source: DecisionSource, studentId: string) {
  if (source !== 'human' && source !== 'judge') return null;
  const pref = report.preferences.find((p) => p.source === source);
  const w = pref?.perStudent.find((s) => s.modelId === studentId)?.winRate;
  if (!w || w.kind !== 'estimate') return null;
  return { student: w.wins, ties: w.ties, of: w.n };
}

function sourceEvidence(
  report: QualityReport,
  source: DecisionSource,
  studentId: string,
): SourceEvidence {
  const decision = report.settings.decision ?? defaultQualitySettings().decision;
  const key = sourceMetric(source, decision.rougeType);
  const info = metricInfo(key);
  const metric = report.metrics.find((m) => m.key === key);
  const own = metric?.perModel.find((m) => m.modelId === studentId);
  const paired = metric?.perStudent.find((s) => s.modelId === studentId)?.difference ?? null;
  const measure = info.teacherScored ? ('difference' as const) : ('similarity' as const);
  const figure = measure === 'difference' ? paired : (own?.mean ?? null);
  const n = figure?.n ?? 0;
  // A judge that was run but left no scores (every answer unreadable or failed) still counts as
  // present: its failure must reach the verdict, not vanish with its scores.
  const judged = report.judge.answered + report.judge.failures + report.judge.errors > 0;
  const decisive = isDecisive(
    decision,
    source,
    (own?.n ?? 0) > 0 || (source === 'judge' && judged),
  );
  const tolerance = toleranceFor(decision, key);
  return {
    source,
    label: SOURCE_LABEL[source],
    metric: key,
    // The metric's own name: the source's label already says which family it belongs to
    // ("ROUGE against the teacher · ROUGE-L F1", not "… · ROUGE vs teacher · ROUGE-L F1").
    metricLabel: info.label,
    decimals: info.decimals,
    decisive: decisive.value,
    decisiveIsDefault: decisive.isDefault,
    tolerance: tolerance.value,
    toleranceIsDefault: tolerance.isDefault,
    measure,
    n,
    estimate:
      figure?.kind === 'estimate'
        ? { mean: figure.mean, ci: figure.ci, method: figure.method }
        : null,
    preference: preferenceOf(report, source, studentId),
    unreadable: source === 'judge' ? report.judge.failures + report.judge.errors : 0,
  };
}

export function studentEvidence(report: QualityReport, studentId: string): StudentEvidence {
  return {
    studentModelId: studentId,
    sources: DECISION_SOURCES.map((s) => sourceEvidence(report, s, studentId)),
  };
}
