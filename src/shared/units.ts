/**
 * Branded number types so that dollars, tokens, requests, months and milliseconds cannot be
 * mixed up by accident: a `Usd` is not assignable to `Tokens` without going through a
 * constructor here. The brands exist only at compile time; at run time these are plain numbers.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Usd = Brand<number, 'Usd'>;
/** Price of 1,000 tokens in US dollars. */
export type UsdPer1kTokens = Brand<number, 'UsdPer1kTokens'>;
export type UsdPerHour = Brand<number, 'UsdPerHour'>;
export type UsdPerMonth = Brand<number, 'UsdPerMonth'>;
export type Tokens = Brand<number, 'Tokens'>;
export type Requests = Brand<number, 'Requests'>;
export type Months = Brand<number, 'Months'>;
export type Milliseconds = Brand<number, 'Milliseconds'>;
/** A share between 0 and 1 (not a percentage). */
export type Fraction = Brand<number, 'Fraction'>;
/** Throughput, e.g. what one provisioned model unit sustains. */
export type TokensPerMinute = Brand<number, 'TokensPerMinute'>;

export const usd = (n: number): Usd => n as Usd;
export const usdPer1k = (n: number): UsdPer1kTokens => n as UsdPer1kTokens;
export const usdPerHour = (n: number): UsdPerHour => n as UsdPerHour;
export const usdPerMonth = (n: number): UsdPerMonth => n as UsdPerMonth;
export const tokens = (n: number): Tokens => n as Tokens;
export const requests = (n: number): Requests => n as Requests;
export const months = (n: number): Months => n as Months;
export const ms = (n: number): Milliseconds => n as Milliseconds;
export const fraction = (n: number): Fraction => n as Fraction;
export const tokensPerMinute = (n: number): TokensPerMinute => n as TokensPerMinute;

/** Hours in a month as the ROI model defines it (8,760 / 12). */
export const HOURS_PER_MONTH = 730;
