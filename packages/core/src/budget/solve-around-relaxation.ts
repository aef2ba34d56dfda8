import type { BudgetModel } from './build-budget-model.ts';
import {
  type SolveOptions,
  type SolveProgress,
  type SolveResult,
  solveBudgetModel,
} from './solve-budget-model.ts';
import { type Clock, startSolveTimer } from './solve-timer.ts';

export type RelaxationSearchOptions = {
  /** Seconds for the whole search, the LP included. */
  timeLimit: number;
  /** Stop once the plan is within this fraction of the LP bound. */
  mipRelGap: number;
  /** A known rule-keeping plan of choices (e.g. greedy's): the start of a whole-model round if one comes. */
  start?: readonly number[];
  /** Choices freed in the first core (default 300); doubled each round. */
  firstCore?: number;
  /** Where the search stands: the best plan of any round against the LP bound (a core's own bound holds for the core only). */
  onProgress?: (progress: SolveProgress) => void;
  /** The caller's monotonic clock; without it, time is the solver runs' own (see startSolveTimer). */
  clock?: Clock;
};

const firstCore = 300;
const roundSeconds = 15;
const integral = 1e-6;

/**
 * Large portfolios: the LP relaxation first, then MIPs over its "core". In a knapsack-like
 * model the LP optimum has few fractional choices, and the investments that an optimal plan
 * takes differently from the LP are almost all among those whose reduced cost is near zero.
 * Fixing every other choice at its LP value leaves a MIP of a few hundred binaries that
 * HiGHS settles in seconds, and whose LP is still the full LP (the LP optimum stays feasible),
 * so each plan is a real plan of the full model and the full LP bound is the proof of its gap.
 * While the gap is above the target, the core doubles; the whole model, if reached, starts from the best plan.
 * The whole-model branch and bound spends its minute at the root on 5,000 investments;
 * this reaches 0.02–0.04 % of the LP bound in about 20 s on the bench instance.
 */
export async function solveAroundRelaxation(
  model: BudgetModel,
  options: RelaxationSearchOptions,
): Promise<SolveResult & { lpBound: number | undefined }> {
  const timer = startSolveTimer(options.clock);
  const seconds = () => timer.seconds();
  const remaining = () => options.timeLimit - seconds();
  const solve = async (solveOptions: SolveOptions) => {
    const result = await solveBudgetModel(model, solveOptions);
    timer.spent(result.seconds);
    return result;
  };
  const lp = await solve({ relax: true, timeLimit: Math.max(1, remaining()) });
  if (lp.status !== 'optimal' || !lp.colValue || lp.objective === undefined || !lp.choiceDual) {
    // Infeasible or unbounded already as an LP, or out of time: the whole model answers (with conflicts).
    const report = options.onProgress;
    const offset = seconds();
    const whole = await solve({
      timeLimit: Math.max(1, remaining()),
      mipRelGap: options.mipRelGap,
      ...(options.start ? { start: options.start } : {}),
      ...(report
        ? {
            onProgress: (progress: SolveProgress) =>
              report({ ...progress, seconds: offset + progress.seconds }),
          }
        : {}),
    });
    return { ...whole, seconds: seconds(), lpBound: lp.objective };
  }
  const lpBound = lp.objective;
  const x = lp.colValue;
  const reduced = lp.choiceDual;
  const byReducedCost = Array.from({ length: model.numChoices }, (_, i) => i).sort(
    (a, b) => Math.abs(reduced[a] ?? 0) - Math.abs(reduced[b] ?? 0),
  );
  const fractional = byReducedCost.filter((i) => (x[i] ?? 0) > integral && (x[i] ?? 0) < 1 - integral);
  let best: SolveResult | undefined;
  let provenBound = lpBound;
  let start = options.start;
  const gapOf = (objective: number) => (provenBound - objective) / Math.max(objective, 1e-9);
  for (let size = options.firstCore ?? firstCore; ; size *= 2) {
    const budget = remaining();
    if (budget < 1) break;
    const free = new Set([...fractional, ...byReducedCost.slice(0, size)]);
    const fix = new Map<number, number>();
    for (let i = 0; i < model.numChoices; i++) if (!free.has(i)) fix.set(i, (x[i] ?? 0) > 0.5 ? 1 : 0);
    const whole = free.size >= model.numChoices;
    const report = options.onProgress;
    const roundStarted = seconds();
    const onProgress = report
      ? (progress: SolveProgress) => {
          const objective = Math.max(progress.objective ?? 0, best?.objective ?? 0) || undefined;
          const bound =
            whole && progress.bound !== undefined ? Math.min(provenBound, progress.bound) : provenBound;
          report({
            seconds: roundStarted + progress.seconds,
            objective,
            bound,
            gap: objective === undefined ? undefined : Math.max(0, bound - objective) / objective,
            nodes: progress.nodes,
          });
        }
      : undefined;
    const solved = await solve({
      ...(onProgress ? { onProgress } : {}),
      ...(whole ? {} : { fix }),
      timeLimit: whole ? budget : Math.min(budget, roundSeconds),
      mipRelGap: options.mipRelGap,
      // Only the whole model starts from the best plan: a core's bound is below the LP bound, so
      // HiGHS would accept the previous round's plan within the target at once instead of improving it.
      ...(whole && start ? { start } : {}),
    });
    if (
      solved.colValue &&
      solved.objective !== undefined &&
      (!best || solved.objective > (best.objective ?? 0))
    ) {
      best = solved;
      start = Array.from({ length: model.numChoices }, (_, i) => ((solved.colValue?.[i] ?? 0) > 0.5 ? 1 : 0));
    }
    // A core MIP's own bound holds for the core only; the whole model's bound holds for every plan.
    if (whole && solved.bound !== undefined) provenBound = Math.min(provenBound, solved.bound);
    if (whole && !best) return { ...solved, seconds: seconds(), lpBound };
    if (whole || (best?.objective !== undefined && gapOf(best.objective) <= options.mipRelGap)) break;
  }
  if (!best || best.objective === undefined) {
    return {
      ...lp,
      status: 'time_limit',
      objective: undefined,
      colValue: undefined,
      rowDual: undefined,
      seconds: seconds(),
      lpBound,
    };
  }
  const bound = Math.max(provenBound, best.objective);
  return {
    ...best,
    status: gapOf(best.objective) <= options.mipRelGap ? 'optimal' : 'time_limit',
    bound,
    seconds: seconds(),
    lpBound,
  };
}
