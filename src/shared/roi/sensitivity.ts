/**
 * Tornado analysis (docs/roi-model.md §5): each input moved to its low and high value with all others
 * at base, and the spread this makes in NPV and in the first month's saving, widest first.
 */
import { usd, usdPerMonth, type Usd, type UsdPerMonth } from '../units';
import { monthFigures, npvUsd } from './cashFlow';
import { deriveRoiInputs } from './roiInputs';
import type { Scenario } from './scenario';
import {
  readInput,
  SENSITIVITY_INPUTS,
  writeInput,
  type SensitivityKey,
} from './sensitivityInputs';

export interface SensitivityOptions {
  /** Relative move for inputs without their own range: 0.2 means ±20 %. */
  rangePct?: number;
  /** Absolute low and high values for chosen inputs, in the input's own unit. */
  ranges?: Partial<Record<SensitivityKey, { low: number; high: number }>>;
}

export interface TornadoRow {
  key: SensitivityKey;
  label: string;
  baseValue: number;
  lowValue: number;
  highValue: number;
  npvAtLowUsd: Usd;
  npvAtHighUsd: Usd;
  savingAtLowUsd: UsdPerMonth;
  savingAtHighUsd: UsdPerMonth;
  npvSpreadUsd: Usd;
  savingSpreadUsd: UsdPerMonth;
}

export interface SensitivityResult {
  baseNpvUsd: Usd;
  baseMonthlySavingUsd: UsdPerMonth;
  /** Rows sorted by NPV spread, widest first. */
  byNpv: TornadoRow[];
  /** The same rows sorted by the spread of the first month's saving, widest first. */
  byMonthlySaving: TornadoRow[];
}

function headline(s: Scenario): { npv: Usd; saving: UsdPerMonth } {
  const inputs = deriveRoiInputs(s);
  return { npv: npvUsd(inputs), saving: monthFigures(inputs, 1).savingUsd };
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

export function sensitivity(s: Scenario, options: SensitivityOptions = {}): SensitivityResult {
  const rangePct = options.rangePct ?? 0.2;
  const base = headline(s);
  const rows: TornadoRow[] = [];
  for (const def of SENSITIVITY_INPUTS) {
    const baseValue = def.read ? def.read(s) : readInput(s, def.path);
    if (baseValue === undefined || (def.applies && !def.applies(s))) continue;
    const own = options.ranges?.[def.key];
    const lowValue = clamp(own ? own.low : baseValue * (1 - rangePct), def.min, def.max);
    const highValue = clamp(own ? own.high : baseValue * (1 + rangePct), def.min, def.max);
    // A range of zero width (e.g. ±20 % of a zero growth rate) says nothing: leave it out.
    if (lowValue === highValue) continue;
    const low = headline(writeInput(s, def.path, lowValue));
    const high = headline(writeInput(s, def.path, highValue));
    rows.push({
      key: def.key,
      label: def.label,
      baseValue,
      lowValue,
      highValue,
      npvAtLowUsd: low.npv,
      npvAtHighUsd: high.npv,
      savingAtLowUsd: low.saving,
      savingAtHighUsd: high.saving,
      npvSpreadUsd: usd(Math.abs(high.npv - low.npv)),
      savingSpreadUsd: usdPerMonth(Math.abs(high.saving - low.saving)),
    });
  }
  // Array.prototype.sort is stable, so equal spreads keep the inputs' listed order.
  return {
    baseNpvUsd: base.npv,
    baseMonthlySavingUsd: base.saving,
    byNpv: [...rows].sort((a, b) => b.npvSpreadUsd - a.npvSpreadUsd),
    byMonthlySaving: [...rows].sort((a, b) => b.savingSpreadUsd - a.savingSpreadUsd),
  };
}
