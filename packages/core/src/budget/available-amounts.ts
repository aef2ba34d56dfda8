/** What `availableAmounts` reads of a portfolio: parsed or as typed into the editor. */
type SourcesOverYears = {
  years: number;
  first_fiscal_year?: number | undefined;
  sources: readonly {
    amount_by_year: readonly number[];
    period_of_performance_end?: string | undefined;
  }[];
};

/** First day of federal fiscal year `fiscalYear` (it runs from 1 October of the year before). */
export function fiscalYearStart(fiscalYear: number): string {
  return `${String(fiscalYear - 1).padStart(4, '0')}-10-01`;
}

/**
 * Whether year `y` of the horizon begins after the source's period of performance has ended:
 * its money can no longer be obligated then, whatever amount the file lists. The years are
 * federal fiscal years from `first_fiscal_year`; without it they have no dates and nothing
 * lapses. A period that ends inside a year leaves that year's amount whole: the plan does not
 * see when within a year money is spent.
 */
export function isAfterPeriodOfPerformance(
  portfolio: Pick<SourcesOverYears, 'first_fiscal_year'>,
  source: SourcesOverYears['sources'][number],
  y: number,
): boolean {
  const end = source.period_of_performance_end;
  if (portfolio.first_fiscal_year === undefined || end === undefined) return false;
  // ISO dates compare as text.
  return fiscalYearStart(portfolio.first_fiscal_year + y) > end;
}

/**
 * Dollars each source can pay in each year: its amount, and nothing in a year that begins after
 * its period of performance. The optimizer's caps, the plan's checks, greedy and the frontier
 * all read this, so no path spends money that has lapsed.
 */
export function availableAmounts(portfolio: SourcesOverYears): number[][] {
  return portfolio.sources.map((source) =>
    Array.from({ length: portfolio.years }, (_, y) =>
      isAfterPeriodOfPerformance(portfolio, source, y) ? 0 : (source.amount_by_year[y] ?? 0),
    ),
  );
}
