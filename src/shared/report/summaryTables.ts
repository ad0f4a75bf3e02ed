import type { ExperimentConfig } from '../domain/experiment';
import { formatBreakEven, formatNumber, formatPayback, formatPercent, formatUsd } from '../format';
import type { QualityReport } from '../quality/reportSchema';
import type { RunTokens } from '../roi/evidence';
import { computeRoi, type RoiOutputs } from '../roi/computeRoi';
import { recommendStudents, type StudentRecommendation } from '../roi/recommend';
import type { Scenario } from '../roi/scenario';
import { FIGURE_LABELS, npvLabel } from '../roi/figureLabels';
import { fraction } from '../units';
import { withStudent } from './measuredScenario';
import { modelName } from './names';
import { qualityGap } from './qualityGap';
import type { ReportTable, ScenarioSection } from './reportSchema';

/** The summary's two comparison tables: students side by side, and scenarios side by side. */

/**
 * The ranking of students (which one to pick) admits those failing at most this much more often
 * than the teacher. It orders candidates only: whether to move at all is the verdict's, with the
 * analyst's tolerances. The caption prints the bar it makes.
 */
export const RANKING_FAILURE_MARGIN = 0.05;

export function rankStudents(
  primary: Scenario,
  config: ExperimentConfig,
  runs: readonly RunTokens[],
  quality: QualityReport | null,
): { table: ReportTable; recommendation: StudentRecommendation } | null {
  if (config.studentModelIds.length < 2) return null;
  const measured = config.studentModelIds.map((id) => {
    const gap = qualityGap(quality, id);
    const roi = computeRoi(withStudent(primary, config, id, runs, gap));
    return { id, gap, roi };
  });
  const teacherShare = measured.find((m) => m.gap.kind === 'estimate')?.gap;
  const bar =
    (teacherShare?.kind === 'estimate' ? teacherShare.teacherShare : 0) + RANKING_FAILURE_MARGIN;
  const recommendation = recommendStudents(
    measured.map((m) => ({
      modelId: m.id,
      displayName: modelName(m.id),
      failureShare: fraction(m.gap.kind === 'estimate' ? m.gap.studentShare : 0),
      monthlySavingUsd: m.roi.firstMonth.savingUsd,
      npvUsd: m.roi.npvUsd,
    })),
    { maxFailureShare: fraction(bar) },
  );
  const status = (id: string) =>
    recommendation.winner?.modelId === id
      ? 'recommended'
      : recommendation.ranked.some((c) => c.modelId === id)
        ? 'within the bar'
        : 'over the bar';
  const order = [...recommendation.ranked, ...recommendation.excluded];
  return {
    recommendation,
    table: {
      caption: `Students at the same volume and terms, ranked by saving among those failing at most ${formatPercent(bar)} of outputs (the teacher's share + 5 pts, a ranking aid; the verdict uses your tolerances)`,
      columns: [
        'Student',
        'Failures (% of outputs)',
        `${FIGURE_LABELS.monthlySaving} (USD)`,
        `${npvLabel(primary.finance.horizonMonths)} (USD)`,
        'Verdict',
      ],
      rows: order.map((c) => {
        const m = measured.find((x) => x.id === c.modelId);
        const failures =
          m?.gap.kind === 'estimate' ? formatPercent(c.failureShare) : 'not measured';
        return [
          c.displayName,
          failures,
          formatUsd(c.monthlySavingUsd),
          formatUsd(c.npvUsd ?? 0),
          status(c.modelId),
        ];
      }),
    },
  };
}

export function compareScenarios(
  sections: readonly ScenarioSection[],
  rois: readonly RoiOutputs[],
  scenarios: readonly Scenario[],
): ReportTable | null {
  if (sections.length < 2) return null;
  return {
    caption: 'Scenarios side by side',
    columns: [
      'Scenario',
      'Student',
      'Volume (requests/month)',
      `${FIGURE_LABELS.monthlySaving} (USD)`,
      FIGURE_LABELS.payback,
      `${FIGURE_LABELS.breakEven} (requests/month)`,
      `${npvLabel(null)} (USD)`,
    ],
    rows: sections.map((s, i) => {
      const r = rois[i] as RoiOutputs;
      const sc = scenarios[i] as Scenario;
      return [
        s.name,
        s.student.name,
        formatNumber(sc.volume.requestsPerMonth),
        formatUsd(r.firstMonth.costSavingUsd),
        formatPayback(r.payback),
        formatBreakEven(r.breakEven),
        formatUsd(r.npvUsd),
      ];
    }),
  };
}
