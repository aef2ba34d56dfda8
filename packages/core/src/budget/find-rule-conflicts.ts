import { type BudgetModel, ruleGroups } from './build-budget-model.ts';
import type { RuleConflict } from './optimization-result.ts';
import { describeRule, type Portfolio } from './portfolio.ts';
import { type SolveOptions, solveBudgetModel } from './solve-budget-model.ts';

/** Human words for a rule group. */
export function describeGroup(portfolio: Portfolio, group: string): string {
  if (group === ruleGroups.mustFund) {
    const items = portfolio.investments.filter((inv) => inv.must_fund).map((inv) => inv.id);
    return `must-fund items (${items.join(', ')})`;
  }
  if (group === ruleGroups.prerequisites) return 'prerequisites between investments';
  if (group === ruleGroups.exclusions) return 'mutually exclusive alternatives';
  const [kind, rest = ''] = [group.slice(0, group.indexOf(':')), group.slice(group.indexOf(':') + 1)];
  if (kind === 'cap') return `yearly amounts of ${rest}`;
  if (kind === 'cost-share') return `cost-share ceiling of ${rest}`;
  if (kind === 'rule') {
    const index = Number(rest);
    const rule = portfolio.rules[index];
    return rule ? describeRule(rule, index) : group;
  }
  return group;
}

async function feasible(
  model: BudgetModel,
  base: SolveOptions,
  drop: Set<string>,
): Promise<boolean | undefined> {
  const result = await solveBudgetModel(model, {
    ...base,
    dropGroups: drop,
    feasibilityOnly: true,
    timeLimit: base.timeLimit ?? 5,
  });
  if (result.status === 'infeasible') return false;
  if (result.objective !== undefined) return true;
  return undefined;
}

/**
 * Which rules conflict: a deletion filter over rule ruleGroups (Chinneck's IIS method at the
 * level a budget officer reasons in). Starting from every group, each group is switched
 * off in turn; if the rest is still infeasible it was not needed for the conflict and
 * stays off. What remains cannot all hold at once, and dropping any one of them makes
 * the portfolio feasible. An inconclusive solve (time limit) keeps the group, so the set
 * may be larger than minimal, never wrong.
 */
export async function findRuleConflicts(
  portfolio: Portfolio,
  model: BudgetModel,
  base: SolveOptions = {},
): Promise<RuleConflict[]> {
  const all = new Set(model.rows.map((row) => row.group).filter((group) => group !== ruleGroups.structure));
  if (model.mustFund.length) all.add(ruleGroups.mustFund);
  if ((await feasible(model, base, new Set())) !== false) return [];
  if ((await feasible(model, base, all)) === false) {
    // Not even without any rule: the forced choices themselves (e.g. an item with no eligible source).
    return [
      {
        group: 'structure',
        label: 'an investment forced into the plan has no eligible source to pay for it',
      },
    ];
  }
  const needed = new Set(all);
  for (const group of all) {
    const trial = new Set(needed);
    trial.delete(group);
    const drop = new Set([...all].filter((g) => !trial.has(g)));
    if ((await feasible(model, base, drop)) === false) needed.delete(group);
  }
  return [...needed].map((group) => ({ group, label: describeGroup(portfolio, group) }));
}
