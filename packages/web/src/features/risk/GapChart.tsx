import type { CapabilityGap } from '@vigil/core/risk';
import { useLayoutEffect, useRef, useState } from 'react';

const rowHeight = 26;
const barWidth = 320;
/** Space between a label and its bar, and around the whole chart. */
const gap = 8;
/** About how wide a character of the chart's 12 px labels is: the first layout, before the browser measured. */
const charWidth = 7.2;

type LabelWidths = { names: number; values: number };

function valueText(capability: CapabilityGap): string {
  // A no-break space keeps each number with its unit.
  const met = `${Math.round((capability.meanMet ?? 0) * 100)}\u00a0% met`;
  return capability.weakestArea ? `${met} · weakest: ${capability.weakestArea}` : met;
}

function widest(texts: string[]): number {
  return Math.max(0, ...texts.map((text) => text.length * charWidth));
}

/**
 * Capability gap summary as an SVG bar chart: one bar per core capability, the share of its
 * targets met (mean over assessed targets), with the percentage and the weakest POETE area
 * written beside each bar, so the chart reads without colour. The table beneath carries the
 * same numbers for screen readers.
 *
 * SVG text never wraps, so the label areas are as wide as the widest label: estimated from
 * the character count first, then measured by the browser before the chart is painted.
 */
export function GapChart(props: { gaps: CapabilityGap[] }) {
  const rows = props.gaps.filter((g) => g.meanMet !== null);
  const names = rows.map((g) => g.coreCapability);
  const values = rows.map(valueText);
  const svg = useRef<SVGSVGElement>(null);
  const [measured, setMeasured] = useState<LabelWidths | null>(null);
  const labelsKey = [...names, ...values].join('\n');

  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels' text (labelsKey) is what changes their widths
  useLayoutEffect(() => {
    const element = svg.current;
    if (!element) return;
    const measure = (selector: string) =>
      Math.ceil(
        Math.max(
          0,
          ...[...element.querySelectorAll<SVGTextElement>(selector)].map((t) => t.getComputedTextLength()),
        ),
      );
    const next = { names: measure('.gap-name'), values: measure('.gap-value') };
    setMeasured((current) =>
      current?.names === next.names && current.values === next.values ? current : next,
    );
  }, [labelsKey]);

  const widths = measured ?? { names: widest(names), values: widest(values) };
  const barX = gap + widths.names + gap;
  const width = barX + barWidth + gap + widths.values + gap;
  const height = rows.length * rowHeight + 24;
  return (
    <figure>
      <svg
        ref={svg}
        className="gap-chart"
        role="img"
        aria-labelledby="gap-chart-title"
        width={width}
        height={height}
      >
        <title id="gap-chart-title">Share of capability targets met, by core capability</title>
        {rows.map((row, i) => {
          const y = i * rowHeight + 4;
          const met = row.meanMet ?? 0;
          return (
            <g key={row.coreCapability} data-capability={row.coreCapability}>
              <text className="gap-name" x={barX - gap} y={y + 15} textAnchor="end">
                {row.coreCapability}
              </text>
              <rect className="track" x={barX} y={y} width={barWidth} height={rowHeight - 8} />
              <rect className="met" x={barX} y={y} width={barWidth * met} height={rowHeight - 8} />
              <text className="gap-value" x={barX + barWidth + gap} y={y + 15}>
                {values[i]}
              </text>
            </g>
          );
        })}
        <text x={barX} y={height - 4}>
          0{'\u00a0'}%
        </text>
        <text x={barX + barWidth} y={height - 4} textAnchor="end">
          100{'\u00a0'}%
        </text>
      </svg>
      <figcaption className="muted">
        Mean over assessed targets of each target’s least-met critical task (current ÷ target, latest SPR).
      </figcaption>
    </figure>
  );
}
