/**
 * The figures of a price entry the screen lists, each with how to read it from an entry and how
 * to write an override of it. Pure data and functions, no React.
 */
import type {
  KnownOrUnknown,
  PriceEntry,
  PriceOverrideInput,
  ProvisionedTerm,
} from '../../../../../shared/pricing/priceSchemas';

export interface PriceFigure {
  /** The field name applyOverrides records in `override.fields`. */
  key: string;
  label: string;
  unit: string;
  read: (e: PriceEntry) => KnownOrUnknown<number>;
  /** The override that sets this figure (identity, date and note added by the caller). */
  write: (value: number) => Partial<PriceOverrideInput>;
}

const term = (t: ProvisionedTerm, label: string): PriceFigure => ({
  key: `provisionedUsdPerHourPerUnit.${t}`,
  label,
  unit: '$/h per model unit',
  read: (e) => e.provisionedUsdPerHourPerUnit[t],
  write: (value) => ({ provisionedUsdPerHourPerUnit: { [t]: value } }),
});

const onDemand = (side: 'inputUsdPer1k' | 'outputUsdPer1k', label: string): PriceFigure => ({
  key: side,
  label,
  unit: '$ per 1K tokens',
  read: (e) => ({ value: e.onDemand[side], sources: e.onDemand.sources, note: e.onDemand.note }),
  write: (value) => ({ [side]: value }),
});

export const PRICE_FIGURES: readonly PriceFigure[] = [
  onDemand('inputUsdPer1k', 'On-demand input'),
  onDemand('outputUsdPer1k', 'On-demand output'),
  {
    key: 'batchMultiplier',
    label: 'Batch price',
    unit: '× on-demand',
    read: (e) => e.batchMultiplier,
    write: (value) => ({ batchMultiplier: value }),
  },
  term('noCommitment', 'Provisioned, no commitment'),
  term('oneMonth', 'Provisioned, 1 month'),
  term('sixMonths', 'Provisioned, 6 months'),
  {
    key: 'trainingUsdPer1kTokens',
    label: 'Distillation training',
    unit: '$ per 1K tokens',
    read: (e) => e.trainingUsdPer1kTokens,
    write: (value) => ({ trainingUsdPer1kTokens: value }),
  },
  {
    key: 'storageUsdPerMonth',
    label: 'Custom model storage',
    unit: '$ per month',
    read: (e) => e.storageUsdPerMonth,
    write: (value) => ({ storageUsdPerMonth: value }),
  },
];

/** Today as YYYY-MM-DD in the analyst's own calendar, the default "as of" of an override. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
