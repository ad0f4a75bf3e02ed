import {
  formatAboveBreakEven,
  formatBreakEven,
  formatPayback,
  formatUsd,
} from '../../../../../shared/format';
import type { RoiOutputs } from '../../../../../shared/roi';

/**
 * Serving and utilization warnings, batch and quality assumptions, the unit steps above
 * break-even, and the pessimistic case, under the figures.
 */
export function Warnings({ roi }: { roi: RoiOutputs }) {
  const p = roi.pessimistic;
  // An interval whose high end is the estimate itself (e.g. no failures at all) changes nothing.
  const pessimistic = p && p.npvUsd !== roi.npvUsd ? p : null;
  const above = formatAboveBreakEven(roi.breakEven);
  const quality = roi.studentQuality.note;
  if (roi.warnings.length === 0 && !pessimistic && !roi.batch && !above && !quality) return null;
  return (
    <ul className="roi-warnings" data-testid="roi-warnings">
      {roi.warnings.map((w, i) => (
        <li key={`${w.code}-${i}`} className="warn" data-testid={`warning-${w.code}`}>
          {w.message}
        </li>
      ))}
      {roi.batch?.notes.map((n) => (
        <li key={n} className="note" data-testid="batch-note">
          {n}
        </li>
      ))}
      {above && (
        <li className="note" data-testid="break-even-steps">
          {above}
        </li>
      )}
      {quality && (
        <li className="note" data-testid="quality-basis">
          {quality}
        </li>
      )}
      {pessimistic && (
        <li className="note" data-testid="pessimistic">
          {pessimistic.note} Then: saving {formatUsd(pessimistic.firstMonthSavingUsd)} a month, NPV{' '}
          {formatUsd(pessimistic.npvUsd)}, payback {formatPayback(pessimistic.payback)}, break-even{' '}
          {formatBreakEven(pessimistic.breakEven)}.
        </li>
      )}
    </ul>
  );
}
