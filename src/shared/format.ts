/**
 * Display formatting for money, counts, shares and months, shared by the screen, the CLI and
 * the PDF. Precision follows the size of the figure: a per-request cost of $0.00046985 keeps
 * every digit it was computed with (so two figures on screen divide to the ratio shown beside
 * them), and a monthly saving of $12,345.67 reads better without its cents.
 * Fixed to en-US so that a report renders the same on every machine.
 */
import type { BreakEven } from './roi/breakEven';
import type { Payback, Roi } from './roi/cashFlow';
import type { SeedRatio } from './roi/seedRatio';

const LOCALE = 'en-US';
const NOT_A_NUMBER = '—';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, options);
    cache.set(key, f);
  }
  return f;
}

/** Avoids "-$0" and "-0 %" for values that only differ from zero by rounding noise or sign. */
const noNegativeZero = (x: number): number => (Object.is(x, -0) ? 0 : x);

/** The fewest significant digits a dollar figure below $1 is shown with (issue 12). */
export const MIN_USD_SIGNIFICANT_DIGITS = 4;

/**
 * US dollars: whole dollars from $1,000, cents from $1, and below a dollar up to
 * `significantDigits` significant digits (6 by default, never fewer than 4) with trailing zeros
 * dropped but at least two decimals, so a figure reads back as it was computed: $12,345 ·
 * $12.35 · $0.50 · $0.01125 · $0.00046985 · $0.0000714.
 */
export function formatUsd(value: number, significantDigits = 6): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const v = noNegativeZero(value);
  const magnitude = Math.abs(v);
  const currency = { style: 'currency', currency: 'USD' } as const;
  if (v === 0) return '$0';
  if (magnitude >= 1000) {
    return numberFormat('usd0', {
      ...currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(v);
  }
  if (magnitude >= 1) {
    return numberFormat('usd2', { ...currency, minimumFractionDigits: 2 }).format(v);
  }
  const digits = Math.max(significantDigits, MIN_USD_SIGNIFICANT_DIGITS);
  const text = numberFormat(`usdSig${digits}`, {
    ...currency,
    maximumSignificantDigits: digits,
  }).format(v);
  // "$0.5" reads as money only with its cents: "$0.50".
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals >= 2) return text;
  return decimals === 1 ? `${text}0` : `${text}.00`;
}

/** A plain count with thousands separators, e.g. 12,345 (up to `fractionDigits` decimals). */
export function formatNumber(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return numberFormat(`num${fractionDigits}`, { maximumFractionDigits: fractionDigits }).format(
    noNegativeZero(value),
  );
}

/** Axis ticks and tight labels: 1.5M · 250K · 12 · 0.5 (at most 3 significant digits). */
export function formatCompactNumber(value: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return numberFormat('compact', { notation: 'compact', maximumSignificantDigits: 3 }).format(
    noNegativeZero(value),
  );
}

/** Dollars on a chart axis: $1.5M · $250K · $12 · $0.5; tables and figures keep formatUsd. */
export function formatCompactUsd(value: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return numberFormat('compactUsd', {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(noNegativeZero(value));
}

/** A share as a percentage: 0.848 → "84.8%". */
export function formatPercent(share: number, fractionDigits = 1): string {
  if (!Number.isFinite(share)) return NOT_A_NUMBER;
  return numberFormat(`pct${fractionDigits}`, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(noNegativeZero(share));
}

/** Months with one decimal: "4.3 months", "1.0 month". */
export function formatMonths(value: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const text = noNegativeZero(value).toFixed(1);
  return `${text} ${text === '1.0' ? 'month' : 'months'}`;
}

/** "6.58×". */
export function formatRatio(value: number, fractionDigits = 2): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return `${formatNumber(value, fractionDigits)}×`;
}

export function formatPayback(payback: Payback): string {
  if (payback.kind === 'never') return 'never';
  return payback.months === 0 ? 'immediately' : formatMonths(payback.months);
}

/** ROI as a percentage, or why there is none (no investment: show the saving instead). */
export function formatRoi(roi: Roi): string {
  if (roi.kind === 'undefined') {
    const why = roi.reason === 'noInvestment' ? 'no investment' : 'investment under a cent';
    return `${why}: ${formatUsd(roi.totalSavingUsd)} saved over the horizon`;
  }
  return formatPercent(roi.value, 0);
}

/**
 * A break-even volume as every screen, chart, the report and the CLI print it: rounded up, the
 * first whole number of requests a month that pays back (rounding to nearest could name a
 * volume that does not).
 */
export const formatBreakEvenRequests = (requestsPerMonth: number): string =>
  formatNumber(Math.ceil(requestsPerMonth));

export function formatBreakEven(breakEven: BreakEven): string {
  if (breakEven.kind === 'none') {
    return breakEven.code === 'beyondLargestVolume'
      ? 'none within 1e12 requests/month'
      : 'none: the student never pays back';
  }
  return `${formatBreakEvenRequests(breakEven.requestsPerMonth)} requests/month`;
}

/** With units that follow the volume: the units at V* and what happens above it; else null. */
export function formatAboveBreakEven(breakEven: BreakEven): string | null {
  if (breakEven.kind !== 'volume' || !breakEven.above) return null;
  const at = `${formatNumber(breakEven.modelUnits ?? 0)} provisioned unit(s) at break-even`;
  const above = breakEven.above;
  if (above.kind === 'staysAhead') return `${at}; the student stays ahead at every larger volume.`;
  const again =
    above.aheadAgainAt === null
      ? 'and never catches up'
      : `until ${formatBreakEvenRequests(above.aheadAgainAt)} requests/month`;
  return `${at}; above ${formatNumber(Math.floor(above.fromRequestsPerMonth))} requests/month the next unit puts the student behind again, ${again}.`;
}

export function formatSeedRatio(ratio: SeedRatio): string {
  switch (ratio.kind) {
    case 'ratio':
      return formatRatio(ratio.value, 1);
    case 'noQualityLoss':
      return 'no quality loss';
    case 'noTeacherCost':
      return 'n/a (the teacher costs nothing)';
  }
}
