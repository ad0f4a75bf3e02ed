/**
 * Display formatting for money, counts, shares and months, shared by the screen, the CLI and
 * the PDF. Precision follows the size of the figure: a per-request cost of $0.00046985 keeps
 * every digit it was computed with (so two figures on screen divide to the ratio shown beside
 * them), and a monthly saving of $12,345.67 reads better without its cents.
 * Fixed to en-US so that a report renders the same on every machine, and built without Intl
 * (decimalText.ts says why) though each prints what Intl.NumberFormat printed.
 */
import {
  decimalOf,
  decimalText,
  magnitudeOf,
  roundFraction,
  roundSignificant,
  scaled,
} from './decimalText';
import type { BreakEven } from './roi/breakEven';
import type { Payback, Roi } from './roi/cashFlow';
import type { SeedRatio } from './roi/seedRatio';

const NOT_A_NUMBER = '—';

/** Avoids "-$0" and "-0 %" for values that only differ from zero by rounding noise or sign. */
const noNegativeZero = (x: number): number => (Object.is(x, -0) ? 0 : x);

/**
 * Intl's sign: a negative value keeps its minus even when it rounds to zero ("-0"), as
 * Intl.NumberFormat (signDisplay "auto") prints it.
 */
const sign = (x: number): string => (x < 0 || Object.is(x, -0) ? '-' : '');

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
  if (v === 0) return '$0';
  const magnitude = Math.abs(v);
  const d = decimalOf(v);
  const dollars = (text: string) => `${sign(v)}$${text}`;
  if (magnitude >= 1000) return dollars(decimalText(roundFraction(d, 0)));
  if (magnitude >= 1) return dollars(decimalText(roundFraction(d, 2), 2));
  const digits = Math.max(significantDigits, MIN_USD_SIGNIFICANT_DIGITS);
  // "$0.5" reads as money only with its cents: "$0.50".
  return dollars(decimalText(roundSignificant(d, digits), 2));
}

/** A plain count with thousands separators, e.g. 12,345 (up to `fractionDigits` decimals). */
export function formatNumber(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const v = noNegativeZero(value);
  return sign(v) + decimalText(roundFraction(decimalOf(v), fractionDigits));
}

/** en-US short compact notation: thousands, millions, billions, trillions (and beyond, in T). */
const COMPACT_SUFFIXES = ['', 'K', 'M', 'B', 'T'] as const;
const compactPower = (magnitude: number): number =>
  Math.min(Math.max(Math.floor(magnitude / 3), 0), COMPACT_SUFFIXES.length - 1) * 3;

/**
 * 3 significant digits in the unit the value has once rounded (999,950 is "1M", not "1000K"),
 * as Intl's compact notation chooses it; a figure of four or more digits (above 999T) is
 * grouped only from five.
 */
function compactText(value: number): string {
  const d = decimalOf(value);
  if (d.digits === '') return '0';
  let power = compactPower(magnitudeOf(d));
  let rounded = roundSignificant(scaled(d, -power), 3);
  const after = compactPower(magnitudeOf(rounded) + power);
  if (after !== power) {
    rounded = roundSignificant(scaled(rounded, power - after), 3);
    power = after;
  }
  return `${decimalText(rounded, 0, 2)}${COMPACT_SUFFIXES[power / 3] ?? ''}`;
}

/** Axis ticks and tight labels: 1.5M · 250K · 12 · 0.5 (at most 3 significant digits). */
export function formatCompactNumber(value: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const v = noNegativeZero(value);
  return sign(v) + compactText(v);
}

/** Dollars on a chart axis: $1.5M · $250K · $12 · $0.5; tables and figures keep formatUsd. */
export function formatCompactUsd(value: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const v = noNegativeZero(value);
  return `${sign(v)}$${compactText(v)}`;
}

/** A share as a percentage: 0.848 → "84.8%". */
export function formatPercent(share: number, fractionDigits = 1): string {
  if (!Number.isFinite(share)) return NOT_A_NUMBER;
  const v = noNegativeZero(share);
  const percent = roundFraction(scaled(decimalOf(v), 2), fractionDigits);
  return `${sign(v)}${decimalText(percent, fractionDigits)}%`;
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
