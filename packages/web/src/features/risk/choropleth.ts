import type { RiskCountySummary } from '@vigil/core/risk';

/** What the county colours show. */
export type ChoroplethMode = 'off' | 'risk' | 'hazard' | 'change';

/** Sequential classes, light to dark; the legend always names each class's range in text too. */
export const classColours = ['#fff5b0', '#fdcc5c', '#fd8d3c', '#e8452a', '#a50026'];
export const noDataColour = '#3a4a5c';

export function choroplethValue(
  county: RiskCountySummary,
  mode: ChoroplethMode,
  hazard: string,
): number | null {
  if (mode === 'risk') return county.riskValue;
  if (mode === 'hazard') return county.hazardEal[hazard] ?? null;
  if (mode === 'change') return county.projected ? county.projected.riskValueChangeRatio : null;
  return null;
}

/** Quantile breaks (5 classes) over the values that exist: skewed loss data needs quantiles, not equal steps. */
export function quantileBreaks(values: number[]): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return [1, 2, 3, 4].map(
    (k) => sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / 5))] as number,
  );
}

export function classOf(value: number, breaks: number[]): number {
  let index = 0;
  while (index < breaks.length && value > (breaks[index] as number)) index += 1;
  return index;
}

/** A MapLibre `match` expression: FIPS → colour. */
export function fillExpression(
  counties: RiskCountySummary[],
  mode: ChoroplethMode,
  hazard: string,
): { expression: unknown[]; breaks: number[] } {
  const values = counties.map((county) => choroplethValue(county, mode, hazard));
  const breaks = quantileBreaks(values.filter((v): v is number => v !== null));
  const pairs: string[] = [];
  counties.forEach((county, i) => {
    const value = values[i];
    pairs.push(
      county.stcofips,
      value === null || value === undefined ? noDataColour : (classColours[classOf(value, breaks)] as string),
    );
  });
  return { expression: ['match', ['get', 'fips'], ...pairs, noDataColour], breaks };
}
