import { formatMoney, type Run } from './budget-client.ts';

export type AllocationSegment = { source: string; amount: number; start: number };
export type AllocationBar = { area: string; total: number; segments: AllocationSegment[] };

/**
 * The plan's allocation as stacked bars: one bar per mission area, its segments the funding
 * sources laid end to end (`start` is the dollars before the segment). Areas and sources in
 * the table's order (alphabetical) so bar, legend and table read alike; empty segments left out.
 */
export function stackAllocation(allocation: Run['allocation']): { sources: string[]; bars: AllocationBar[] } {
  const sources = Object.keys(allocation.by_source).sort();
  const areas = Object.keys(allocation.by_mission_area).sort();
  const bars = areas.map((area) => {
    let total = 0;
    const segments: AllocationSegment[] = [];
    for (const source of sources) {
      const amount = allocation.by_mission_area_and_source[area]?.[source] ?? 0;
      if (!(amount > 0)) continue;
      segments.push({ source, amount, start: total });
      total += amount;
    }
    return { area, total, segments };
  });
  return { sources, bars };
}

/**
 * A dollar axis from 0 that ends on a round number at or past `max`, with about `count`
 * steps of 1, 2, 2.5 or 5 × 10ⁿ dollars.
 */
export function niceAxis(max: number, count = 5): { max: number; ticks: number[] } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, ticks: [0, 1] };
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  // The tolerance keeps a max that is already round (8,000,000.000001 after sums) from adding a step.
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: ticks[steps] as number, ticks };
}

const short = (value: number) => String(Number(value.toPrecision(6)));

/** An axis tick as short as it can be: `$0`, `$500K`, `$2.5M`. */
export function formatAxisMoney(value: number): string {
  if (value >= 1e6) return `$${short(value / 1e6)}M`;
  if (value >= 1e3) return `$${short(value / 1e3)}K`;
  return `$${short(value)}`;
}

/**
 * Distinct on the dark page and from each other under the common colour-vision deficiencies
 * (Okabe–Ito's hues, lightened where the original is too dark for a dark background), each
 * at least 3:1 against the chart's background and under its dark segment labels at 4.5:1.
 */
export const sourceColours = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#ff8c69', '#bdbdbd'];

export type Hatch = 'none' | 'forward' | 'back' | 'cross';
const hatches: Hatch[] = ['none', 'forward', 'back', 'cross'];

/**
 * How a source's segments are painted: its colour, and past the palette's length the colour
 * again under hatching of another direction each round, so two sources never look the same
 * (a portfolio has at most 24 sources: four rounds of seven).
 */
export function sourcePaint(index: number): { colour: string; hatch: Hatch } {
  return {
    colour: sourceColours[index % sourceColours.length] as string,
    hatch: hatches[Math.floor(index / sourceColours.length) % hatches.length] as Hatch,
  };
}

/** The chart's numbers in words for a screen reader: each area's total, then its sources. */
export function describeAllocation(bars: readonly AllocationBar[]): string {
  return bars
    .map(
      (bar) =>
        `${bar.area} ${formatMoney(bar.total)}${bar.segments.length ? ': ' : ''}${bar.segments
          .map((segment) => `${segment.source} ${formatMoney(segment.amount)}`)
          .join(', ')}`,
    )
    .join('; ');
}

/** A label cut to `chars` characters with an ellipsis, so a long mission area stays left of its bar. */
/** About how wide a character of the charts' 12 px labels is, to decide what fits where. */
export const labelCharWidth = 7.2;
/** The budget charts' dark background; their colours are chosen and tested against it. */
export const chartBackground = '#11161d';

export function fitLabel(label: string, chars: number): string {
  return label.length <= chars ? label : `${label.slice(0, Math.max(1, chars - 1))}…`;
}
