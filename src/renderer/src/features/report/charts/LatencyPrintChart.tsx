import { formatMs } from '../../../../../shared/formatTime';
import type { LatencyChart as LatencyData } from '../../../../../shared/report/reportSchema';
import { PrintChartFigure } from './PrintChartFigure';
import { COLORS, MARGIN, roleColors, WIDTH } from './plot';
import { formatNumber } from '../../../../../shared/format';

const ROW = 46;
const AXIS = 40;
const LEFT = 150;

/**
 * One histogram per model on a shared time axis (bars scaled to each model's tallest bin), with
 * the median and 95th percentile marked: small multiples compare shapes better than overlaid bars.
 */
export function LatencyPrintChart({ data }: { data: LatencyData }) {
  const height = MARGIN.top + data.models.length * ROW + AXIS;
  const right = WIDTH - MARGIN.right;
  const top = data.edges[data.edges.length - 1] ?? 1;
  const at = (ms: number) => LEFT + (ms / top) * (right - LEFT);
  const barWidth = (right - LEFT) / Math.max(1, data.edges.length - 1);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((k) => k * top);
  const axisY = MARGIN.top + data.models.length * ROW + 4;
  const colors = roleColors(data.models.map((m) => m.role));
  return (
    <PrintChartFigure
      title="Latency per call"
      description={data.description}
      height={height}
      testId="print-chart-latency"
    >
      {data.models.map((m, i) => {
        const base = MARGIN.top + (i + 1) * ROW - 4;
        const tallest = Math.max(1, ...m.counts);
        return (
          <g key={m.name}>
            <text
              x={LEFT - 10}
              y={base - 18}
              fontSize={11}
              textAnchor="end"
              fill={COLORS.ink}
              fontWeight={600}
            >
              {m.name}
            </text>
            <text x={LEFT - 10} y={base - 5} fontSize={10} textAnchor="end" fill={COLORS.soft}>
              {formatNumber(m.n)} calls
            </text>
            {m.counts.map((c, k) => {
              const h = (c / tallest) * (ROW - 26);
              return c > 0 ? (
                <rect
                  key={k}
                  x={LEFT + k * barWidth + 1}
                  y={base - h}
                  width={barWidth - 2}
                  height={h}
                  fill={colors[i]}
                  opacity={0.8}
                />
              ) : null;
            })}
            <line x1={LEFT} x2={right} y1={base} y2={base} stroke={COLORS.grid} />
            {/* The median's label reads leftwards, the p95's rightwards, so the two never overlap. */}
            {m.p50 !== null && (
              <Marker x={at(m.p50)} base={base} label={`p50 ${formatMs(m.p50)}`} side="left" />
            )}
            {m.p95 !== null && (
              <Marker
                x={at(m.p95)}
                base={base}
                label={`p95 ${formatMs(m.p95)}`}
                side="right"
                dashed
              />
            )}
          </g>
        );
      })}
      {ticks.map((t) => (
        <g key={t} fontSize={11} fill={COLORS.soft}>
          <line x1={at(t)} x2={at(t)} y1={axisY - 4} y2={axisY} stroke={COLORS.soft} />
          <text x={at(t)} y={axisY + 13} textAnchor="middle">
            {t === 0 ? '0' : formatMs(t)}
          </text>
        </g>
      ))}
      <text
        x={(LEFT + right) / 2}
        y={height - 6}
        fontSize={11}
        textAnchor="middle"
        fill={COLORS.ink}
      >
        End-to-end latency per call
      </text>
    </PrintChartFigure>
  );
}

interface MarkerProps {
  x: number;
  base: number;
  label: string;
  side: 'left' | 'right';
  dashed?: boolean;
}

function Marker({ x, base, label, side, dashed = false }: MarkerProps) {
  return (
    <g>
      <line
        x1={x}
        x2={x}
        y1={base - ROW + 12}
        y2={base}
        stroke={COLORS.ink}
        strokeWidth={1.2}
        strokeDasharray={dashed ? '3 2' : undefined}
      />
      <text
        x={side === 'left' ? x - 4 : x + 4}
        y={base - ROW + 20}
        fontSize={10}
        fill={COLORS.ink}
        textAnchor={side === 'left' ? 'end' : 'start'}
      >
        {label}
      </text>
    </g>
  );
}
