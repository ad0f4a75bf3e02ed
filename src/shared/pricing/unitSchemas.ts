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
 * The largest value each unit accepts (roi-model.md §8). Far above any real workload, yet small
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

/** Finite, ≥ 0 and at most `max`, with messages that say the unit. */
const bounded = (max: number, unit: string) =>
  z
    .number({ error: `must be a number (${unit})` })
    .finite({ error: `must be a finite number (${unit})` })
    .nonnegative({ error: `must not be negative (${unit})` })
    .max(max, { error: `must be at most ${formatBound(max)} ${unit}` });

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
  bounded(UNIT_BOUNDS.tokensPerMinute, 'tokens per minute')
    .positive({ error: 'must be above 0 (tokens per minute)' })
    .transform(tokensPerMinute);
export const fractionField = () =>
  z
    .number({ error: 'must be a number (a share from 0 to 1)' })
    .finite({ error: 'must be a finite number (a share from 0 to 1)' })
    .min(0, { error: 'must be at least 0 (a share from 0 to 1)' })
    .max(1, { error: 'must be at most 1 (a share from 0 to 1)' })
    .transform(fraction);

/** Calendar date as ISO 8601 (YYYY-MM-DD): what "as of" means for a price. */
export const isoDateField = () => z.iso.date();
