/**
 * Axis ticks at round numbers (1, 2, 2.5 or 5 times a power of ten), so that a printed chart
 * reads $0, $500, $1,000 rather than $0, $437, $874. Pure, for the report's SVG charts.
 */

const STEPS = [1, 2, 2.5, 5, 10];

export function niceStep(span: number, targetCount: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, targetCount);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.find((s) => s * power >= raw) ?? 10;
  return step * power;
}

/** Ticks covering [min, max], the ends rounded outwards to a step; always at least two. */
export function niceTicks(min: number, max: number, targetCount = 5): number[] {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) hi = lo === 0 ? 1 : lo + Math.abs(lo);
  const step = niceStep(hi - lo, targetCount);
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= last + step / 2; v += step) {
    // Rounding noise (0.30000000000000004) would print as such.
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks.length >= 2 ? ticks : [first, first + step];
}

// Made on first use: an Intl formatter starts ICU (about 8 MB) in every process loading this file.
let compact: Intl.NumberFormat | undefined;

/** Axis labels: 250,000 → "250K", 1,500,000 → "1.5M"; small numbers as they are. */
export const formatCompact = (value: number): string =>
  Math.abs(value) < 1000
    ? String(Number(value.toPrecision(3)))
    : (compact ??= new Intl.NumberFormat('en-US', {
        notation: 'compact',
        maximumFractionDigits: 1,
      })).format(value);
