import { type ExecutionEntry, type ExecutionSummaryView, summarizeExecution } from '@vigil/core/budget';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../ui/contrast-ratio.ts';
import {
  describeExecution,
  executionColours,
  projectExecution,
  projectSpend,
  scaleDollars,
} from './project-execution.ts';

type Line = ExecutionSummaryView['lines'][number];

const line = (over: Partial<Line> & Pick<Line, 'investment_id' | 'source_id'>): Line => ({
  awarded: 0,
  obligated: 0,
  expended: 0,
  burn_per_day: 0,
  days_left: null,
  at_risk: 0,
  warning: null,
  ...over,
});

// The demo's three lines, roughly as the seeded portfolio shows them in late 2026.
const slow = line({
  investment_id: 'eoc-backup-power',
  source_id: 'EMPG',
  awarded: 1_100_000,
  obligated: 150_000,
  expended: 40_000,
  burn_per_day: 40_000 / 300,
  days_left: 305,
  at_risk: 1_100_000 - 40_000 - (40_000 / 300) * 305,
});
const steady = line({
  investment_id: 'hospital-generators',
  source_id: 'UASI',
  awarded: 800_000,
  obligated: 760_000,
  expended: 410_000,
  burn_per_day: 410_000 / 240,
  days_left: 1006,
});
const done = line({
  investment_id: 'fusion-center-analysts',
  source_id: 'SHSP',
  awarded: 480_000,
  obligated: 480_000,
  expended: 300_000,
  burn_per_day: 1_250,
  days_left: 1006,
});
const names = new Map([
  ['eoc-backup-power', 'Backup power and HVAC for the state EOC'],
  ['hospital-generators', 'Hospital generators'],
]);

describe('projectSpend', () => {
  it('adds the burn rate over the days left, up to the award', () => {
    expect(projectSpend(slow)).toBeCloseTo(40_000 + (40_000 / 300) * 305, 6);
    expect(projectSpend(steady)).toBe(800_000);
  });

  it('adds nothing once the period has ended, and never goes below what is spent', () => {
    expect(projectSpend({ awarded: 500, expended: 200, burn_per_day: 10, days_left: -4 })).toBe(200);
    expect(projectSpend({ awarded: 500, expended: 700, burn_per_day: 10, days_left: 30 })).toBe(700);
  });

  it('has nothing to project without an end of the period of performance', () => {
    expect(projectSpend({ awarded: 500, expended: 200, burn_per_day: 10, days_left: null })).toBeNull();
  });

  it('leaves of the award exactly what core counts as at risk', () => {
    const entry = (
      investment_id: string,
      source_id: string,
      kind: ExecutionEntry['kind'],
      amount: number,
      on: string,
    ): ExecutionEntry => ({ investment_id, source_id, kind, amount, on });
    const summary = summarizeExecution(
      [
        entry('a', 'EMPG', 'award', 1_100_000, '2026-02-01'),
        entry('a', 'EMPG', 'expenditure', 40_000, '2026-09-01'),
        entry('b', 'UASI', 'award', 800_000, '2026-03-01'),
        entry('b', 'UASI', 'expenditure', 410_000, '2026-10-01'),
        entry('c', 'OLD', 'award', 300_000, '2025-01-01'),
        entry('c', 'OLD', 'expenditure', 120_000, '2025-06-01'),
        entry('d', 'EMPG', 'award', 100_000, '2026-01-01'),
        entry('d', 'EMPG', 'expenditure', 130_000, '2026-05-01'),
        entry('e', 'NONE', 'award', 90_000, '2026-01-01'),
      ],
      new Map([
        ['EMPG', '2027-09-30'],
        ['UASI', '2029-08-31'],
        ['OLD', '2026-06-30'],
      ]),
      '2026-11-29',
    );
    expect(summary.lines.some((l) => l.at_risk > 0)).toBe(true);
    for (const l of summary.lines) {
      const projected = projectSpend(l);
      if (projected === null) expect(l.at_risk, l.investment_id).toBe(0);
      else expect(Math.max(0, l.awarded - projected), l.investment_id).toBeCloseTo(l.at_risk, 6);
    }
  });
});

