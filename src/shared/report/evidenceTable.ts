import { SOURCE_LABEL } from '../decision/decisionSettings';
import type { StudentEvidence } from '../decision/decisionEvidence';
import { findingOf, type FindingState } from '../decision/sourceFinding';
import { formatNumber } from '../format';
import { formatScore, formatSigned } from '../quality/formatQuality';
import type { ReportTable } from './reportSchema';

/**
 * Every evidence source beside the verdict: its figure with interval and the interval's method,
 * the paragraphs it rests on, its tolerance (and whether that is a default), whether it decides
 * and what it finds. Decisive sources first; sources with no data at all are left out unless
 * the analyst made them decisive.
 */

const FINDING: Record<FindingState, string> = {
  within: 'within tolerance',
  beyond: 'beyond tolerance',
  straddles: 'straddles the tolerance',
  thin: 'too few paragraphs',
  missing: 'no data yet',
  unreadable: 'unreadable judge answers',
};

export function evidenceTable(evidence: StudentEvidence | null): ReportTable | null {
  if (!evidence) return null;
  const shown = evidence.sources
    .filter((e) => e.decisive || e.n > 0)
    .sort((a, b) => Number(b.decisive) - Number(a.decisive));
  if (shown.length === 0) return null;
  return {
    caption: 'The evidence the verdict weighs (95% intervals; student − teacher unless said)',
    columns: [
      'Source',
      'Figure [95% interval]',
      'Method',
      'Paragraphs',
      'Tolerance (score points)',
      'Decisive',
      'Finding',
    ],
    rows: shown.map((e) => {
      const d = e.decimals;
      const f =
        e.measure === 'difference'
          ? (x: number) => formatSigned(x, d)
          : (x: number) => formatScore(x, d);
      const figure = e.estimate
        ? `${f(e.estimate.mean)} [${f(e.estimate.ci.low)}, ${f(e.estimate.ci.high)}]${e.measure === 'similarity' ? ' similarity' : ''}`
        : '—';
      const tolerance =
        e.measure === 'difference'
          ? `${formatSigned(-e.tolerance, d)}${e.toleranceIsDefault ? ' (default)' : ' (set by you)'}`
          : `≥ ${formatScore(e.tolerance, d)}${e.toleranceIsDefault ? ' (default)' : ' (set by you)'}`;
      const decisive = `${e.decisive ? 'yes' : 'no'}${e.decisiveIsDefault ? ' (default)' : ' (set by you)'}`;
      const preferred = e.preference
        ? `; preferred ${e.preference.student} of ${e.preference.of}`
        : '';
      return [
        `${SOURCE_LABEL[e.source]} · ${e.metricLabel}`,
        `${figure}${preferred}`,
        e.estimate?.method ?? '—',
        formatNumber(e.n),
        tolerance,
        decisive,
        FINDING[findingOf(e).state],
      ];
    }),
  };
}
