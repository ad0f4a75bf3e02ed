/**
 * Conservative / Base / Aggressive: three scenarios derived from one, to compare side by side.
 * They move what an analyst is least sure of — volume, the student's quality and the engineering
 * effort — by stated amounts, and each says what it changed, so nobody mistakes a preset for
 * a forecast. With a measured confidence interval, quality moves to its ends; without one, by
 * a relative swing.
 */
import { formatNumber, formatPercent } from '../format';
import { fraction, requests } from '../units';
import type { Scenario } from './scenario';

export type PresetId = 'conservative' | 'base' | 'aggressive';

export interface ScenarioPreset {
  id: PresetId;
  label: string;
  /** What differs from the base, in words with the new values. */
  changes: string[];
  scenario: Scenario;
}

export const PRESET_SWINGS = {
  /** Volume ±25 %. */
  volume: 0.25,
  /** Student failure share ±25 % (relative) when there is no interval to move to. */
  failureShare: 0.25,
  /** Engineering projects overrun more often than they finish early. */
  engineeringHours: { conservative: 0.5, aggressive: -0.25 },
} as const;

type Direction = 'conservative' | 'aggressive';

function movedFailureShare(s: Scenario, direction: Direction): { value: number; text: string } {
  const current = s.quality.studentFailureShare;
  const ci = s.quality.studentFailureShareCi;
  if (ci) {
    const value = direction === 'conservative' ? ci.high : ci.low;
    const end = direction === 'conservative' ? 'high' : 'low';
    return {
      value,
      text: `Student failure share at the ${end} end of its CI: ${formatPercent(value)}`,
    };
  }
  if (current === 0) {
    return { value: 0, text: 'Student failure share stays 0 % (no interval to move within)' };
  }
  const sign = direction === 'conservative' ? 1 : -1;
  const value = Math.min(1, current * (1 + sign * PRESET_SWINGS.failureShare));
  const pct = `${sign > 0 ? '+' : '−'}${PRESET_SWINGS.failureShare * 100} %`;
  return { value, text: `Student failure share ${pct}: ${formatPercent(value)}` };
}

function derive(s: Scenario, direction: Direction): ScenarioPreset {
  const sign = direction === 'conservative' ? -1 : 1;
  const volume = s.volume.requestsPerMonth * (1 + sign * PRESET_SWINGS.volume);
  const hoursSwing = PRESET_SWINGS.engineeringHours[direction];
  const hours = s.engineering.hours * (1 + hoursSwing);
  const share = movedFailureShare(s, direction);
  const pct = (x: number) => `${x > 0 ? '+' : '−'}${Math.abs(x * 100)} %`;
  return {
    id: direction,
    label: direction === 'conservative' ? 'Conservative' : 'Aggressive',
    changes: [
      `Requests per month ${pct(sign * PRESET_SWINGS.volume)}: ${formatNumber(volume)}`,
      share.text,
      `Engineering hours ${pct(hoursSwing)}: ${formatNumber(hours, 1)}`,
    ],
    scenario: {
      ...s,
      volume: { ...s.volume, requestsPerMonth: requests(volume) },
      quality: { ...s.quality, studentFailureShare: fraction(share.value) },
      engineering: { ...s.engineering, hours },
    },
  };
}

/** The three presets, conservative first. */
export function scenarioPresets(base: Scenario): ScenarioPreset[] {
  return [
    derive(base, 'conservative'),
    { id: 'base', label: 'Base', changes: ['As set on this screen'], scenario: base },
    derive(base, 'aggressive'),
  ];
}
