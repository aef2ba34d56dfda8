import { z } from 'zod';

/** The optimizer's answer, as the CLI prints it and the API returns it (snake_case like the portfolio file). */
export const solveStatuses = ['optimal', 'time_limit', 'infeasible', 'unbounded', 'error'] as const;

const ruleCheckView = z.object({
  key: z.string(),
  kind: z.string(),
  label: z.string(),
  value: z.number(),
  limit: z.number(),
  slack: z.number(),
});

export const selectedInvestmentSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  mission_area: z.string(),
  category: z.string(),
  benefit: z.number(),
  cost: z.number(),
  /** Dollars per source over the horizon. */
  funding: z.record(z.string(), z.number()),
  /** Dollars per source and year. */
  funding_by_year: z.record(z.string(), z.array(z.number())),
});

export const conflictSchema = z.object({ group: z.string(), label: z.string() });

export const optimizationResultSchema = z.object({
  status: z.enum(solveStatuses),
  objective: z.number().nullable(),
  /** Proven upper bound on the benefit of any plan that keeps every rule. */
  bound: z.number().nullable(),
  /** (bound − objective) / objective: how far the plan can be from the optimum, at most. */
  gap: z.number().nullable(),
  /** The LP relaxation's value: a weaker bound, reported for the record. */
  lp_bound: z.number().nullable(),
  seconds: z.number(),
  rules_satisfied: z.boolean(),
  selected: z.array(selectedInvestmentSchema),
  not_selected: z.array(z.object({ id: z.string(), benefit: z.number(), cost: z.number() })),
  binding: z.array(ruleCheckView),
  /** LP dual of each source's yearly cap: benefit gained per extra dollar of that source in that year. */
  marginal_values: z.array(z.object({ source: z.string(), year: z.number().int(), value: z.number() })),
  allocation: z.object({
    by_source: z.record(z.string(), z.number()),
    by_mission_area: z.record(z.string(), z.number()),
    by_mission_area_and_source: z.record(z.string(), z.record(z.string(), z.number())),
  }),
  greedy: z
    .object({
      objective: z.number(),
      selected: z.array(z.string()),
      satisfies_rules: z.boolean(),
      broken: z.array(ruleCheckView),
    })
    .nullable(),
  /** When infeasible: a smallest set of rule groups that cannot all hold together. */
  conflicts: z.array(conflictSchema),
});
export type OptimizationResult = z.infer<typeof optimizationResultSchema>;
export type SelectedInvestment = z.infer<typeof selectedInvestmentSchema>;
export type RuleConflict = z.infer<typeof conflictSchema>;

export const whyNotSchema = z.object({
  id: z.string(),
  chosen: z.boolean(),
  /** What was tried: forcing the investment in (not chosen) or out (chosen). */
  forced: z.enum(['in', 'out']),
  status: z.enum(solveStatuses),
  objective: z.number().nullable(),
  /** Objective with the investment forced, minus the optimum (≤ 0: benefit lost). */
  objective_change: z.number().nullable(),
  /** Chosen in the optimum but dropped when forced (or the reverse). */
  displaced: z.array(z.string()),
  added: z.array(z.string()),
  conflicts: z.array(conflictSchema),
  reason: z.string(),
});
export type WhyNot = z.infer<typeof whyNotSchema>;

export const frontierSchema = z.object({
  points: z.array(
    z.object({
      scale: z.number(),
      budget: z.number(),
      status: z.enum(solveStatuses),
      objective: z.number().nullable(),
      bound: z.number().nullable(),
      greedy: z.number().nullable(),
    }),
  ),
});
export type Frontier = z.infer<typeof frontierSchema>;
