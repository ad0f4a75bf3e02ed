/** Durations for display: latencies in ms (with sensible precision) and run times in h/min/s. */

const NOT_A_NUMBER = '—';

/** 0.84 ms · 12.3 ms · 653 ms · 1.32 s · 14.7 s */
export function formatMs(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NOT_A_NUMBER;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 10_000) return `${(value / 1000).toFixed(2)} s`;
  return `${(value / 1000).toFixed(1)} s`;
}

/** 45 s · 3 min 05 s · 2 h 04 min, for elapsed and remaining run time. */
export function formatDurationMs(value: number | null): string {
  if (value === null || !Number.isFinite(value) || value < 0) return NOT_A_NUMBER;
  const totalSeconds = Math.round(value / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

// Made on first use: an Intl formatter starts ICU (about 8 MB) in every process loading this file.
const clocks = new Map<string, Intl.DateTimeFormat>();

/** A moment as month, day and 24-hour time, with the year when asked; '—' for no moment. */
function momentText(iso: string | null, withYear: boolean, timeZone?: string): string {
  if (iso === null) return NOT_A_NUMBER;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return NOT_A_NUMBER;
  const key = `${withYear ? 'y' : ''}|${timeZone ?? ''}`;
  let f = clocks.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      ...(withYear ? { year: 'numeric' } : {}),
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    });
    clocks.set(key, f);
  }
  return f.format(d);
}

/**
 * "Dec 7, 15:32": a moment in a narrow table cell (the batch job panel), in the viewer's time
 * zone unless one is named; the full date and time belong in a title beside it.
 */
export function formatWhen(iso: string | null, timeZone?: string): string {
  return momentText(iso, false, timeZone);
}

/** When a rating or a prompt version was saved, in the viewer's time zone unless one is given. */
export function formatSavedAt(iso: string, timeZone?: string): string {
  return momentText(iso, true, timeZone);
}
