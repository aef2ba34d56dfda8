import { buildBudgetModel } from './build-budget-model.ts';
import { findRuleConflicts } from './find-rule-conflicts.ts';
import type { OptimizationResult, WhyNot } from './optimization-result.ts';
import { planFromSolution } from './optimize-portfolio.ts';
import type { Portfolio } from './portfolio.ts';
import { solveBudgetModel } from './solve-budget-model.ts';

const money = (value: number) => `$${Math.round(Math.abs(value)).toLocaleString('en-US')}`;

/**
 * "Why not this one?": solve again with the investment forced the other way and report
 * the change in benefit, what it would displace (or bring in), or, when the rules cannot
 * accommodate it at all, which rules stand in the way.
 */
export async function explainChoice(
  portfolio: Portfolio,
  optimum: Pick<OptimizationResult, 'objective' | 'selected'>,
  investmentId: string,
  options: { timeLimit?: number } = {},
): Promise<WhyNot> {
  const index = portfolio.investments.findIndex((inv) => inv.id === investmentId);
  if (index < 0) throw new RangeError(`no investment ${investmentId} in the portfolio`);
  const chosen = optimum.selected.some((item) => item.id === investmentId);
  const forced = chosen ? 'out' : 'in';
  const model = buildBudgetModel(portfolio);
  const fix = new Map([[index, chosen ? 0 : 1]]);
  const solved = await solveBudgetModel(model, { fix, timeLimit: options.timeLimit ?? 20 });
  const before = new Set(optimum.selected.map((item) => item.id));
  if (!solved.colValue || solved.objective === undefined) {
    const conflicts =
      solved.status === 'infeasible' ? await findRuleConflicts(portfolio, model, { fix }) : [];
    const rules = conflicts.map((c) => c.label).join('; ');
    return {
      id: investmentId,
      chosen,
      forced,
      status: solved.status,
      objective: null,
      objective_change: null,
      displaced: [],
      added: [],
      conflicts,
      reason: chosen
        ? `cannot be left out: ${rules || 'no plan found in the time limit'}`
        : `cannot be funded under the rules: ${rules || 'no plan found in the time limit'}`,
    };
  }
  const plan = planFromSolution(portfolio, model, solved.colValue);
  const objective = portfolio.investments.reduce(
    (sum, inv, i) => sum + (plan.chosen.has(inv.id) ? (model.weights[i] ?? 0) : 0),
    0,
  );
  const change = objective - (optimum.objective ?? 0);
  const displaced = [...before].filter((id) => !plan.chosen.has(id) && id !== investmentId);
  const added = [...plan.chosen].filter((id) => !before.has(id) && id !== investmentId);
  const lost = change < -0.005;
  const reason = chosen
    ? lost
      ? `chosen: leaving it out loses ${money(change)} of benefit`
      : 'chosen, though an equally good plan leaves it out'
    : lost
      ? `not chosen: funding it loses ${money(change)} of benefit${displaced.length ? ` (it displaces ${displaced.join(', ')})` : ''}`
      : 'not chosen, though an equally good plan funds it';
  return {
    id: investmentId,
    chosen,
    forced,
    status: solved.status,
    objective,
    objective_change: change,
    displaced,
    added,
    conflicts: [],
    reason,
  };
}
