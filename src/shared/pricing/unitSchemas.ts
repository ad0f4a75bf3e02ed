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

/** Finite and ≥ 0: money and counts in this app are never negative or infinite. */
const nonNegative = () => z.number().finite().nonnegative();

export const usdField = () => nonNegative().transform(usd);
export const usdPer1kField = () => nonNegative().transform(usdPer1k);
export const usdPerHourField = () => nonNegative().transform(usdPerHour);
export const usdPerMonthField = () => nonNegative().transform(usdPerMonth);
export const tokensField = () => nonNegative().transform(tokens);
export const requestsField = () => nonNegative().transform(requests);
export const tokensPerMinuteField = () => z.number().finite().positive().transform(tokensPerMinute);
export const fractionField = () => z.number().finite().min(0).max(1).transform(fraction);

/** Calendar date as ISO 8601 (YYYY-MM-DD): what "as of" means for a price. */
export const isoDateField = () => z.iso.date().max(10);
