/** Equal-width histogram bins for the Monte Carlo charts. */

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** `bins` equal-width bins from min to max; the maximum falls in the last bin. */
export function histogram(values: ArrayLike<number>, bins: number): HistogramBin[] {
  if (values.length === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // All draws equal (nothing was varied): one bin says so honestly.
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const n = Math.max(1, Math.floor(bins));
  const width = (max - min) / n;
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < values.length; i += 1) {
    const k = Math.min(n - 1, Math.floor(((values[i] as number) - min) / width));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts.map((count, k) => ({
    from: min + k * width,
    to: k === n - 1 ? max : min + (k + 1) * width,
    count,
  }));
}
