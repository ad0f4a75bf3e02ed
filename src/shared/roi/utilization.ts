/**
 * Provisioned-throughput utilization (docs/roi-model.md §2): tokens needed per minute against what
 * the model units sustain, month by month, since growth can turn an idle commitment into an
 * overloaded one within the horizon.
 */
import {
  HOURS_PER_MONTH,
  tokensPerMinute,
  type Requests,
  type Tokens,
  type TokensPerMinute,
} from '../units';
import { unitsCeil } from './capacity';
import { monthlyVolume } from './monthly';

/** Below this, provisioned capacity is mostly idle. */
export const IDLE_UTILIZATION = 0.7;

/** V_t · (in_S + out_S) / (730 · 60). */
export function tokensPerMinuteNeeded(
  volume: Requests,
  inputTokens: Tokens,
  outputTokens: Tokens,
): TokensPerMinute {
  return tokensPerMinute((volume * (inputTokens + outputTokens)) / (HOURS_PER_MONTH * 60));
}

export type UtilizationWarning =
  | { code: 'provisionedIdle'; message: string; monthsBelowThreshold: number }
  | { code: 'provisionedInsufficient'; message: string; firstMonth: number; unitsNeeded: number };

export interface UtilizationReport {
  /** Utilization in month 1 and at the busiest month (a share; above 1 means overloaded). */
  firstMonth: number;
  peak: number;
  peakMonth: number;
  capacityTokensPerMinute: TokensPerMinute;
  capacityIsAssumption: boolean;
  /** Units that would carry the busiest month. */
  unitsNeededAtPeak: number;
  /** Units bought each month: the fixed count, or what the month's volume needs. */
  unitsByMonth: number[];
  unitsFollowVolume: boolean;
  peakFactor: number;
  warnings: UtilizationWarning[];
}

export interface UtilizationParams {
  requestsPerMonth: Requests;
  monthlyGrowth: number;
  months: number;
  inputTokens: Tokens;
  outputTokens: Tokens;
  /** The fixed units, or the minimum when they follow the volume. */
  modelUnits: number;
  capacityTokensPerMinutePerUnit: TokensPerMinute;
  capacityIsAssumption: boolean;
  /** Units follow the volume (default false here: the caller says). */
  unitsFollowVolume?: boolean;
  /** k_peak ≥ 1, applied to the tokens needed (default 1). */
  peakFactor?: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;

export function provisionedUtilization(p: UtilizationParams): UtilizationReport {
  const follow = p.unitsFollowVolume ?? false;
  const peakFactor = p.peakFactor ?? 1;
  const cap = p.capacityTokensPerMinutePerUnit;
  const needed: number[] = [];
  for (let t = 1; t <= p.months; t += 1) {
    const volume = monthlyVolume(p.requestsPerMonth, p.monthlyGrowth, t);
    needed.push(tokensPerMinuteNeeded(volume, p.inputTokens, p.outputTokens) * peakFactor);
  }
  // From tokens, not from the utilization share, so that exactly 2 units' load needs 2 units.
  const unitsFor = (need: number) => Math.max(1, unitsCeil(need / cap));
  const unitsByMonth = needed.map((n) =>
    follow ? Math.max(p.modelUnits, unitsFor(n)) : p.modelUnits,
  );
  const byMonth = needed.map((n, i) => n / ((unitsByMonth[i] ?? p.modelUnits) * cap));
  const capacity = tokensPerMinute((unitsByMonth[0] ?? p.modelUnits) * cap);
  const peakNeeded = Math.max(0, ...needed);
  const peakMonth = Math.max(1, needed.indexOf(peakNeeded) + 1);
  const firstMonth = byMonth[0] ?? 0;
  const peak = Math.max(0, ...byMonth);
  const unitsNeededAtPeak = unitsFor(peakNeeded);
  const assumed = p.capacityIsAssumption ? ' (capacity per unit is an assumption)' : '';

  const warnings: UtilizationWarning[] = [];
  const idleMonths = byMonth.filter((u) => u < IDLE_UTILIZATION).length;
  if (idleMonths > 0) {
    warnings.push({
      code: 'provisionedIdle',
      monthsBelowThreshold: idleMonths,
      message: `Provisioned capacity is mostly idle: ${pct(firstMonth)} used in month 1, under ${pct(IDLE_UTILIZATION)} in ${idleMonths} of ${byMonth.length} months${assumed}.`,
    });
  }
  // Only fixed units can fall short; units that follow the volume are bought as it needs them.
  const firstOver = byMonth.findIndex((u) => u > 1);
  if (firstOver >= 0) {
    warnings.push({
      code: 'provisionedInsufficient',
      firstMonth: firstOver + 1,
      unitsNeeded: unitsNeededAtPeak,
      message: `${p.modelUnits} fixed model unit(s) cannot carry the volume from month ${firstOver + 1}: month ${peakMonth} needs ${unitsNeededAtPeak}${assumed}. The figures price only the fixed units, so the saving is overstated.`,
    });
  }
  return {
    firstMonth,
    peak,
    peakMonth,
    capacityTokensPerMinute: capacity,
    capacityIsAssumption: p.capacityIsAssumption,
    unitsNeededAtPeak,
    unitsByMonth,
    unitsFollowVolume: follow,
    peakFactor,
    warnings,
  };
}
