import { isAfterPeriodOfPerformance } from './available-amounts.ts';
import { type BudgetModel, buildBudgetModel, totalCost } from './build-budget-model.ts';
import { brokenRules, evaluatePlan, type FundingSplit, type Plan, type RuleCheck } from './evaluate-plan.ts';
import { findRuleConflicts } from './find-rule-conflicts.ts';
import { planGreedily } from './greedy-plan.ts';
import type { OptimizationResult } from './optimization-result.ts';
import type { Portfolio } from './portfolio.ts';
import { solveAroundRelaxation } from './solve-around-relaxation.ts';
import { type SolveProgress, type SolveResult, solveBudgetModel } from './solve-budget-model.ts';
import { type Clock, startSolveTimer } from './solve-timer.ts';

/** Above this many investments the search starts from the LP relaxation (see solveAroundRelaxation). */
export const relaxationSearchFrom = 1000;

/**
 * HiGHS tuned for portfolios of up to a thousand investments, measured on six generated
 * 200-investment instances (seeds 2026–2030 and 7; docs/modules/budget.md):
 * - presolve off: it gains nothing on this model (few rows, no redundant columns) and its
 *   reductions cost the branch and bound (the proof took 7–14 s without it against 14–40 s
 *   with it on seed 2026 when first measured);
 * - the RINS and RENS sub-MIP heuristics off: plans are found early here and those sub-MIPs
 *   cost root time: 28.5 s → 18.9 s over the six instances (faster of two runs each), faster
 *   on five, slower on one (seed 2030: 3.3 s → 4.6 s).
 */
const wholeModelTuning = {
  presolve: 'off',
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
} as const;

export type OptimizeOptions = {
  /** Seconds for the main solve (default 30). */
  timeLimit?: number;
  /** Stop once the plan is proven this close to the optimum (default 1e-6). */
  mipRelGap?: number;
  /** Report the greedy heuristic beside the optimum (default true). */
  withGreedy?: boolean;
  /** Report LP duals of the source caps (default true). */
  withDuals?: boolean;
  /** Told where the search stands while it runs (seconds counted from the start of the whole answer). */
  onProgress?: (progress: SolveProgress) => void;
  /**
   * The caller's monotonic clock in milliseconds (`performance.now`): core reads none. Without
   * it, `seconds` and the time limit count the solver runs' own time (see startSolveTimer).
   */
  clock?: Clock;
};

const binaryCut = 0.5;
const finishReserveSeconds = 0.5;

/** Turns solver columns into a plan: chosen ids and each member's share of its unit's funding. */
export function planFromSolution(portfolio: Portfolio, model: BudgetModel, colValue: Float64Array): Plan {
  const { investments, sources, years } = portfolio;
  const chosen = new Set<string>();
  investments.forEach((inv, i) => {
    if ((colValue[i] ?? 0) > binaryCut) chosen.add(inv.id);
  });
  const funding: FundingSplit = new Map();
  for (const unit of model.units) {
    for (let y = 0; y < years; y++) {
      const mix = unit.sources.map((s) => {
        const col = unit.flowCol[s]?.[y] ?? -1;
        return { s, amount: col >= 0 ? Math.max(0, colValue[col] ?? 0) : 0 };
      });
      const pooled = mix.reduce((a, b) => a + b.amount, 0);
      if (pooled <= 0) continue;
      for (const i of unit.members) {
        const inv = investments[i];
        const cost = inv?.cost_by_year[y] ?? 0;
        if (!inv || cost <= 0 || !chosen.has(inv.id)) continue;
        const split = funding.get(inv.id) ?? new Map<string, number[]>();
        for (const { s, amount } of mix) {
          if (amount <= 0) continue;
          const id = sources[s]?.id ?? '';
          const row = split.get(id) ?? Array.from({ length: years }, () => 0);
          row[y] = (cost * amount) / pooled;
          split.set(id, row);
        }
        funding.set(inv.id, split);
      }
    }
  }
  return { chosen, funding };
}

