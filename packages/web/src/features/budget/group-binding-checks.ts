import type { OptimizationResult, PortfolioInput } from '@vigil/core/budget';
import { formatMoney } from './budget-client.ts';
import { yearLabel } from './funding-form.ts';

export type BindingCheck = OptimizationResult['binding'][number];

/** One source whose yearly cap the plan used up, in one or more years. */
export type BindingCap = {
  sourceId: string;
  name: string | null;
  years: { key: string; year: string; limit: number }[];
};

export type BindingGroups = { caps: BindingCap[]; rules: BindingCheck[] };

/** `cap:<source id>:<year index>`; a source ID may itself hold colons, the year index never does. */
const capKey = /^cap:(.+):(\d+)$/;
const ruleKey = /^rule:(\d+)$/;

/**
 * The optimizer's binding checks as a finance officer reads them: the source caps by source
 * (in the portfolio's order, the years that bind under each, as fiscal years), then the grant
 * rules in the portfolio's order. A check this page does not know how to group is kept with
 * the rules under its own label, so nothing the optimizer reported is dropped.
 */
export function groupBindingChecks(
  binding: readonly BindingCheck[],
  portfolio: Pick<PortfolioInput, 'sources' | 'first_fiscal_year'>,
): BindingGroups {
  const caps = new Map<string, BindingCap>();
  const rules: BindingCheck[] = [];
  for (const check of binding) {
    const match = check.kind === 'source_cap' ? capKey.exec(check.key) : null;
    if (!match) {
      rules.push(check);
      continue;
    }
    const sourceId = match[1] as string;
    const index = Number(match[2]);
    const cap = caps.get(sourceId) ?? {
      sourceId,
      name: portfolio.sources.find((source) => source.id === sourceId)?.name ?? null,
      years: [],
    };
    cap.years.push({
      key: check.key,
      year: yearLabel(portfolio.first_fiscal_year, index),
      limit: check.limit,
    });
    caps.set(sourceId, cap);
  }
  const yearIndex = (key: string) => Number(capKey.exec(key)?.[2]);
  for (const cap of caps.values()) cap.years.sort((a, b) => yearIndex(a.key) - yearIndex(b.key));
  const order = new Map(portfolio.sources.map((source, i) => [source.id, i]));
  const sourceRank = (id: string) => order.get(id) ?? Number.POSITIVE_INFINITY;
  const ruleRank = (check: BindingCheck) => {
    const match = ruleKey.exec(check.key);
    return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
  };
  return {
    caps: [...caps.values()].sort(
      (a, b) => sourceRank(a.sourceId) - sourceRank(b.sourceId) || a.sourceId.localeCompare(b.sourceId),
    ),
    // Stable sort: checks without a rule index keep the optimizer's order, after the rules.
    rules: rules.sort((a, b) => {
      const ra = ruleRank(a);
      const rb = ruleRank(b);
      return ra === rb ? 0 : ra < rb ? -1 : 1;
    }),
  };
}

/**
 * The years a source binds in, said once: `FY2027 and FY2028: $800,000 each` when the caps
 * are equal, else each year with its own cap.
 */
export function describeCapYears(years: BindingCap['years']): string {
  const first = years[0];
  if (!first) return '';
  if (years.length === 1) return `${first.year}: ${formatMoney(first.limit)}`;
  if (years.every((y) => y.limit === first.limit)) {
    const names = years.map((y) => y.year);
    return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}: ${formatMoney(first.limit)} each`;
  }
  return years.map((y) => `${y.year}: ${formatMoney(y.limit)}`).join(', ');
}
