import type {
  ExecutionSummaryView,
  Frontier,
  OptimizationResult,
  PortfolioDetail,
  PortfolioList,
  WhyNot,
} from '@vigil/core/budget';
import { vigilClient } from '../../api/vigil-client.ts';

/** The module's calls go through the app's one client (cookie, CSRF token, problems, sign-out). */
function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  return vigilClient.request<T>(method, path, body);
}

const base = '/api/v1/budget/portfolios';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
export type Run = OptimizationResult & { run_id: string };

export const budgetClient = {
  list: () => call<PortfolioList>('GET', base),
  read: (id: string) => call<PortfolioDetail>('GET', one(id)),
  optimize: (id: string) => call<Run>('POST', `${one(id)}/optimize`, { time_limit: 30 }),
  result: (id: string) => call<Run>('GET', `${one(id)}/result`),
  whyNot: (id: string, investmentId: string) =>
    call<WhyNot>('POST', `${one(id)}/why-not`, { investment_id: investmentId }),
  frontier: (id: string) => call<Frontier>('POST', `${one(id)}/frontier`, {}),
  execution: (id: string, asOf: string) =>
    call<ExecutionSummaryView>('GET', `${one(id)}/execution?as_of=${encodeURIComponent(asOf)}`),
};

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
