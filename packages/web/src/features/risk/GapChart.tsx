import type { CapabilityGap } from '@vigil/core/risk';

/**
 * Capability gap summary as an SVG bar chart: one bar per core capability, the share of its
 * targets met (mean over assessed targets), with the percentage and the weakest POETE area
 * written beside each bar, so the chart reads without colour. The table beneath carries the
 * same numbers for screen readers.
 */
export function GapChart(props: { gaps: CapabilityGap[] }) {
  const rows = props.gaps.filter((gap) => gap.meanMet !== null);
  const rowHeight = 26;
  const labelWidth = 300;
  const barWidth = 320;
  const height = rows.length * rowHeight + 24;
  return (
    <figure>
      <svg
        className="gap-chart"
        role="img"
        aria-labelledby="gap-chart-title"
        width={labelWidth + barWidth + 190}
        height={height}
      >
        <title id="gap-chart-title">Share of capability targets met, by core capability</title>
        {rows.map((gap, i) => {
          const y = i * rowHeight + 4;
          const met = gap.meanMet ?? 0;
          return (
            <g key={gap.coreCapability} data-capability={gap.coreCapability}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end">
                {gap.coreCapability}
              </text>
              <rect className="track" x={labelWidth} y={y} width={barWidth} height={rowHeight - 8} />
              <rect className="met" x={labelWidth} y={y} width={barWidth * met} height={rowHeight - 8} />
              <text x={labelWidth + barWidth + 8} y={y + 15}>
                {Math.round(met * 100)} % met{gap.weakestArea ? ` · weakest: ${gap.weakestArea}` : ''}
              </text>
            </g>
          );
        })}
        <text x={labelWidth} y={height - 4}>
          0 %
        </text>
        <text x={labelWidth + barWidth} y={height - 4} textAnchor="end">
          100 %
        </text>
      </svg>
      <figcaption className="muted">
        Mean over assessed targets of each target’s least-met critical task (current ÷ target, latest SPR).
      </figcaption>
    </figure>
  );
}
