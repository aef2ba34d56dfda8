import type {
  DeletedPortfolioList,
  ExecutionEntry,
  ExecutionSummaryView,
  Frontier,
  OptimizationResult,
  OptimizeProgress,
  PortfolioDetail,
  PortfolioInput,
  PortfolioList,
  WhyNot,
} from '@vigil/core/budget';
import { ApiError, vigilClient } from '../../api/vigil-client.ts';

/** The module's calls go through the app's one client (cookie, CSRF token, problems, sign-out). */
function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return vigilClient.request<T>(method, path, body);
}

const base = '/api/v1/budget/portfolios';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
export type Run = OptimizationResult & { run_id: string };

/**
 * The list and the bin share a prefix, so whatever refreshes the live list after a delete or
 * a restore (and every live `budget-portfolio` event) refreshes the bin with it.
 */
export const portfoliosKey = ['budget', 'portfolios'] as const;
export const deletedPortfoliosKey = [...portfoliosKey, 'deleted'] as const;

export const budgetClient = {
  list: () => call<PortfolioList>('GET', base),
  read: (id: string) => call<PortfolioDetail>('GET', one(id)),
  update: (id: string, portfolio: PortfolioInput, version: number) =>
    call<PortfolioDetail>('PUT', one(id), { portfolio, version }),
  remove: (id: string, version: number) => call<null>('DELETE', `${one(id)}?version=${version}`),
  /** The owning agency's deleted portfolios (needs `budget.write`). */
  deleted: () => call<DeletedPortfolioList>('GET', `${base}/deleted`),
  /** `version` is the one it was deleted at, as `deleted()` lists it. */
  restore: (id: string, version: number) =>
    call<PortfolioDetail>('POST', `${one(id)}/restore?version=${version}`),
  optimize: (id: string, timeLimit = 30) =>
    call<Run>('POST', `${one(id)}/optimize`, { time_limit: timeLimit }),
  /**
   * Where a running optimization of the portfolio stands (idle when none runs); of the page's
   * `version` first when several solves of the portfolio run.
   */
  progress: (id: string, version: number) =>
    call<OptimizeProgress>('GET', `${one(id)}/optimize/progress?version=${version}`),
  result: (id: string) => call<Run>('GET', `${one(id)}/result`),
  whyNot: (id: string, investmentId: string) =>
    call<WhyNot>('POST', `${one(id)}/why-not`, { investment_id: investmentId }),
  frontier: (id: string) => call<Frontier>('POST', `${one(id)}/frontier`, {}),
  execution: (id: string, asOf: string) =>
    call<ExecutionSummaryView>('GET', `${one(id)}/execution?as_of=${encodeURIComponent(asOf)}`),
  recordExecution: (id: string, entry: ExecutionEntry) =>
    call<{ id: string }>('POST', `${one(id)}/execution`, entry),
};

/**
 * The server's complaints by field (`portfolio.investments[2].cost_by_year`, `amount` …):
 * problem+json lists every failing field in `errors`, with the first also in `field`.
 */
export function problemFields(error: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  if (!(error instanceof ApiError)) return fields;
  const problem = error.problem as ApiError['problem'] & { errors?: { field: string; message: string }[] };
  for (const item of problem.errors ?? []) if (!fields.has(item.field)) fields.set(item.field, item.message);
  if (problem.field && !fields.has(problem.field)) fields.set(problem.field, problem.detail);
  return fields;
}

const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${value < 0 ? '−' : ''}$${(abs / 1e6).toFixed(2)}M`;
  return dollars.format(value);
}
