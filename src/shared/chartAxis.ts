/**
 * Axis windows for the app's charts: wide enough that no point or bar end sits on the edge
 * (where it would be cut off), and, when an axis does not start at zero, a sentence saying so,
 * because a zoomed axis makes small gaps look large.
 */

export interface AxisWindow {
  min: number;
  max: number;
  /** Says the axis does not start at zero, or null when it does (or zero is inside it). */
  zoomNote: string | null;
}

export interface AxisOptions {
  /** Lowest and highest values the axis may show (a score scale's ends); open when absent. */
  floor?: number;
  ceiling?: number;
  /** Share of the data's span added on each side (default 15 %). */
  padShare?: number;
  /** Formats a figure for the note. */
  format: (v: number) => string;
  /** What the axis measures, for the note ("the quality axis"). */
  name: string;
}

/**
 * The window around `values` with padding on both sides, kept within floor and ceiling.
 * A window that would start within a quarter of its own span from the floor starts at the
 * floor instead, so that an axis only leaves its natural start when that is needed to read it.
 */
export function axisWindow(values: readonly number[], o: AxisOptions): AxisWindow {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { min: o.floor ?? 0, max: o.ceiling ?? 1, zoomNote: null };
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  // A score scale sets the least padding (2 % of it); an open axis pads by its data alone.
  const least =
    o.floor !== undefined && o.ceiling !== undefined
      ? (o.ceiling - o.floor) * 0.02
      : hi === lo
        ? Math.abs(hi) * 0.02 || 1
        : 0;
  const pad = Math.max((hi - lo) * (o.padShare ?? 0.15), least);
  let min = lo - pad;
  let max = hi + pad;
  if (o.floor !== undefined) {
    if (min - o.floor < (max - min) / 4) min = o.floor;
    min = Math.max(o.floor, min);
  }
  if (o.ceiling !== undefined) max = Math.min(o.ceiling, max);
  const zoomNote =
    min > 0
      ? `${capitalize(o.name)} starts at ${o.format(min)}, not at 0${
          o.floor !== undefined && o.floor > 0 && min === o.floor
            ? ' (the lowest possible value)'
            : ': gaps look larger than they are'
        }.`
      : max < 0
        ? `${capitalize(o.name)} stops at ${o.format(max)}, below 0: every value shown is negative.`
        : null;
  return { min, max, zoomNote };
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
