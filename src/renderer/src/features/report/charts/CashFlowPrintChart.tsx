import { formatMonths, formatUsd } from '../../../../../shared/format';
import type { ScenarioSection } from '../../../../../shared/report/reportSchema';
import { Axes, Label } from './Axes';
import { PrintChartFigure } from './PrintChartFigure';
import { COLORS, frame, linearScale, path } from './plot';

const HEIGHT = 185;

/** Cumulative cash flow by month: the investment at month 0, payback where it crosses zero. */
export function CashFlowPrintChart({ data }: { data: ScenarioSection['cashFlow'] }) {
  const f = frame(HEIGHT);
  const x = linearScale(
    data.points.map((p) => p.x),
    f.left,
    f.right,
    6,
  );
  const y = linearScale(
    data.points.map((p) => p.y),
    f.bottom,
    f.top,
  );
  const line = data.points.map((p) => ({ x: x.at(p.x), y: y.at(p.y) }));
  const zero = y.at(0);
  const lastX = x.at(data.points[data.points.length - 1]?.x ?? 0);
  const area = `${path(line)} L${lastX},${zero} L${x.at(0)},${zero} Z`;
  const horizon = x.at(data.horizonMonths);
  const payback = data.paybackMonths;
  return (
    <PrintChartFigure
      title="Cumulative cash flow"
      description={data.description}
      height={HEIGHT}
      testId="print-chart-cash-flow"
    >
      <Axes
        f={f}
        x={x}
        y={y}
        formatX={(v) => String(v)}
        formatY={(v) => formatUsd(v)}
        xLabel="Month"
        yLabel="US dollars, cumulative"
      />
      <path d={area} fill={COLORS.student} opacity={0.1} />
      <path d={path(line)} fill="none" stroke={COLORS.student} strokeWidth={2.5} />
      <line
        x1={horizon}
        x2={horizon}
        y1={f.top}
        y2={f.bottom}
        stroke={COLORS.soft}
        strokeDasharray="4 3"
      />
      <text x={horizon - 4} y={f.top + 12} fontSize={11} fill={COLORS.soft} textAnchor="end">
        horizon
      </text>
      {payback !== null && (
        <g>
          <circle
            cx={x.at(payback)}
            cy={zero}
            r={5}
            fill="#fff"
            stroke={COLORS.ink}
            strokeWidth={2}
          />
          <Label
            x={x.at(payback) + 10}
            y={zero + 18}
            text={`payback ${payback === 0 ? 'immediately' : formatMonths(payback)}`}
          />
        </g>
      )}
    </PrintChartFigure>
  );
}
