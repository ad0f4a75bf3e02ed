/**
 * Zod field builders that validate a number and hand it back with its unit brand, so a parsed
 * price entry or scenario is typed in `Usd`, `Tokens`... without a cast at every call site.
 * They live here because the price catalog is the lowest layer that needs them; roi/ reuses them.
 */
import { z } from 'zod';
import {
  fraction,
  requests,
  tokens,
  tokensPerMinute,
  usd,
  usdPer1k,
  usdPerHour,
  usdPerMonth,
} from '../units';

/**
 * The largest value each unit accepts (docs/roi-model.md §8). Far above any real workload, yet small
 * enough that no product of them over 120 months overflows to Infinity, which is how a typed
 * 1e200 used to end up as NaN on screen.
 */
export const UNIT_BOUNDS = {
  requestsPerMonth: 1e12,
  tokensPerRequest: 1e7,
  usdPer1kTokens: 1_000,
  usdPerHour: 100_000,
  usdPerMonth: 1e9,
  usd: 1e9,
  tokensPerMinute: 1e10,
} as const;

const formatBound = (n: number): string =>
  n >= 1e7 ? n.toExponential().replace('e+', 'e') : n.toLocaleString('en-US');

/**
 * A finite number in [min, max] (whole when `integer`), with one message per value that says
 * the bound and the unit; the field's name comes from the path (scenarioProblems). The
 * bound messages are built when one is needed: formatBound starts ICU (toLocaleString), which
 * would otherwise cost every process that loads a schema about 8 MB, the CLI before its first call.
 */
export const boundedNumber = (o: { min: number; max: number; unit: string; integer?: boolean }) => {
  const n = z
    .number({ error: `must be a number (${o.unit})` })
    .finite({ error: `must be a finite number (${o.unit})`, abort: true })
    .min(o.min, { error: () => `must be at least ${formatBound(o.min)} ${o.unit}`, abort: true })
    .max(o.max, { error: () => `must be at most ${formatBound(o.max)} ${o.unit}`, abort: true });
  return o.integer
    ? n.refine(Number.isInteger, { error: `must be a whole number (${o.unit})` })
    : n;
};

const bounded = (max: number, unit: string) => boundedNumber({ min: 0, max, unit });

export const usdField = () => bounded(UNIT_BOUNDS.usd, 'US dollars').transform(usd);
export const usdPer1kField = () =>
  bounded(UNIT_BOUNDS.usdPer1kTokens, 'US dollars per 1,000 tokens').transform(usdPer1k);
export const usdPerHourField = () =>
  bounded(UNIT_BOUNDS.usdPerHour, 'US dollars per hour').transform(usdPerHour);
export const usdPerMonthField = () =>
  bounded(UNIT_BOUNDS.usdPerMonth, 'US dollars per month').transform(usdPerMonth);
export const tokensField = () =>
  bounded(UNIT_BOUNDS.tokensPerRequest, 'tokens per request').transform(tokens);
export const requestsField = () =>
  bounded(UNIT_BOUNDS.requestsPerMonth, 'requests per month').transform(requests);
export const tokensPerMinuteField = () =>
  // At least 1: a capacity near 0 would need more units than a double can count.
  boundedNumber({ min: 1, max: UNIT_BOUNDS.tokensPerMinute, unit: 'tokens per minute' }).transform(
    tokensPerMinute,
  );
export const fractionField = () =>
  boundedNumber({ min: 0, max: 1, unit: 'a share from 0 to 1' }).transform(fraction);

/** Calendar date as ISO 8601 (YYYY-MM-DD): what "as of" means for a price. */
export const isoDateField = () => z.iso.date().max(10);
