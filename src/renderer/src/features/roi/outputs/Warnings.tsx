import { formatBreakEven, formatPayback, formatUsd } from '../../../../../shared/format';
import type { RoiOutputs } from '../../../../../shared/roi';

/** Serving and utilization warnings, and the pessimistic case, under the figures. */
export function Warnings({ roi }: { roi: RoiOutputs }) {
  const p = roi.pessimistic;
  // An interval whose high end is the estimate itself (e.g. no failures at all) changes nothing.
  const pessimistic = p && p.npvUsd !== roi.npvUsd ? p : null;
  if (roi.warnings.length === 0 && !pessimistic) return null;
  return (
    <ul className="roi-warnings" data-testid="roi-warnings">
      {roi.warnings.map((w) => (
        <li key={w.code} className="warn">
          {w.message}
        </li>
      ))}
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
