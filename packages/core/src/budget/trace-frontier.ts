import { availableAmounts } from './available-amounts.ts';
import { buildBudgetModel } from './build-budget-model.ts';
import type { Frontier } from './optimization-result.ts';
import { judgeGreedy } from './optimize-portfolio.ts';
import type { Portfolio } from './portfolio.ts';
import { solveBudgetModel } from './solve-budget-model.ts';

export const defaultFrontierScales = [0.25, 0.5, 0.75, 1, 1.25, 1.5] as const;

/**
 * The efficient frontier: the best benefit at each budget level, with all sources scaled
 * together so the grant rules keep their meaning, and the greedy plan's benefit beside it
 * (null where greedy breaks a rule). A level where the must-fund items do not fit is
 * reported infeasible.
 */
export async function traceFrontier(
  portfolio: Portfolio,
  options: { scales?: readonly number[]; timeLimit?: number } = {},
): Promise<Frontier> {
  const available = availableAmounts(portfolio)
    .flat()
    .reduce((a, b) => a + b, 0);
  const points: Frontier['points'] = [];
  for (const scale of options.scales ?? defaultFrontierScales) {
    const scaledPortfolio: Portfolio = {
      ...portfolio,
      sources: portfolio.sources.map((source) => ({
        ...source,
        amount_by_year: source.amount_by_year.map((amount) => amount * scale),
      })),
    };
    const model = buildBudgetModel(scaledPortfolio);
    const solved = await solveBudgetModel(model, { timeLimit: options.timeLimit ?? 10 });
    const greedy = await judgeGreedy(scaledPortfolio, model);
    points.push({
      scale,
      budget: available * scale,
      status: solved.status,
      objective: solved.objective ?? null,
      bound: solved.bound ?? null,
      greedy: greedy.satisfies ? greedy.greedy.objective : null,
    });
  }
  return { points };
}
