import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../ui/contrast-ratio.ts';
import {
  chartBackground,
  describeAllocation,
  fitLabel,
  formatAxisMoney,
  niceAxis,
  sourceColours,
  sourcePaint,
  stackAllocation,
} from './stack-allocation.ts';

const allocation = {
  by_source: { STATE: 2_750_000, BRIC: 7_000_000, EMPG: 112_500 },
  by_mission_area: { Response: 1_000_000, Mitigation: 8_862_500 },
  by_mission_area_and_source: {
    Mitigation: { STATE: 1_750_000, BRIC: 7_000_000, EMPG: 112_500 },
    Response: { STATE: 1_000_000, BRIC: 0 },
  },
};

describe('stackAllocation', () => {
  it('lays each area’s sources end to end in the table’s order, leaving out empty ones', () => {
    const { sources, bars } = stackAllocation(allocation);
    expect(sources).toEqual(['BRIC', 'EMPG', 'STATE']);
    expect(bars).toEqual([
      {
        area: 'Mitigation',
        total: 8_862_500,
        segments: [
          { source: 'BRIC', amount: 7_000_000, start: 0 },
          { source: 'EMPG', amount: 112_500, start: 7_000_000 },
          { source: 'STATE', amount: 1_750_000, start: 7_112_500 },
        ],
      },
      { area: 'Response', total: 1_000_000, segments: [{ source: 'STATE', amount: 1_000_000, start: 0 }] },
    ]);
  });

  it('keeps an area with no money as an empty bar', () => {
    const { bars } = stackAllocation({
      by_source: { SHSP: 5 },
      by_mission_area: { Recovery: 0, Response: 5 },
      by_mission_area_and_source: { Response: { SHSP: 5 } },
    });
    expect(bars.map((bar) => [bar.area, bar.total, bar.segments.length])).toEqual([
      ['Recovery', 0, 0],
      ['Response', 5, 1],
    ]);
  });
});

describe('niceAxis', () => {
  it('ends on a round number at or past the largest bar, in steps of 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect(niceAxis(10_050_000)).toEqual({
      max: 12_500_000,
      ticks: [0, 2_500_000, 5_000_000, 7_500_000, 10_000_000, 12_500_000],
    });
    expect(niceAxis(8_000_000)).toEqual({ max: 8_000_000, ticks: [0, 2e6, 4e6, 6e6, 8e6] });
    // A sum a hair past a round number does not add a step.
    expect(niceAxis(8_000_000.000001).max).toBe(8_000_000);
    expect(niceAxis(730).ticks).toEqual([0, 200, 400, 600, 800]);
    expect(niceAxis(0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('answers a unit axis when there is nothing to draw', () => {
    expect(niceAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceAxis(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });
});

describe('formatAxisMoney', () => {
  it('writes ticks short', () => {
    expect([0, 500, 2_500, 500_000, 2_000_000, 2_500_000, 12_500_000].map(formatAxisMoney)).toEqual([
      '$0',
      '$500',
      '$2.5K',
      '$500K',
      '$2M',
      '$2.5M',
      '$12.5M',
    ]);
  });
});

describe('source colours', () => {
  it('stand out from the dark chart and page (3:1) and carry dark labels (4.5:1)', () => {
    for (const colour of sourceColours) {
      expect(contrastRatio(colour, chartBackground), colour).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(colour, '#0b1220'), colour).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(sourceColours).size).toBe(sourceColours.length);
  });

  it('never paint two of a portfolio’s 24 sources alike', () => {
    const paints = Array.from({ length: 24 }, (_, i) => sourcePaint(i));
    expect(new Set(paints.map((paint) => `${paint.colour} ${paint.hatch}`)).size).toBe(24);
    expect(paints[0]).toEqual({ colour: sourceColours[0], hatch: 'none' });
    expect(paints[sourceColours.length]).toEqual({ colour: sourceColours[0], hatch: 'forward' });
  });
});

describe('describeAllocation', () => {
  it('says each area’s total and its sources', () => {
    expect(describeAllocation(stackAllocation(allocation).bars)).toBe(
      'Mitigation $8.86M: BRIC $7.00M, EMPG $112,500, STATE $1.75M; Response $1.00M: STATE $1.00M',
    );
  });
});

describe('fitLabel', () => {
  it('cuts a long label with an ellipsis and leaves a short one', () => {
    expect(fitLabel('Response', 15)).toBe('Response');
    expect(fitLabel('Long-term Vulnerability Reduction', 15)).toBe('Long-term Vuln…');
    expect(fitLabel('Long-term Vulnerability Reduction', 15)).toHaveLength(15);
  });
});
