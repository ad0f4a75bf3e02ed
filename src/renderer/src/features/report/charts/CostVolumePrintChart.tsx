import { formatBreakEvenRequests, formatNumber, formatUsd } from '../../../../../shared/format';
import type { ScenarioSection } from '../../../../../shared/report/reportSchema';
import { formatCompact } from '../../../../../shared/report/ticks';
import { Axes, Label, Legend } from './Axes';
import { PrintChartFigure } from './PrintChartFigure';
import { COLORS, frame, linearScale, path } from './plot';

const HEIGHT = 200;

interface CostVolumePrintChartProps {
  data: ScenarioSection['costVsVolume'];
  teacher: string;
  student: string;
}

/** Monthly cost of teacher and student against volume, with today's volume and break-even. */
export function CostVolumePrintChart({ data, teacher, student }: CostVolumePrintChartProps) {
  const f = frame(HEIGHT);
  const all = [...data.teacher, ...data.student];
  const x = linearScale(
    all.map((p) => p.x),
    f.left,
    f.right,
  );
  const y = linearScale(
    all.map((p) => p.y),
    f.bottom,
    f.top,
  );
  const xy = (p: { x: number; y: number }) => ({ x: x.at(p.x), y: y.at(p.y) });
  const today = x.at(data.currentVolume);
  const be = data.breakEven;
  // The break-even label sits above the crossing, on the side with more room.
  const beLeft = be !== null && x.at(be.x) > (f.left + f.right) / 2;
  return (
    <PrintChartFigure
      title="Monthly cost against volume"
      description={data.description}
      height={HEIGHT}
      testId="print-chart-cost-volume"
    >
      <Axes
        f={f}
        x={x}
        y={y}
        formatX={formatCompact}
        formatY={(v) => formatUsd(v)}
        xLabel="Requests per month"
        yLabel="US dollars per month"
      />
      <Legend
        f={f}
        items={[
          { label: teacher, color: COLORS.teacher },
          { label: student, color: COLORS.student },
        ]}
      />
      <line
        x1={today}
        x2={today}
        y1={f.top}
        y2={f.bottom}
        stroke={COLORS.soft}
        strokeDasharray="4 3"
      />
      <text x={today + 4} y={f.top + 12} fontSize={11} fill={COLORS.soft}>
        today: {formatNumber(data.currentVolume)}
      </text>
      <path d={path(data.teacher.map(xy))} fill="none" stroke={COLORS.teacher} strokeWidth={2.5} />
      <path d={path(data.student.map(xy))} fill="none" stroke={COLORS.student} strokeWidth={2.5} />
      {be && (
        <g>
          <circle
            cx={x.at(be.x)}
            cy={y.at(be.y)}
            r={5}
            fill="#fff"
            stroke={COLORS.ink}
            strokeWidth={2}
          />
          <Label
            x={x.at(be.x) + (beLeft ? -10 : 10)}
            y={y.at(be.y) - 10}
            anchor={beLeft ? 'end' : 'start'}
            text={`break-even ${formatBreakEvenRequests(be.x)}/month`}
          />
        </g>
      )}
    </PrintChartFigure>
  );
}