function view(check: RuleCheck) {
  return {
    key: check.key,
    kind: check.kind,
    label: check.label,
    value: check.value,
    limit: check.limit,
    slack: check.slack,
  };
}

const numericKinds = new Set(['source_cap', 'min_share', 'max_share', 'min_spend', 'max_spend']);

function allocationOf(portfolio: Portfolio, plan: Plan): OptimizationResult['allocation'] {
  const bySource: Record<string, number> = {};
  const byArea: Record<string, number> = {};
  const byBoth: Record<string, Record<string, number>> = {};
  for (const inv of portfolio.investments) {
    if (!plan.chosen.has(inv.id)) continue;
    for (const [source, amounts] of plan.funding.get(inv.id) ?? []) {
      const total = amounts.reduce((a, b) => a + b, 0);
      bySource[source] = (bySource[source] ?? 0) + total;
      byArea[inv.mission_area] = (byArea[inv.mission_area] ?? 0) + total;
      const area = byBoth[inv.mission_area] ?? {};
      area[source] = (area[source] ?? 0) + total;
      byBoth[inv.mission_area] = area;
    }
  }
  return { by_source: bySource, by_mission_area: byArea, by_mission_area_and_source: byBoth };
}

/** A greedy plan is judged fairly: could any funding split of its choices keep every rule? */
async function judgeGreedy(portfolio: Portfolio, model: BudgetModel, capScale = 1) {
  const greedy = planGreedily(portfolio, capScale);
  const fix = new Map(portfolio.investments.map((inv, i) => [i, greedy.chosen.has(inv.id) ? 1 : 0]));
  const fixed = await solveBudgetModel(model, { fix, feasibilityOnly: true, relax: true, timeLimit: 10 });
  const satisfies = fixed.colValue !== undefined && fixed.status === 'optimal';
  const broken = satisfies ? [] : brokenRules(evaluatePlan(portfolio, greedy));
  return { greedy, satisfies, broken, solverSeconds: fixed.seconds };
}

export { judgeGreedy };

/**
 * Chooses investments and splits their funding to maximize benefit under every grant rule,
 * and says how good the plan is: the proven bound and gap, the rules that bind, the
 * marginal value of each source's dollars, and the greedy plan beside it. An infeasible
 * portfolio answers with the rules that conflict instead of a plan.
 */
