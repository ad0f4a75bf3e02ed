import type { RoiOutputs } from '../roi/computeRoi';
import { FIGURE_LABELS } from '../roi/figureLabels';
import { qualityMoneyLine } from '../roi/qualityMoney';
import type { Scenario } from '../roi/scenario';
import type { Figure } from './reportSchema';

/** One figure of the report: its raw value for checks and exports, and the text it prints. */
export const figure = (
  key: string,
  label: string,
  value: number | null,
  text: string,
  note = '',
): Figure => ({ key, label, value, text, note });

const MINUS = '−';

/** A share difference in percentage points, always signed: "+4.0 pts", "−1.5 pts". */
export function formatPoints(share: number, digits = 1): string {
  const text = Math.abs(share * 100).toFixed(digits);
  if (Number(text) === 0) return `${text} pts`;
  return `${share < 0 ? MINUS : '+'}${text} pts`;
}

/** "[+1.0, +7.0] pts", the interval of a share difference. */
export function formatPointsInterval(ci: { low: number; high: number }, digits = 1): string {
  const f = (x: number) => formatPoints(x, digits).replace(' pts', '');
  return `[${f(ci.low)}, ${f(ci.high)}]`;
}

/** Money from quality as its own figure, never inside the cost saving (docs/roi-model.md §7). */
export function qualityMoneyFigure(s: Scenario, r: RoiOutputs): Figure {
  const line = qualityMoneyLine(s.quality, r.qualityMoney.firstMonthUsd);
  return figure('qualityMoney', FIGURE_LABELS.qualityMoney, line.value, line.text, line.note);
}
