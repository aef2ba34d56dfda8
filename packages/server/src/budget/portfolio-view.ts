import {
  availableAmounts,
  investmentWeight,
  type Marking,
  type Portfolio,
  type PortfolioDetail,
  type PortfolioSummary,
  totalCost,
} from '@vigil/core';
import { toMarkingView } from '../platform/access/marking-view.ts';
import type { BudgetRunTable } from '../platform/database/schema.ts';
import type { PortfolioRowWithMarking } from './budget.store.ts';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The presenter: names every field a client gets. */
export function toPortfolioSummary(
  row: PortfolioRowWithMarking,
  marking: Marking,
  portfolio: Portfolio,
  run: BudgetRunTable | undefined,
): PortfolioSummary {
  return {
    id: row.id,
    name: row.name,
    years: portfolio.years,
    first_fiscal_year: portfolio.first_fiscal_year ?? null,
    investments: portfolio.investments.length,
    sources: portfolio.sources.length,
    // What the optimizer can draw: nothing in a year past a source's period of performance.
    available: sum(availableAmounts(portfolio).flat()),
    asked: sum(portfolio.investments.map((inv) => sum(inv.cost_by_year))),
    marking: toMarkingView(marking),
    version: row.version,
    created_at: row.created_at,
    latest_run: run
      ? { id: run.id, status: run.status, objective: run.objective, gap: run.gap, created_at: run.created_at }
      : null,
  };
}

export function toPortfolioDetail(
  row: PortfolioRowWithMarking,
  marking: Marking,
  portfolio: Portfolio,
  run: BudgetRunTable | undefined,
): PortfolioDetail {
  return {
    ...toPortfolioSummary(row, marking, portfolio, run),
    rows: portfolio.investments.map((inv, i) => {
      const benefit = investmentWeight(portfolio, i);
      const cost = totalCost(portfolio, i);
      return {
        id: inv.id,
        name: inv.name ?? null,
        mission_area: inv.mission_area,
        category: inv.category,
        county: inv.county ?? null,
        core_capabilities: inv.core_capabilities ?? [],
        benefit,
        cost,
        benefit_per_dollar: cost > 0 ? benefit / cost : null,
        must_fund: inv.must_fund ?? false,
        eligible_sources: inv.eligible_sources,
      };
    }),
    portfolio: portfolio as unknown as Record<string, unknown>,
  };
}