export async function optimizePortfolio(
  portfolio: Portfolio,
  options: OptimizeOptions = {},
): Promise<OptimizationResult> {
  const timer = startSolveTimer(options.clock);
  const model = buildBudgetModel(portfolio);
  const greedyJudged = options.withGreedy === false ? undefined : await judgeGreedy(portfolio, model);
  timer.spent(greedyJudged?.solverSeconds ?? 0);
  const start =
    greedyJudged?.satisfies === true
      ? portfolio.investments.map((inv) => (greedyJudged.greedy.chosen.has(inv.id) ? 1 : 0))
      : undefined;
  const timeLimit = options.timeLimit ?? 30;
  const mipRelGap = options.mipRelGap ?? 1e-6;
  // The time limit covers the whole answer: what greedy took comes off the search, and the plan's
  // checks after it (a fraction of a second on 5,000 investments) are kept inside the limit too.
  const elapsedBefore = timer.seconds();
  const left = Math.max(1, timeLimit - finishReserveSeconds - elapsedBefore);
  const report = options.onProgress;
  const onProgress = report
    ? (progress: SolveProgress) => report({ ...progress, seconds: elapsedBefore + progress.seconds })
    : undefined;
  const solved: SolveResult =
    model.numChoices > relaxationSearchFrom
      ? await solveAroundRelaxation(model, {
          timeLimit: left,
          ...(options.clock ? { clock: options.clock } : {}),
          mipRelGap,
          ...(start ? { start } : {}),
          ...(onProgress ? { onProgress } : {}),
        })
      : await solveBudgetModel(model, {
          timeLimit: left,
          mipRelGap,
          highs: wholeModelTuning,
          ...(start ? { start } : {}),
          ...(onProgress ? { onProgress } : {}),
        });
  timer.spent(solved.seconds);
  const relaxation = options.withDuals === false ? undefined : await solveBudgetModel(model, { relax: true });
  timer.spent(relaxation?.seconds ?? 0);
  const greedy = greedyJudged
    ? {
        objective: greedyJudged.greedy.objective,
        selected: [...greedyJudged.greedy.chosen],
        satisfies_rules: greedyJudged.satisfies,
        broken: greedyJudged.broken.map(view),
      }
    : null;
  const marginal: OptimizationResult['marginal_values'] = [];
  if (relaxation?.rowDual) {
    relaxation.rowNames.forEach((name, r) => {
      const match = /^cap_(\d+)_(\d+)$/.exec(name);
      if (!match) return;
      const sourceEntry = portfolio.sources[Number(match[1])];
      const year = Number(match[2]);
      // Money past the period of performance cannot be added: no value per extra dollar to show.
      if (!sourceEntry || isAfterPeriodOfPerformance(portfolio, sourceEntry, year)) return;
      const source = sourceEntry.id;
      // HiGHS reports duals for a maximization with the sign of a minimization: flip to "benefit per extra dollar".
      marginal.push({ source, year, value: Math.abs(relaxation.rowDual?.[r] ?? 0) });
    });
  }
  const base = {
    lp_bound: relaxation?.objective ?? null,
    marginal_values: marginal,
    greedy,
  };
  if (!solved.colValue || solved.objective === undefined) {
    const conflicts = solved.status === 'infeasible' ? await findRuleConflicts(portfolio, model) : [];
    return {
      status: solved.status,
      objective: null,
      bound: solved.bound ?? null,
      gap: null,
      seconds: timer.seconds(),
      rules_satisfied: false,
      selected: [],
      not_selected: portfolio.investments.map((inv, i) => ({
        id: inv.id,
        benefit: model.weights[i] ?? 0,
        cost: totalCost(portfolio, i),
      })),
      binding: [],
      allocation: { by_source: {}, by_mission_area: {}, by_mission_area_and_source: {} },
      conflicts,
      ...base,
    };
  }
  const plan = planFromSolution(portfolio, model, solved.colValue);
  const checks = evaluatePlan(portfolio, plan);
  const objective = portfolio.investments.reduce(
    (sum, inv, i) => sum + (plan.chosen.has(inv.id) ? (model.weights[i] ?? 0) : 0),
    0,
  );
  const bound = Math.max(solved.bound ?? objective, objective);
  return {
    status: solved.status,
    objective,
    bound,
    gap: objective > 0 ? (bound - objective) / objective : bound > 0 ? 1 : 0,
    seconds: timer.seconds(),
    rules_satisfied: brokenRules(checks).length === 0,
    selected: portfolio.investments.flatMap((inv, i) => {
      if (!plan.chosen.has(inv.id)) return [];
      const split = plan.funding.get(inv.id) ?? new Map<string, number[]>();
      return [
        {
          id: inv.id,
          name: inv.name ?? null,
          mission_area: inv.mission_area,
          category: inv.category,
          benefit: model.weights[i] ?? 0,
          cost: totalCost(portfolio, i),
          funding: Object.fromEntries([...split].map(([s, a]) => [s, a.reduce((x, y) => x + y, 0)])),
          funding_by_year: Object.fromEntries(split),
        },
      ];
    }),
    not_selected: portfolio.investments.flatMap((inv, i) =>
      plan.chosen.has(inv.id)
        ? []
        : [{ id: inv.id, benefit: model.weights[i] ?? 0, cost: totalCost(portfolio, i) }],
    ),
    binding: checks
      .filter((check) => check.binding && check.satisfied && numericKinds.has(check.kind))
      .map(view),
    allocation: allocationOf(portfolio, plan),
    conflicts: [],
    ...base,
  };
}
