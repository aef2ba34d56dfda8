import { z } from 'zod';
import { DomainError } from '../errors/index.ts';

/**
 * The portfolio file: funding sources with yearly amounts, candidate investments and the
 * grant rules, in the snake_case shape the issue fixed for `vigil budget optimize --input`
 * (the same JSON is the body of `POST /api/v1/budget/portfolios`). Limits bound the work
 * an outside file can ask for: sizes here, solver time in the optimizer options.
 */
export const portfolioLimits = {
  years: 10,
  sources: 24,
  investments: 20_000,
  rules: 2_000,
  listPerInvestment: 64,
  amount: 1e12,
} as const;

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits and . _ : - only');
const label = z.string().trim().min(1).max(200);
const money = z.number().finite().min(0).max(portfolioLimits.amount);
const yearly = z.array(money).min(1).max(portfolioLimits.years);

export const fundingSourceSchema = z.strictObject({
  id,
  name: label.optional(),
  /** Dollars available in each year of the horizon; each is a cap on what the plan may draw. */
  amount_by_year: yearly,
  /** Federal cost-share ceiling: the source pays at most this fraction of an investment's cost in any year. */
  max_cost_share: z.number().min(0).max(1).optional(),
  /** Activity categories the source may pay for (all when absent). */
  eligible_categories: z.array(id).max(portfolioLimits.listPerInvestment).optional(),
  /** End of the period of performance (YYYY-MM-DD): money not spent by then lapses. */
  period_of_performance_end: z.iso.date().optional(),
});
export type FundingSource = z.infer<typeof fundingSourceSchema>;

export const investmentSchema = z.strictObject({
  id,
  name: label.optional(),
  cost_by_year: yearly,
  eligible_sources: z.array(id).min(1).max(portfolioLimits.listPerInvestment),
  /** Benefit counted as given (e.g. the present value of avoided loss). */
  benefit: money.optional(),
  /** Benefit per year of the horizon (avoided expected annual loss once built); discounted at `discount_rate`. */
  benefit_by_year: yearly.optional(),
  /** SPR capability-gap points this investment closes, valued at the portfolio's `gap_point_value`. */
  gap_points: z.number().finite().min(0).max(1e6).optional(),
  mission_area: label,
  core_capabilities: z.array(label).max(32).optional(),
  category: id,
  county: z.string().trim().min(1).max(64).optional(),
  hazard: z.string().trim().min(1).max(64).optional(),
  requires: z.array(id).max(portfolioLimits.listPerInvestment).optional(),
  excludes: z.array(id).max(portfolioLimits.listPerInvestment).optional(),
  must_fund: z.boolean().optional(),
});
export type Investment = z.infer<typeof investmentSchema>;

const ruleId = { id: id.optional(), label: label.optional() };
export const shareRuleSchema = z.strictObject({
  kind: z.enum(['min_share', 'max_share']),
  sources: z.array(id).min(1).max(portfolioLimits.sources),
  category: id,
  share: z.number().min(0).max(1),
  ...ruleId,
});
export const spendRuleSchema = z
  .strictObject({
    kind: z.enum(['min_spend', 'max_spend']),
    mission_area: label.optional(),
    county: z.string().trim().min(1).max(64).optional(),
    amount: money,
    ...ruleId,
  })
  .refine((rule) => rule.mission_area !== undefined || rule.county !== undefined, {
    message: 'a spend rule names a mission_area or a county',
    path: ['mission_area'],
  });
/** By kind, so a refusal names the field of the rule's own kind (`rules[3].share`), not the rule as a whole. */
export const grantRuleSchema = z.discriminatedUnion('kind', [shareRuleSchema, spendRuleSchema]);
export type ShareRule = z.infer<typeof shareRuleSchema>;
export type SpendRule = z.infer<typeof spendRuleSchema>;
export type GrantRule = z.infer<typeof grantRuleSchema>;

export function isShareRule(rule: GrantRule): rule is ShareRule {
  return rule.kind === 'min_share' || rule.kind === 'max_share';
}

