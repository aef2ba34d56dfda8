import { availableAmounts } from './available-amounts.ts';
import { eligibleSources, investmentWeight, matchesSpendRule, totalCost } from './build-budget-model.ts';
import type { FundingSplit } from './evaluate-plan.ts';
import type { Portfolio } from './portfolio.ts';

export type GreedyPlan = { chosen: Set<string>; funding: FundingSplit; objective: number };

/**
 * The spreadsheet method, kept beside the optimum for comparison: must-fund items first,
 * then the rest by benefit per dollar, each taken when its prerequisites are in, nothing
 * it excludes is in, a maximum spend of its mission area or county still has room, and
 * each year's cost can be drawn from what is left of its eligible sources (within their
 * cost shares). It does not look ahead, so minimum shares and minimum spends hold only
 * by luck; `evaluatePlan` says whether they do.
 */
export function planGreedily(portfolio: Portfolio, capScale = 1): GreedyPlan {
  const { investments, sources, years } = portfolio;
  const left = availableAmounts(portfolio).map((amounts) => amounts.map((amount) => amount * capScale));
  const maxSpend = portfolio.rules.flatMap((rule) =>
    rule.kind === 'max_spend' ? [{ rule, room: rule.amount }] : [],
  );
  const chosen = new Set<string>();
  const funding: FundingSplit = new Map();
  /** Investments a chosen one excludes (exclusion goes both ways). */
  const blocked = new Set<string>();
  let objective = 0;
  const order = investments
    .map((inv, i) => {
      const cost = totalCost(portfolio, i);
      const weight = investmentWeight(portfolio, i);
      return { inv, i, cost, weight, ratio: cost > 0 ? weight / cost : Number.POSITIVE_INFINITY };
    })
    .sort((a, b) => Number(b.inv.must_fund ?? false) - Number(a.inv.must_fund ?? false) || b.ratio - a.ratio);

  for (const { inv, i, cost, weight } of order) {
    if (!(inv.must_fund ?? false) && weight <= 0) continue;
    if (!(inv.requires ?? []).every((other) => chosen.has(other))) continue;
    if ((inv.excludes ?? []).some((other) => chosen.has(other))) continue;
    if (blocked.has(inv.id)) continue;
    const limits = maxSpend.filter(({ rule }) => matchesSpendRule(inv, rule));
    if (limits.some((limit) => limit.room < cost)) continue;
    const eligible = eligibleSources(portfolio, i);
    const draw = new Map<string, number[]>();
    let ok = true;
    for (let y = 0; y < years && ok; y++) {
      let need = inv.cost_by_year[y] ?? 0;
      for (const s of eligible) {
        if (need <= 0) break;
        const source = sources[s];
        if (!source) continue;
        const ceiling = (source.max_cost_share ?? 1) * (inv.cost_by_year[y] ?? 0);
        const amount = Math.min(need, left[s]?.[y] ?? 0, ceiling);
        if (amount <= 0) continue;
        const row = draw.get(source.id) ?? Array.from({ length: years }, () => 0);
        row[y] = amount;
        draw.set(source.id, row);
        need -= amount;
      }
      if (need > 1e-6) ok = false;
    }
    if (!ok) continue;
    for (const [sourceId, amounts] of draw) {
      const s = sources.findIndex((source) => source.id === sourceId);
      amounts.forEach((amount, y) => {
        (left[s] as number[])[y] = (left[s]?.[y] ?? 0) - amount;
      });
    }
    for (const limit of limits) limit.room -= cost;
    chosen.add(inv.id);
    for (const other of inv.excludes ?? []) blocked.add(other);
    funding.set(inv.id, draw);
    objective += weight;
  }
  return { chosen, funding, objective };
}
