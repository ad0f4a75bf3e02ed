import { formatPercent } from '../format';
/**
 * What each headline figure is called, wherever it is shown: the ROI screen's key figures,
 * Compare, the report's summary and scenario sections. One table, so a figure never goes by two
 * names (the screen said "NPV over 12 months" where the report said "Net present value, 12
 * months", and "Seed study's ratio" where the report said "Saving % ÷ quality loss %").
 */
export const FIGURE_LABELS = {
  monthlySaving: 'Monthly cost saving',
  qualityMoney: 'Money from quality',
  payback: 'Payback',
  breakEven: 'Break-even volume',
  investment: 'One-off investment',
  perRequest: 'Cost per request',
  costRatio: 'Cost per request, teacher ÷ student',
  firstMonthCost: 'Cost in month 1',
  savingShare: 'Cost saving share',
  seedRatio: 'Saving % ÷ quality loss %',
  utilization: 'Provisioned utilization',
  qualityGap: 'Quality gap (student − teacher failures)',
  latencyRatio: 'Latency ratio',
} as const;

/** Figures over the scenario's horizon name it; Compare, whose columns may differ, says "the horizon". */
export const npvLabel = (horizonMonths: number | null): string =>
  `Net present value over ${horizonMonths === null ? 'the horizon' : `${horizonMonths} months`}`;

export const roiLabel = (horizonMonths: number | null): string =>
  `ROI over ${horizonMonths === null ? 'the horizon' : `${horizonMonths} months`}`;

/**
 * The month-1 saving as a share of the teacher's cost, said as a difference: "89.8% below the
 * teacher's cost". "89.8% of the teacher's cost" beside a saving read as the student's own cost,
 * about nine times what it is. A student that costs more reads "above". Null when the teacher costs
 * nothing (no share to give).
 */
export function savingShareText(share: number | null): string | null {
  if (share === null || !Number.isFinite(share)) return null;
  return share < 0
    ? `${formatPercent(-share)} above the teacher's cost`
    : `${formatPercent(share)} below the teacher's cost`;
}
