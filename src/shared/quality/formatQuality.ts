import { formatPercent } from '../format';

import type { MeanCi, PairedShares, ShareCi, WinRateCi } from './reportSchema';

/**
 * How a quality figure reads on screen and in a report: the estimate, then its 95 % interval in
 * brackets; below the minimum number of paragraphs, "not enough data" and the count instead of
 * an interval that would only look precise.
 */

const MINUS = '−';

export const notEnough = (n: number): string =>
  `not enough data (${n} ${n === 1 ? 'paragraph' : 'paragraphs'})`;

/** Fixed decimals, so the figures of a column line up: 0.400, not 0.4. */
export function formatScore(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? Math.abs(0).toFixed(decimals) : text.replace('-', MINUS);
}

/** Always with a sign, so that a difference reads as one: +0.012, −0.034, 0.000. */
export function formatSigned(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${value < 0 ? MINUS : '+'}${text}`;
}

export function formatMeanCi(r: MeanCi, decimals: number): string {
  if (r.kind === 'insufficient') return notEnough(r.n);
  const f = (x: number) => formatScore(x, decimals);
  return `${f(r.mean)} [${f(r.ci.low)}, ${f(r.ci.high)}]`;
}

export function formatDifferenceCi(r: MeanCi, decimals: number): string {
  if (r.kind === 'insufficient') return notEnough(r.n);
  const f = (x: number) => formatSigned(x, decimals);
  return `${f(r.mean)} [${f(r.ci.low)}, ${f(r.ci.high)}]`;
}

// The app's one rounding of a share (one decimal, as formatPercent gives it everywhere else), so a
// failure share never reads 37.5% on one page and 38% on the next.
const pct = (x: number) => formatPercent(x);

export function formatShareCi(r: ShareCi): string {
  if (r.kind === 'insufficient') return notEnough(r.n);
  return `${pct(r.share)} [${pct(r.ci.low)}, ${pct(r.ci.high)}]`;
}

export function formatWinRateCi(r: WinRateCi): string {
  if (r.kind === 'insufficient') return notEnough(r.n);
  return `${pct(r.rate)} [${pct(r.ci.low)}, ${pct(r.ci.high)}]`;
}

export function formatPairedShare(r: PairedShares, side: 'teacher' | 'student'): string {
  if (r.kind === 'insufficient') return notEnough(r.n);
  const s = r[side];
  return `${pct(s.share)} [${pct(s.ci.low)}, ${pct(s.ci.high)}]`;
}
