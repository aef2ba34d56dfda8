import { availableAmounts, isAfterPeriodOfPerformance } from './available-amounts.ts';
import { eligibleSources, matchesSpendRule, totalCost } from './build-budget-model.ts';
import { describeRule, isShareRule, type Portfolio } from './portfolio.ts';

/** Dollars per investment, source id and year: how a plan pays for what it chose. */
export type FundingSplit = Map<string, Map<string, number[]>>;

export type Plan = { chosen: ReadonlySet<string>; funding: FundingSplit };

export type RuleCheck = {
  /** Stable key: `cap:SHSP:2`, `rule:4`, `cost-share:BRIC:proj-7:1`, `requires:a:b`, … */
  key: string;
  kind:
    | 'source_cap'
    | 'cost_share'
    | 'min_share'
    | 'max_share'
    | 'min_spend'
    | 'max_spend'
    | 'requires'
    | 'excludes'
    | 'must_fund'
    | 'coverage'
    | 'eligibility';
  label: string;
  /** What the plan does (dollars, or a share for share rules). */
  value: number;
  /** The bound the rule sets. */
  limit: number;
  /** How far inside the bound the plan stays (negative: broken). */
  slack: number;
  satisfied: boolean;
  binding: boolean;
};

const cents = 0.01;

/** Tolerance for money sums: a cent, or a part in 10⁹ of large sums (floating point). */
function tolerance(scale: number): number {
  return Math.max(cents, Math.abs(scale) * 1e-9);
}

/**
 * Checks a plan against every rule of the portfolio, independently of how it was found:
 * the optimizer's plans, greedy plans and hand-made plans are all judged by this one
 * function. Binding = satisfied with (almost) no slack left.
 */
