import { formatMoney, type Run } from './budget-client.ts';
import {
  chartBackground,
  describeAllocation,
  fitLabel,
  formatAxisMoney,
  type Hatch,
  labelCharWidth,
  niceAxis,
  sourcePaint,
  stackAllocation,
} from './stack-allocation.ts';
import './allocation-chart.css';

const width = 640;
const pad = { left: 124, right: 76, top: 10, bottom: 46 };
const rowHeight = 34;
const barHeight = 22;
const charWidth = labelCharWidth;
/** Segment edges are drawn in the background, so neighbours stay apart whatever their colours. */
const background = chartBackground;

function HatchPattern(props: { id: string; colour: string; hatch: Exclude<Hatch, 'none'> }) {
  return (
    <pattern
      id={props.id}
      patternUnits="userSpaceOnUse"
      width={6}
      height={6}
      patternTransform={props.hatch === 'back' ? 'rotate(-45)' : 'rotate(45)'}
    >
      <rect width={6} height={6} fill={props.colour} />
      <line x1={0} y1={0} x2={0} y2={6} stroke={background} strokeWidth={2} />
      {props.hatch === 'cross' ? (
        <line x1={0} y1={0} x2={6} y2={0} stroke={background} strokeWidth={2} />
      ) : null}
    </pattern>
  );
}

/**
 * The plan's money as a picture: one horizontal bar per mission area, stacked by funding
 * source on a dollar axis, with a legend. Sources differ by colour and, past seven, by
 * hatching too, and wide segments carry their source's name; the table beside it keeps the
 * exact numbers, and the picture's description says them for a screen reader.
 */
export function AllocationChart(props: { allocation: Run['allocation'] }) {
  const { sources, bars } = stackAllocation(props.allocation);
  const largest = Math.max(0, ...bars.map((bar) => bar.total));
  if (!(largest > 0)) return null;
  const axis = niceAxis(largest);
  const plot = width - pad.left - pad.right;
  const x = (dollars: number) => (dollars / axis.max) * plot;
  const height = pad.top + bars.length * rowHeight + pad.bottom;
  const axisY = pad.top + bars.length * rowHeight;
  const paints = sources.map((source, i) => ({ source, ...sourcePaint(i), id: `allocation-fill-${i}` }));
  const paintOf = new Map(paints.map((paint) => [paint.source, paint]));
  const fillOf = (source: string) => {
    const paint = paintOf.get(source);
    if (!paint) return background;
    return paint.hatch === 'none' ? paint.colour : `url(#${paint.id})`;
  };
  return (
    <figure className="allocation-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="allocation-chart-title"
        aria-describedby="allocation-chart-desc"
        className="allocation-svg"
      >
        <title id="allocation-chart-title">
          Allocation by mission area, each bar stacked by funding source, in dollars over the plan's years
        </title>
        <desc id="allocation-chart-desc">{describeAllocation(bars)}</desc>
        <defs>
          {paints.map((paint) =>
            paint.hatch === 'none' ? null : (
              <HatchPattern key={paint.id} id={paint.id} colour={paint.colour} hatch={paint.hatch} />
            ),
          )}
        </defs>
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={pad.left + x(tick)} x2={pad.left + x(tick)} y1={pad.top} y2={axisY} className="grid" />
            <text x={pad.left + x(tick)} y={axisY + 16} textAnchor="middle" className="axis-label">
              {formatAxisMoney(tick)}
            </text>
          </g>
        ))}
        <line x1={pad.left} x2={pad.left + plot} y1={axisY} y2={axisY} className="axis" />
        <text x={pad.left + plot / 2} y={height - 6} textAnchor="middle" className="axis-label">
          dollars over the plan's years
        </text>
        {bars.map((bar, row) => {
          const top = pad.top + row * rowHeight + (rowHeight - barHeight) / 2;
          const middle = top + barHeight / 2;
          return (
            <g key={bar.area} data-area={bar.area}>
              <text
                x={pad.left - 8}
                y={middle}
                dominantBaseline="central"
                textAnchor="end"
                className="axis-label"
              >
                {fitLabel(bar.area, Math.floor((pad.left - 12) / charWidth))}
              </text>
              {bar.segments.map((segment) => {
                const left = pad.left + x(segment.start);
                const span = x(segment.amount);
                const labelled =
                  paintOf.get(segment.source)?.hatch === 'none' &&
                  segment.source.length * charWidth + 8 <= span;
                return (
                  <g key={segment.source}>
                    <rect
                      data-source={segment.source}
                      x={left}
                      y={top}
                      width={span}
                      height={barHeight}
                      fill={fillOf(segment.source)}
                      stroke={background}
                      strokeWidth={1}
                    >
                      <title>{`${bar.area}, ${segment.source}: ${formatMoney(segment.amount)}`}</title>
                    </rect>
                    {labelled ? (
                      <text
                        x={left + span / 2}
                        y={middle}
                        dominantBaseline="central"
                        textAnchor="middle"
                        className="segment-label"
                      >
                        {segment.source}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              <text
                x={pad.left + x(bar.total) + 6}
                y={middle}
                dominantBaseline="central"
                className="axis-label"
              >
                {formatMoney(bar.total)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="allocation-legend" aria-label="Funding sources">
          {paints.map((paint) => (
            <li key={paint.source} data-source={paint.source}>
              <svg width={14} height={14} aria-hidden="true" className="allocation-swatch">
                <rect width={14} height={14} fill={fillOf(paint.source)} />
              </svg>
              {paint.source}
            </li>
          ))}
        </ul>
        Bar length: the dollars the plan puts into each mission area, split by funding source. Exact amounts
        are in the table below.
      </figcaption>
    </figure>
  );
}
