import type { ExecutionSummaryView } from '@vigil/core/budget';
import { formatMoney } from './budget-client.ts';
import {
  executionColours as colours,
  describeExecution,
  type ExecutionBar,
  projectExecution,
  scaleDollars,
} from './project-execution.ts';
import { fitLabel, formatAxisMoney, labelCharWidth } from './stack-allocation.ts';
import './execution-chart.css';

const width = 640;
/** The right margin holds the "$990,000 at risk" label after the longest bar. */
const pad = { left: 16, right: 136, top: 8, bottom: 44 };
const rowHeight = 52;
/** Within a row: the name line, then the bar under it with room above for the projection's marker. */
const labelBaseline = 14;
const barTop = 25;
const barHeight = 20;
const obligatedInset = 3;
const expendedHeight = 6;
const charWidth = labelCharWidth;
const hatchId = 'execution-at-risk-hatch';

function outlook(bar: ExecutionBar): { text: string; risky: boolean } {
  if (bar.atRisk > 0) return { text: `${formatMoney(bar.atRisk)} at risk`, risky: true };
  return { text: bar.projected === null ? 'no end date' : 'none at risk', risky: false };
}

/**
 * Where each award's money stands and where it lapses: one bar per investment and source,
 * the award as an outlined bar with the obligated dollars filling it and the expended dollars
 * a narrow bar inside that, a marker where the current burn rate leaves spending by the end of
 * the period of performance, and the award beyond it, which lapses, hatched and labelled in
 * dollars (hatching and words, not colour alone). The most money at risk comes first; the
 * table below keeps the exact numbers and the description reads them out.
 */
export function ExecutionChart(props: {
  lines: ExecutionSummaryView['lines'];
  names: ReadonlyMap<string, string | null>;
}) {
  const { bars, axis } = projectExecution(props.lines, props.names);
  if (!bars.some((bar) => bar.extent > 0)) return null;
  const plot = width - pad.left - pad.right;
  const x = scaleDollars(axis.max, plot);
  const axisY = pad.top + bars.length * rowHeight;
  const height = axisY + pad.bottom;
  const nameChars = Math.floor((width - pad.left - 8) / charWidth);
  return (
    <figure className="execution-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="execution-chart-title"
        aria-describedby="execution-chart-desc"
        className="execution-svg"
      >
        <title id="execution-chart-title">
          Execution by award line: expended and obligated against the award, projected spend by the end of the
          period of performance and the dollars at risk of lapsing, most at risk first
        </title>
        <desc id="execution-chart-desc">{describeExecution(bars)}</desc>
        <defs>
          <pattern
            id={hatchId}
            patternUnits="userSpaceOnUse"
            width={6}
            height={6}
            patternTransform="rotate(45)"
          >
            <line x1={0} y1={0} x2={0} y2={6} stroke={colours.atRisk} strokeWidth={3} />
          </pattern>
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
          dollars per award line
        </text>
        {bars.map((bar, row) => {
          const top = pad.top + row * rowHeight;
          const y = top + barTop;
          const middle = y + barHeight / 2;
          const said = outlook(bar);
          return (
            <g key={bar.key} data-line={bar.key}>
              <text x={pad.left} y={top + labelBaseline} className="bar-label">
                {fitLabel(bar.name, nameChars - bar.sourceId.length - 3)}
                <tspan className="bar-source"> · {bar.sourceId}</tspan>
              </text>
              <rect
                data-part="awarded"
                x={pad.left}
                y={y}
                width={x(bar.awarded)}
                height={barHeight}
                fill={colours.background}
                stroke={colours.awardedOutline}
                strokeWidth={1.5}
              >
                <title>{`Awarded ${formatMoney(bar.awarded)}`}</title>
              </rect>
              <rect
                data-part="obligated"
                x={pad.left}
                y={y + obligatedInset}
                width={x(bar.obligated)}
                height={barHeight - 2 * obligatedInset}
                fill={colours.obligated}
              >
                <title>{`Obligated ${formatMoney(bar.obligated)}`}</title>
              </rect>
              {bar.atRisk > 0 ? (
                <rect
                  data-part="at-risk"
                  x={pad.left + x(bar.atRiskStart)}
                  y={y}
                  width={x(bar.atRisk)}
                  height={barHeight}
                  fill={`url(#${hatchId})`}
                  stroke={colours.atRisk}
                  strokeWidth={1.5}
                >
                  <title>{`At risk of lapsing ${formatMoney(bar.atRisk)}`}</title>
                </rect>
              ) : null}
              <rect
                data-part="expended"
                x={pad.left}
                y={middle - expendedHeight / 2}
                width={x(bar.expended)}
                height={expendedHeight}
                fill={colours.expended}
              >
                <title>{`Expended ${formatMoney(bar.expended)}`}</title>
              </rect>
              {bar.projected === null ? null : (
                <g data-part="projected">
                  <title>{`Projected spend by the end of the period of performance ${formatMoney(bar.projected)}`}</title>
                  <line
                    x1={pad.left + x(bar.projected)}
                    x2={pad.left + x(bar.projected)}
                    y1={y - 2}
                    y2={y + barHeight + 3}
                    stroke={colours.projected}
                    strokeWidth={2}
                  />
                  <polygon
                    points={`${pad.left + x(bar.projected) - 4},${y - 7} ${pad.left + x(bar.projected) + 4},${y - 7} ${pad.left + x(bar.projected)},${y - 1}`}
                    fill={colours.projected}
                  />
                </g>
              )}
              <text
                data-part="outlook"
                x={pad.left + x(bar.extent) + 8}
                y={middle}
                dominantBaseline="central"
                className={said.risky ? 'at-risk-label' : 'axis-label'}
              >
                {said.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="execution-legend" aria-label="Execution chart key">
          <li>
            <svg width={22} height={14} aria-hidden="true">
              <rect
                x={1}
                y={1}
                width={20}
                height={12}
                fill={colours.background}
                stroke={colours.awardedOutline}
                strokeWidth={1.5}
              />
            </svg>
            awarded
          </li>
          <li>
            <svg width={22} height={14} aria-hidden="true">
              <rect x={1} y={2} width={20} height={10} fill={colours.obligated} />
            </svg>
            obligated
          </li>
          <li>
            <svg width={22} height={14} aria-hidden="true">
              <rect x={1} y={4} width={20} height={6} fill={colours.expended} />
            </svg>
            expended
          </li>
          <li>
            <svg width={14} height={14} aria-hidden="true">
              <polygon points="3,0 11,0 7,6" fill={colours.projected} />
              <line x1={7} x2={7} y1={4} y2={14} stroke={colours.projected} strokeWidth={2} />
            </svg>
            spent by the end of the period of performance at the current burn rate
          </li>
          <li>
            <svg width={22} height={14} aria-hidden="true">
              <rect
                x={1}
                y={1}
                width={20}
                height={12}
                fill={`url(#${hatchId})`}
                stroke={colours.atRisk}
                strokeWidth={1.5}
              />
            </svg>
            at risk of lapsing
          </li>
        </ul>
        One bar per award line, the most money at risk first. Exact amounts are in the table below.
      </figcaption>
    </figure>
  );
}
