import type { ReactNode } from 'react';

interface PrintChartFigureProps {
  title: string;
  description: string;
  height: number;
  testId: string;
  children: ReactNode;
}

/**
 * A chart with its text alternative: the SVG is labelled by the description for screen
 * readers, and the description is printed under it too, so a reader of a grey-scale print (or a
 * pasted excerpt) still gets the figures.
 */
export function PrintChartFigure({
  title,
  description,
  height,
  testId,
  children,
}: PrintChartFigureProps) {
  return (
    <figure className="rpt-chart" data-testid={testId}>
      <figcaption className="rpt-chart-title">{title}</figcaption>
      <svg
        viewBox={`0 0 680 ${height}`}
        role="img"
        aria-label={`${title}. ${description}`}
        className="rpt-svg"
      >
        {children}
      </svg>
      <p className="rpt-chart-note">{description}</p>
    </figure>
  );
}