describe('projectExecution', () => {
  it('puts the most money at risk first, then the most left unspent, named as the candidates are', () => {
    const { bars } = projectExecution([done, steady, slow], names);
    expect(bars.map((bar) => [bar.key, bar.name, bar.sourceId])).toEqual([
      ['eoc-backup-power/EMPG', 'Backup power and HVAC for the state EOC', 'EMPG'],
      ['hospital-generators/UASI', 'Hospital generators', 'UASI'],
      // No name in the portfolio any more: the ID stands in.
      ['fusion-center-analysts/SHSP', 'fusion-center-analysts', 'SHSP'],
    ]);
  });

  it('ends the at-risk stretch at the award and starts it where the projected spend ends', () => {
    const [bar] = projectExecution([slow], names).bars;
    expect(bar?.atRisk).toBeCloseTo(slow.at_risk, 6);
    expect(bar?.atRiskStart).toBeCloseTo(bar?.projected ?? Number.NaN, 6);
    expect((bar?.atRiskStart ?? 0) + (bar?.atRisk ?? 0)).toBe(1_100_000);
  });

  it('fits every part of every bar on the axis, overspending included', () => {
    const over = line({ investment_id: 'x', source_id: 'S', awarded: 100, obligated: 900, expended: 1_200 });
    const { bars, axis } = projectExecution([slow, over], names);
    expect(bars.map((bar) => bar.extent)).toEqual([1_100_000, 1_200]);
    expect(axis.max).toBeGreaterThanOrEqual(1_100_000);
    expect(axis.ticks[0]).toBe(0);
    expect(axis.ticks.at(-1)).toBe(axis.max);
  });

  it('never draws more at risk than was awarded', () => {
    const odd = line({ investment_id: 'x', source_id: 'S', awarded: 100, at_risk: 250, days_left: 3 });
    const [bar] = projectExecution([odd], names).bars;
    expect([bar?.atRisk, bar?.atRiskStart]).toEqual([100, 0]);
  });
});

describe('scaleDollars', () => {
  it('maps 0 … max dollars onto 0 … the plot width, and nothing below 0', () => {
    const x = scaleDollars(1_250_000, 500);
    expect([x(0), x(250_000), x(1_250_000), x(-10)]).toEqual([0, 100, 500, 0]);
  });
});

describe('describeExecution', () => {
  it('reads out each bar’s numbers and outlook in the chart’s order', () => {
    const ended = line({
      investment_id: 'old',
      source_id: 'OLD',
      awarded: 300_000,
      obligated: 300_000,
      expended: 120_000,
      days_left: -152,
      at_risk: 180_000,
    });
    const open = line({ investment_id: 'open', source_id: 'STATE', awarded: 90_000 });
    const { bars } = projectExecution([steady, ended, open], names);
    expect(describeExecution(bars)).toBe(
      'old, OLD: awarded $300,000, obligated $300,000, expended $120,000; period of performance ended 152 days ago, $180,000 at risk of lapsing. ' +
        'Hospital generators, UASI: awarded $800,000, obligated $760,000, expended $410,000; $800,000 spent by the end of the period of performance at the current burn rate, none at risk. ' +
        'open, STATE: awarded $90,000, obligated $0, expended $0; no end of the period of performance recorded.',
    );
  });
});

describe('executionColours', () => {
  it('keeps every part 3:1 from the background and from what it is drawn over', () => {
    const c = executionColours;
    for (const part of [c.awardedOutline, c.obligated, c.expended, c.projected, c.atRisk]) {
      expect(contrastRatio(part, c.background), part).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio(c.atRisk, c.obligated), 'hatching over the obligated fill').toBeGreaterThanOrEqual(
      3,
    );
    expect(contrastRatio(c.expended, c.obligated), 'expended inside obligated').toBeGreaterThanOrEqual(3);
    // The amber labels the at-risk dollars in text, so it must read as text does.
    expect(contrastRatio(c.atRisk, c.background)).toBeGreaterThanOrEqual(4.5);
  });
});
