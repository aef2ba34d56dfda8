import type { Frontier } from '@vigil/core/budget';
import { formatMoney } from './budget-client.ts';

const width = 560;
const height = 260;
const pad = { left: 72, right: 16, top: 16, bottom: 40 };

/**
 * Benefit against total budget: the optimum as a solid line with circles, greedy as a
 * dashed line with squares (shape and dash, not colour alone), and a table with the same
 * numbers for screen readers and for copying.
 */
export function FrontierChart(props: { frontier: Frontier; current: number }) {
  const points = props.frontier.points;
  const maxX = Math.max(1, ...points.map((p) => p.budget));
  const maxY = Math.max(1, ...points.map((p) => p.objective ?? 0), ...points.map((p) => p.greedy ?? 0));
  const x = (v: number) => pad.left + (v / maxX) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const line = (values: (number | null)[]) =>
    points
      .flatMap((p, i) => (values[i] === null ? [] : [`${x(p.budget)},${y(values[i] as number)}`]))
      .join(' ');
  return (
    <figure className="frontier">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="frontier-title"
        className="frontier-svg"
      >
        <title id="frontier-title">
          Efficient frontier: best benefit at each budget level, greedy beside it
        </title>
        <line
          x1={pad.left}
          y1={height - pad.bottom}
          x2={width - pad.right}
          y2={height - pad.bottom}
          className="axis"
        />
        <line x1={pad.left} y1={pad.top} x2={pad.left} y2={height - pad.bottom} className="axis" />
        <text x={width / 2} y={height - 6} textAnchor="middle" className="axis-label">
          total budget ({formatMoney(maxX)} at right)
        </text>
        <text x={12} y={pad.top + 10} className="axis-label">
          benefit
        </text>
        <text x={pad.left - 6} y={pad.top + 4} textAnchor="end" className="axis-label">
          {formatMoney(maxY)}
        </text>
        <line
          x1={x(props.current)}
          x2={x(props.current)}
          y1={pad.top}
          y2={height - pad.bottom}
          className="current"
        />
        <polyline points={line(points.map((p) => p.objective))} className="optimum" />
        <polyline points={line(points.map((p) => p.greedy))} className="greedy" />
        {points.map((p) =>
          p.objective === null ? null : (
            <circle key={`o${p.scale}`} cx={x(p.budget)} cy={y(p.objective)} r={4} className="optimum-dot" />
          ),
        )}
        {points.map((p) =>
          p.greedy === null ? null : (
            <rect
              key={`g${p.scale}`}
              x={x(p.budget) - 3.5}
              y={y(p.greedy) - 3.5}
              width={7}
              height={7}
              className="greedy-dot"
            />
          ),
        )}
      </svg>
      <figcaption>
        Solid line, circles: optimum. Dashed line, squares: greedy by benefit per dollar (missing where it
        breaks a rule). Vertical line: this year's budget.
      </figcaption>
      <table className="budget-table compact">
        <caption>Frontier values</caption>
        <thead>
          <tr>
            <th scope="col">Budget</th>
            <th scope="col">Optimum</th>
            <th scope="col">Greedy</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.scale}>
              <td className="num">{formatMoney(p.budget)}</td>
              <td className="num">{p.objective === null ? p.status : formatMoney(p.objective)}</td>
              <td className="num">{p.greedy === null ? 'breaks a rule' : formatMoney(p.greedy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
