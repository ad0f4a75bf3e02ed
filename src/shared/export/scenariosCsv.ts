import { toCsv, type CsvCell } from '../io/csvWrite';
import { computeRoi } from '../roi/computeRoi';
import type { ReportScenarioInput } from '../report/scenarioSection';

/**
 * Scenario outputs as one row per scenario and month (month 0 is the investment), with the
 * scenario's headline figures repeated on each row so that a pivot table needs no lookup.
 */

export const SCENARIO_COLUMNS = [
  'scenario_id',
  'scenario_name',
  'teacher_model_id',
  'student_model_id',
  'month',
  'requests',
  'teacher_cost_usd',
  'student_cost_usd',
  'quality_cost_usd',
  'saving_usd',
  'cumulative_cash_flow_usd',
  'investment_usd',
  'npv_usd',
  'payback_months',
  'break_even_requests_per_month',
  'roi',
] as const;

export function scenarioCsvRows(scenarios: readonly ReportScenarioInput[]): CsvCell[][] {
  return scenarios.flatMap((input) => {
    const s = input.scenario;
    const r = computeRoi(s);
    const head = [input.id ?? '', input.name, s.teacher.modelId, s.student.modelId];
    const tail = [
      r.investment.totalUsd,
      r.npvUsd,
      r.payback.kind === 'month' ? r.payback.months : null,
      r.breakEven.kind === 'volume' ? r.breakEven.requestsPerMonth : null,
      r.roi.kind === 'ratio' ? r.roi.value : null,
    ];
    const cumulative = r.charts.cashFlow.points;
    const start = [
      ...head,
      0,
      null,
      null,
      null,
      null,
      null,
      cumulative[0]?.cumulativeUsd ?? null,
      ...tail,
    ];
    return [
      start,
      ...r.monthly.map((m) => [
        ...head,
        m.month,
        m.volume,
        m.teacherCostUsd,
        m.studentCostUsd,
        m.qualityCostUsd,
        m.savingUsd,
        cumulative[m.month]?.cumulativeUsd ?? null,
        ...tail,
      ]),
    ];
  });
}

export const scenariosCsv = (scenarios: readonly ReportScenarioInput[]): string =>
  toCsv(SCENARIO_COLUMNS, scenarioCsvRows(scenarios));