export const portfolioSchema = z
  .strictObject({
    name: label.optional(),
    years: z.number().int().min(1).max(portfolioLimits.years),
    /** Fiscal year of the first year of the horizon, for display and execution dates. */
    first_fiscal_year: z.number().int().min(1990).max(2200).optional(),
    discount_rate: z.number().min(0).max(0.5).optional(),
    gap_point_value: money.optional(),
    sources: z.array(fundingSourceSchema).min(1).max(portfolioLimits.sources),
    investments: z.array(investmentSchema).min(1).max(portfolioLimits.investments),
    rules: z.array(grantRuleSchema).max(portfolioLimits.rules).default([]),
  })
  .superRefine((portfolio, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const sourceIds = new Set<string>();
    portfolio.sources.forEach((source, i) => {
      if (sourceIds.has(source.id)) issue(['sources', i, 'id'], `duplicate source ${source.id}`);
      sourceIds.add(source.id);
      if (source.amount_by_year.length !== portfolio.years)
        issue(['sources', i, 'amount_by_year'], `needs ${portfolio.years} yearly amounts`);
    });
    const investmentIds = new Set(portfolio.investments.map((investment) => investment.id));
    const seen = new Set<string>();
    portfolio.investments.forEach((inv, i) => {
      const at = (...rest: (string | number)[]) => ['investments', i, ...rest];
      if (seen.has(inv.id)) issue(at('id'), `duplicate investment ${inv.id}`);
      seen.add(inv.id);
      if (inv.cost_by_year.length !== portfolio.years)
        issue(at('cost_by_year'), `needs ${portfolio.years} yearly costs`);
      if (inv.benefit_by_year && inv.benefit_by_year.length !== portfolio.years)
        issue(at('benefit_by_year'), `needs ${portfolio.years} yearly benefits`);
      inv.eligible_sources.forEach((s, j) => {
        if (!sourceIds.has(s)) issue(at('eligible_sources', j), `unknown source ${s}`);
      });
      for (const key of ['requires', 'excludes'] as const) {
        (inv[key] ?? []).forEach((other, j) => {
          if (!investmentIds.has(other)) issue(at(key, j), `unknown investment ${other}`);
          else if (other === inv.id) issue(at(key, j), `an investment cannot name itself`);
        });
      }
    });
    portfolio.rules.forEach((rule, i) => {
      if (isShareRule(rule)) {
        rule.sources.forEach((s, j) => {
          if (!sourceIds.has(s)) issue(['rules', i, 'sources', j], `unknown source ${s}`);
        });
      }
    });
  });
export type Portfolio = z.infer<typeof portfolioSchema>;
export type PortfolioInput = z.input<typeof portfolioSchema>;

/** `investments[3].cost_by_year`: the spelling problem+json and the CLI use to name a field. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part),
    '',
  );
}

/** Parses an outside portfolio; a malformed one is refused naming the first bad field. */
export function parsePortfolio(value: unknown): Portfolio {
  const result = portfolioSchema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 20).map((issue) => ({
    field: fieldPath(issue.path) || 'portfolio',
    message: issue.message,
  }));
  const first = details[0] ?? { field: 'portfolio', message: 'invalid' };
  throw new DomainError('VALIDATION_FAILED', `${first.field}: ${first.message}`, {
    field: first.field,
    details,
  });
}

/** The label a rule is shown under: its own label, else a description of what it bounds. */
export function describeRule(rule: GrantRule, index: number): string {
  if (rule.label) return rule.label;
  if (isShareRule(rule)) {
    const op = rule.kind === 'min_share' ? '≥' : '≤';
    return `${rule.category} ${op} ${(rule.share * 100).toFixed(1)} % of ${rule.sources.join('+')}`;
  }
  const op = rule.kind === 'min_spend' ? '≥' : '≤';
  const scope = [rule.mission_area, rule.county].filter(Boolean).join(' / ');
  return `${scope} spend ${op} $${Math.round(rule.amount).toLocaleString('en-US')} (rule ${index + 1})`;
}
