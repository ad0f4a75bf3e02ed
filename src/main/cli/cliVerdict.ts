import type { ReportViewModel } from '../../shared/report/reportSchema';

/**
 * The verdict in a terminal: the answer, each reason, and what would settle a "Not yet", taken
 * from the report's cover (decideMove), so the CLI, the screen and the PDF say the same.
 */
export function verdictLines(cover: ReportViewModel['cover']): string[] {
  return [
    `Verdict: ${cover.answer}`,
    ...cover.reasons.map((r) => `  - ${r}`),
    ...(cover.settle.length > 0
      ? ['What would settle it:', ...cover.settle.map((s) => `  - ${s}`)]
      : []),
    ...(cover.answerDetail ? [cover.answerDetail] : []),
  ];
}
