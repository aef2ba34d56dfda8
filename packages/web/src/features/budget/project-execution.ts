import type { ExecutionSummaryView } from '@vigil/core/budget';
import { formatMoney } from './budget-client.ts';
import { chartBackground, niceAxis } from './stack-allocation.ts';

type ExecutionLineView = ExecutionSummaryView['lines'][number];

/** One award line as the execution chart draws it, in dollars. */
export type ExecutionBar = {
  /** `investment/source`, as the execution table's rows are keyed, so bar and row can be matched. */
  key: string;
  investmentId: string;
  /** The investment's name, or its ID when the portfolio no longer has it. */
  name: string;
  sourceId: string;
  awarded: number;
  obligated: number;
  expended: number;
  /** Spent by the end of the period of performance at the current burn rate; null without an end. */
  projected: number | null;
  daysLeft: number | null;
  /** What lapses, as the server computed it; drawn as the award's last stretch. */
  atRisk: number;
  /** Where the at-risk stretch starts: the award less what lapses. */
  atRiskStart: number;
  /** The longest of the bar's parts, which the axis and the label after the bar must clear. */
  extent: number;
};

/**
 * What the line spends by the end of its period of performance if it keeps burning as it has
 * since the first award: never less than is already spent, never more of the award than there
 * is (core counts whatever this leaves of the award as at risk). Nothing more once the period
 * has ended; null when the source has no end.
 */
export function projectSpend(
  line: Pick<ExecutionLineView, 'awarded' | 'expended' | 'burn_per_day' | 'days_left'>,
) {
  if (line.days_left === null) return null;
  const atThisRate = line.expended + line.burn_per_day * Math.max(0, line.days_left);
  return Math.max(line.expended, Math.min(line.awarded, atThisRate));
}

/**
 * The execution lines as bars, the most money at risk first (then the most left unspent, so
 * the next lines to watch follow), and a dollar axis that every bar fits on.
 */
export function projectExecution(
  lines: readonly ExecutionLineView[],
  names: ReadonlyMap<string, string | null>,
): { bars: ExecutionBar[]; axis: { max: number; ticks: number[] } } {
  const bars = lines.map((line): ExecutionBar => {
    const projected = projectSpend(line);
    const atRisk = Math.min(Math.max(0, line.at_risk), line.awarded);
    return {
      key: `${line.investment_id}/${line.source_id}`,
      investmentId: line.investment_id,
      name: names.get(line.investment_id) ?? line.investment_id,
      sourceId: line.source_id,
      awarded: line.awarded,
      obligated: line.obligated,
      expended: line.expended,
      projected,
      daysLeft: line.days_left,
      atRisk,
      atRiskStart: line.awarded - atRisk,
      extent: Math.max(line.awarded, line.obligated, line.expended, projected ?? 0),
    };
  });
  bars.sort(
    (a, b) =>
      b.atRisk - a.atRisk ||
      b.awarded - b.expended - (a.awarded - a.expended) ||
      a.name.localeCompare(b.name) ||
      a.sourceId.localeCompare(b.sourceId),
  );
  return { bars, axis: niceAxis(Math.max(0, ...bars.map((bar) => bar.extent))) };
}

/** Dollars to pixels along an axis from 0 to `max` dollars drawn `pixels` wide; nothing drawn below 0. */
export function scaleDollars(max: number, pixels: number): (dollars: number) => number {
  return (dollars) => (Math.max(0, dollars) / max) * pixels;
}

/** The chart's numbers in words for a screen reader, bar by bar in the chart's order. */
export function describeExecution(bars: readonly ExecutionBar[]): string {
  return bars
    .map((bar) => {
      const amounts = `awarded ${formatMoney(bar.awarded)}, obligated ${formatMoney(bar.obligated)}, expended ${formatMoney(bar.expended)}`;
      let outlook: string;
      if (bar.projected === null || bar.daysLeft === null)
        outlook = 'no end of the period of performance recorded';
      else if (bar.daysLeft < 0)
        outlook = `period of performance ended ${-bar.daysLeft} days ago, ${formatMoney(bar.atRisk)} at risk of lapsing`;
      else
        outlook = `${formatMoney(bar.projected)} spent by the end of the period of performance at the current burn rate, ${
          bar.atRisk > 0 ? `${formatMoney(bar.atRisk)} at risk of lapsing` : 'none at risk'
        }`;
      return `${bar.name}, ${bar.sourceId}: ${amounts}; ${outlook}.`;
    })
    .join(' ');
}

/**
 * The chart's paints on its dark background (`#11161d`): every part at least 3:1 against the
 * background and against what it is drawn on (the at-risk hatching crosses the obligated
 * fill, the expended bar sits in it), and the at-risk amber the warning colour of the budget page.
 */
export const executionColours = {
  background: chartBackground,
  awardedOutline: '#9aa4b1',
  obligated: '#36699a',
  expended: '#e8eef5',
  projected: '#ffffff',
  atRisk: '#f0b429',
} as const;
