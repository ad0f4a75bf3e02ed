/**
 * Time lost to retries is stored per call to 0.1 ms (callTimeline.ts). Totals are added as whole
 * tenths, not as floating-point milliseconds: a float sum depends on the order of its terms in
 * its last bit, and the run panel (calls in the order they ended), the store (rowid order) and
 * the report (paragraph order) each add the same calls in another order. At a total of
 * 14,462.5 ms one order gave 14,462.499999999998 and showed 14,462 ms beside 14,463 ms.
 */

/** One call's lost time as whole tenths of a millisecond. */
export const lostTenths = (lostMs: number | null | undefined): number =>
  Math.round((lostMs ?? 0) * 10);

/** A total of tenths in whole milliseconds, as the run panel and the CLI show it. */
export const wholeMsOfTenths = (tenths: number): number => Math.round(tenths / 10);

/** Lost time of many calls, the same whatever their order. */
export function totalLostMs(values: Iterable<number | null | undefined>): number {
  let tenths = 0;
  for (const v of values) tenths += lostTenths(v);
  return tenths / 10;
}
