import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

/**
 * The one setup of the on-screen charts (chart.js, canvas; `*ScreenChart.tsx` on the ROI and
 * quality screens). The report and its PDF draw their own SVG (`*PrintChart.tsx`), which needs
 * none of this. Registers only the parts those charts use (tree-shaken build, no auto import).
 */
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Filler,
  Tooltip,
  Legend,
);

export const COLORS = {
  teacher: '#7a4fd1',
  student: '#14866d',
  accent: '#2f5fd0',
  muted: '#8a94a3',
  good: '#15803d',
  bad: '#b42318',
  low: '#d97706',
  high: '#2f5fd0',
} as const;

// The app's type and ink, set once for every screen chart.
Chart.defaults.font.family = "'Inter', 'Segoe UI', system-ui, sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#586374';
// Screens are compared side by side and sliders move the figures; an animation would only lag.
Chart.defaults.animation = false;

/** Options the ROI charts share. */
export const BASE_OPTIONS = {
  maintainAspectRatio: false,
  animation: false,
  plugins: { legend: { labels: { boxWidth: 12, boxHeight: 12, color: '#586374' } } },
} as const;

/** A dashed vertical line at `x` (the horizon, today's volume), drawn as a two-point dataset. */
export function verticalMarker(label: string, x: number, yFrom: number, yTo: number) {
  return {
    label,
    data: [
      { x, y: yFrom },
      { x, y: yTo },
    ],
    borderColor: COLORS.muted,
    backgroundColor: COLORS.muted,
    borderDash: [4, 4],
    borderWidth: 1.5,
    pointRadius: 0,
  };
}
