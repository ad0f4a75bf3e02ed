/**
 * The significant digits a number is written to a CSV with. A double holds 15 to 17; the last
 * one or two are where sums and products leave binary noise (0.00046985000000000006,
 * 852.0300000000001), so 15 keeps every digit a figure was computed with and none of the noise.
 */
export const CSV_SIGNIFICANT_DIGITS = 15;

/**
 * A number as a CSV cell: rounded to CSV_SIGNIFICANT_DIGITS, then in the shortest form that
 * reads back as that value ("0.00046985", "852.03", "12"), or '' when it is not finite.
 */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toPrecision(CSV_SIGNIFICANT_DIGITS));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
