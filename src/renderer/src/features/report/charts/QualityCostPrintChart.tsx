import { formatNumber, formatUsd } from '../../../../../shared/format';
import type { QualityVsCost } from '../../../../../shared/report/reportSchema';
import { Axes, Legend } from './Axes';
import { PrintChartFigure } from './PrintChartFigure';
import { frame, linearScale, roleColors } from './plot';

const HEIGHT = 190;

/**
 * Each model's mean quality (with its interval) against its cost per 1,000 requests. Models are
 * told apart by colour and named in the legend: students often sit close together, where labels
 * at the points would overlap.
 */
export function QualityCostPrintChart({ data }: { data: QualityVsCost }) {
  const f = frame(HEIGHT);
  const x = linearScale(
    data.points.map((p) => p.costPer1k * 1.1),
    f.left,
    f.right,
  );
  const ys = data.points.flatMap((p) => [p.low, p.high]);
  const y = linearScale([...ys, data.bar], f.bottom, f.top, 5, false);
  const colors = roleColors(data.points.map((p) => p.role));
  return (
    <PrintChartFigure
      title={`Quality against cost (${data.metricLabel})`}
      description={data.description}
      height={HEIGHT}
      testId="print-chart-quality-cost"
    >
      <Axes
        f={f}
        x={x}
        y={y}
        formatX={(v) => formatUsd(v)}
        formatY={(v) => formatNumber(v, 2)}
        xLabel="US dollars per 1,000 requests"
        // A zoomed quality axis makes small gaps look large: it says where it starts.
        yLabel={
          y.min > 0
            ? `${data.metricLabel} (axis from ${formatNumber(y.min, 2)}, not 0)`
            : data.metricLabel
        }
      />
      <Legend
        f={f}
        items={data.points.map((p, i) => ({
          label: p.name,
          color: colors[i] as string,
          dot: true,
        }))}
      />
      <line
        x1={f.left}
        x2={f.right}
        y1={y.at(data.bar)}
        y2={y.at(data.bar)}
        stroke="#b42318"
        strokeDasharray="5 3"
      />
      <text x={f.right - 4} y={y.at(data.bar) - 5} fontSize={11} textAnchor="end" fill="#b42318">
        bar {formatNumber(data.bar, 2)}
      </text>
      {data.points.map((p, i) => {
        const color = colors[i] as string;
        const cx = x.at(p.costPer1k);
        return (
          <g key={p.name}>
            <line
              x1={cx}
              x2={cx}
              y1={y.at(p.low)}
              y2={y.at(p.high)}
              stroke={color}
              strokeWidth={2}
            />
            <line
              x1={cx - 5}
              x2={cx + 5}
              y1={y.at(p.low)}
              y2={y.at(p.low)}
              stroke={color}
              strokeWidth={2}
            />
            <line
              x1={cx - 5}
              x2={cx + 5}
              y1={y.at(p.high)}
              y2={y.at(p.high)}
              stroke={color}
              strokeWidth={2}
            />
            <circle
              cx={cx}
              cy={y.at(p.quality)}
              r={5.5}
              fill={color}
              stroke="#fff"
              strokeWidth={1.5}
            />
          </g>
        );
      })}
    </PrintChartFigure>
  );
}