export function evaluatePlan(portfolio: Portfolio, plan: Plan): RuleCheck[] {
  const { investments, sources, years } = portfolio;
  const checks: RuleCheck[] = [];
  const push = (check: Omit<RuleCheck, 'satisfied' | 'binding'>, scale: number) => {
    const tol = tolerance(scale);
    checks.push({
      ...check,
      satisfied: check.slack >= -tol,
      binding: Math.abs(check.slack) <= Math.max(1, Math.abs(scale) * 1e-6),
    });
  };
  const drawn = sources.map(() => Array.from({ length: years }, () => 0));
  const sourceIndex = new Map(sources.map((source, s) => [source.id, s]));
  const chosen = investments.map((inv) => plan.chosen.has(inv.id));

  investments.forEach((inv, i) => {
    const split = plan.funding.get(inv.id);
    const allowed = new Set(eligibleSources(portfolio, i).map((s) => sources[s]?.id));
    for (const [sourceId, amounts] of split ?? []) {
      const s = sourceIndex.get(sourceId);
      const total = amounts.reduce((a, b) => a + b, 0);
      if (total > cents && (!allowed.has(sourceId) || !chosen[i] || s === undefined)) {
        push(
          {
            key: `eligibility:${inv.id}:${sourceId}`,
            kind: 'eligibility',
            label: `${inv.id} drawn on ${sourceId}, which may not pay for it`,
            value: total,
            limit: 0,
            slack: -total,
          },
          total,
        );
      }
      if (s === undefined) continue;
      amounts.forEach((amount, y) => {
        (drawn[s] as number[])[y] = (drawn[s]?.[y] ?? 0) + amount;
      });
    }
    if (!chosen[i]) return;
    for (let y = 0; y < years; y++) {
      const cost = inv.cost_by_year[y] ?? 0;
      let paid = 0;
      for (const amounts of split?.values() ?? []) paid += amounts[y] ?? 0;
      if (Math.abs(paid - cost) > tolerance(cost)) {
        push(
          {
            key: `coverage:${inv.id}:${y}`,
            kind: 'coverage',
            label: `${inv.id} year ${y + 1}: funding must equal its cost`,
            value: paid,
            limit: cost,
            slack: -Math.abs(paid - cost),
          },
          cost,
        );
      }
      for (const [sourceId, amounts] of split ?? []) {
        const share = sources[sourceIndex.get(sourceId) ?? -1]?.max_cost_share;
        if (share === undefined || share >= 1) continue;
        const amount = amounts[y] ?? 0;
        push(
          {
            key: `cost-share:${sourceId}:${inv.id}:${y}`,
            kind: 'cost_share',
            label: `${sourceId} pays at most ${(share * 100).toFixed(0)} % of ${inv.id} in year ${y + 1}`,
            value: amount,
            limit: share * cost,
            slack: share * cost - amount,
          },
          cost,
        );
      }
    }
  });

  const available = availableAmounts(portfolio);
  sources.forEach((source, s) => {
    for (let y = 0; y < years; y++) {
      const cap = available[s]?.[y] ?? 0;
      const value = drawn[s]?.[y] ?? 0;
      const after = isAfterPeriodOfPerformance(portfolio, source, y);
      // Lapsed money is no limit a plan sits on: checked only when a plan draws on it (and so breaks it).
      if (after && value <= tolerance(cap)) continue;
      const lapsed = after
        ? ` (none: its period of performance ended ${source.period_of_performance_end})`
        : '';
      push(
        {
          key: `cap:${source.id}:${y}`,
          kind: 'source_cap',
          label: `${source.name ?? source.id} available in year ${y + 1}${lapsed}`,
          value,
          limit: cap,
          slack: cap - value,
        },
        cap,
      );
    }
  });

  portfolio.rules.forEach((rule, r) => {
    const label = describeRule(rule, r);
    if (isShareRule(rule)) {
      const ruleSources = new Set(rule.sources);
      let all = 0;
      let category = 0;
      investments.forEach((inv) => {
        for (const [sourceId, amounts] of plan.funding.get(inv.id) ?? []) {
          if (!ruleSources.has(sourceId)) continue;
          const total = amounts.reduce((a, b) => a + b, 0);
          all += total;
          if (inv.category === rule.category) category += total;
        }
      });
      // Compared in dollars (category − share × all) so an empty draw satisfies both kinds.
      const margin = rule.kind === 'min_share' ? category - rule.share * all : rule.share * all - category;
      push(
        {
          key: `rule:${r}`,
          kind: rule.kind,
          label,
          value: all > 0 ? category / all : 0,
          limit: rule.share,
          slack: margin,
        },
        all,
      );
      return;
    }
    let spend = 0;
    investments.forEach((inv, i) => {
      if (chosen[i] && matchesSpendRule(inv, rule)) spend += totalCost(portfolio, i);
    });
    const slack = rule.kind === 'min_spend' ? spend - rule.amount : rule.amount - spend;
    push({ key: `rule:${r}`, kind: rule.kind, label, value: spend, limit: rule.amount, slack }, rule.amount);
  });

  const byId = new Map(investments.map((inv, i) => [inv.id, i]));
  investments.forEach((inv, i) => {
    if (inv.must_fund) {
      push(
        {
          key: `must-fund:${inv.id}`,
          kind: 'must_fund',
          label: `${inv.id} must be funded`,
          value: chosen[i] ? 1 : 0,
          limit: 1,
          slack: chosen[i] ? 0 : -1,
        },
        0,
      );
    }
    if (!chosen[i]) return;
    for (const other of inv.requires ?? []) {
      const ok = chosen[byId.get(other) ?? -1] === true;
      push(
        {
          key: `requires:${inv.id}:${other}`,
          kind: 'requires',
          label: `${inv.id} requires ${other}`,
          value: ok ? 1 : 0,
          limit: 1,
          slack: ok ? 0 : -1,
        },
        0,
      );
    }
    for (const other of inv.excludes ?? []) {
      const ok = chosen[byId.get(other) ?? -1] !== true;
      push(
        {
          key: `excludes:${inv.id}:${other}`,
          kind: 'excludes',
          label: `${inv.id} excludes ${other}`,
          value: ok ? 0 : 1,
          limit: 0,
          slack: ok ? 0 : -1,
        },
        0,
      );
    }
  });
  return checks;
}

/** The broken rules of a plan, or none. */
export function brokenRules(checks: readonly RuleCheck[]): RuleCheck[] {
  return checks.filter((check) => !check.satisfied);
}
