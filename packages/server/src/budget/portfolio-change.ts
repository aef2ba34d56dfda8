import { DomainError, type Portfolio } from '@vigil/core';

/** How many ids a journal entry lists per kind of change; the counts are always whole. */
const listedIds = 50;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an edit did, for the journal: investments added, removed and changed (by id), and
 * whether the horizon, sources or rules changed. A 20,000-line portfolio keeps its entry small.
 */
export function describePortfolioChange(before: Portfolio, after: Portfolio): Record<string, unknown> {
  const old = new Map(before.investments.map((inv) => [inv.id, inv]));
  const kept = new Set(after.investments.map((inv) => inv.id));
  const added = after.investments.filter((inv) => !old.has(inv.id)).map((inv) => inv.id);
  const removed = before.investments.filter((inv) => !kept.has(inv.id)).map((inv) => inv.id);
  const changed = after.investments
    .filter((inv) => old.has(inv.id) && !sameJson(old.get(inv.id), inv))
    .map((inv) => inv.id);
  const list = (ids: string[]) => ({ count: ids.length, ids: ids.slice(0, listedIds) });
  return {
    ...(before.name !== after.name ? { name: { from: before.name ?? null, to: after.name ?? null } } : {}),
    ...(before.years !== after.years ? { years: { from: before.years, to: after.years } } : {}),
    investments: { added: list(added), removed: list(removed), changed: list(changed) },
    sources_changed: !sameJson(before.sources, after.sources),
    rules_changed: !sameJson(before.rules, after.rules),
  };
}

/**
 * Execution entries are a record of money awarded and spent: an edit may not remove an
 * investment that has entries, nor the eligibility of a source that paid for it. Refused
 * naming the field of the new file, so the form can show it beside the line.
 */
export function assertKeepsExecution(
  portfolio: Portfolio,
  pairs: readonly { investment_id: string; source_id: string }[],
): void {
  const index = new Map(portfolio.investments.map((inv, i) => [inv.id, i]));
  for (const pair of pairs) {
    const i = index.get(pair.investment_id);
    if (i === undefined) {
      throw new DomainError(
        'INVALID_STATE',
        `${pair.investment_id} has execution entries; it cannot leave the portfolio`,
        { field: 'portfolio.investments' },
      );
    }
    if (!portfolio.investments[i]?.eligible_sources.includes(pair.source_id)) {
      throw new DomainError(
        'INVALID_STATE',
        `${pair.source_id} has execution entries for ${pair.investment_id}; it must stay eligible`,
        { field: `portfolio.investments[${i}].eligible_sources` },
      );
    }
  }
}
