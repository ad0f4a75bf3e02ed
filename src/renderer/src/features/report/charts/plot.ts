import { niceTicks } from '../../../../../shared/report/ticks';

/**
 * The geometry every report chart shares: an SVG drawing area with margins for the axes, and
 * linear scales whose domains end on round ticks. Units are SVG user units; the charts scale to
 * the page width, so a printed chart stays vector and sharp.
 */

export const WIDTH = 680;
export const MARGIN = { top: 28, right: 24, bottom: 44, left: 80 };

export interface Scale {
  ticks: number[];
  min: number;
  max: number;
  at(value: number): number;
}

export function linearScale(
  values: readonly number[],
  from: number,
  to: number,
  count = 5,
  includeZero = true,
): Scale {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite, ...(includeZero ? [0] : []));
  const hi = Math.max(...finite, ...(includeZero ? [0] : []));
  const ticks = niceTicks(lo, hi, count);
  const min = ticks[0] ?? 0;
  const max = ticks[ticks.length - 1] ?? 1;
  const span = max - min || 1;
  return { ticks, min, max, at: (v) => from + ((v - min) / span) * (to - from) };
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function frame(height: number): Frame {
  return {
    width: WIDTH,
    height,
    left: MARGIN.left,
    right: WIDTH - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
  };
}

export const path = (points: readonly { x: number; y: number }[]): string =>
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(' ');

export const COLORS = {
  teacher: '#7a4fd1',
  student: '#14866d',
  ink: '#1c2430',
  soft: '#6b7380',
  grid: '#e3e6eb',
};

/** The teacher in its colour; students in the student colour first, then distinct others. */
const STUDENT_COLORS = [COLORS.student, '#c2680a', '#2f6fc0', '#b8326e', '#6b7d12'];

export function roleColors(roles: readonly ('teacher' | 'student')[]): string[] {
  let k = 0;
  return roles.map((r) =>
    r === 'teacher' ? COLORS.teacher : (STUDENT_COLORS[k++ % STUDENT_COLORS.length] as string),
  );
}
