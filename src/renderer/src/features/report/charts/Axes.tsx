import { COLORS, type Frame, type Scale } from './plot';

interface AxesProps {
  f: Frame;
  x: Scale;
  y: Scale;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  xLabel: string;
  yLabel: string;
}

/** Grid lines, tick labels and axis titles; the zero line is drawn darker when it is inside. */
export function Axes({ f, x, y, formatX, formatY, xLabel, yLabel }: AxesProps) {
  return (
    <g className="rpt-axes" fontSize={11} fill={COLORS.soft}>
      {y.ticks.map((t) => (
        <g key={`y${t}`}>
          <line
            x1={f.left}
            x2={f.right}
            y1={y.at(t)}
            y2={y.at(t)}
            stroke={t === 0 && y.min < 0 ? COLORS.soft : COLORS.grid}
            strokeWidth={t === 0 && y.min < 0 ? 1 : 0.75}
          />
          <text x={f.left - 8} y={y.at(t) + 4} textAnchor="end">
            {formatY(t)}
          </text>
        </g>
      ))}
      {x.ticks.map((t) => (
        <g key={`x${t}`}>
          <line x1={x.at(t)} x2={x.at(t)} y1={f.bottom} y2={f.bottom + 4} stroke={COLORS.soft} />
          <text x={x.at(t)} y={f.bottom + 17} textAnchor="middle">
            {formatX(t)}
          </text>
        </g>
      ))}
      <line x1={f.left} x2={f.right} y1={f.bottom} y2={f.bottom} stroke={COLORS.soft} />
      <text x={(f.left + f.right) / 2} y={f.height - 6} textAnchor="middle" fill={COLORS.ink}>
        {xLabel}
      </text>
      {/* Along the axis, so that the legend above the plot has the full width. */}
      <text
        transform={`translate(13, ${(f.top + f.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        fill={COLORS.ink}
      >
        {yLabel}
      </text>
    </g>
  );
}

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
  /** A dot (a point series) rather than a line. */
  dot?: boolean;
}

/** One line of keys above the plot, right-aligned. */
export function Legend({ f, items }: { f: Frame; items: LegendItem[] }) {
  const widths = items.map((item) => 26 + item.label.length * 6.2);
  const placed = items.map((item, k) => ({
    item,
    x: f.right - widths.slice(k).reduce((sum, w) => sum + w, 0),
  }));
  return (
    <g fontSize={11} fill={COLORS.ink}>
      {placed.map(({ item, x: at }) => (
        <g key={item.label} transform={`translate(${at}, 10)`}>
          {item.dot ? (
            <circle cx={9} cy={0} r={4.5} fill={item.color} />
          ) : (
            <line
              x1={0}
              x2={16}
              y1={0}
              y2={0}
              stroke={item.color}
              strokeWidth={2.5}
              strokeDasharray={item.dashed ? '5 3' : undefined}
            />
          )}
          <text x={21} y={4}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

interface LabelProps {
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'end' | 'middle';
}

/**
 * A label drawn over lines, on a white backing so it stays legible where it crosses a series.
 * A backing rectangle rather than a stroked halo: a halo prints the text twice in the PDF's text
 * layer, and a reader (or pdftotext) would find every label doubled.
 */
export function Label({ x, y, text, anchor = 'start' }: LabelProps) {
  const width = text.length * 6.6 + 6;
  const left = anchor === 'start' ? x - 3 : anchor === 'end' ? x - width + 3 : x - width / 2;
  return (
    <g>
      <rect x={left} y={y - 11} width={width} height={15} rx={2} fill="#fff" opacity={0.9} />
      <text x={x} y={y} fontSize={11} fontWeight={600} fill={COLORS.ink} textAnchor={anchor}>
        {text}
      </text>
    </g>
  );
}
